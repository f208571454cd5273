import { followedByWho, PERSON_TITLE_BEFORE, PLACE_BEFORE, possessedRoleBefore, roleBeforeFirstName, type NameMention } from './nameRuns';
import type { TextRange } from './paragraphs';
import { firstNameGender, honorificGender, nounGender } from './personGender';
import type { PersonReference } from './pronounResolution';
import { findCues, speaksNextToCue } from './reportingCues';
import { followedByNoun, saysWhoseRole, TITLE_HEAD_WORDS, TITLE_REFERENCE, UNNAMED_SOURCE } from './sourceDescriptions';

/** What follows a name that makes it a person's: an age or an apposition (", 22,", ", a nurse", ", the coach", ", executive director of …"). */
const DESCRIBED_AFTER = /^,\s*(?:\d{1,3}\s*,|(?:a|an|who|the)\s|\p{Ll}+(?:[\s-]+\p{Ll}+){0,3}\s+(?:of|at|for|to|with)\s)/u;

/** Title words that stand for a person ("minister", "captain"), for a name in apposition to one. */
const PERSON_TITLES = new Set(TITLE_HEAD_WORDS);

/** How far a speech cue may be from a name for the name to count as a speaker's ("Okafor, 41, said"). */
const CUE_REACH = 40;

/** How the document's names are read (NameResolver), as far as its person references need it. */
export interface ReferenceNames {
  /** The words of a run that name the person: no leading place or title the text also uses as a noun. */
  personTokens(run: NameMention): readonly string[];
  /** The fullest name the document uses for `tokens` written at `at`. */
  fullest(tokens: readonly string[], at: number): string | undefined;
  /** The name first written with a title word from `at` on ("Foreign Minister Sergey Lavrov"). */
  titledName(head: string, at: number): string | undefined;
  /** The name a comma right before `from` closes ("Lena Achterberg, the council's head of highways"). */
  nameBeforeComma(from: number): string | undefined;
  /** The name right after a title and its comma ("The finance director, Paul Mensah"). */
  nameAfterComma(end: number): string | undefined;
  /** A family name written first ("Park" of "Park Min-jun"), which stands alone for the person. */
  isFamilyNameFirst(word: string): boolean;
  /** Whether a last word is written alone somewhere ("Okafor said"). */
  isSurnameAlone(word: string): boolean;
  /** Whether a range overlaps quoted words. */
  insideQuote(range: TextRange): boolean;
}

/**
 * Every place the narrator refers to a person, outside quoted words, in text order:
 * names (with an honorific's gender), titles that resolve to a name, and unnamed sources ("a
 * spokeswoman for …"). What pronouns are resolved against (PronounResolver).
 */
export function personReferences(text: string, runs: readonly NameMention[], names: ReferenceNames): PersonReference[] {
  const references: PersonReference[] = [];
  for (const run of runs) {
    if (PLACE_BEFORE.test(text.slice(Math.max(0, run.start - 8), run.start))) continue;
    const tokens = names.personTokens(run);
    // "Mr. Regalado", "Councillor Brooks": a surname after an honorific or a title is a person's even with no first name written.
    const lone = tokens.length === 1 && (PERSON_TITLE_BEFORE.test(text.slice(Math.max(0, run.end - tokens[0].length - 16), run.end - tokens[0].length)) || names.isFamilyNameFirst(tokens[0])) ? tokens[0] : undefined;
    // "Ivo Marsh’s sister, Ana, …": a first name alone in apposition to someone's kin or role is that person.
    const renamed = tokens.length === 1 ? roleBeforeFirstName(text, run) : undefined;
    // "Meanwhile Quilla, who won the sculls, …": a word a relative "who" follows is a person's name, as for a cue (LoneNames).
    const relative = tokens.length === 1 && followedByWho(text, run) ? tokens[0] : undefined;
    const name = names.fullest(tokens, run.start) ?? lone ?? (renamed ? tokens[0] : undefined) ?? relative;
    if (!name) continue;
    const honorific = /(\p{L}+)\.?\s+$/u.exec(text.slice(Math.max(0, run.start - 12), run.start))?.[1];
    const gender = honorific ? honorificGender(honorific) : renamed ? (nounGender(renamed) ?? firstNameGender(tokens[0])) : undefined;
    const speaks = speaksNextToCue(text, run);
    references.push({
      start: run.start,
      end: run.end,
      name,
      gender,
      ...(gender || actsAsPerson(text, name, run, names) ? {} : { doubtful: true }),
      // "Hale adviser Ana Ruiz": the first name only says whose adviser; like a possessive, it is rarely the subject.
      ...(run.possessive || saysWhoseRole(text, run.end) ? { possessive: true } : {}),
      ...(speaks ? { speaks: true } : {}),
    });
  }
  TITLE_REFERENCE.lastIndex = 0;
  for (let m = TITLE_REFERENCE.exec(text); m; m = TITLE_REFERENCE.exec(text)) {
    const end = m.index + m[0].length;
    if (followedByNoun(text, end)) continue;
    const indefinite = /^(?:a|an|one|another)$/iu.test(m[1]);
    const head = m[3].toLowerCase();
    const gender = nounGender(head) ?? [...m[2].matchAll(/[\p{L}]+/gu)].map((w) => nounGender(w[0])).find(Boolean);
    // "Shanice Wallbank, a student, …": the apposition is the person just named.
    if (indefinite && names.nameBeforeComma(m.index)) continue;
    // "a nurse named Ana Ruiz", "One young woman, Nerys Quill, …": the name that follows is the reference.
    if (indefinite && (/^\s+(?:named|called)\s+\p{Lu}/u.test(text.slice(end, end + 12)) || names.nameAfterComma(end))) continue;
    if (indefinite) {
      references.push({ start: m.index, end, name: UNNAMED_SOURCE, anonymous: true, gender });
      continue;
    }
    const name = names.titledName(head, m.index) ?? names.nameBeforeComma(m.index) ?? names.nameAfterComma(end);
    if (name) references.push({ start: m.index, end, name, gender });
  }
  return references.filter((r) => !names.insideQuote(r)).sort((a, b) => a.start - b.start);
}

/**
 * Whether the text treats a name as a person's: its surname written alone ("Okafor said"), or a
 * speech cue right next to it. Places and events ("Kestrel Bay") are rarely either.
 */
function actsAsPerson(text: string, name: string, run: NameMention, names: ReferenceNames): boolean {
  const surname = name.slice(name.lastIndexOf(' ') + 1);
  if (name.includes(' ') && names.isSurnameAlone(surname)) return true;
  // "Dr Priyanka Hollis", "Shanice Wallbank, 22,", "Tam Rennick, a coxswain,", "Sela Omri, head of …": titled, aged or described.
  if (PERSON_TITLE_BEFORE.test(text.slice(Math.max(0, run.start - 16), run.start)) || DESCRIBED_AFTER.test(text.slice(run.end, run.end + 50))) return true;
  // "Eastby's captain, Oren Vasko,", "his chief adviser, Tom Hale": a name in apposition to someone's title.
  const title = possessedRoleBefore(text, run);
  if (title && PERSON_TITLES.has(title)) return true;
  const near = findCues(text, run.end, Math.min(text.length, run.end + CUE_REACH))[0] ?? findCues(text, Math.max(0, run.start - 12), run.start).pop();
  return near !== undefined && !/[.!?;]/.test(text.slice(Math.min(near.end, run.end), Math.max(near.start, run.start)));
}
