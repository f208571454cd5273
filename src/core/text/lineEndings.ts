/**
 * A text with CRLF line endings turned into LF, and the way back. Git may convert line endings on
 * checkout (core.autocrlf), which changes every offset and every quote or context that spans a
 * line break, so quotes are matched on the normalized text and the spans found are mapped back.
 */
export class LfText {
  /** The text with every CRLF replaced by LF. */
  readonly text: string;
  readonly originalLength: number;
  /** Offsets, in the normalized text, of the LF of each removed CR, ascending. */
  private readonly removed: Uint32Array;

  constructor(original: string) {
    const removed: number[] = [];
    for (let i = original.indexOf('\r\n'); i !== -1; i = original.indexOf('\r\n', i + 2)) removed.push(i - removed.length);
    this.removed = Uint32Array.from(removed);
    this.originalLength = original.length;
    this.text = removed.length === 0 ? original : original.replace(/\r\n/g, '\n');
  }

  /**
   * Offset in the original text of an offset in the normalized one. An offset just before an LF
   * maps to just before its CR, so a span never starts or ends between the two.
   */
  toOriginal(offset: number): number {
    let lo = 0;
    let hi = this.removed.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.removed[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + lo;
  }

  /** Offset in the normalized text of an offset in the original one (a CR maps onto its LF). */
  fromOriginal(offset: number): number {
    // removed[i] + i is where the i-th CR sat in the original text.
    let lo = 0;
    let hi = this.removed.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.removed[mid] + mid < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  }
}

/** CRLF to LF, for the short strings (quotes, contexts) matched against an `LfText`. */
export function toLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
}
