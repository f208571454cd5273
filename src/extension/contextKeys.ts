import * as vscode from 'vscode';
import { ContextKeyCache } from './contextKeyCache';
import type { AnnotationStore } from './annotationStore';
import { isAnnotatable } from './annotatable';
import { Disposable } from './lifecycle';

/**
 * Context keys for `when` clauses: whether the active editor can be annotated, has annotations,
 * and has one at the cursor. Each is sent to the workbench only when its value flips.
 */
export class ContextKeys extends Disposable {
  private readonly keys = new ContextKeyCache();

  constructor(private readonly store: AnnotationStore) {
    super();
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this._register(
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor === vscode.window.activeTextEditor) this.update();
      }),
    );
    this._register(
      store.onDidChange((change) => {
        if (change.document === vscode.window.activeTextEditor?.document) this.update();
      }),
    );
    this.update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const entry = editor && this.store.get(editor.document);
    const annotations = entry?.annotations;
    this.keys.set('sourceAnnotator.editorAnnotatable', !!editor && isAnnotatable(editor.document));
    this.keys.set('sourceAnnotator.editorHasAnnotations', !!annotations && annotations.size > 0);
    this.keys.set('sourceAnnotator.cursorOnAnnotation', !!editor && !!annotations && annotations.containing(editor.document.offsetAt(editor.selection.active)).length > 0);
  }
}
