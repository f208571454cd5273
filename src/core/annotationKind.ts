/** The four kinds of span an annotator can tag. The order is the order shown to users. */
export const ANNOTATION_KINDS = ['claim', 'quote', 'speculation', 'advertisement'] as const;

export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export function isAnnotationKind(value: unknown): value is AnnotationKind {
  return typeof value === 'string' && (ANNOTATION_KINDS as readonly string[]).includes(value);
}
