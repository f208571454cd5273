import { findAttribute, type AnnotationScheme, type AttributeValue } from '../scheme/scheme';
import type { StoredAnnotation } from '../sidecar/sidecarFormat';
import { stripBom } from '../text/documentText';
import { parseJson } from './carriedFields';
import { embeddedDocumentPath, exportableDocuments } from './exportDocuments';
import type { ImportedDocument, ImportedSpan, InterchangeFormat, ParsedImport } from './format';

/**
 * Label Studio JSON: a list of tasks, `{"data": {"text"}, "annotations": [{"result": […]}],
 * "predictions": […]}`. A span is a `labels` result, `value: {start, end, text, labels}`, with
 * offsets in Unicode code points: Label Studio's own end-to-end test of the Text tag
 * (web/libs/editor/tests/integration/e2e/ner/emoji.cy.ts, "Should calculate offsets by code
 * points in text") selects "test" in "🐱 Warning: This is a test text" and expects start 21, end
 * 25, where JavaScript's UTF-16 offsets would be 22 and 26. `\r\n` counts as two characters
 * (its Text tag documentation).
 *
 * Per-region results carry the other fields, joined to their span by the result `id`: a
 * `textarea` per field (`from_name` speaker, note, author, or a text/person attribute's id) and
 * `choices` for choice and boolean attributes. Relations and results that are not spans of the
 * text are reported. `predictions` are model output, imported only as suggestions; cancelled
 * annotations are skipped. `data.document` names the document.
 */
export const LABEL_STUDIO: InterchangeFormat = {
  id: 'label-studio',
  label: 'Label Studio JSON',
  description: 'Label Studio tasks with annotations and predictions (labels results; code point offsets)',
  exporter: {
    language: 'json',
    perDocument: false,
    render: (corpus, scheme) => {
      const notes: { document: string; message: string }[] = [];
      const tasks = exportableDocuments(corpus, notes).map((doc, i) => ({
        id: i + 1,
        data: { text: doc.text, document: doc.path },
        annotations: [{ result: doc.annotations.flatMap((a) => results(a, scheme)) }],
      }));
      return { files: [{ path: 'annotations.label-studio.json', text: JSON.stringify(tasks, null, 2) + '\n' }], notes };
    },
  },
  importer: {
    extensions: ['json'],
    parse: (file, options) => {
      const parsed = parseJson(stripBom(file.text), 'the file');
      if (!parsed.ok) return { documents: [], skipped: [{ where: 'the file', reason: parsed.reason.slice('the file: '.length), whole: true }] };
      const tasks = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
      const documents: ImportedDocument[] = [];
      const skipped: ParsedImport['skipped'][number][] = [];
      tasks.forEach((task: unknown, i) => {
        const t = (task ?? {}) as Record<string, unknown>;
        const where = `task ${typeof t.id === 'number' || typeof t.id === 'string' ? t.id : i + 1}`;
        const data = (t.data ?? {}) as Record<string, unknown>;
        const text = typeof data.text === 'string' ? data.text : soleString(data);
        if (text === undefined) return void skipped.push({ where, reason: 'no text in "data" (data.text, or a single string field)' });
        const spans: ImportedSpan[] = [];
        for (const [key, prediction] of [['annotations', false], ['predictions', true]] as const) {
          const sets = Array.isArray(t[key]) ? (t[key] as unknown[]) : [];
          sets.forEach((set, j) => {
            const s = (set ?? {}) as Record<string, unknown>;
            const at = `${where}, ${key} ${j + 1}`;
            if (s.was_cancelled === true) return void skipped.push({ where: at, reason: 'a cancelled annotation' });
            spans.push(...regions(Array.isArray(s.result) ? s.result : [], at, prediction, skipped, text));
          });
        }
        const id = typeof t.id === 'number' || typeof t.id === 'string' ? String(t.id) : String(i + 1);
        documents.push({ where, documentPath: embeddedDocumentPath(file.path, options.documentFolder, data.document, id), embeddedText: text, unit: 'code-point', spans });
      });
      return { documents, skipped };
    },
  },
};

type Result = Record<string, unknown> & { value?: Record<string, unknown> };

