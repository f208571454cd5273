import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotation';
import { kindPresentation } from '../kindPresentation';
import { Disposable } from '../lifecycle';

function side(name: 'A' | 'B'): vscode.TextEditorDecorationType {
  const border = new vscode.ThemeColor(`sourceAnnotator.adjudication${name}Border`);
  // A is boxed above, B underlined below, so where the two spans overlap both stay visible.
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor(`sourceAnnotator.adjudication${name}Background`),
    borderColor: border,
    borderStyle: name === 'A' ? 'solid none none none' : 'none none solid none',
    borderWidth: '2px',
    overviewRulerColor: border,
    overviewRulerLane: name === 'A' ? vscode.OverviewRulerLane.Left : vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    before: { color: border, fontWeight: 'bold', margin: '0 4px 0 0' },
  });
}

/** Draws annotator A's and annotator B's span of the current disagreement, each labelled. */
export class PairDecorations extends Disposable {
  private readonly a = this._register(side('A'));
  private readonly b = this._register(side('B'));
  private editor: vscode.TextEditor | undefined;

  show(editor: vscode.TextEditor, a: Annotation | undefined, b: Annotation | undefined, names: { a: string; b: string }): void {
    this.clear();
    this.editor = editor;
    const options = (x: Annotation | undefined, label: string, name: string): vscode.DecorationOptions[] => {
      if (!x) return [];
      const range = new vscode.Range(editor.document.positionAt(x.start), editor.document.positionAt(x.end));
      const kind = kindPresentation(x.kind).label;
      return [{ range, hoverMessage: new vscode.MarkdownString().appendText(`${label} (${name}): ${kind}`), renderOptions: { before: { contentText: `${label}: ${kind}` } } }];
    };
    editor.setDecorations(this.a, options(a, 'A', names.a));
    editor.setDecorations(this.b, options(b, 'B', names.b));
  }

  clear(): void {
    if (!this.editor) return;
    this.editor.setDecorations(this.a, []);
    this.editor.setDecorations(this.b, []);
    this.editor = undefined;
  }
}
