import { BUILT_IN_KIND_IDS } from './scheme/scheme';

/**
 * A kind id. Which ids exist is the annotation scheme's to say (scheme/scheme.ts); the built-in
 * scheme has the four below.
 */
export type AnnotationKind = string;

/** The built-in kinds, in the order shown to users. */
export const ANNOTATION_KINDS: readonly AnnotationKind[] = BUILT_IN_KIND_IDS;

/** Whether `value` is one of the built-in kinds. */
export function isAnnotationKind(value: unknown): value is AnnotationKind {
  return typeof value === 'string' && ANNOTATION_KINDS.includes(value);
}
