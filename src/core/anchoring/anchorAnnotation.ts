import type { Annotation } from '../annotation';
import { LfText } from '../text/lineEndings';
import { AMBIGUITY_MARGIN, candidateAt, completeCandidates, contextPlaceElsewhere, findAnchorCandidates, passagePlace, SPLIT_CONTEXT_MARGIN, type AnchorCandidate } from './anchorCandidates';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What is known about where an annotation was: enough to look for it again. */
export type AnchorTarget = Pick<Annotation, 'start' | 'end' | 'text' | 'prefix' | 'suffix'> & {
  /**
   * An empty prefix or suffix means "none recorded" (an imported selector without context), not
   * "the span touched that end of the document", which is what it means in a sidecar.
   */
  readonly contextUnrecorded?: boolean;
};

export type AnchorResult =
  | { readonly status: 'intact' }
  | { readonly status: 'moved'; readonly span: Span; readonly strategy: 'exact' | 'fuzzy'; readonly candidate: AnchorCandidate }
  /** Several places match about equally well: an orphan, with the places offered, never a guess. */
  | { readonly status: 'ambiguous'; readonly candidates: readonly AnchorCandidate[]; readonly places: number }
  /**
   * The recorded context points to `at`, where the text no longer reads as the quote: the
   * annotation's own text was changed. An orphan, even when a copy of the quote exists elsewhere;
   * `at` is offered first among the candidates.
   */
  | { readonly status: 'changed'; readonly at: Span; readonly candidates: readonly AnchorCandidate[] }
  /**
   * Its only place is already another's (`by`, see anchorDocument's collisions); `tie` when no
   * annotation has a better claim to it than the others.
   */
  | { readonly status: 'taken'; readonly by: readonly string[]; readonly tie: boolean; readonly candidates: readonly AnchorCandidate[] }
  /** Nowhere good enough; `candidates` are the near misses worth offering to a person. */
  | { readonly status: 'orphaned'; readonly candidates: readonly AnchorCandidate[] };

/** How much nearer than the next one a candidate must be to win a tie on position (see `chooseCandidate`). */
const NEARNESS_SLACK = 64;
/** At most this many candidates are offered for an orphan. */
const OFFERED = 3;

/**
 * The quote still sits at its offsets, with both sides of its context unchanged. The quote alone
 * is not enough: a short quote (a word, a full stop) can land on the same characters by chance
 * after an edit moved the real one, and trusting it would be a silent mis-anchor; nor is one side:
 * a line repeated below its copy has the same suffix. Anything less is settled by the search,
 * which weighs this place against the others. An empty recorded context means the span touched
 * that end of the document.
 */
export function atRecordedOffsets(target: AnchorTarget, text: string): boolean {
  const { start, end, prefix, suffix } = target;
  const quote = target.text;
  // Compared in place (no slices): this runs for every annotation of every sidecar loaded.
  if (quote.length === 0 || start < 0 || end > text.length || end - start !== quote.length || !text.startsWith(quote, start)) return false;
  const edge = !target.contextUnrecorded;
  const prefixHolds = prefix.length === 0 ? edge && start === 0 : start >= prefix.length && text.startsWith(prefix, start - prefix.length);
  const suffixHolds = suffix.length === 0 ? edge && end === text.length : text.startsWith(suffix, end);
  return prefixHolds && suffixHolds;
}

/** `a` fits the recorded passage at least as well as `b` on every count: quote, prefix and suffix. */
function dominates(a: AnchorCandidate, b: AnchorCandidate): boolean {
  return a.errors <= b.errors && a.prefixErrors <= b.prefixErrors && a.contextErrors - a.prefixErrors <= b.contextErrors - b.prefixErrors;
}

/**
 * The acceptable candidates that could be the annotation as well as the best one: those scoring
 * within `AMBIGUITY_MARGIN` of it, and those a little further below that keep one side of the
 * context better than it does (a paragraph pasted after itself: the original keeps the prefix,
 * the copy the suffix, and only a person can tell which is which).
 */
export function contendersAmong(candidates: readonly AnchorCandidate[]): AnchorCandidate[] {
  const acceptable = candidates.filter((c) => c.acceptable);
  if (acceptable.length === 0) return [];
  const leader = acceptable.reduce((a, b) => (b.score > a.score ? b : a));
  return acceptable.filter((c) => c.score >= leader.score - AMBIGUITY_MARGIN || (c.score >= leader.score - SPLIT_CONTEXT_MARGIN && !dominates(leader, c)));
}

/** `a` is clearly nearer to `hint` than `b`: less than half as far, with some slack for the edits around it. */
function clearlyNearer(a: AnchorCandidate, b: AnchorCandidate, hint: number | null): boolean {
  return hint !== null && Math.abs(b.start - hint) > 2 * Math.abs(a.start - hint) + NEARNESS_SLACK;
}

