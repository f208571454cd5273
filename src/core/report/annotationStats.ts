import { ANNOTATION_KINDS, type AnnotationKind } from '../annotationKind';
import type { CorpusDocument } from '../corpus/annotatedDocument';

export interface AnnotationStats {
  readonly documents: number;
  readonly annotations: number;
  readonly orphans: number;
  readonly byKind: Readonly<Record<AnnotationKind, number>>;
  /** Sorted by count (descending), then name; `""` counts annotations without a speaker. */
  readonly bySpeaker: readonly [string, number][];
  readonly byDocument: readonly [string, number][];
  /** `""` counts annotations without an author. */
  readonly byAuthor: readonly [string, number][];
}

/** Counts per kind, speaker, document and annotator over a corpus. */
export function annotationStats(corpus: readonly CorpusDocument[]): AnnotationStats {
  const byKind = Object.fromEntries(ANNOTATION_KINDS.map((k) => [k, 0])) as Record<AnnotationKind, number>;
  const speakers = new Map<string, number>();
  const documents = new Map<string, number>();
  const authors = new Map<string, number>();
  let annotations = 0;
  let orphans = 0;
  for (const doc of corpus) {
    documents.set(doc.path, doc.annotations.length);
    for (const a of doc.annotations) {
      annotations++;
      if (a.orphaned) orphans++;
      byKind[a.kind]++;
      increment(speakers, a.speaker ?? '');
      increment(authors, a.author ?? '');
    }
  }
  return { documents: corpus.length, annotations, orphans, byKind, bySpeaker: ranked(speakers), byDocument: ranked(documents), byAuthor: ranked(authors) };
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function ranked(counts: Map<string, number>): [string, number][] {
  return [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
}
