import { compareAnnotations, type Annotation } from '../annotation';
import type { AnnotationKind } from '../annotationKind';

/** Where the reader is: the selection, and the annotation last jumped to if it is still selected. */
export interface ReadingPosition {
  readonly start: number;
  readonly end: number;
  readonly currentId?: string;
}

export type Direction = 'next' | 'previous';

/** What ordering reads of an annotation; suggestions waiting for review have it too. */
export type OrderedSpan = Pick<Annotation, 'id' | 'kind' | 'start' | 'end' | 'orphaned'>;

/**
 * The annotation after (or before) the reading position, in document order (start, end, id),
 * orphans excluded, optionally of one kind. Returns undefined at the end of the document, so the
 * caller decides whether to wrap or move on to the next document.
 *
 * The position compares like an annotation: a cursor at `p` sorts as the empty span (p, p), so an
 * annotation starting exactly at the cursor comes next; a selection that is exactly an annotation
 * sorts as that annotation, so overlapping and identical spans are all visited in turn.
 */
export function adjacentAnnotation<T extends OrderedSpan>(
  annotations: readonly T[],
  position: ReadingPosition,
  direction: Direction,
  kind?: AnnotationKind,
): T | undefined {
  const current = position.currentId ? annotations.find((a) => a.id === position.currentId && a.start === position.start && a.end === position.end) : undefined;
  const key: Pick<Annotation, 'start' | 'end' | 'id'> = current ?? { start: position.start, end: position.end, id: direction === 'next' ? '\uffff' : '' };
  const candidates = annotations.filter((a) => !a.orphaned && (!kind || a.kind === kind) && a !== current);
  const order = (a: T) => compareAnnotations(a, key);
  if (direction === 'next') return candidates.filter((a) => order(a) > 0).sort(compareAnnotations)[0];
  return candidates.filter((a) => order(a) < 0).sort(compareAnnotations).pop();
}

/** The first (or last) annotation of a document, for entering it from the previous one. */
export function edgeAnnotation<T extends OrderedSpan>(annotations: readonly T[], direction: Direction, kind?: AnnotationKind): T | undefined {
  const candidates = annotations.filter((a) => !a.orphaned && (!kind || a.kind === kind)).sort(compareAnnotations);
  return direction === 'next' ? candidates[0] : candidates[candidates.length - 1];
}
