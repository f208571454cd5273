import type { CorpusDocument } from '../corpus/annotatedDocument';
import type { AnnotationScheme } from '../scheme/scheme';
import { claimsReportMarkdown } from './claimsReport';
import { w3cCollection } from './w3cExport';

/**
 * The export formats, once for the command line (`export --format`) and the editor ("Export
 * Annotations…"). Each turns a corpus (code point offsets, re-anchored to the current text) into
 * a text; kinds and attributes are named as the scheme names them.
 */
export interface Exporter {
  readonly id: 'markdown' | 'json' | 'w3c';
  readonly label: string;
  readonly description: string;
  /** VS Code language id of the output. */
  readonly language: 'markdown' | 'json';
  readonly render: (corpus: readonly CorpusDocument[], scheme: AnnotationScheme) => string;
}

export const EXPORTERS: readonly Exporter[] = [
  { id: 'markdown', label: 'Markdown report', description: 'a "claims by speaker" report', language: 'markdown', render: (corpus, scheme) => claimsReportMarkdown(corpus, scheme) },
  {
    id: 'json',
    label: 'JSON',
    description: 'the annotations of each document (code point offsets, re-anchored to the current text)',
    language: 'json',
    render: (corpus) => JSON.stringify({ documents: corpus.map((d) => ({ document: d.path, annotations: d.annotations })) }, null, 2) + '\n',
  },
  {
    id: 'w3c',
    label: 'W3C Web Annotations',
    description: 'a W3C Web Annotation collection (JSON-LD, TextQuoteSelector + TextPositionSelector)',
    language: 'json',
    render: (corpus, scheme) => JSON.stringify(w3cCollection(corpus, scheme), null, 2) + '\n',
  },
];

export function findExporter(id: string): Exporter | undefined {
  return EXPORTERS.find((e) => e.id === id);
}
