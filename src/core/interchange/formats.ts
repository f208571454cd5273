import type { CorpusDocument } from '../corpus/annotatedDocument';
import type { AnnotationScheme } from '../scheme/scheme';
import { claimsReportMarkdown } from '../report/claimsReport';
import { w3cCollection } from '../report/w3cExport';
import { BRAT } from './brat';
import { DOCCANO } from './doccano';
import type { FormatExporter, FormatImporter, InterchangeFormat } from './format';
import { LABEL_STUDIO } from './labelStudio';
import { SPACY } from './spacy';
import { parseW3c } from './w3cImport';

/** A format that renders the whole corpus as one file. */
function singleFile(path: string, language: FormatExporter['language'], render: (corpus: readonly CorpusDocument[], scheme: AnnotationScheme) => string): FormatExporter {
  return { language, perDocument: false, render: (corpus, scheme) => ({ files: [{ path, text: render(corpus, scheme) }], notes: [] }) };
}

/**
 * Every interchange format, once, for the command line (`import`/`export --format`) and the
 * editor ("Import Annotations…", "Export Annotations…"), in the order pickers show them.
 */
export const FORMATS: readonly InterchangeFormat[] = [
  { id: 'markdown', label: 'Markdown report', description: 'a "claims by speaker" report', exporter: singleFile('claims-report.md', 'markdown', (corpus, scheme) => claimsReportMarkdown(corpus, scheme)) },
  {
    id: 'json',
    label: 'JSON',
    description: 'the annotations of each document (code point offsets, re-anchored to the current text)',
    exporter: singleFile('annotations.json', 'json', (corpus) => JSON.stringify({ documents: corpus.map((d) => ({ document: d.path, annotations: d.annotations })) }, null, 2) + '\n'),
  },
  {
    id: 'w3c',
    label: 'W3C Web Annotations',
    description: 'a W3C Web Annotation collection (JSON-LD, TextQuoteSelector + TextPositionSelector; import re-anchors by quote)',
    exporter: singleFile('annotations.w3c.jsonld', 'json', (corpus, scheme) => JSON.stringify(w3cCollection(corpus, scheme), null, 2) + '\n'),
    importer: { extensions: ['json', 'jsonld'], parse: parseW3c },
  },
  BRAT,
  LABEL_STUDIO,
  DOCCANO,
  SPACY,
];

export type ExportFormat = InterchangeFormat & { readonly exporter: FormatExporter };
export type ImportFormat = InterchangeFormat & { readonly importer: FormatImporter };

export const EXPORT_FORMATS: readonly ExportFormat[] = FORMATS.filter((f): f is ExportFormat => f.exporter !== undefined);
export const IMPORT_FORMATS: readonly ImportFormat[] = FORMATS.filter((f): f is ImportFormat => f.importer !== undefined);

export function findFormat(id: string): InterchangeFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}
