import type { ImportedDocument, ImportedSpan, InterchangeFormat, ParsedImport } from './format';
import { carriedFields, parseJson, readCarriedFields } from './carriedFields';
import { embeddedDocumentPath, exportableDocuments, jsonLines } from './exportDocuments';
import { stripBom } from '../text/documentText';

/**
 * doccano sequence labeling JSONL: one line per document, `{"text", "label": [[start, end,
 * "LABEL"], …]}`, offsets in code points (doccano's backend keeps them as Python string
 * indices; its editor counts code points unless the project counts grapheme clusters). The
 * relation-extraction shape (`"entities": [{start_offset, end_offset, label}]`, `"relations"`)
 * is read too; relations have no counterpart and are reported.
 *
 * Speaker, note, author and attributes have no place in doccano's labels: the export carries
 * them in an extra key per line, `source_annotator: [{start, end, label, speaker, …}]`, which
 * doccano keeps as metadata of the example; the import reads them back from there. The line's
 * `document` key names the document (relative to the import file, or --documents).
 */
export const DOCCANO: InterchangeFormat = {
  id: 'doccano',
  label: 'doccano JSONL',
  description: 'doccano sequence labeling JSONL: {"text", "label": [[start, end, label]]}, code point offsets',
  exporter: {
    language: 'json',
    perDocument: false,
    render: (corpus) => {
      const notes: { document: string; message: string }[] = [];
      const lines = exportableDocuments(corpus, notes).map((doc) => {
        const fields = doc.annotations.map((a) => ({ start: a.start, end: a.end, label: a.kind, ...carriedFields(a) })).filter((f) => Object.keys(f).length > 3);
        return { text: doc.text, label: doc.annotations.map((a) => [a.start, a.end, a.kind]), document: doc.path, ...(fields.length > 0 ? { source_annotator: fields } : {}) };
      });
      return { files: [{ path: 'annotations.doccano.jsonl', text: jsonLines(lines) }], notes };
    },
  },
  importer: {
    extensions: ['jsonl'],
    parse: (file, options) => {
      const documents: ImportedDocument[] = [];
      const skipped: ParsedImport['skipped'][number][] = [];
      stripBom(file.text)
        .split(/\r?\n/)
        .forEach((line, i) => {
          const where = `line ${i + 1}`;
          if (line.trim() === '') return;
          const parsed = parseJson(line, where);
          if (!parsed.ok) return void skipped.push({ where, reason: parsed.reason.slice(where.length + 2) });
          const record = parsed.value as Record<string, unknown>;
          if (!record || typeof record !== 'object' || typeof record.text !== 'string') return void skipped.push({ where, reason: 'no "text" string' });
          const id = typeof record.id === 'number' || typeof record.id === 'string' ? String(record.id) : String(i + 1);
          const carried = Array.isArray(record.source_annotator) ? record.source_annotator.map(readCarriedWithSpan) : [];
          const spans: ImportedSpan[] = [];
          for (const [j, entry] of labelEntries(record).entries()) {
            const at = `${where}, label ${j + 1}`;
            if (typeof entry === 'string') {
              skipped.push({ where: at, reason: `"${entry}" labels the whole text (text classification), not a span` });
              continue;
            }
            if (!entry) {
              skipped.push({ where: at, reason: 'not a [start, end, label] span' });
              continue;
            }
            const fields = carried.find((c) => c.start === entry.start && c.end === entry.end && c.label === entry.label)?.fields ?? {};
            spans.push({ where: at, label: entry.label, start: entry.start, end: entry.end, ...fields });
          }
          if (Array.isArray(record.relations)) for (const [j] of record.relations.entries()) skipped.push({ where: `${where}, relation ${j + 1}`, reason: 'relations have no counterpart in the annotation model' });
          documents.push({ where, documentPath: embeddedDocumentPath(file.path, options.documentFolder, record.document, id), embeddedText: record.text, unit: 'code-point', spans });
        });
      return { documents, skipped };
    },
  },
};

type LabelEntry = { start: number; end: number; label: string } | string | undefined;

/** The spans of a line: `label: [[s, e, L]]`, or `entities: [{start_offset, end_offset, label}]`. */
function labelEntries(record: Record<string, unknown>): LabelEntry[] {
  const list = Array.isArray(record.label) ? record.label : Array.isArray(record.labels) ? record.labels : Array.isArray(record.entities) ? record.entities : [];
  return list.map((e: unknown): LabelEntry => {
    if (typeof e === 'string') return e;
    if (Array.isArray(e) && typeof e[0] === 'number' && typeof e[1] === 'number' && typeof e[2] === 'string') return { start: e[0], end: e[1], label: e[2] };
    const o = e as Record<string, unknown> | null;
    if (o && typeof o.start_offset === 'number' && typeof o.end_offset === 'number' && typeof o.label === 'string') return { start: o.start_offset, end: o.end_offset, label: o.label };
    return undefined;
  });
}

function readCarriedWithSpan(value: unknown): { start: unknown; end: unknown; label: unknown; fields: ReturnType<typeof readCarriedFields> } {
  const v = (value ?? {}) as Record<string, unknown>;
  return { start: v.start, end: v.end, label: v.label, fields: readCarriedFields(v) };
}
