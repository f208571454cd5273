import type { AnnotationKind } from '../annotationKind';

/**
 * A proposed annotation from text analysis: never written to a sidecar until a person accepts it.
 * Offsets are UTF-16 code units into the document text without its BOM, like `Annotation`.
 */
export interface Suggestion {
  readonly kind: AnnotationKind;
  readonly start: number;
  readonly end: number;
  /** The exact text at [start, end). */
  readonly text: string;
  /** The speaker, resolved to the fullest mention in the document ("Sergey Lavrov"). */
  readonly speaker?: string;
  /** The words that justified it: a reporting cue ("said"), a hedge ("may"), a boilerplate pattern. */
  readonly cue?: string;
  /** Which rule produced it, for evaluation and for the hover ("direct quote", "share row", …). */
  readonly rule: string;
  /**
   * How likely it is right, 0–1: how often its rule was right on human-annotated news (see
   * confidence.ts). Absent on suggestions from elsewhere (an import).
   */
  readonly confidence?: number;
  /** A short reason in words, for the hover and the review ("words between quotation marks; cue “said”"). */
  readonly why?: string;
}
