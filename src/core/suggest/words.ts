import { containsWord } from '../text/regExp';

/**
 * The dashes the rules read as dashes, for character classes: em dash, en dash, and the horizontal
 * bar (―, the quotation dash; some outlets print it for every dash). One list, so that no rule reads
 * one of them and misses another.
 */
export const DASHES = '—–―';

const WORD = /[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu;

/** The words of `text`; "Russia’s" and "well-known" are one word each. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** How many words `text` has; "Russia’s" and "well-known" are one word each. */
export function wordCount(text: string): number {
  return words(text).length;
}

/**
 * Which words a text also writes in lower case, as common words ("Later" in "Later Brook said",
 * "Coxswain" in "Coxswain Tam Rennick"): one scan for its lower-case words, and a search for a
 * word with other characters ("lacombe-nwosu"); answers are kept.
 */
export class LowerCaseWords {
  private words: Set<string> | undefined;
  private readonly known = new Map<string, boolean>();

  constructor(private readonly text: string) {}

  has(word: string): boolean {
    const lower = word.toLowerCase();
    let known = this.known.get(lower);
    if (known === undefined) {
      this.words ??= new Set(this.text.match(/(?<![\p{L}])\p{Ll}+(?![\p{L}])/gu) ?? []);
      known = /^\p{Ll}+$/u.test(lower) ? this.words.has(lower) : containsWord(this.text, lower);
      this.known.set(lower, known);
    }
    return known;
  }
}
