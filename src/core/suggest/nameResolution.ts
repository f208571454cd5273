import { firstIndex } from './firstIndex';
import type { TextRange } from './paragraphs';
import { honorificGender, nounGender } from './personGender';
import { dropLeadingPlace, nameRuns, ORGANISATION_WORDS, PLACE_BEFORE, type NameMention } from './nameRuns';
import { PronounResolver, type PersonReference } from './pronounResolution';

/** The label for sources the text does not name ("one source told …"), as the seeds use it. */
export const UNNAMED_SOURCE = 'unnamed source';

const PRONOUNS = new Set(['he', 'she', 'him', 'her']);

/** Head nouns of a title that stands for a person ("Russia's foreign minister", "the diplomat"). */
const TITLE_HEADS =
  /(?<![\p{L}])(member|witness|resident|employee|source|insider|minister|envoy|diplomat|president|premier|chancellor|secretary|spokesman|spokeswoman|spokesperson|ambassador|representative|chief|head|leader|official|governor|mayor|senator|general|director|chairman|commander|adviser|advisor|aide|negotiator)(?![\p{L}])/iu;

/** People a text quotes without naming them, singular ("one source", "a spokesperson for …"). */
const UNNAMED_PERSON =
  'source|official|insider|member|witness|resident|employee|diplomat|person|spokesperson|spokesman|spokeswoman|representative|analyst|expert|critic|observer|neighbour|neighbor|campaigner|activist|worker|man|woman|parent|teacher|student|fan|supporter|shopper|customer|passenger|driver|local|aide|officer|executive|manager|lawyer|doctor|nurse|economist|trader|banker|researcher|scientist';

/** Unnamed sources: "sources", "officials", "critics", "one source", "a senior official", "a spokesperson for the ministry". */
const ANONYMOUS = new RegExp(
  `(?<![\\p{L}])(?:sources|insiders|officials|critics|analysts|experts|observers|residents|neighbours|neighbors|witnesses|campaigners|activists|economists|(?:people|those|persons?)\\s+(?:familiar|close|with\\s+knowledge|briefed)|(?:one|a|an|another)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${UNNAMED_PERSON}))(?![\\p{L}])`,
  'iu',
);

/** A phrase that starts with an unnamed source. */
const ANONYMOUS_FIRST = new RegExp(`^\\s*(?:${ANONYMOUS.source})`, 'iu');

/** A title with its determiner, where the narrator refers to a person ("the chief executive", "a spokeswoman"). */
const TITLE_REFERENCE = new RegExp(
  `(?<![\\p{L}])(the|its|their|his|her|our|a|an|one|another)\\s+((?:(?!(?:the|a|an|and|or|of|who|that|said|says|told)\\s)[\\p{L}’'-]+\\s+){0,3})(${UNNAMED_PERSON}|minister|envoy|president|premier|chancellor|secretary|chairman|chairwoman|chair|commander|head|leader|governor|mayor|senator|general|director|adviser|advisor|negotiator|councillor|judge|coach|captain|chief|founder|owner|author|director|mother|father|wife|husband|son|daughter|sister|brother|boy|girl)(?![\\p{L}’'-])`,
  'giu',
);

