import type { AnnotationKind } from '../annotationKind';
import type { CorpusDocument } from '../corpus/annotatedDocument';
import { BUILT_IN_SCHEME, formatAttributeValue, type AnnotationScheme } from '../scheme/scheme';

export interface AnnotationStats {
  readonly documents: number;
  readonly annotations: number;
  readonly orphans: number;
  /** Every kind of the scheme in its order (0 when unused), then kinds it does not declare. */
  readonly byKind: Readonly<Record<AnnotationKind, number>>;
  /** Sorted by count (descending), then name; `""` counts annotations without a speaker. */
  readonly bySpeaker: readonly [string, number][];
  readonly byDocument: readonly [string, number][];
  /** `""` counts annotations without an author. */
  readonly byAuthor: readonly [string, number][];
  /**
   * Per choice or boolean attribute of the scheme, the count of each value (a choice's values in
   * the scheme's order, booleans as yes/no), then `""` for annotations without one. Only
   * attributes the scheme has: none in the built-in scheme.
   */
  readonly byAttribute: Readonly<Record<string, readonly [string, number][]>>;
}

/** Counts per kind, speaker, document, annotator and attribute value over a corpus. */
export function annotationStats(corpus: readonly CorpusDocument[], scheme: AnnotationScheme = BUILT_IN_SCHEME): AnnotationStats {
  const byKind: Record<AnnotationKind, number> = Object.fromEntries(scheme.kinds.map((k) => [k.id, 0]));
  const counted = scheme.attributes.filter((a) => !a.builtIn && (a.type === 'choice' || a.type === 'boolean'));
  const values = new Map(counted.map((a) => [a.id, new Map<string, number>((a.type === 'choice' ? (a.values ?? []) : ['yes', 'no']).map((v) => [v, 0]))]));
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
      byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
      increment(speakers, a.speaker ?? '');
      increment(authors, a.author ?? '');
      for (const [id, counts] of values) {
        const value = a.attributes?.[id];
        increment(counts, value === undefined ? '' : formatAttributeValue(value));
      }
    }
  }
  const byAttribute = Object.fromEntries([...values].map(([id, counts]) => [id, [...counts].sort(([x], [y]) => Number(x === '') - Number(y === ''))]));
  return { documents: corpus.length, annotations, orphans, byKind, bySpeaker: ranked(speakers), byDocument: ranked(documents), byAuthor: ranked(authors), byAttribute };
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function ranked(counts: Map<string, number>): [string, number][] {
  return [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
}