/** The results of one stored annotation: a `labels` region and one result per other field, sharing its id. */
function results(a: StoredAnnotation, scheme: AnnotationScheme): Result[] {
  const value = { start: a.start, end: a.end, text: a.text };
  const region = (from: string, type: string, extra: Record<string, unknown>): Result => ({ id: a.id, from_name: from, to_name: 'text', type, value: { ...value, ...extra } });
  const out = [region('label', 'labels', { labels: [a.kind] })];
  for (const field of ['speaker', 'note', 'author'] as const) if (a[field]) out.push(region(field, 'textarea', { text: [a[field]] }));
  for (const [id, v] of Object.entries(a.attributes ?? {})) {
    const type = findAttribute(scheme, id)?.type;
    out.push(type === 'choice' || type === 'boolean' || typeof v === 'boolean' ? region(id, 'choices', { choices: [String(v)] }) : region(id, 'textarea', { text: [v] }));
  }
  return out;
}

/** The spans of one annotation's results: its `labels` regions with the per-region fields of the same id. */
function regions(list: unknown[], at: string, prediction: boolean, skipped: ParsedImport['skipped'][number][], text: string): ImportedSpan[] {
  const byId = new Map<string, { labels?: Result; fields: Result[] }>();
  list.forEach((item, k) => {
    const r = (item ?? {}) as Result;
    const where = `${at}, result ${typeof r.id === 'string' ? r.id : k + 1}`;
    if (r.type === 'relation') return void skipped.push({ where, reason: 'relations have no counterpart in the annotation model' });
    const v = r.value;
    if (!v || typeof v.start !== 'number' || typeof v.end !== 'number') return void skipped.push({ where, reason: `a ${String(r.type)} result that is not a span of the text` });
    const key = typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : `#${k}`;
    const entry = byId.get(key) ?? { fields: [] };
    if (r.type === 'labels' && !entry.labels) entry.labels = r;
    else entry.fields.push(r);
    byId.set(key, entry);
  });
  const spans: ImportedSpan[] = [];
  for (const [id, entry] of byId) {
    const where = `${at}, result ${id}`;
    if (!entry.labels) {
      skipped.push({ where, reason: `${entry.fields.map((f) => String(f.type)).join(', ')} with no labels result for its region` });
      continue;
    }
    const v = entry.labels.value as Record<string, unknown>;
    const fields = regionFields(entry.fields);
    const labels = Array.isArray(v.labels) ? v.labels.filter((l): l is string => typeof l === 'string') : [];
    if (labels.length === 0) skipped.push({ where, reason: 'a labels result without labels' });
    for (const label of labels) spans.push({ where, label, start: v.start as number, end: v.end as number, ...(typeof v.text === 'string' ? { quote: regionText(v.text, text, v.start as number, v.end as number) } : {}), ...fields, ...(prediction ? { prediction } : {}) });
  }
  return spans;
}

function regionFields(fields: readonly Result[]): Partial<ImportedSpan> {
  const out: { speaker?: string; note?: string; author?: string; attributes?: Record<string, AttributeValue> } = {};
  for (const f of fields) {
    const name = typeof f.from_name === 'string' ? f.from_name : '';
    const v = f.value ?? {};
    const value = f.type === 'textarea' && Array.isArray(v.text) ? v.text.join('\n') : f.type === 'choices' && Array.isArray(v.choices) ? String(v.choices[0]) : undefined;
    if (value === undefined || name === '') continue;
    if (name === 'speaker' || name === 'note' || name === 'author') out[name] = value;
    else out.attributes = { ...out.attributes, [name]: value };
  }
  return out;
}

/**
 * A region's `text` as the quote to check: Label Studio writes a line break inside a region as
 * the two characters `\\n` (its emoji test expects "Warning:\\n🐱 This is a test"), so when the
 * task's text at the offsets has a line break there, that is what the region means.
 */
function regionText(quote: string, text: string, start: number, end: number): string {
  if (!quote.includes('\\n')) return quote;
  const chars = [...text];
  const atOffsets = chars.slice(start, end).join('');
  const unescaped = quote.replace(/\\n/g, '\n');
  return atOffsets === unescaped ? unescaped : quote;
}

/** The value of a task's data when it has exactly one string field. */
function soleString(data: Record<string, unknown>): string | undefined {
  const strings = Object.values(data).filter((v): v is string => typeof v === 'string');
  return strings.length === 1 ? strings[0] : undefined;
}
