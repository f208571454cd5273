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
 * The last word of `text` as a split at white space would give it, and whether there are at most two,
 * without splitting a text that may run back a whole sentence.
 */
export function lastWordOf(text: string): { word: string; atMostTwo: boolean } {
  const trimmed = text.trim();
  let start = trimmed.length;
  while (start > 0 && !/\s/u.test(trimmed[start - 1])) start--;
  // "(She claimed …": an opening bracket is no part of the word.
  while (start < trimmed.length && (trimmed[start] === '(' || trimmed[start] === '[')) start++;
  return { word: trimmed.slice(start), atMostTwo: !/\s/u.test(trimmed.slice(0, start).trim()) };
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
 * "Coxswain" in "Coxswain Tam Rennick"): one scan for its lower-case words and where each stands;
 * a word with other characters ("lacombe-nwosu") is looked for only where its rarest run of
 * lower-case letters stands alone. Answers are kept.
 */
export class LowerCaseWords {
  /** Each run of lower-case letters that stands alone between non-letters, with where it starts. */
  private positions: Map<string, number[]> | undefined;
  private readonly known = new Map<string, boolean>();

  constructor(private readonly text: string) {}

  has(word: string): boolean {
    const lower = word.toLowerCase();
    let known = this.known.get(lower);
    if (known === undefined) {
      known = LOWER_CASE_WORD.test(lower) ? this.runPositions().has(lower) : this.occurs(lower);
      this.known.set(lower, known);
    }
    return known;
  }

  private runPositions(): Map<string, number[]> {
    if (!this.positions) {
      this.positions = new Map();
      const run = /(?<![\p{L}])\p{Ll}+(?![\p{L}])/gu;
      for (let m = run.exec(this.text); m; m = run.exec(this.text)) {
        const list = this.positions.get(m[0]);
        if (list) list.push(m.index);
        else this.positions.set(m[0], [m.index]);
      }
    }
    return this.positions;
  }

  /**
   * Whether `word` occurs as a word (containsWord). A word made of lower-case letters and other
   * characters (no letter without case), where it occurs, has each of its runs of lower-case letters
   * standing alone between non-letters: it can only start where its rarest run stands, less that
   * run's offset in it. Checking those places alone keeps thousands of hyphenated names from each
   * searching the whole text, which would be quadratic; any other word is searched for.
   */
  private occurs(word: string): boolean {
    if (!/^[\p{Ll}\P{L}]+$/u.test(word)) return containsWord(this.text, word);
    const positions = this.runPositions();
    let rarest: { offset: number; at: readonly number[] } | undefined;
    for (const m of word.matchAll(/\p{Ll}+/gu)) {
      const at = positions.get(m[0]);
      if (!at) return false;
      if (!rarest || at.length < rarest.at.length) rarest = { offset: m.index, at };
    }
    if (!rarest) return containsWord(this.text, word);
    const { offset, at } = rarest;
    return at.some((p) => {
      const start = p - offset;
      return start >= 0 && this.text.startsWith(word, start) && !LETTER_BEFORE.test(this.text.slice(Math.max(0, start - 2), start)) && !LETTER_AFTER.test(this.text.slice(start + word.length, start + word.length + 2));
    });
  }
}

const LOWER_CASE_WORD = /^\p{Ll}+$/u;
const LETTER_BEFORE = /\p{L}$/u;
const LETTER_AFTER = /^\p{L}/u;
