/**
 * How many edits separate a recorded context (prefix or suffix, a few dozen characters) from the
 * text right next to a candidate span: 0 for identical, the context's length for nothing in common.
 *
 * It is an edit distance anchored at the span's edge and free at the far end, so an insertion
 * inside the context costs one edit per character instead of ruining the whole comparison the
 * way a plain character-by-character comparison would.
 */
export function contextDistance(context: string, text: string, edge: number, side: 'before' | 'after'): number {
  const m = context.length;
  if (m === 0) return 0;
  // Some slack lets insertions inside the context still be aligned.
  const window = m + Math.ceil(m / 2);
  const n = side === 'after' ? Math.min(window, text.length - edge) : Math.min(window, edge);
  // Characters are compared walking away from the edge, so both sides share one loop.
  const contextAt = side === 'after' ? (i: number) => context.charCodeAt(i) : (i: number) => context.charCodeAt(m - 1 - i);
  const textAt = side === 'after' ? (j: number) => text.charCodeAt(edge + j) : (j: number) => text.charCodeAt(edge - 1 - j);
  let previous = new Int32Array(n + 1);
  let current = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    const c = contextAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const substitution = previous[j - 1] + (c === textAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  let best = m;
  for (let j = 0; j <= n; j++) best = Math.min(best, previous[j]);
  return best;
}
