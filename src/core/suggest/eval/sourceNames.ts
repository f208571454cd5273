import { firstNameGender, type Gender } from '../personGender';
import { containsWord, escapeRegExp } from '../../text/regExp';
import { genderAfter } from './sourceAgreement';
import { descriptionHead, isTitle, nameIn, personRun, QUANTIFIERS, sourcePhrase } from './sourcePhrase';

/** Personal pronouns a source may be (they name no one by themselves). */
const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'him', 'her', 'them', 'his', 'its', 'their', 'you', 'me', 'us', 'himself', 'herself', 'themselves', 'one']);
const RELATIVES = new Set(['who', 'which', 'that', 'whom', 'whose']);

export function isPronounSource(raw: string): boolean {
  return PRONOUNS.has(raw.trim().toLowerCase());
}

export function isRelativeSource(raw: string): boolean {
  return RELATIVES.has(raw.trim().toLowerCase());
}

/**
 * The gold speaker for a source's words at `at`: the name the source phrase ends with (see
 * sourcePhrase.ts: titles, roles, party labels, modifiers, possessive organisations, "of <Place>",
 * appositions and relative clauses dropped) grows to the fullest form the article writes with the
 * same last word, the nearest such form before `at`, else the first after ("Trump" → "Donald
 * Trump"; "Mr. Trump" → "Donald Trump"); "the Post" grows the same way ("New York Post"). A
 * description ("sources", "a campaign aide") stays as written, its determiner or quantifier in
 * lower case. Undefined for an empty source.
 */
export function goldSpeakerName(text: string, raw: string, at: number): string | undefined {
  const phrase = sourcePhrase(raw);
  if (!phrase) return undefined;
  const name = nameIn(phrase);
  // A description keeps its determiner here, so that isUnlinkedDescription can tell "the nominee" from "a source".
  if (!name) {
    const determined = /^(?:the|a|an|this|that|these|those)(?![\p{L}])/iu.test(phrase) || QUANTIFIERS.has(phrase.split(' ')[0].toLowerCase());
    return determined && !/^\p{Lu}{2}/u.test(phrase) ? phrase[0].toLowerCase() + phrase.slice(1) : phrase;
  }
  const words = name.split(' ');
  const last = words[words.length - 1];
  // A party's members ("Democrats") are no one's surname.
  // An acronym ("PAC", "CNN") is not a surname to grow.
  if (!/^\p{Lu}/u.test(last) || words.length > 4 || isTitle(last) || /^\p{Lu}{2,}s?$/u.test(last)) return name;
  const escaped = escapeRegExp(last);
  // Name words: no possessive ("the Center's Brook" is no form of "Brook"), not glued to a word or an abbreviation before.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}.’'-])(?:(?:\\p{Lu}\\.|\\p{Lu}[\\p{L}-]+) +){1,3}${escaped}(?![\\p{L}])`, 'gu');
  const forms: { name: string; at: number }[] = [];
  // A headline's capitals say little ("Critics Fault Ada Brook"): its forms count only where the body has none, as two words.
  const headlineForms: { name: string; at: number }[] = [];
  for (const m of text.matchAll(pattern)) {
    // "Later Brook said", "Critics Brook": sentence openers and words the article also writes in lower case are no name.
    // "Secretary of State Ada Brook": the word after a title's "of" is its field, not a name.
    const field = /(\S+) +of +$/u.exec(text.slice(Math.max(0, m.index - 40), m.index));
    const found = m[0].split(' ').slice(field && isTitle(field[1]) ? 1 : 0);
    const form = withoutLeadingWords(text, (personRun(found) ?? []).join(' '));
    if (!form.endsWith(` ${name}`) || /^\p{Lu}\./u.test(form)) continue;
    if (!inHeadline(text, m.index)) forms.push({ name: form, at: m.index });
    else if (words.length === 1) headlineForms.push({ name: form.split(' ').slice(-2).join(' '), at: m.index });
  }
  if (forms.length === 0) forms.push(...headlineForms);
  // "Mrs. Holm" is not "Tom Holm" if the article's pronouns after "Tom Holm" say "he": forms of the other gender are left out.
  const honorific = /^(mr|mrs|ms|miss)\.?\s/iu.exec(raw.trim())?.[1].toLowerCase();
  // The gender of a form: from the article's pronouns, else from its first name ("Mr. Holm" is not Susan Holm).
  if (honorific) {
    const other = honorific === 'mr' ? 'female' : 'male';
    const agreeing = forms.filter((f) => (genderOf(text, forms, f.name) ?? firstNameGender(f.name.split(' ')[0])) !== other);
    if (agreeing.length > 0) forms.splice(0, forms.length, ...agreeing);
  }
  const nearest = forms.filter((f) => f.at <= at).pop() ?? forms[0];
  if (!nearest) return name;
  const fuller = forms.filter((f) => f.name.endsWith(nearest.name)).reduce((a, b) => (b.name.length > a.name.length ? b : a), nearest);
  return fuller.name;
}

