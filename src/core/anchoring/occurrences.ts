import type { LfText } from '../text/lineEndings';

/** Grams of this many code units are indexed; shorter quotes are looked for by scanning. */
export const GRAM = 4;
/**
 * A text is indexed once this many quotes were looked for in it by scanning. Building the index
 * costs about as much as 220 scans, whatever the text's length (1 MB of news: 80 ms against
 * 0.38 ms a scan), so waiting that long before building it never costs more than twice the best
 * choice made knowing the number of lookups beforehand; a few moved annotations never pay for it.
 */
export const LOOKUPS_BEFORE_INDEX = 200;

/**
 * Where every gram of a text starts, by bucket of its hash: the positions of a bucket are in text
 * order. A quote is then looked for only where its rarest gram occurs, instead of scanning the
 * whole text once per annotation (10,000 annotations of a 1 MB document re-anchored after an edit
 * scanned 10 GB).
 */
export class GramIndex {
  private readonly mask: number;
  /** Bucket b's positions are positions[starts[b]] .. positions[starts[b + 1]]. */
  readonly starts: Int32Array;
  readonly positions: Int32Array;

  constructor(private readonly text: string) {
    const grams = Math.max(0, text.length - GRAM + 1);
    let size = 1024;
    while (size < grams && size < 1 << 22) size <<= 1;
    this.mask = size - 1;
    const buckets = new Int32Array(grams);
    const starts = new Int32Array(size + 1);
    for (let i = 0; i < grams; i++) {
      const b = this.bucket(text, i);
      buckets[i] = b;
      starts[b + 1]++;
    }
    for (let b = 0; b < size; b++) starts[b + 1] += starts[b];
    const fill = starts.slice(0, size);
    const positions = new Int32Array(grams);
    for (let i = 0; i < grams; i++) positions[fill[buckets[i]]++] = i;
    this.starts = starts;
    this.positions = positions;
  }

  /** The bucket of the gram of `text` at `at`: its positions hold every place that gram occurs (and a few others). */
  bucket(text: string, at: number): number {
    let h = text.charCodeAt(at);
    for (let k = 1; k < GRAM; k++) h = Math.imul(h, 0x9e3779b1) ^ text.charCodeAt(at + k);
    return (Math.imul(h, 0x85ebca6b) >>> 12) & this.mask;
  }

  /** Every start of `needle` (at least GRAM long), ascending. */
  find(needle: string): number[] {
    let bestOffset = 0;
    let bestCount = Infinity;
    for (let o = 0; o + GRAM <= needle.length; o++) {
      const b = this.bucket(needle, o);
      const count = this.starts[b + 1] - this.starts[b];
      if (count < bestCount) {
        bestCount = count;
        bestOffset = o;
        if (count === 0) return [];
      }
    }
    const b = this.bucket(needle, bestOffset);
    const found: number[] = [];
    for (let k = this.starts[b], end = this.starts[b + 1]; k < end; k++) {
      const start = this.positions[k] - bestOffset;
      if (start >= 0 && this.text.startsWith(needle, start)) found.push(start);
    }
    return found;
  }
}

interface Lookups {
  count: number;
  index?: GramIndex;
}

const lookups = new WeakMap<LfText, Lookups>();

/**
 * The document's gram index, built now if it is not yet: for a search that would otherwise read
 * the whole text (a fuzzy one costs about what building the index does).
 */
export function gramIndex(document: LfText): GramIndex {
  let seen = lookups.get(document);
  if (!seen) lookups.set(document, (seen = { count: 0 }));
  return (seen.index ??= new GramIndex(document.text));
}

/**
 * Every start of `needle` in the document's normalized text, ascending, overlapping ones
 * included: what scanning with indexOf finds. A document searched for many quotes (a sidecar
 * re-anchored after its document changed) is indexed on the way.
 */
export function occurrences(document: LfText, needle: string): number[] {
  const text = document.text;
  if (needle.length === 0) return [];
  let seen = lookups.get(document);
  if (!seen) lookups.set(document, (seen = { count: 0 }));
  if (needle.length >= GRAM && ++seen.count > LOOKUPS_BEFORE_INDEX) {
    seen.index ??= new GramIndex(text);
    return seen.index.find(needle);
  }
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}
