import * as vscode from 'vscode';
import { adjacentAnnotation, edgeAnnotation, type Direction } from '../../core/navigation/annotationOrder';
import type { PendingSuggestion } from '../../core/suggest/pendingSuggestions';
import { kindPresentation } from '../kindPresentation';
import { revealAnnotation } from '../navigation/revealAnnotation';
import { suggestionReason } from './suggestionHover';
import type { SuggestionStore } from './suggestionStore';

/** How long the review's status bar line stays. */
const STATUS_MILLIS = 8000;

/**
 * Next/Previous Suggestion: selects and reveals the adjacent suggestion; past the last one of the
 * document it continues in the next document with suggestions (open, or queued by a workspace
 * run, ordered by path), wrapping around, so a whole batch is reviewed from the keyboard.
 */
export class SuggestionNavigator {
  /** The suggestion last jumped to, so identical spans are visited in turn. */
  private currentId: string | undefined;
  private status: vscode.Disposable | undefined;

  constructor(private readonly suggestions: SuggestionStore) {}

  async go(direction: Direction): Promise<PendingSuggestion | undefined> {
    const editor = vscode.window.activeTextEditor;
    const here = editor && this.suggestions.get(editor.document);
    if (editor && here) {
      const document = editor.document;
      const position = { start: document.offsetAt(editor.selection.start), end: document.offsetAt(editor.selection.end), currentId: this.currentId };
      const target = adjacentAnnotation(here.all, position, direction);
      if (target) return this.show(editor, target);
    }
    const elsewhere = await this.enterAdjacentDocument(editor?.document.uri, direction);
    if (elsewhere) return elsewhere;
    const wrapped = editor && here ? edgeAnnotation(here.all, direction) : undefined;
    if (editor && wrapped) return this.show(editor, wrapped);
    void vscode.window.showInformationMessage(vscode.l10n.t('No suggestions to review. Run "Suggest Annotations" first.'));
    return undefined;
  }

  /** After accepting or rejecting from the keyboard: on to the next suggestion, if any is left. */
  async advanceAfterDecision(): Promise<void> {
    if (this.suggestions.suggestedDocuments().length > 0 || this.suggestions.queuedUris().length > 0) await this.go('next');
  }

  private async enterAdjacentDocument(current: vscode.Uri | undefined, direction: Direction): Promise<PendingSuggestion | undefined> {
    const uris = [...this.suggestions.suggestedDocuments().map((d) => d.uri), ...this.suggestions.queuedUris()].sort((a, b) =>
      a.fsPath < b.fsPath ? -1 : a.fsPath > b.fsPath ? 1 : 0,
    );
    const others = uris.filter((uri) => uri.toString() !== current?.toString());
    if (others.length === 0) return undefined;
    // The first document after the current one in path order (before it, going back), wrapping.
    const ordered = direction === 'next' ? others : [...others].reverse();
    const after = current ? ordered.find((uri) => (direction === 'next' ? uri.fsPath > current.fsPath : uri.fsPath < current.fsPath)) : undefined;
    const from = after ? ordered.indexOf(after) : 0;
    for (const uri of [...ordered.slice(from), ...ordered.slice(0, from)]) {
      const document = await vscode.workspace.openTextDocument(uri);
      const target = edgeAnnotation((await this.suggestions.ready(document))?.all ?? [], direction);
      if (target) return this.show(await vscode.window.showTextDocument(document), target);
    }
    return undefined;
  }

  private show(editor: vscode.TextEditor, suggestion: PendingSuggestion): PendingSuggestion {
    this.currentId = suggestion.id;
    revealAnnotation(editor, suggestion);
    // The review says how sure the suggestion is, without a hover.
    this.status?.dispose();
    // The document's words must not render as icons: "$(" from the text is broken up.
    const words = `${kindPresentation(suggestion.kind).label}${suggestion.speaker ? ` · ${suggestion.speaker}` : ''} · ${suggestionReason(suggestion)}`.replace(/\$\(/gu, '$\u200b(');
    this.status = vscode.window.setStatusBarMessage(`$(lightbulb) ${words}`, STATUS_MILLIS);
    return suggestion;
  }
}
