import type { AnnotationKind } from '../annotationKind';

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
 * One annotation as stored in the sidecar. Unlike the in-memory `Annotation`, offsets are
 * Unicode CODE POINT offsets into the BOM-less document text (the W3C Web Annotation
 * TextPositionSelector convention), so other tools can read them without knowing UTF-16.
 */
export interface StoredAnnotation {
  id: string;
  kind: AnnotationKind;
  /** Inclusive start, code points. */
  start: number;
  /** Exclusive end, code points. */
  end: number;
  /** The exact quote (TextQuoteSelector `exact`). */
  text: string;
  prefix: string;
  suffix: string;
  speaker?: string;
  note?: string;
  author?: string;
  orphaned?: boolean;
}

export interface SidecarFile {
  version: typeof SIDECAR_VERSION;
  /** `sha256:` + hex of the document text the offsets were computed against. */
  documentHash: string;
  annotations: StoredAnnotation[];
}

/** Output key order of the file; fixed so that diffs only show real changes. */
export const SIDECAR_KEYS = ['version', 'documentHash', 'annotations'] as const;

/** Output key order of each annotation. */
export const STORED_ANNOTATION_KEYS = [
  'id',
  'kind',
  'start',
  'end',
  'text',
  'prefix',
  'suffix',
  'speaker',
  'note',
  'author',
  'orphaned',
] as const satisfies readonly (keyof StoredAnnotation)[];

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
 * The canonical form of an annotation: keys in output order, optional strings dropped when
 * empty and `orphaned` dropped unless true. Writing and reading agree on this form, so
 * parse(serialize(x)) equals normalizeStoredAnnotation(x).
 */
export function normalizeStoredAnnotation(a: StoredAnnotation): StoredAnnotation {
  const out: StoredAnnotation = {
    id: a.id,
    kind: a.kind,
    start: a.start,
    end: a.end,
    text: a.text,
    prefix: a.prefix,
    suffix: a.suffix,
  };
  if (a.speaker) out.speaker = a.speaker;
  if (a.note) out.note = a.note;
  if (a.author) out.author = a.author;
  if (a.orphaned === true) out.orphaned = true;
  return out;
}
