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

const WORD_FROM = new RegExp(WORD.source, 'gu');

/**
 * Whether `text[from, to)` has no more than `max` words, reading no further than the word after
 * the `max`th: cheap however long the stretch (a paragraph of many short quotes asks this of each).
 */
export function hasAtMostWords(text: string, from: number, to: number, max: number): boolean {
  WORD_FROM.lastIndex = from;
  for (let count = 0; ; count++) {
    const m = WORD_FROM.exec(text);
    // A word that runs past `to` counts as far as it lies before it.
    if (!m || m.index >= to) return true;
    if (count + 1 > max) return false;
    if (WORD_FROM.lastIndex >= to) return true;
  }
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
      known = /^\p{Ll}+$/u.test(lower) ? this.words.has(lower) : this.mayContain(lower) && containsWord(this.text, lower);
      this.known.set(lower, known);
    }
    return known;
  }

  /**
   * Whether `word` ("lacombe-nwosu") may occur as a word at all: where it does, each of its runs of lower-case
   * letters stands alone between non-letters, so each is one of the text's lower-case words. Only a word made
   * of lower-case letters and other characters (no letter without case) is answered so; a search through the
   * whole text for each of thousands of hyphenated names would be quadratic.
   */
  private mayContain(word: string): boolean {
    if (!/^[\p{Ll}\P{L}]+$/u.test(word)) return true;
    return (word.match(/\p{Ll}+/gu) ?? []).every((run) => this.words?.has(run));
  }
}
