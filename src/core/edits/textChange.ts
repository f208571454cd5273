/**
 * One replacement in a document, in UTF-16 code units: the shape of VS Code's
 * `TextDocumentContentChangeEvent` (`rangeOffset`, `rangeLength`, `text`), without depending on it.
 */
export interface TextChange {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

/** Applies a change to a string: the reference semantics that shifting must agree with. */
export function applyTextChange(text: string, change: TextChange): string {
  return text.slice(0, change.offset) + change.text + text.slice(change.offset + change.length);
}
