import { firstIndex } from './firstIndex';
import type { TextRange } from './paragraphs';

/** The label for sources the text does not name ("one source told …"), as the seeds use it. */
export const UNNAMED_SOURCE = 'unnamed source';

/**
 * Capitalized words that are titles, nationalities or sentence furniture rather than parts of a
 * person's name ("Russian Foreign Minister Sergey Lavrov" → "Sergey Lavrov").
 */
const NOT_NAME_WORDS = new Set(
  (
    'the a an this that these those it its he she they we i you his her their our my your but and or so if as at in on of for to from by with while when where ' +
    'however therefore meanwhile also then today yesterday tomorrow according after before during since until opening ' +
    'mr mrs ms dr prof professor doctor councillor councilor alderman judge justice bishop reverend father sister sir madam lord president vice prime minister deputy foreign defence defense interior finance secretary general chief head ' +
    'ambassador envoy representative permanent permament spokesman spokeswoman spokesperson senator governor mayor chancellor premier king queen prince ' +
    'director chairman chairwoman chair commander admiral colonel captain lieutenant sergeant officer official adviser advisor aide leader member ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
    'russian american british french german chinese ukrainian polish danish italian spanish european western eastern northern southern soviet ' +
    'north south east west new old former current acting senior federal national state'
  ).split(' '),
);

const PRONOUNS = new Set(['he', 'she', 'him', 'her']);

/** Head nouns of a title that stands for a person ("Russia's foreign minister", "the diplomat"). */
const TITLE_HEADS =
  /(?<![\p{L}])(member|witness|resident|employee|source|insider|minister|envoy|diplomat|president|premier|chancellor|secretary|spokesman|spokeswoman|spokesperson|ambassador|representative|chief|head|leader|official|governor|mayor|senator|general|director|chairman|commander|adviser|advisor|aide|negotiator)(?![\p{L}])/iu;

/** Unnamed sources: "sources", "officials", "one source", "a senior official", "one crew member". */
const ANONYMOUS = /(?<![\p{L}])(?:sources|insiders|officials|(?:one|a|an|another)\s+(?:[\p{L}-]+\s+){0,2}?(?:source|official|insider|member|witness|resident|employee|diplomat|person))(?![\p{L}])/iu;

/** Titles of people a text often leaves unnamed: "the official" after "one official" is still unnamed. */
const ANONYMOUS_HEADS = new Set(['official', 'source', 'insider', 'member', 'witness', 'resident', 'employee']);

/** Words that make a capitalized run an organisation, not a person ("Northgate University"). */
const ORGANISATION_WORDS = new Set(
  'university college institute institution council ministry department agency company corporation group party committee association union bank times news post press journal review weekly daily radio television tv foundation fund organisation organization authority court parliament senate assembly army navy office commission'.split(' '),
);

interface NameMention extends TextRange {
  readonly tokens: readonly string[];
}

/** A word that can be part of a name: capitalized, not all capitals ("NATO"), not a possessive. */
const NAME_TOKEN = /^\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}?[\p{Ll}\p{M}]+)*$/u;
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'bin', 'al', 'el', 'ibn']);
const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}’'-]*/gu;

/** Runs of name words in `text[from, to)`: "Sergey Lavrov", "Anders Fogh Rasmussen", "Lavrov". */
export function nameRuns(text: string, from: number, to: number): NameMention[] {
  const runs: NameMention[] = [];
  let tokens: string[] = [];
  let runStart = -1;
  let runEnd = -1;
  let lastEnd = from;
  const flush = () => {
    while (tokens.length > 0 && PARTICLES.has(tokens[tokens.length - 1])) tokens.pop();
    if (tokens.length > 0) runs.push({ start: runStart, end: runEnd, tokens });
    tokens = [];
  };
  const segment = text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(segment); m; m = WORD.exec(segment)) {
    const start = from + m.index;
    const word = m[0];
    const gap = text.slice(lastEnd, start);
    lastEnd = start + word.length;
    // Punctuation between two words ends a run ("Lavrov, Rasmussen").
    if (tokens.length > 0 && !/^[ \t\u00a0]+$/.test(gap)) flush();
    const possessive = /[’']s$/.test(word);
    const bare = possessive ? word.slice(0, -2) : word;
    const isName = NAME_TOKEN.test(bare) && !NOT_NAME_WORDS.has(bare.toLowerCase());
    if (isName && !possessive) {
      if (tokens.length === 0) runStart = start;
      tokens.push(bare);
      runEnd = start + word.length;
    } else if (tokens.length > 0 && PARTICLES.has(word) && !possessive) {
      tokens.push(word);
    } else {
      flush();
    }
  }
  flush();
  return runs;
}

/**
 * Resolves how a text refers to a person to the fullest name the document uses for them: a surname
 * to the longest mention ending with it ("Lavrov" → "Sergey Lavrov", even when the full name comes
 * later), a title to the name it was first written with ("Russia's foreign minister" → "Sergey
 * Lavrov"), a pronoun to the most recent speaker; unnamed sources to one label.
 */
export class NameResolver {
  /** Multi-word names by their last word, fullest (then earliest) first. */
  private readonly bySurname = new Map<string, NameMention>();
  private readonly mentions: NameMention[];
  /** Names written after each title word, by title word (see nameForTitle). */
  private readonly titled = new Map<string, { at: number; name: string }[]>();
  /** Speakers already attributed, by position, for pronouns, titles and continuation quotes. */
  private readonly speakers: { name: string; at: number }[] = [];

