import * as vscode from 'vscode';
import { readImportedSuggestions, removeDecidedSuggestions, SUGGESTIONS_SUFFIX } from '../../core/interchange/suggestionsFile';
import { isAnnotatable } from '../annotatable';
import { Disposable } from '../lifecycle';
import type { SuggestionStore } from './suggestionStore';

/** The rule of every imported suggestion starts so (see core/interchange/mergeSuggestions.ts). */
const IMPORTED = 'imported from ';

/**
 * Imported suggestions (`import --as suggestions`, kept in `X.suggestions.yaml` beside document
 * `X`) in the editor: offered with the analysis' own when a document opens (or after an import),
 * decided with the same Accept/Reject; a decided one leaves the file when its document is saved
 * (offsets into unsaved text never reach the disk), so it is not offered again. Cleared
 * suggestions stay in the file.
 */
export class ImportedSuggestions extends Disposable {
  /** Decisions on documents with unsaved changes, written at the next save. */
  private readonly pendingDecisions = new Map<string, { kind: string; start: number; end: number }[]>();

  constructor(private readonly store: SuggestionStore) {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((document) => void this.load(document)));
    this._register(
      store.onDidDecide(({ document, decided }) => {
        const imported = decided.filter((s) => s.rule.startsWith(IMPORTED)).map(({ kind, start, end }) => ({ kind, start, end }));
        if (imported.length === 0) return;
        const key = document.uri.toString();
        this.pendingDecisions.set(key, [...(this.pendingDecisions.get(key) ?? []), ...imported]);
        if (!document.isDirty) void this.writeDecisions(document);
      }),
    );
    this._register(vscode.workspace.onDidSaveTextDocument((document) => void this.writeDecisions(document)));
    // An import (the command line's or the editor's) wrote a file: its open document is offered it.
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(`**/*${SUGGESTIONS_SUFFIX}`));
    this._register(watcher.onDidCreate((uri) => void this.fileWritten(uri)));
    this._register(watcher.onDidChange((uri) => void this.fileWritten(uri)));
    for (const document of vscode.workspace.textDocuments) void this.load(document);
  }

  /** A suggestions file was written (an import): its document, if open, is offered it. */
  async fileWritten(uri: vscode.Uri): Promise<number> {
    const documentPath = uri.fsPath.slice(0, -SUGGESTIONS_SUFFIX.length);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === documentPath);
    return open ? this.load(open) : 0;
  }

  /** Offers a document's imported suggestions (again: an import just wrote them). */
  async load(document: vscode.TextDocument): Promise<number> {
    if (document.uri.scheme !== 'file' || !isAnnotatable(document)) return 0;
    const suggestions = await readImportedSuggestions(document.uri.fsPath, document.getText());
    if (suggestions.length > 0) this.store.offer(document, suggestions);
    return suggestions.length;
  }

  private async writeDecisions(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const decided = this.pendingDecisions.get(key);
    if (!decided || document.isDirty || document.uri.scheme !== 'file') return;
    this.pendingDecisions.delete(key);
    await removeDecidedSuggestions(document.uri.fsPath, document.getText(), decided);
  }
}
