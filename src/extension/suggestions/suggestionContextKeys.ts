import * as vscode from 'vscode';
import { ContextKeyCache } from '../contextKeyCache';
import { Disposable } from '../lifecycle';
import type { SuggestionStore } from './suggestionStore';

/**
 * Context keys for the review commands and keys: whether any suggestion is waiting (open or
 * queued documents), whether the active editor has some, and whether one is at the cursor.
 */
export class SuggestionContextKeys extends Disposable {
  private readonly keys = new ContextKeyCache();

  constructor(private readonly suggestions: SuggestionStore) {
    super();
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this._register(
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor === vscode.window.activeTextEditor) this.update();
      }),
    );
    this._register(suggestions.onDidChange(() => this.update()));
    this.update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const pending = editor && this.suggestions.get(editor.document);
    this.keys.set('sourceAnnotator.hasSuggestions', this.suggestions.suggestedDocuments().length > 0 || this.suggestions.queuedUris().length > 0);
    this.keys.set('sourceAnnotator.editorHasSuggestions', !!pending && pending.size > 0);
    this.keys.set('sourceAnnotator.cursorOnSuggestion', !!editor && !!pending && pending.at(editor.document.offsetAt(editor.selection.active)).length > 0);
  }
}
