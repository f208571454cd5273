import { nodeCrypto } from '../lazyLibraries';
import type { CorpusDocument } from '../corpus/annotatedDocument';
import { BUILT_IN_SCHEME, findAttribute, formatAttributeValue, type AnnotationScheme } from '../scheme/scheme';
import type { StoredAnnotation } from '../sidecar/sidecarFormat';
import { encodePathSegment, pathToIriReference } from './iri';

/** Context of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/). */
export const W3C_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The URN prefix of every id the export makes (annotations, the collection, its page). */
const URN = 'urn:source-annotator:';

type Body = { type: 'TextualBody'; purpose: 'tagging' | 'identifying' | 'commenting' | 'classifying' | 'describing'; value: string };
type Selector =
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'tagging';
  creator?: { type: 'Person'; name: string };
  body: Body[];
  target: { source: string; selector: Selector[] };
}

export interface W3cCollection {
  '@context': typeof W3C_ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; partOf: string; startIndex: 0; items: W3cAnnotation[] };
}

/**
 * The corpus as one W3C AnnotationCollection in JSON-LD. Each annotation targets its document
 * by its relative path as an IRI reference (percent-encoded, segments kept) with a
 * TextQuoteSelector (exact, prefix, suffix) and, unless orphaned, a TextPositionSelector (code
 * point offsets, which is what the sidecar stores). The kind is a tagging body, the speaker an
 * identifying body, the note a commenting body. Ordered by document path, then position, then
 * id, so the output is stable. Ids are URNs made of the document path and the annotation id, so
 * a copied document (same annotation ids in its sidecar) never repeats an id; the collection's
 * id comes from the set of document paths.
 */
export function w3cCollection(corpus: readonly CorpusDocument[], scheme: AnnotationScheme = BUILT_IN_SCHEME): W3cCollection {
  const documents = [...corpus].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const items = documents.flatMap((doc) => doc.annotations.map((a) => w3cAnnotation(doc.path, a, scheme)));
  const scope = nodeCrypto().createHash('sha256').update(JSON.stringify(documents.map((d) => d.path))).digest('hex');
  const id = `${URN}collection:sha256:${scope}`;
  return {
    '@context': W3C_ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'Source Annotator annotations',
    total: items.length,
    first: { id: `${id}:page:1`, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
  };
}

/**
 * The id of an annotation of the document at `documentPath`: `urn:source-annotator:` + the
 * path as an IRI reference + `:` + the annotation id, so that different (path, id) pairs never
 * share an id (`:` is always encoded inside the path) and the same pair always gets the same one.
 */
export function w3cAnnotationId(documentPath: string, annotationId: string): string {
  // A URN's name may not start with "/" (RFC 8141), which an absolute path would.
  const path = pathToIriReference(documentPath).replace(/^\//, '%2F');
  return `${URN}${path}:${encodePathSegment(annotationId)}`;
}

export function w3cAnnotation(documentPath: string, a: StoredAnnotation, scheme: AnnotationScheme = BUILT_IN_SCHEME): W3cAnnotation {
  const body: Body[] = [{ type: 'TextualBody', purpose: 'tagging', value: a.kind }];
  if (a.speaker) body.push({ type: 'TextualBody', purpose: 'identifying', value: a.speaker });
  if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note });
  // The scheme's own attributes, one body each, "id: value" (the Web Annotation model has no
  // named body property): a person as `identifying` like the speaker, a choice or boolean as
  // `classifying`, free text as `describing`.
  for (const [id, value] of Object.entries(a.attributes ?? {})) {
    const type = findAttribute(scheme, id)?.type;
    const purpose = type === 'person' ? 'identifying' : type === 'text' ? 'describing' : 'classifying';
    body.push({ type: 'TextualBody', purpose, value: `${id}: ${formatAttributeValue(value)}` });
  }
  const quote: Selector = { type: 'TextQuoteSelector', exact: a.text };
  if (a.prefix) quote.prefix = a.prefix;
  if (a.suffix) quote.suffix = a.suffix;
  const selector: Selector[] = [quote];
  if (!a.orphaned) selector.push({ type: 'TextPositionSelector', start: a.start, end: a.end });
  const annotation: W3cAnnotation = {
    id: w3cAnnotationId(documentPath, a.id),
    type: 'Annotation',
    motivation: 'tagging',
    body,
    target: { source: pathToIriReference(documentPath), selector },
  };
  if (a.author) annotation.creator = { type: 'Person', name: a.author };
  return annotation;
}
