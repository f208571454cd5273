import type { AnnotationFields } from './annotationFields';

/**
 * One tagged span, as the extension and the CLI hold it in memory: the fields of
 * annotationFields.ts, with offsets in UTF-16 code units into the document text without its BOM,
 * because that is what JavaScript strings and the VS Code API use. The sidecar stores Unicode
 * code points instead; the conversion happens only at the sidecar boundary (sidecar/sidecarCodec.ts).
 */
export type Annotation = AnnotationFields;

/** Orders annotations (or anything with a span and an id) by position, then id, the order the sidecar uses. */
export function compareAnnotations(a: Pick<Annotation, 'start' | 'end' | 'id'>, b: Pick<Annotation, 'start' | 'end' | 'id'>): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
