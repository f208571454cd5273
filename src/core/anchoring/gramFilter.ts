import search from 'approx-string-match';
import { GRAM, type GramIndex } from './occurrences';

export interface Match {
  readonly start: number;
  readonly end: number;
  readonly errors: number;
}

/**
 * Stretches this close are searched as one: a search costs about as much to set up as reading a
 * couple of thousand characters.
 */
const JOIN_GAP = 2048;

/** More gram occurrences than this per unit of text, and the filter costs more than the search it saves. */
const MAX_TALLIES_PER_UNIT = 4;

/** Diagonal tallies, reused between searches (a megabyte of text needs hundreds of thousands). */
let tally = new Int32Array(1 << 16);

/**
 * Where in the text a copy of `pattern` with at most `maxErrors` edits can end: stretches of the
 * text (absolute, ascending, disjoint) such that searching each on its own, from its start, finds
 * every end the whole text has within the budget, with the same error count and the same start;
 * undefined when the grams cannot tell (a pattern too short, or too many edits for its length).
 *
 * The q-gram lemma, counted per diagonal: an edit spoils at most GRAM of the pattern's
 * `m - GRAM + 1` grams, so a copy with k edits keeps at least `m - GRAM + 1 - k * GRAM` of them,
 * each found in the text at its own position in the pattern shifted by the copy's start and at
 * most k (the insertions and deletions before it). Those shifts (diagonals) fall within 2k + 1 of
 * each other, so in two neighbouring bins of that width; a stretch whose bins hold fewer cannot
 * hold a copy. The index's buckets may hold other grams too, which only keeps more to search.
 */
export function candidateStretches(index: GramIndex, pattern: string, maxErrors: number, textLength: number, joinGap = JOIN_GAP): [number, number][] | undefined {
  const m = pattern.length;
  const grams = m - GRAM + 1;
  if (grams <= 0 || grams - maxErrors * GRAM <= 0) return undefined;
  const width = 2 * maxErrors + 1;
  const bins = Math.ceil((textLength + m) / width) + 2;
  if (tally.length < bins) tally = new Int32Array(bins);
  const { starts, positions } = index;
  // The commonest grams (" the", "and ") are most of the work and say least: left out, each
  // lowers the count a copy must reach by one; up to half of it.
  const buckets = Array.from({ length: grams }, (_, j) => index.bucket(pattern, j));
  const order = buckets.map((_, j) => j).sort((a, b) => size(buckets[b]) - size(buckets[a]));
  const skipped = new Uint8Array(grams);
  let needed = grams - maxErrors * GRAM;
  for (let n = 0, most = needed >> 1; n < most; n++) skipped[order[n]] = 1;
  needed -= needed >> 1;
  function size(b: number): number {
    return starts[b + 1] - starts[b];
  }
  let count = 0;
  for (let j = 0; j < grams; j++) if (!skipped[j]) count += size(buckets[j]);
  // Grams this common (a quote of one repeated letter in a text of it) leave nothing out, and
  // tallying them would cost the quote's length times the text's: the whole range is searched.
  if (count > MAX_TALLIES_PER_UNIT * textLength) return undefined;
  const touched = new Int32Array(count);
  let t = 0;
  for (let j = 0; j < grams; j++) {
    if (skipped[j]) continue;
    for (let k = starts[buckets[j]], end = starts[buckets[j] + 1]; k < end; k++) {
      // Diagonal positions[k] - j, shifted by m so that it is never negative.
      const bin = ((positions[k] - j + m) / width) | 0;
      if (tally[bin]++ === 0) touched[t++] = bin;
    }
  }
  const stretches: [number, number][] = [];
  const sorted = touched.subarray(0, t).sort();
  for (const bin of sorted) {
    // The pairs (bin - 1, bin) and (bin, bin + 1): in ascending order, so the stretches come sorted.
    for (const first of [bin - 1, bin]) {
      if (first < 0 || tally[first] + tally[first + 1] < needed) continue;
      // Starts whose 2k + 1 diagonals lie in these two bins; a copy ends m ± k after its start,
      // and is searched from m + k before its end, so the stretch starts 2k before the first start.
      const firstStart = first * width - m + maxErrors;
      const lastStart = (first + 1) * width - m + maxErrors - 1;
      const from = Math.max(0, firstStart - 2 * maxErrors);
      const to = Math.min(textLength, lastStart + m + maxErrors + 1);
      const last = stretches[stretches.length - 1];
      if (last && from <= last[1] + joinGap) last[1] = Math.max(last[1], to);
      else if (from < to) stretches.push([from, to]);
    }
  }
  for (const bin of sorted) tally[bin] = 0;
  return stretches;
}

/**
 * What `search(masked(), pattern, maxErrors)` returns for the text's [from, to) (offsets from
 * `from`): its copies with the fewest edits, if within the budget. Only the stretches of it the
 * grams leave (`candidateStretches`) are searched, each on its own; the fewest edits among them
 * are the range's, since any end with fewer lies in one. The whole range when the grams cannot
 * tell, or leave more than `wholeAbove` of it. `masked` gives the range's text as searched (exact copies masked).
 */
export function searchStretches(stretches: readonly [number, number][] | undefined, from: number, to: number, masked: () => string, pattern: string, maxErrors: number, wholeAbove = 0.5): Match[] {
  let inRange: [number, number][] | undefined;
  if (stretches) {
    inRange = [];
    let covered = 0;
    for (const [a, b] of stretches) {
      const s = Math.max(a, from);
      const e = Math.min(b, to);
      if (s < e) {
        inRange.push([s, e]);
        covered += e - s;
      }
    }
    if (inRange.length === 0) return [];
    if (covered > wholeAbove * (to - from)) inRange = undefined;
  }
  if (!inRange) return search(masked(), pattern, maxErrors);
  const text = masked();
  let fewest = Infinity;
  let found: Match[] = [];
  for (const [s, e] of inRange) {
    for (const match of search(text.slice(s - from, e - from), pattern, maxErrors)) {
      if (match.errors > fewest) continue;
      if (match.errors < fewest) {
        fewest = match.errors;
        found = [];
      }
      found.push({ start: match.start + s - from, end: match.end + s - from, errors: match.errors });
    }
  }
  return found;
}