/** The gender the article's pronouns give a name: per mention, the first personal pronoun in the rest of its sentence; the more frequent. */
function genderOf(text: string, forms: readonly { name: string; at: number }[], name: string): Gender | undefined {
  let balance = 0;
  for (const f of forms) {
    const gender = f.name === name ? genderAfter(text, f.at) : undefined;
    if (gender) balance += gender === 'male' ? 1 : -1;
  }
  return balance > 0 ? 'male' : balance < 0 ? 'female' : undefined;
}

/** Whether `at` is in a headline-like line (most of its longer words capitalized): its capitals say nothing about names. */
function inHeadline(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  const long = text.slice(start, end < 0 ? text.length : end).split(/\s+/u).filter((w) => /^\p{L}{4,}/u.test(w));
  return long.length >= 3 && long.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.75 * long.length;
}

/** A form without leading words the article also writes in lower case ("Later Brook" → "Brook"). */
function withoutLeadingWords(text: string, form: string): string {
  const tokens = form.split(/\s+/u);
  while (tokens.length > 1) {
    const lower = tokens[0].replace(/\.$/u, '').toLowerCase();
    if (!containsWord(text, lower)) break;
    tokens.shift();
  }
  return tokens.join(' ');
}

/**
 * Words of a speaker for comparison: lowercase, no titles or roles before a name (the gold's own
 * cleaning, applied to both sides: "President Ada Brook" / "Ada Brook"), no honorifics,
 * determiners, initials or possessive.
 */
