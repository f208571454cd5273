import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotation';

/** Selects an annotation's span and scrolls it to the centre, as Go to Symbol does. */
export function revealAnnotation(editor: vscode.TextEditor, annotation: Pick<Annotation, 'start' | 'end'>, type = vscode.TextEditorRevealType.InCenter): void {
  const range = new vscode.Range(editor.document.positionAt(annotation.start), editor.document.positionAt(annotation.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, type);
}