/** Titles of people a text often leaves unnamed: "the official" after "one official" is still unnamed. */
const ANONYMOUS_HEADS = new Set(['official', 'source', 'insider', 'member', 'witness', 'resident', 'employee']);

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

  /** Every run of name words, for references (built with the resolver, since it is one scan). */
  private readonly runs: NameMention[];
  private pronouns: PronounResolver | undefined;

  constructor(
    private readonly text: string,
    /** The document's paragraphs and quoted words, for pronouns; without them the text is one paragraph. */
    private readonly context: { readonly paragraphs?: readonly TextRange[]; readonly spoken?: readonly TextRange[] } = {},
  ) {
    this.runs = nameRuns(text, 0, text.length);
    this.mentions = this.runs.map((m) => ({ ...m, tokens: dropLeadingPlace(text, m) })).filter((m) => m.tokens.length >= 2);
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
    // "A spokesperson for the Department of Health": the names after an unnamed source are not the speaker.
    if (ANONYMOUS_FIRST.test(phrase)) return UNNAMED_SOURCE;
    const named = this.nameIn(runs);
    if (named) return named;
    const run = runs[0];
    if (ANONYMOUS.test(phrase)) return UNNAMED_SOURCE;
    const title = TITLE_HEADS.exec(phrase);
    if (title) {
      const head = title[1].toLowerCase();
      return this.nameForTitle(head, from) ?? this.appositiveName(from) ?? (ANONYMOUS_HEADS.has(head) ? UNNAMED_SOURCE : (this.previousSpeaker(at) ?? this.nearestName(at)));
    }
    const words = phrase.trim().split(/\s+/);
    const pronoun = words[words.length - 1].toLowerCase();
    if (words.length <= 2 && PRONOUNS.has(pronoun)) {
      const referent = this.pronounResolver().referent(pronoun, from);
      return referent ? referent.name : (this.previousSpeaker(at) ?? this.nearestName(at));
    }
    return loose && run && runs.length === 1 ? run.tokens.join(' ') : undefined;
  }

  /** The person a phrase names outright (no titles, pronouns or sources), e.g. "Khan was blunt." */
  nameIn(runs: readonly NameMention[]): string | undefined {
    const people = runs.filter((r) => !r.tokens.some((t) => ORGANISATION_WORDS.has(t.toLowerCase())));
    // "Gareth Pryce, regional organiser of the Unite Works union,": a name before an apposition is the person.
    const subject = people[0] && people[0].tokens.length >= 2 && /^,/u.test(this.text.slice(people[0].end, people[0].end + 1)) ? people[0] : undefined;
    const run = subject ?? [...people].reverse().find((r) => r.tokens.length >= 2) ?? people[0];
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

  /** "Lena Achterberg, the council's head of highways, said": the name a comma before `from` closes. */
  private appositiveName(from: number): string | undefined {
    const comma = /,\s*$/u.exec(this.text.slice(Math.max(0, from - 4), from));
    if (!comma) return undefined;
    const before = from - comma[0].length;
    const run = nameRuns(this.text, Math.max(0, before - 60), before).pop();
    return run && run.end === before ? this.nameIn([run]) : undefined;
  }

  private pronounResolver(): PronounResolver {
    this.pronouns ??= new PronounResolver(this.text, this.personReferences(), this.context.paragraphs ?? [{ start: 0, end: this.text.length }], this.context.spoken ?? []);
    return this.pronouns;
  }

  /**
   * Every place the narrator refers to a person, outside quoted words: names (with an honorific's
   * gender), titles that resolve to a name, and unnamed sources ("a spokeswoman for …").
   */
  private personReferences(): PersonReference[] {
    const spoken = this.context.spoken ?? [];
    const outsideQuotes = (r: TextRange) => {
      const i = firstIndex(spoken.length, (k) => spoken[k].end > r.start);
      return i >= spoken.length || spoken[i].start >= r.end;
    };
    const references: PersonReference[] = [];
    for (const run of this.runs) {
      if (run.tokens.some((t) => ORGANISATION_WORDS.has(t.toLowerCase())) || PLACE_BEFORE.test(this.text.slice(Math.max(0, run.start - 8), run.start))) continue;
      const name = this.fullest(dropLeadingPlace(this.text, run));
      if (!name) continue;
      const honorific = /(\p{L}+)\.?\s+$/u.exec(this.text.slice(Math.max(0, run.start - 12), run.start))?.[1];
      references.push({ start: run.start, end: run.end, name, gender: honorific ? honorificGender(honorific) : undefined });
    }
    TITLE_REFERENCE.lastIndex = 0;
    for (let m = TITLE_REFERENCE.exec(this.text); m; m = TITLE_REFERENCE.exec(this.text)) {
      const end = m.index + m[0].length;
      if (followedByNoun(this.text, end)) continue;
      const indefinite = /^(?:a|an|one|another)$/iu.test(m[1]);
      const head = m[3].toLowerCase();
      const gender = nounGender(head) ?? [...m[2].matchAll(/[\p{L}]+/gu)].map((w) => nounGender(w[0])).find(Boolean);
      if (indefinite) {
        references.push({ start: m.index, end, name: UNNAMED_SOURCE, anonymous: true, gender });
        continue;
      }
      const name = this.nameForTitle(head, m.index) ?? this.appositiveName(m.index) ?? this.nameAfterComma(end);
      if (name) references.push({ start: m.index, end, name, gender });
    }
    return references.filter(outsideQuotes).sort((a, b) => a.start - b.start);
  }

  /** "The finance director, Paul Mensah, …": the name right after a title and its comma. */
  private nameAfterComma(end: number): string | undefined {
    const comma = /^,\s*/u.exec(this.text.slice(end, end + 4));
    if (!comma) return undefined;
    const run = nameRuns(this.text, end + comma[0].length, Math.min(this.text.length, end + 64))[0];
    return run && run.start === end + comma[0].length ? this.nameIn([run]) : undefined;
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

/** Words after a title that still belong to the sentence, not to a longer noun ("the chief executive"). */
const AFTER_TITLE = new Set('of at for in on from with who whom whose which that said says told tells added was is has had and or but to would will could can did does also then'.split(' '));

/** "a local business", "the general election": the title word is a modifier of the next noun. */
function followedByNoun(text: string, end: number): boolean {
  const next = /^[ \t]+(\p{Ll}+)/u.exec(text.slice(end, end + 24))?.[1];
  return next !== undefined && !AFTER_TITLE.has(next) && !next.endsWith('ed') && !next.endsWith('ly');
}