function speakerTokens(name: string): string[] {
  const words = name.split(/\s+/u).filter((w) => w);
  const named = words.length > 0 && /^\p{Lu}/u.test(words[words.length - 1]) ? (personRun(words) ?? words) : words;
  return named
    .join(' ')
    .toLowerCase()
    .replace(/[’']s\b/gu, '')
    .split(/[\s.,]+/u)
    .filter((t) => t && !/^(?:the|a|an|mr|mrs|ms|dr|sen|rep|gov|jr|sr|[a-z])$/u.test(t));
}

/** Heads of descriptions that name no one, which the suggester calls an unnamed source. */
const UNNAMED_HEADS = /^(?:sources?|officials?|crowds?|audiences?|aides?|persons?|people|insiders?|spokes(?:man|woman|person)|advisers?|advisors?|staffers?|operatives?|analysts?|experts?|critics?|observers?|some|others|many|none|few|most|several|both|all)$/u;

/**
 * Whether a gold source is a definite description of someone the article names elsewhere ("the
 * Republican nominee", "his campaign manager"): PolNeAR does not link it to the name, so the
 * gold does not know the speaker's name and the speaker figure leaves it out.
 */
export function isUnlinkedDescription(speaker: string): boolean {
  return nameIn(speaker) === undefined && /^(?:the|his|her|its|their|our|my)\s/iu.test(speaker) && !UNNAMED_HEADS.test(descriptionHead(speaker).replace(/[’']s?$/u, ''));
}

/**
 * Whether a suggested speaker is the gold one: the same words (honorifics, determiners, initials
 * aside), or one a shorter form of the other at its end ("Clinton" / "Hillary Clinton"), or two
 * names with the same last two words ("Democrat Hillary Clinton" / "Hillary Clinton"), or two
 * names one the start of the other ("Ana Acosta" / "Ana Acosta Febo"), or an unnamed source for an
 * indefinite description of people ("a campaign aide", "one party activist"; not "a study by …"),
 * or two descriptions with one head noun.
 */
export function sameSpeaker(gold: string, suggested: string): boolean {
  const g = speakerTokens(gold);
  const s = speakerTokens(suggested);
  if (g.length === 0 || s.length === 0) return g.length === s.length;
  const [short, long] = g.length <= s.length ? [g, s] : [s, g];
  if (short.every((t, i) => t === long[long.length - short.length + i])) return true;
  if (short.length >= 2 && short.slice(-2).join(' ') === long.slice(-2).join(' ')) return true;
  // A description ends in a common noun ("a State Department official"); a name or organisation in a capital.
  const describes = (speaker: string) => !/(?:^|\s)\p{Lu}[^\s]*$/u.test(speaker.trim());
  const goldDescribed = describes(gold);
  if (short.length >= 2 && short.every((t, i) => t === long[i]) && !goldDescribed) return true;
  if (suggested.startsWith('unnamed ') && unnamedPeople(gold)) return true;
  return goldDescribed && describes(suggested) && singular(g[g.length - 1]) === singular(s[s.length - 1]);
}

/**
 * Whether a gold source is a description of people the article does not name: an indefinite one
 * ("a campaign aide", "one party activist", "a person close to the Clintons", "researchers"), or a
 * definite one whose head names no one ("the official"); not a thing ("a study by …").
 */
function unnamedPeople(source: string): boolean {
  const gold = asWrittenInASentence(source);
  const first = gold.split(/\s+/u)[0];
  // "Someone in the crowd", "Somebody": a person nobody names, also when the word opens its sentence.
  if (/^some(?:one|body)$/iu.test(first)) return true;
  // "Aides said …", "Critics argue …": a bare plural that opens its sentence, one word, capitalized only there.
  if (gold.trim() === first && !/^(?:both|all|none)$/iu.test(first) && UNNAMED_HEADS.test(first.toLowerCase())) return true;
  const indefinite = /^(?:a|an)$/iu.test(first) || QUANTIFIERS.has(first.toLowerCase()) || /^\p{Ll}/u.test(gold.trim().split(/\s+/u).pop() ?? '');
  const definite = /^(?:the|his|her|its|their|our|my)$/iu.test(first);
  if (namesAThing(gold) || /^\p{Lu}/u.test(first)) return false;
  return definite ? UNNAMED_HEADS.test(descriptionHead(gold).replace(/[’']s?$/u, '')) : indefinite;
}

/**
 * A description as it would read inside a sentence: one that opened a sentence ("Harbour
 * safety experts", "Source familiar with the plan", "But a source close to …") has its
 * first word in lower case, and a conjunction before it dropped, when no other word of the first
 * three is capitalized; a name ("Ada Holm", "Democrats") keeps its capital.
 */
function asWrittenInASentence(source: string): string {
  const words = source.trim().split(/\s+/u);
  if (words.length >= 2 && /^(?:But|And|Yet|So|Or)$/u.test(words[0])) words.shift();
  if (words.length < 2 || !/^\p{Lu}\p{Ll}/u.test(words[0]) || words.slice(1, 3).some((w) => /^\p{Lu}/u.test(w))) return words.join(' ');
  return [words[0].toLowerCase(), ...words.slice(1)].join(' ');
}

/** Nouns of a description that make its source a thing that was written or said, not a person ("a study by …", "an article on …"). */
const THING_HEADS = new Set('article study report statement poll survey memo letter book email e-mail document analysis review data record records video ad advertisement tweet transcript editorial release filing lawsuit complaint indictment website site page blog story piece paper investigation audit estimate projection forecast speech remarks interview broadcast program programme show'.split(' '));

/** Whether a description's words before its first preposition name a thing rather than a person ("a study last year by economists"). */
function namesAThing(description: string): boolean {
  const words = description.toLowerCase().split(/\s+/u);
  const link = words.findIndex((w, i) => i > 0 && /^(?:of|for|from|by|on|at|in|about|with|to)$/u.test(w));
  const before = words.slice(0, link > 0 ? link : words.length).map((w) => w.replace(/[’'.,]s?$/u, ''));
  // "a GOP data expert", "a show host": a word for a thing may modify a word for a person.
  const person = /(?:er|or|ist|ian|man|woman|person|official|aide|expert|source|staff)s?$/u.test(before[before.length - 1]);
  return THING_HEADS.has(before[before.length - 1]) || (!person && before.some((w) => THING_HEADS.has(w)));
}

function singular(word: string): string {
  return word.endsWith('s') && word.length > 3 ? word.slice(0, -1) : word;
}
