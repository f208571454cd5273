/**
 * Span agreement between two annotators of one document: which annotations of A and B are the
 * same span (exact: same kind, start and end) or overlap (same kind, sharing at least one
 * character), each annotation matched at most once.
 */

/** What the span measures need of an annotation (offsets in any one unit, the same for both sides). */
export interface SpanAnnotation {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly speaker?: string;
  readonly attributes?: Readonly<Record<string, unknown>>;
}

export type MatchMode = 'exact' | 'overlap';

export interface SpanMatch<T extends SpanAnnotation> {
  readonly a: T;
  readonly b: T;
}

/**
 * Pairs A's and B's annotations of the same kind. Exact pairs first; in overlap mode the remaining
 * ones are then paired greedily by largest overlap (ties: earliest start), one-to-one, so a long
 * span of A overlapping two spans of B counts once, as precision and recall require.
 */
export function matchSpans<T extends SpanAnnotation>(a: readonly T[], b: readonly T[], mode: MatchMode): SpanMatch<T>[] {
  const matches: SpanMatch<T>[] = [];
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const exact = new Map<string, number[]>();
  b.forEach((x, j) => {
    const key = spanKey(x);
    const list = exact.get(key);
    if (list) list.push(j);
    else exact.set(key, [j]);
  });
  a.forEach((x, i) => {
    const list = exact.get(spanKey(x));
    const j = list?.shift();
    if (j === undefined) return;
    usedA.add(i);
    usedB.add(j);
    matches.push({ a: x, b: b[j] });
  });
  if (mode === 'exact') return matches;

  const candidates: { i: number; j: number; overlap: number }[] = [];
  const restB = b.map((x, j) => ({ x, j })).filter(({ j }) => !usedB.has(j)).sort((p, q) => p.x.start - q.x.start);
  a.forEach((x, i) => {
    if (usedA.has(i)) return;
    for (const { x: y, j } of restB) {
      if (y.start >= x.end) break;
      if (y.kind !== x.kind || y.end <= x.start) continue;
      candidates.push({ i, j, overlap: Math.min(x.end, y.end) - Math.max(x.start, y.start) });
    }
  });
  candidates.sort((p, q) => q.overlap - p.overlap || a[p.i].start - a[q.i].start || b[p.j].start - b[q.j].start);
  for (const { i, j } of candidates) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    matches.push({ a: a[i], b: b[j] });
  }
  return matches;
}

function spanKey(x: SpanAnnotation): string {
  return `${x.kind}\u0000${x.start}\u0000${x.end}`;
}

/** Counts for precision and recall of B against A: A's spans, B's spans, and matched pairs. */
export interface SpanCounts {
  a: number;
  b: number;
  matched: number;
}

export interface PrecisionRecall {
  /** matched / B's spans (B judged against A); null when B has none. */
  readonly p: number | null;
  /** matched / A's spans; null when A has none. */
  readonly r: number | null;
  /** Harmonic mean of p and r; null when either is null, 0 when nothing matched. */
  readonly f1: number | null;
}

export function precisionRecall(counts: SpanCounts): PrecisionRecall {
  const p = counts.b === 0 ? null : counts.matched / counts.b;
  const r = counts.a === 0 ? null : counts.matched / counts.a;
  const f1 = p === null || r === null ? null : p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f1 };
}

export function addCounts(into: SpanCounts, more: SpanCounts): void {
  into.a += more.a;
  into.b += more.b;
  into.matched += more.matched;
}