/**
 * Picks the place of an annotation among its candidates, or refuses to. The best acceptable
 * candidate wins outright when no other contends with it (see `contendersAmong`). Among equally
 * good ones (a repeated paragraph) the one nearest to `hint`, the expected position, wins only if
 * it is clearly nearer than the next. A candidate whose context is clearly better than every other's wins even when it is not the
 * nearest: the stored context singles it out (a repeated line after an edit above it). But the
 * winner is refused when the very quote sits elsewhere, refused on its own (a word typed right
 * against it, or a context too changed), yet clearly nearer, or fitting the recorded passage at
 * least as well: either the passage moved or the text around it was edited, and only a person
 * can tell which.
 */
export function chooseCandidate(candidates: readonly AnchorCandidate[], hint: number | null): AnchorResult {
  // Without a position (an imported selector), the best score leads and nothing is nearer.
  const distance = (c: AnchorCandidate) => (hint === null ? -c.score : Math.abs(c.start - hint));
  const contenders = contendersAmong(candidates).sort((a, b) => distance(a) - distance(b));
  if (contenders.length === 0) return { status: 'orphaned', candidates: candidates.slice(0, OFFERED) };
  const [nearest, next] = contenders;
  if (next && !clearlyNearer(nearest, next, hint)) return { status: 'ambiguous', candidates: contenders.slice(0, OFFERED), places: contenders.length };
  const rival = candidates.find(
    (c) =>
      c !== nearest &&
      !c.acceptable &&
      c.errors === 0 &&
      // The very quote, refused alone (a word glued to it, a context too changed), yet nearer, or
      // fitting the recorded passage at least as well as the winner: only a person can tell.
      ((c.boundariesKept && clearlyNearer(c, nearest, hint)) || c.contextErrors <= nearest.errors + nearest.contextErrors),
  );
  if (rival) return { status: 'ambiguous', candidates: [nearest, rival], places: 2 };
  // Even at the old offsets this is a move: the text there differs from the quote (an edit, or
  // line endings), so the quote must be re-read.
  return { status: 'moved', span: { start: nearest.start, end: nearest.end }, strategy: nearest.errors === 0 ? 'exact' : 'fuzzy', candidate: nearest };
}

/**
 * `chooseCandidate`, then the check that its choice is not contradicted by the recorded context:
 * when the passage around the quote matches clearly better somewhere else, where the text now
 * differs from the quote, the annotation's text was changed, and the copy found is not it.
 */
export function decideAnchor(target: AnchorTarget, candidates: readonly AnchorCandidate[], hint: number | null, document: LfText): AnchorResult {
  const result = decideAmong(target, candidates, hint, document);
  // A bounded list has every contender, so the same decision; but these two offer near misses too.
  if (result.status !== 'changed' && result.status !== 'orphaned') return result;
  const complete = completeCandidates(target, document, candidates);
  return complete === candidates ? result : decideAmong(target, complete, hint, document);
}

function decideAmong(target: AnchorTarget, candidates: readonly AnchorCandidate[], hint: number | null, document: LfText): AnchorResult {
  const result = chooseCandidate(candidates, hint);
  if (result.status === 'orphaned') {
    // Nothing to anchor to; but where the context still is, the text was changed: say so, and offer it.
    const passage = target.prefix.length + target.text.length + target.suffix.length;
    const at = passagePlace(target, document, hint, Math.floor(passage / 3));
    if (!at) return result;
    const there = candidateAt(target, document, at);
    // The very quote, refused only because an edit glued letters to it, overlapping the place the
    // context points to: whether the span grew to take them in is for a person to say.
    const glued = candidates.find((c) => c.errors === 0 && !c.boundariesKept && c.start < at.end && at.start < c.end && (c.start !== at.start || c.end !== at.end));
    if (glued) return { status: 'ambiguous', candidates: [there, glued], places: 2 };
    // The fuzzy search may have cut the same place a character off; aligned with its context, it holds.
    if (there.acceptable) return { status: 'moved', span: at, strategy: there.errors === 0 ? 'exact' : 'fuzzy', candidate: there };
    return { status: 'changed', at, candidates: [there, ...candidates.slice(0, OFFERED - 1)] };
  }
  if (result.status !== 'moved') return result;
  const at = contextPlaceElsewhere(target, document, result.candidate, hint);
  if (!at) return result;
  return { status: 'changed', at, candidates: [candidateAt(target, document, at), ...candidates.slice(0, OFFERED - 1)] };
}

/**
 * Finds where an annotation belongs in `text` now: at its offsets if its quote is still there;
 * else at an exact or fuzzy match of its quote scored with its context; else nowhere (an orphan).
 * `hint` is where it is expected, by default its old position (null: unknown, as for a selector
 * imported without a position); `document` may be passed to share
 * one line-ending normalization of the text between many annotations.
 */
export function anchorAnnotation(target: AnchorTarget, text: string, hint: number | null = target.start, document = new LfText(text)): AnchorResult {
  if (atRecordedOffsets(target, text)) return { status: 'intact' };
  return decideAnchor(target, findAnchorCandidates(target, document), hint, document);
}
