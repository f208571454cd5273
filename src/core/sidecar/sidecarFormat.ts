import { ANNOTATION_FIELD_NAMES, normalizeFields, type AnnotationFields } from '../annotationFields';

/** The on-disk format version this code reads and writes. */
export const SIDECAR_VERSION = 1;

/** A document `X` keeps its annotations in `X.annotations.yaml` next to it. */
export const SIDECAR_SUFFIX = '.annotations.yaml';

/** Sidecar path for a document path (plain string suffix: works for POSIX, Windows and URIs). */
export function sidecarPathFor(documentPath: string): string {
  return documentPath + SIDECAR_SUFFIX;
}

export function isSidecarPath(path: string): boolean {
  return path.length > SIDECAR_SUFFIX.length && path.endsWith(SIDECAR_SUFFIX);
}

/** The document a sidecar belongs to, or undefined when `sidecarPath` is not a sidecar path. */
export function documentPathForSidecar(sidecarPath: string): string | undefined {
  return isSidecarPath(sidecarPath) ? sidecarPath.slice(0, -SIDECAR_SUFFIX.length) : undefined;
}

/**
 * One annotation as stored in the sidecar: the same fields as the in-memory `Annotation` (one
 * definition, annotationFields.ts), but offsets are Unicode CODE POINT offsets into the BOM-less
 * document text (the W3C Web Annotation TextPositionSelector convention), so other tools can read
 * them without knowing UTF-16.
 */
export type StoredAnnotation = AnnotationFields;

export interface SidecarFile {
  version: typeof SIDECAR_VERSION;
  /** `sha256:` + hex of the document text the offsets were computed against. */
  documentHash: string;
  annotations: StoredAnnotation[];
}

/** Output key order of the file; fixed so that diffs only show real changes. */
export const SIDECAR_KEYS = ['version', 'documentHash', 'annotations'] as const;

/** Output key order of each annotation. */
export const STORED_ANNOTATION_KEYS: readonly (keyof StoredAnnotation)[] = ANNOTATION_FIELD_NAMES;

/**
 * The order the file is written in: grouped by author (no author first), then (start, end, id).
 * Grouping by author is what lets two annotators' additions on two branches land in different
 * parts of the file, so plain `git merge` combines them (see serializeSidecar).
 */
export function compareStoredAnnotations(a: StoredAnnotation, b: StoredAnnotation): number {
  return compareStrings(a.author ?? '', b.author ?? '') || a.start - b.start || a.end - b.end || compareStrings(a.id, b.id);
}

/** Code unit order: the same on every machine and locale, unlike localeCompare. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The canonical form of an annotation (see normalizeFields): keys in output order, optional
 * fields dropped when empty. Writing and reading agree on this form, so parse(serialize(x))
 * equals normalizeStoredAnnotation(x).
 */
export function normalizeStoredAnnotation(a: StoredAnnotation): StoredAnnotation {
  return normalizeFields(a);
}
