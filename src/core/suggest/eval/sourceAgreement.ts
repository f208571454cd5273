import { ORGANISATION_WORDS } from '../nameRuns';
import { firstNameGender, honorificGender, pronounGender, type Gender } from '../personGender';
import { escapeRegExp } from '../../text/regExp';
import { isOrgHead, isTitle } from './sourcePhrase';

/**
 * Which earlier person or body a pronoun source ("she", "he", "it", "they") can stand for. PolNeAR
 * links no pronoun to its antecedent, so the gold takes the nearest candidate before it that
 * agrees with it (which are candidates, and "it" and "they": see polnearGold.ts): "he" and "she" a person of that gender
 * (or of none the article shows), "it" no person, "they" anyone. Without one the gold does not know the speaker.
 */
export function pronounFits(text: string, pronoun: string, speaker: string): boolean {
  const p = pronoun.trim().toLowerCase();
  const gender = pronounGender(p);
  if (gender) return isPersonShaped(speaker) && nameGender(text, speaker) !== (gender === 'male' ? 'female' : 'male');
  if (p === 'it' || p === 'its') return nameGender(text, speaker) === undefined || !isPersonShaped(speaker);
  return true;
}

/** Lower-case words a person's name may have between its capitals ("Charles de Gaulle", "Omar al Bashir"). */
const PARTICLES = new Set('de da do dos das del della di du van von der den bin ibn bint al el la le y e'.split(' '));

/** A name as people's names are written: capitalized words (particles aside), none an organisation's word or an acronym. */
export function isPersonShaped(speaker: string): boolean {
  const words = speaker.trim().split(/\s+/u);
  if (words.length > 4 || !/^\p{Lu}/u.test(words[0])) return false;
  return words.every((w) => (/^\p{Lu}[\p{Ll}’'.-]/u.test(w) || /^\p{Lu}\.?$/u.test(w) || PARTICLES.has(w)) && !ORGANISATION_WORDS.has(w.toLowerCase()) && !isOrgHead(w) && !/\.(?:com|org|net)$/iu.test(w));
}

/**
 * The gender the article gives a name, if it shows one: an honorific before its last word ("Mrs.
 * Holm", three votes each), a personal pronoun after one of its mentions with no other capitalized
 * word between (one each), and a common first name (one). A mention of the last word with other
 * first names before it ("Tom Holm" for "Ada Holm"; titles and honorifics aside) is someone else's; the bare last word counts
 * only when no one else in the article has it.
 */
export function nameGender(text: string, name: string): Gender | undefined {
  const words = name.trim().split(/\s+/u);
  const last = escapeRegExp(words[words.length - 1]);
  const mentions = [...text.matchAll(new RegExp(`(?<![\\p{L}])((?:\\p{Lu}[\\p{L}.’'-]*\\s+){0,2})${last}(?![\\p{L}])`, 'gu'))];
  const own = (before: string[]) => before.every((w) => words.includes(w) || honorificGender(w) !== undefined || isTitle(w));
  const shared = mentions.some((m) => !own(m[1].split(/\s+/u).filter((w) => w)));
  let balance = 0;
  const vote = (g: Gender | undefined, weight: number) => {
    if (g) balance += g === 'male' ? weight : -weight;
  };
  for (const m of mentions) {
    const before = m[1].split(/\s+/u).filter((w) => w);
    // "Mrs. Clinton" and "Clinton" are bare mentions: whose, the article alone knows where the last word is shared.
    const bareMention = !before.some((w) => words.includes(w));
    if (!own(before) || (shared && words.length > 1 && bareMention)) continue;
    const honorific = before.map((w) => honorificGender(w)).find((g) => g !== undefined);
    vote(honorific, 3);
    vote(genderAfter(text, m.index + m[0].length, true), 1);
  }
  vote(words.length > 1 ? firstNameGender(words[0]) : undefined, 1);
  return balance > 0 ? 'male' : balance < 0 ? 'female' : undefined;
}

/**
 * The gender of the first personal pronoun in the rest of the sentence from `at` (within 250
 * characters); with `nearest`, none if a capitalized word (another name, maybe) comes before it.
 */
export function genderAfter(text: string, at: number, nearest = false): Gender | undefined {
  const rest = /^[^.!?]*/u.exec(text.slice(at, at + 250))?.[0] ?? '';
  const found = /(?<![\p{L}])(he|his|him|himself|she|her|hers|herself)(?![\p{L}])/iu.exec(rest);
  if (!found || (nearest && /(?<![\p{L}])\p{Lu}\p{Ll}/u.test(rest.slice(0, found.index)))) return undefined;
  return pronounGender(found[1]);
}
