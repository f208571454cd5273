import type { CorpusDocument } from '../corpus/annotatedDocument';
import type { StoredAnnotation } from '../sidecar/sidecarFormat';

/** Context of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/). */
export const W3C_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

type Body = { type: 'TextualBody'; purpose: 'tagging' | 'identifying' | 'commenting'; value: string };
type Selector =
  | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
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
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; items: W3cAnnotation[] };
}

/**
 * The corpus as one W3C AnnotationCollection in JSON-LD. Each annotation targets its document
 * (relative path) with a TextQuoteSelector (exact, prefix, suffix) and, unless orphaned, a
 * TextPositionSelector (code point offsets, which is what the sidecar stores). The kind is a
 * tagging body, the speaker an identifying body, the note a commenting body. Ordered by document
 * path, then position, then id, so the output is stable.
 */
export function w3cCollection(corpus: readonly CorpusDocument[]): W3cCollection {
  const items = [...corpus]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .flatMap((doc) => doc.annotations.map((a) => w3cAnnotation(doc.path, a)));
  return { '@context': W3C_ANNOTATION_CONTEXT, type: 'AnnotationCollection', label: 'Source Annotator annotations', total: items.length, first: { type: 'AnnotationPage', items } };
}

export function w3cAnnotation(source: string, a: StoredAnnotation): W3cAnnotation {
  const body: Body[] = [{ type: 'TextualBody', purpose: 'tagging', value: a.kind }];
  if (a.speaker) body.push({ type: 'TextualBody', purpose: 'identifying', value: a.speaker });
  if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note });
  const selector: Selector[] = [{ type: 'TextQuoteSelector', exact: a.text, prefix: a.prefix, suffix: a.suffix }];
  if (!a.orphaned) selector.push({ type: 'TextPositionSelector', start: a.start, end: a.end });
  const annotation: W3cAnnotation = { id: `urn:source-annotator:${a.id}`, type: 'Annotation', motivation: 'tagging', body, target: { source, selector } };
  if (a.author) annotation.creator = { type: 'Person', name: a.author };
  return annotation;
}
