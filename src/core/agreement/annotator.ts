import type { AnnotationFields } from '../annotationFields';

/** The name an annotation without an `author` is counted under. */
export const NO_AUTHOR = '(no author)';

/**
 * The name adjudicated annotations are counted under, whoever the adjudicator was: they are the
 * result of comparing two annotators, not a third one's annotating, so `agree` can measure each
 * annotator against them (`--authors "(adjudicated),alice"`) and never mixes them into anyone's own.
 */
export const ADJUDICATED = '(adjudicated)';

/** Whether an annotation is an adjudicated one (it records what it was decided from). */
export function isAdjudicated(a: Pick<AnnotationFields, 'adjudicatedFrom'>): boolean {
  return typeof a.adjudicatedFrom === 'string' && a.adjudicatedFrom.trim() !== '';
}

/** The ids an adjudicated annotation was decided from; empty for any other. */
export function adjudicatedFromIds(a: Pick<AnnotationFields, 'adjudicatedFrom'>): string[] {
  return isAdjudicated(a) ? a.adjudicatedFrom!.trim().split(/\s+/) : [];
}

/** Whose annotation this counts as: ADJUDICATED, its author, or NO_AUTHOR. */
export function annotatorOf(a: Pick<AnnotationFields, 'author' | 'adjudicatedFrom'>): string {
  if (isAdjudicated(a)) return ADJUDICATED;
  return a.author === undefined || a.author === '' ? NO_AUTHOR : a.author;
}
