import type { Annotation } from '../annotation';
import { LfText } from '../text/lineEndings';
import { findAnchorCandidates, type AnchorCandidate } from './anchorCandidates';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What is known about where an annotation was: enough to look for it again. */
export type AnchorTarget = Pick<Annotation, 'start' | 'end' | 'text' | 'prefix' | 'suffix'>;

export type AnchorResult =
  | { readonly status: 'intact' }
  | { readonly status: 'moved'; readonly span: Span; readonly strategy: 'exact' | 'fuzzy' }
  /** Several places match about equally well: an orphan, with the places offered, never a guess. */
  | { readonly status: 'ambiguous'; readonly candidates: readonly AnchorCandidate[] }
  /** Nowhere good enough; `candidates` are the near misses worth offering to a person. */
  | { readonly status: 'orphaned'; readonly candidates: readonly AnchorCandidate[] };

/** Candidates whose scores differ by less than this are equally good matches. */
export const AMBIGUITY_MARGIN = 0.05;
/** How much nearer than the next one a candidate must be to win a tie on position (see `chooseCandidate`). */
const NEARNESS_SLACK = 64;
/** At most this many candidates are offered for an orphan. */
const OFFERED = 3;

/**
 * The quote still sits at its offsets, with at least one side of its context unchanged. The quote
 * alone is not enough: a short quote (a word, a full stop) can land on the same characters by
 * chance after an edit moved the real one, and trusting it would be a silent mis-anchor. An empty
 * recorded context means the span touched that end of the document.
 */
export function atRecordedOffsets(target: AnchorTarget, text: string): boolean {
  if (target.text.length === 0 || target.end > text.length || text.slice(target.start, target.end) !== target.text) return false;
  const prefixHolds = target.prefix.length === 0 ? target.start === 0 : text.slice(Math.max(0, target.start - target.prefix.length), target.start) === target.prefix;
  const suffixHolds = target.suffix.length === 0 ? target.end === text.length : text.slice(target.end, target.end + target.suffix.length) === target.suffix;
  return prefixHolds || suffixHolds;
}

/** The acceptable candidates that score within `AMBIGUITY_MARGIN` of the best one. */
export function contendersAmong(candidates: readonly AnchorCandidate[]): AnchorCandidate[] {
  const acceptable = candidates.filter((c) => c.acceptable);
  const best = Math.max(...acceptable.map((c) => c.score));
  return acceptable.filter((c) => c.score >= best - AMBIGUITY_MARGIN);
}

/** `a` is clearly nearer to `hint` than `b`: less than half as far, with some slack for the edits around it. */
function clearlyNearer(a: AnchorCandidate, b: AnchorCandidate, hint: number): boolean {
  return Math.abs(b.start - hint) > 2 * Math.abs(a.start - hint) + NEARNESS_SLACK;
}

/**
 * Picks the place of an annotation among its candidates, or refuses to. The best acceptable
 * candidate wins outright when no other comes within `AMBIGUITY_MARGIN` of its score. Among
 * equally good ones (a repeated paragraph) the one nearest to `hint`, the expected position,
 * wins only if it is clearly nearer than the next. And the winner is refused unless it is also
 * clearly nearer than every other equally faithful quote with a worse context: either the
 * passage moved or the text around it was edited, and only a person can tell which (a paragraph
 * pasted twice, then the original's neighbourhood edited, looks exactly like this). Likewise
 * when the very quote sits clearly nearer, even with a context too changed to accept it alone.
 */
export function chooseCandidate(candidates: readonly AnchorCandidate[], hint: number): AnchorResult {
  const distance = (c: AnchorCandidate) => Math.abs(c.start - hint);
  const contenders = contendersAmong(candidates).sort((a, b) => distance(a) - distance(b));
  if (contenders.length === 0) return { status: 'orphaned', candidates: candidates.slice(0, OFFERED) };
  const [nearest, next] = contenders;
  if (next && !clearlyNearer(nearest, next, hint)) return { status: 'ambiguous', candidates: contenders.slice(0, OFFERED) };
  const rival = candidates.find(
    (c) =>
      c !== nearest &&
      c.quoteSimilarity >= nearest.quoteSimilarity &&
      (c.acceptable ? !clearlyNearer(nearest, c, hint) : c.boundariesKept && c.errors === 0 && clearlyNearer(c, nearest, hint)),
  );
  if (rival) return { status: 'ambiguous', candidates: [nearest, rival] };
  // Even at the old offsets this is a move: the text there differs from the quote (an edit, or
  // line endings), so the quote must be re-read.
  return { status: 'moved', span: { start: nearest.start, end: nearest.end }, strategy: nearest.errors === 0 ? 'exact' : 'fuzzy' };
}

/**
 * Finds where an annotation belongs in `text` now: at its offsets if its quote is still there;
 * else at an exact or fuzzy match of its quote scored with its context; else nowhere (an orphan).
 * `hint` is where it is expected, by default its old position; `document` may be passed to share
 * one line-ending normalization of the text between many annotations.
 */
export function anchorAnnotation(target: AnchorTarget, text: string, hint = target.start, document = new LfText(text)): AnchorResult {
  if (atRecordedOffsets(target, text)) return { status: 'intact' };
  return chooseCandidate(findAnchorCandidates(target, document), hint);
}
