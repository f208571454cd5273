import type { AnnotationKind } from './annotationKind';

/**
 * One tagged span, as the extension and the CLI hold it in memory.
 *
 * Offsets here are UTF-16 code units into the document text without its BOM, because that is
 * what JavaScript strings and the VS Code API use. The sidecar stores Unicode code points
 * instead; the conversion happens only at the sidecar boundary (see sidecar/sidecarCodec.ts).
 */
export interface Annotation {
  /** Stable, random id: never derived from position, so two branches never mint the same one. */
  readonly id: string;
  kind: AnnotationKind;
  /** Inclusive start, UTF-16 offset. */
  start: number;
  /** Exclusive end, UTF-16 offset. Equal to `start` only for an orphan. */
  end: number;
  /** The exact text the span covered when it was last anchored. */
  text: string;
  /** Up to a few dozen characters of text before the span, for re-anchoring. */
  prefix: string;
  /** Up to a few dozen characters of text after the span, for re-anchoring. */
  suffix: string;
  speaker?: string;
  note?: string;
  author?: string;
  /** True when the span's text could not be found: kept, reported, never dropped. */
  orphaned?: boolean;
}

/** Orders annotations (or anything with a span and an id) by position, then id, the order the sidecar uses. */
export function compareAnnotations(a: Pick<Annotation, 'start' | 'end' | 'id'>, b: Pick<Annotation, 'start' | 'end' | 'id'>): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
