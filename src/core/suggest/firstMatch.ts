/** First chunk read, and how many characters past a chunk are read so that a match's lookahead or tail sees what follows. */
const FIRST_CHUNK = 256;
const MARGIN = 32;

/**
 * Where `pattern` (global, no lookbehind) first matches at or after `from` and before `to`, else
 * `to`. It reads in growing chunks: a match near `from` costs little, and no match costs a few
 * times the stretch, never the rest of the text (a regular expression's own search from `from` runs
 * to the end of the text when nothing matches, so a paragraph of many quotes asking it of each was
 * quadratic). A match may run up to MARGIN characters past `to`.
 */
export function firstMatch(text: string, from: number, to: number, pattern: RegExp): number {
  for (let size = FIRST_CHUNK; ; size *= 4) {
    const end = Math.min(to, from + size);
    const chunk = text.slice(from, Math.min(text.length, end + MARGIN));
    pattern.lastIndex = 0;
    const m = pattern.exec(chunk);
    if (m && from + m.index < end) return from + m.index;
    if (end >= to) return to;
  }
}
