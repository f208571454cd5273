import type { CorpusDocument } from '../corpus/annotatedDocument';
import { ADJUDICATED, annotatorOf, isAdjudicated, NO_AUTHOR } from './annotator';
import type { AgreementDocument } from './compareAnnotators';

export { NO_AUTHOR };

/** What `--authors` takes for the adjudicated annotations, besides ADJUDICATED itself. */
export const ADJUDICATED_NAME = 'adjudicated';

/** One pair of annotators to compare, with the documents they are compared on. */
export interface AnnotatorPair {
  readonly a: string;
  readonly b: string;
  readonly documents: AgreementDocument[];
}

/**
 * Pairs of authors within the same sidecars: the two named, or every pair of authors found (in
 * code-unit order). Adjudicated annotations count as ADJUDICATED (see annotator.ts) and are left
 * out of every pair unless named: they are the curation of two annotators, not a third one. A pair is
 * compared on the documents where BOTH left at least one annotation: a sidecar does not record
 * that someone read a document and found nothing in it, so a document only one of them touched
 * is not counted as the other's "no annotation".
 */
export function authorPairs(corpus: readonly CorpusDocument[], authors?: readonly [string, string]): AnnotatorPair[] {
  const names = authors ? authors.map((name) => annotatorNamed(corpus, name)) : sortedAuthors(corpus).filter((name) => name !== ADJUDICATED);
  const pairs: AnnotatorPair[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = names[i];
      const b = names[j];
      const documents: AgreementDocument[] = [];
      for (const doc of corpus) {
        const ofA = doc.annotations.filter((x) => annotatorOf(x) === a);
        const ofB = doc.annotations.filter((x) => annotatorOf(x) === b);
        if (ofA.length > 0 && ofB.length > 0) documents.push({ path: doc.path, text: doc.documentText, a: ofA, b: ofB });
      }
      pairs.push({ a, b, documents });
    }
  }
  return pairs;
}

/**
 * The annotator a name given on the command line means: `adjudicated` is ADJUDICATED (as in Show
 * Annotations of…), unless an author is really called that.
 */
function annotatorNamed(corpus: readonly CorpusDocument[], name: string): string {
  if (name !== ADJUDICATED_NAME || sortedAuthors(corpus).includes(name)) return name;
  return ADJUDICATED;
}

function sortedAuthors(corpus: readonly CorpusDocument[]): string[] {
  const names = new Set<string>();
  for (const doc of corpus) for (const x of doc.annotations) names.add(annotatorOf(x));
  return [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

/**
 * Two versions of one corpus (two folders, two git refs), documents matched by path. A document
 * with a sidecar on one side only is compared against no annotations on the other: in a copy of
 * the corpus, a missing sidecar means nothing was annotated there. Those paths are returned too,
 * so the caller can say so. Adjudicated annotations are left out of both sides, as out of every
 * pair of authors: adjudicating on an annotator's branch leaves that branch's agreement as it was.
 */
export function corpusPair(a: readonly CorpusDocument[], b: readonly CorpusDocument[]): { documents: AgreementDocument[]; onlyA: string[]; onlyB: string[] } {
  return pairByPath(a.map(withoutAdjudicated), b.map(withoutAdjudicated));
}

function withoutAdjudicated(doc: CorpusDocument): CorpusDocument {
  return doc.annotations.some(isAdjudicated) ? { ...doc, annotations: doc.annotations.filter((x) => !isAdjudicated(x)) } : doc;
}

function pairByPath(a: readonly CorpusDocument[], b: readonly CorpusDocument[]): { documents: AgreementDocument[]; onlyA: string[]; onlyB: string[] } {
  const byPath = new Map(b.map((doc) => [doc.path, doc]));
  const documents: AgreementDocument[] = [];
  const onlyA: string[] = [];
  for (const doc of a) {
    const other = byPath.get(doc.path);
    byPath.delete(doc.path);
    if (!other) onlyA.push(doc.path);
    documents.push({ path: doc.path, text: doc.documentText ?? other?.documentText, a: doc.annotations, b: other?.annotations ?? [] });
  }
  const onlyB = [...byPath.keys()];
  for (const doc of byPath.values()) documents.push({ path: doc.path, text: doc.documentText, a: [], b: doc.annotations });
  return { documents, onlyA, onlyB: onlyB.sort() };
}
