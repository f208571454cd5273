import type { InterchangeFormat } from './format';
import { exportableDocuments, jsonLines } from './exportDocuments';

/**
 * spaCy-ready JSONL, for training span categorisers and NER: one line per document,
 * `{"text", "spans": [{"start", "end", "label"}], "meta": {"document"}}`, offsets in code points
 * (what a Python `str` counts, so `text[start:end]` is the span; `Doc.char_span` takes them).
 * The label is the kind id. Export only: speakers, notes, authors and attributes are not carried.
 */
export const SPACY: InterchangeFormat = {
  id: 'spacy',
  label: 'spaCy JSONL',
  description: 'spaCy-ready JSONL for training: {"text", "spans": [{start, end, label}]}, code point offsets',
  exporter: {
    language: 'json',
    perDocument: false,
    render: (corpus) => {
      const notes: { document: string; message: string }[] = [];
      const lines = exportableDocuments(corpus, notes).map((doc) => ({
        text: doc.text,
        spans: doc.annotations.map((a) => ({ start: a.start, end: a.end, label: a.kind })),
        meta: { document: doc.path },
      }));
      return { files: [{ path: 'annotations.spacy.jsonl', text: jsonLines(lines) }], notes };
    },
  },
};
