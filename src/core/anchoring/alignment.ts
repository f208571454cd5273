/**
 * Where positions of `pattern` fall in `text` under a cheapest alignment of the whole of one to
 * the whole of the other (Levenshtein, with traceback). `cuts` are offsets into `pattern`
 * (e.g. where its prefix ends and where its suffix begins); the result gives, for each, the
 * offset into `text` at which that boundary lies. Quadratic: for a recorded passage (a quote
 * and its context) against the stretch of text that matched it, not for whole documents.
 */
export function alignCuts(pattern: string, text: string, cuts: readonly number[]): number[] {
  const m = pattern.length;
  const n = text.length;
  const width = n + 1;
  const cost = new Uint32Array((m + 1) * width);
  for (let j = 0; j <= n; j++) cost[j] = j;
  for (let i = 1; i <= m; i++) {
    cost[i * width] = i;
    for (let j = 1; j <= n; j++) {
      const diagonal = cost[(i - 1) * width + j - 1] + (pattern.charCodeAt(i - 1) === text.charCodeAt(j - 1) ? 0 : 1);
      cost[i * width + j] = Math.min(diagonal, cost[(i - 1) * width + j] + 1, cost[i * width + j - 1] + 1);
    }
  }
  // Walk back from the end; at each pattern position remember the text position reached.
  const at = new Int32Array(m + 1).fill(-1);
  let i = m;
  let j = n;
  at[m] = n;
  while (i > 0 || j > 0) {
    const here = cost[i * width + j];
    if (i > 0 && j > 0 && here === cost[(i - 1) * width + j - 1] + (pattern.charCodeAt(i - 1) === text.charCodeAt(j - 1) ? 0 : 1)) {
      i--;
      j--;
    } else if (j > 0 && here === cost[i * width + j - 1] + 1) {
      // Text inserted: it belongs to the pattern position after it, so keep that position's mark.
      j--;
      continue;
    } else {
      i--;
    }
    // The first time the walk reaches pattern position i, the text position is the furthest one.
    if (at[i] === -1) at[i] = j;
  }
  return cuts.map((c) => at[Math.max(0, Math.min(m, c))]);
}

/** Plain Levenshtein distance between two short strings (a quote and the text at one place). */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), previous[j] + 1, current[j - 1] + 1);
    previous = current;
  }
  return previous[b.length];
}
