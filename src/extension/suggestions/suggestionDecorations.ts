import * as vscode from 'vscode';
import { ANNOTATION_KINDS, type AnnotationKind } from '../../core/annotationKind';
import { kindColor } from '../kindPresentation';
import { Disposable } from '../lifecycle';
import type { SuggestionStore } from './suggestionStore';

/**
 * A suggestion is drawn as a dashed box in its kind's border colour, with no fill: visibly a
 * proposal, never mistaken for an annotation (solid, filled), and still readable over one.
 */
function suggestionStyle(kind: AnnotationKind): vscode.DecorationRenderOptions {
  return {
    border: '1px dashed',
    borderColor: kindColor(kind, 'border'),
    borderRadius: '2px',
    overviewRulerColor: kindColor(kind, 'border'),
    overviewRulerLane: vscode.OverviewRulerLane.Full,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  };
}

/** Draws suggestions in every visible editor; one decoration type per kind, created once. */
export class SuggestionDecorations extends Disposable {
  private readonly types = new Map<AnnotationKind, vscode.TextEditorDecorationType>(
    ANNOTATION_KINDS.map((kind) => [kind, this._register(vscode.window.createTextEditorDecorationType(suggestionStyle(kind)))]),
  );

  constructor(private readonly suggestions: SuggestionStore) {
    super();
    this._register(
      suggestions.onDidChange((document) => {
        for (const editor of vscode.window.visibleTextEditors) if (!document || editor.document === document) this.render(editor);
      }),
    );
    this._register(vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.render(e))));
    vscode.window.visibleTextEditors.forEach((e) => this.render(e));
  }

  private render(editor: vscode.TextEditor): void {
    const ranges = new Map<AnnotationKind, vscode.Range[]>(ANNOTATION_KINDS.map((k) => [k, []]));
    for (const suggestion of this.suggestions.get(editor.document)?.all ?? []) {
      ranges.get(suggestion.kind)!.push(new vscode.Range(editor.document.positionAt(suggestion.start), editor.document.positionAt(suggestion.end)));
    }
    for (const [kind, type] of this.types) editor.setDecorations(type, ranges.get(kind)!);
  }
}