  constructor(private readonly text: string) {
    this.mentions = nameRuns(text, 0, text.length)
      .map((m) => ({ ...m, tokens: dropLeadingPlace(text, m) }))
      .filter((m) => m.tokens.length >= 2);
    for (const mention of this.mentions) {
      const surname = mention.tokens[mention.tokens.length - 1];
      const known = this.bySurname.get(surname);
      if (!known || mention.tokens.length > known.tokens.length) this.bySurname.set(surname, mention);
    }
  }

  /** Records that `name` speaks at `at`. */
  noteSpeaker(name: string, at: number): void {
    if (name === UNNAMED_SOURCE) return;
    let i = this.speakers.length;
    while (i > 0 && this.speakers[i - 1].at > at) i--;
    this.speakers.splice(i, 0, { name, at });
  }

  /** The last named speaker before `at`, if any. */
  previousSpeaker(at: number): string | undefined {
    for (let i = this.speakers.length - 1; i >= 0; i--) if (this.speakers[i].at < at) return this.speakers[i].name;
    return undefined;
  }

  /**
   * The person `text[from, to)` refers to, or undefined when it names none (a country, an
   * organisation, nothing). `at` is where the reference is, for pronouns and titles. `loose`
   * accepts a single capitalized word never written in full ("…,” Lavrov said): right next to a
   * speech cue it is a name; elsewhere it is more often a place or an organisation.
   */
  resolve(from: number, to: number, at: number, loose = false): string | undefined {
    const phrase = this.text.slice(from, to);
    const runs = nameRuns(this.text, from, to);
    // Prefer a full name; else the first single word, since later ones are usually places or media.
    const named = this.nameIn(runs);
    if (named) return named;
    const run = runs[0];
    if (ANONYMOUS.test(phrase)) return UNNAMED_SOURCE;
    const title = TITLE_HEADS.exec(phrase);
    if (title) {
      const head = title[1].toLowerCase();
      return this.nameForTitle(head, from) ?? (ANONYMOUS_HEADS.has(head) ? UNNAMED_SOURCE : (this.previousSpeaker(at) ?? this.nearestName(at)));
    }
    const words = phrase.trim().split(/\s+/);
    if (words.length <= 2 && PRONOUNS.has(words[words.length - 1].toLowerCase())) return this.previousSpeaker(at) ?? this.nearestName(at);
    return loose && run && runs.length === 1 ? run.tokens.join(' ') : undefined;
  }

  /** The person a phrase names outright (no titles, pronouns or sources), e.g. "Khan was blunt." */
  nameIn(runs: readonly NameMention[]): string | undefined {
    const people = runs.filter((r) => !r.tokens.some((t) => ORGANISATION_WORDS.has(t.toLowerCase())));
    const run = [...people].reverse().find((r) => r.tokens.length >= 2) ?? people[0];
    return run && this.fullest(dropLeadingPlace(this.text, run));
  }

  /** `nameIn` for `text[from, to)`. */
  nameBetween(from: number, to: number): string | undefined {
    return this.nameIn(nameRuns(this.text, from, to));
  }

  private fullest(tokens: readonly string[]): string | undefined {
    if (tokens.some((t) => ORGANISATION_WORDS.has(t.toLowerCase()))) return undefined;
    const surname = tokens[tokens.length - 1];
    const known = this.bySurname.get(surname);
    if (known && known.tokens.length >= tokens.length) return known.tokens.join(' ');
    // A single word that is never part of a longer name is a place or organisation more often than a person.
    return tokens.length >= 2 ? tokens.join(' ') : undefined;
  }

  /** The name written right after the first use of a title ("Foreign Minister Sergey Lavrov"). */
  private nameForTitle(head: string, before: number): string | undefined {
    let titled = this.titled.get(head);
    if (!titled) {
      titled = this.titledNames(head);
      this.titled.set(head, titled);
    }
    return titled.find((t) => t.at < before)?.name;
  }

  /** Every place a title is followed by a name, in order: scanned once per title word. */
  private titledNames(head: string): { at: number; name: string }[] {
    const found: { at: number; name: string }[] = [];
    const pattern = new RegExp(`(?<![\\p{L}])${head}(?![\\p{L}])`, 'giu');
    for (let m = pattern.exec(this.text); m; m = pattern.exec(this.text)) {
      const after = m.index + m[0].length;
      const next = this.mentions[this.firstMentionFrom(after)];
      if (!next || next.start - after > 24 || /[.,;:!?\n]/.test(this.text.slice(after, next.start))) continue;
      const name = this.fullest(next.tokens);
      if (name) found.push({ at: m.index, name });
    }
    return found;
  }

  private nearestName(at: number): string | undefined {
    const index = this.firstMentionFrom(at);
    // The mention before the first one that starts at or after `at`, if it also ends before `at`.
    for (let i = index - 1; i >= 0; i--) if (this.mentions[i].end <= at) return this.fullest(this.mentions[i].tokens);
    return undefined;
  }

  /** Index of the first mention starting at or after `offset` (mentions are in text order). */
  private firstMentionFrom(offset: number): number {
    return firstIndex(this.mentions.length, (i) => this.mentions[i].start >= offset);
  }
}

/** "in Brussels Aleksandr Grushko": a run after a preposition that is longer than a name starts with a place. */
function dropLeadingPlace(text: string, run: NameMention): readonly string[] {
  if (run.tokens.length < 3) return run.tokens;
  const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, run.start - 12), run.start))?.[1]?.toLowerCase();
  return before && ['in', 'at', 'from', 'to', 'of', 'for', 'with', 'on'].includes(before) ? run.tokens.slice(1) : run.tokens;
}
