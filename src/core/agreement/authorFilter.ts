import type { AnnotationFields } from '../annotationFields';
import { annotatorOf, isAdjudicated } from './annotator';

/**
 * Whose annotations the editor draws (`sourceAnnotator.decorations.authorFilter`): `all`, `mine`
 * (the annotator's own, adjudicated ones included), `adjudicated` (only the result of
 * adjudication), or `author:<name>` (one annotator's own, without adjudicated copies).
 */
export type AuthorFilter = 'all' | 'mine' | 'adjudicated' | `author:${string}`;

export const AUTHOR_PREFIX = 'author:';

/** The filter a setting's value names; anything unrecognised is `all`, so nothing vanishes by mistake. */
export function parseAuthorFilter(value: unknown): AuthorFilter {
  if (value === 'mine' || value === 'adjudicated') return value;
  if (typeof value === 'string' && value.startsWith(AUTHOR_PREFIX) && value.length > AUTHOR_PREFIX.length) return value as AuthorFilter;
  return 'all';
}

/** Whether the filter shows this annotation; `me` is the annotator (the `author` setting). */
export function authorFilterShows(filter: AuthorFilter, annotation: Pick<AnnotationFields, 'author' | 'adjudicatedFrom'>, me: string | undefined): boolean {
  if (filter === 'all') return true;
  if (filter === 'adjudicated') return isAdjudicated(annotation);
  if (filter === 'mine') return me !== undefined && annotation.author === me;
  return annotatorOf(annotation) === filter.slice(AUTHOR_PREFIX.length);
}
