// Shared by the property tests of anchoring and corpus loading: edits applied to a generated text,
// and annotations spread over it.
import { DocumentAnnotations, type NewAnnotation } from '../../src/core/documentAnnotations';

/** An edit at a fraction of the text: `remove` characters there replaced by `insert`, or by a copy of the text at `copyFrom` (a pasted passage). */
export interface TextEdit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
  readonly copyFrom?: number;
}

/** How much text a pasted passage copies. */
const PASTED_LENGTH = 160;

export function applyEdits(original: string, edits: readonly TextEdit[]): string {
  let now = original;
  for (const e of edits) {
    const at = Math.floor(e.at * now.length);
    const from = e.copyFrom === undefined ? 0 : Math.floor(e.copyFrom * now.length);
    const inserted = e.copyFrom === undefined ? e.insert : now.slice(from, from + PASTED_LENGTH);
    now = now.slice(0, at) + inserted + now.slice(at + e.remove);
  }
  return now;
}

/** Annotations of `text`, one per [fraction of the text where it starts, length], clipped to the text (which must not be empty). */
export function annotateSpans(text: string, spans: readonly (readonly [number, number])[], fields: Partial<NewAnnotation> = {}): DocumentAnnotations {
  const doc = new DocumentAnnotations();
  for (const [where, length] of spans) {
    const start = Math.min(text.length - 1, Math.floor(where * text.length));
    doc.add({ kind: 'claim', ...fields, start, end: Math.min(text.length, start + length) }, text);
  }
  return doc;
}
