import type { AnnotationKind } from '../annotationKind';

/** A span of the gold set or of the suggestions, in the same offsets. */
export interface EvaluatedSpan {
  readonly kind: AnnotationKind;
  readonly start: number;
  readonly end: number;
  readonly speaker?: string;
}

export interface MatchCounts {
  /** Spans of the kind in the gold set. */
  gold: number;
  /** Spans of the kind suggested. */
  suggested: number;
  /** One-to-one matches. */
  matched: number;
}

export interface KindScores {
  readonly exact: MatchCounts;
  readonly overlap: MatchCounts;
  /** Of the overlap matches, how many have the gold speaker (both none counts as right). */
  readonly speakerRight: number;
  /** Of the overlap matches, how many were judged for their speaker (all, unless `skipSpeaker` said otherwise). */
  readonly speakerJudged: number;
}

export interface EvaluationOptions {
  /** An overlap match needs at least this share of the gold span (0: one shared character). */
  readonly minOverlap?: number;
  /** Whether a suggested speaker is the gold one; default: the same string. */
  readonly sameSpeaker?: (gold: string, suggested: string) => boolean;
  /** Gold spans whose speaker is not judged (the gold does not know it). */
  readonly skipSpeaker?: (gold: EvaluatedSpan) => boolean;
}

export type DocumentScores = Record<AnnotationKind, KindScores>;

const KINDS: readonly AnnotationKind[] = ['quote', 'claim', 'speculation', 'advertisement'];

/**
 * Scores suggestions against reviewed annotations, per kind: exact matching (same start and end)
 * and overlap matching (spans sharing at least one character, paired one-to-one, largest overlap
 * first; `minOverlap` asks for a share of the gold span), and speaker agreement on the overlap matches.
 */
export function evaluateSuggestions(gold: readonly EvaluatedSpan[], suggested: readonly EvaluatedSpan[], options: EvaluationOptions = {}): DocumentScores {
  const same = options.sameSpeaker ?? ((a: string, b: string) => a === b);
  const judged = (g: EvaluatedSpan) => !options.skipSpeaker?.(g);
  const scores = {} as DocumentScores;
  for (const kind of KINDS) {
    const g = gold.filter((s) => s.kind === kind);
    const s = suggested.filter((x) => x.kind === kind);
    const exact = s.filter((x) => g.some((y) => y.start === x.start && y.end === x.end)).length;
    const pairs = overlapPairs(g, s, options.minOverlap ?? 0);
    const scored = pairs.filter(([a]) => judged(a));
    scores[kind] = {
      exact: { gold: g.length, suggested: s.length, matched: exact },
      overlap: { gold: g.length, suggested: s.length, matched: pairs.length },
      speakerRight: scored.filter(([a, b]) => (a.speaker ?? '') === (b.speaker ?? '') || (a.speaker !== undefined && b.speaker !== undefined && same(a.speaker, b.speaker))).length,
      speakerJudged: scored.length,
    };
  }
  return scores;
}

function overlapPairs(gold: readonly EvaluatedSpan[], suggested: readonly EvaluatedSpan[], minOverlap: number): [EvaluatedSpan, EvaluatedSpan][] {
  const candidates: { g: EvaluatedSpan; s: EvaluatedSpan; shared: number }[] = [];
  for (const g of gold) {
    for (const s of suggested) {
      const shared = Math.min(g.end, s.end) - Math.max(g.start, s.start);
      if (shared > 0 && shared >= minOverlap * (g.end - g.start)) candidates.push({ g, s, shared });
    }
  }
  candidates.sort((a, b) => b.shared - a.shared);
  const usedGold = new Set<EvaluatedSpan>();
  const usedSuggested = new Set<EvaluatedSpan>();
  const pairs: [EvaluatedSpan, EvaluatedSpan][] = [];
  for (const { g, s } of candidates) {
    if (usedGold.has(g) || usedSuggested.has(s)) continue;
    usedGold.add(g);
    usedSuggested.add(s);
    pairs.push([g, s]);
  }
  return pairs;
}

/** Adds `b` into `a` (for totals over documents). */
export function addScores(a: DocumentScores, b: DocumentScores): DocumentScores {
  const sum = {} as DocumentScores;
  for (const kind of KINDS) {
    const add = (x: MatchCounts, y: MatchCounts): MatchCounts => ({ gold: x.gold + y.gold, suggested: x.suggested + y.suggested, matched: x.matched + y.matched });
    sum[kind] = { exact: add(a[kind].exact, b[kind].exact), overlap: add(a[kind].overlap, b[kind].overlap), speakerRight: a[kind].speakerRight + b[kind].speakerRight, speakerJudged: a[kind].speakerJudged + b[kind].speakerJudged };
  }
  return sum;
}

export interface PrecisionRecall {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Precision, recall and F1; an empty side counts as perfect (nothing to find, nothing wrong). */
export function precisionRecall(counts: MatchCounts): PrecisionRecall {
  const precision = counts.suggested === 0 ? 1 : counts.matched / counts.suggested;
  const recall = counts.gold === 0 ? 1 : counts.matched / counts.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
