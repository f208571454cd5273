/** Bit-parallel columns hold one bit per context character: up to this many (a sidecar records 32). */
const WORD_BITS = 32;

/**
 * How many edits separate a recorded context (prefix or suffix, a few dozen characters) from the
 * text right next to a candidate span: 0 for identical, the context's length for nothing in common.
 * It is an edit distance anchored at the span's edge and free at the far end, so an insertion
 * inside the context costs one edit per character instead of ruining the whole comparison the
 * way a plain character-by-character comparison would.
 *
 * One context is compared with many places (the candidates of one annotation), so it is compiled once. Contexts of up to 32 characters (all a sidecar records) are compared
 * with Myers' bit-parallel edit distance, one machine word per text character (Hyyrö's form for a
 * distance anchored at the start: the top row grows by one per column); longer ones (imported
 * selectors) by the plain dynamic programme. Both give the same number.
 */
export class ContextMatcher {
  /** The context's characters walking away from the edge. */
  private readonly pattern: string;
  /** Per character code, the bits of the pattern positions holding it (bit-parallel form only). */
  private readonly equal = new Map<number, number>();

  constructor(
    context: string,
    private readonly side: 'before' | 'after',
  ) {
    let pattern = context;
    if (side === 'before') {
      // Reversed by code unit, as the text is walked.
      pattern = '';
      for (let i = context.length - 1; i >= 0; i--) pattern += context[i];
    }
    this.pattern = pattern;
    if (this.pattern.length <= WORD_BITS) {
      for (let i = 0; i < this.pattern.length; i++) {
        const code = this.pattern.charCodeAt(i);
        this.equal.set(code, (this.equal.get(code) ?? 0) | (1 << i));
      }
    }
  }

  distance(text: string, edge: number): number {
    const m = this.pattern.length;
    if (m === 0) return 0;
    // Some slack lets insertions inside the context still be aligned.
    const window = m + Math.ceil(m / 2);
    const n = this.side === 'after' ? Math.min(window, text.length - edge) : Math.min(window, edge);
    return m <= WORD_BITS ? this.bitParallel(text, edge, n) : this.table(text, edge, n);
  }

  private textAt(text: string, edge: number, j: number): number {
    return this.side === 'after' ? text.charCodeAt(edge + j) : text.charCodeAt(edge - 1 - j);
  }

  /** Myers/Hyyrö: vertical deltas of one column as bit vectors, the bottom row's score tracked. */
  private bitParallel(text: string, edge: number, n: number): number {
    const m = this.pattern.length;
    const last = 1 << (m - 1);
    // Column 0: D[i][0] = i, every vertical delta +1.
    let vp = -1;
    let vn = 0;
    let score = m;
    let best = m;
    for (let j = 0; j < n; j++) {
      const eq = this.equal.get(this.textAt(text, edge, j)) ?? 0;
      const xv = eq | vn;
      const xh = ((((eq & vp) + vp) | 0) ^ vp) | eq;
      let ph = vn | ~(xh | vp);
      let mh = vp & xh;
      if (ph & last) score++;
      else if (mh & last) score--;
      // The top row is D[0][j] = j: its horizontal delta is +1, shifted in at the bottom bit.
      ph = (ph << 1) | 1;
      mh <<= 1;
      vp = mh | ~(xv | ph);
      vn = ph & xv;
      if (score < best) best = score;
    }
    return best;
  }

  private table(text: string, edge: number, n: number): number {
    const m = this.pattern.length;
    let previous = new Int32Array(n + 1);
    let current = new Int32Array(n + 1);
    for (let j = 0; j <= n; j++) previous[j] = j;
    for (let i = 1; i <= m; i++) {
      current[0] = i;
      const c = this.pattern.charCodeAt(i - 1);
      for (let j = 1; j <= n; j++) {
        const substitution = previous[j - 1] + (c === this.textAt(text, edge, j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
      }
      [previous, current] = [current, previous];
    }
    let best = m;
    for (let j = 0; j <= n; j++) best = Math.min(best, previous[j]);
    return best;
  }
}
