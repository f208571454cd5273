import * as vscode from 'vscode';
import type { PendingSuggestion } from '../../core/suggest/pendingSuggestions';
import { excerpt } from '../excerpt';
import { kindPresentation } from '../kindPresentation';
import type { SuggestionStore } from './suggestionStore';

export interface SuggestionTarget {
  readonly document: vscode.TextDocument;
  readonly suggestion: PendingSuggestion;
}

/**
 * The suggestion a command acts on: the one named by `[documentUri, id]` (hover links), else the
 * smallest one at the cursor of the active editor, asking when several of one size overlap there.
 */
export async function resolveSuggestionTarget(suggestions: SuggestionStore, args: readonly unknown[]): Promise<SuggestionTarget | undefined> {
  if (typeof args[0] === 'string' && typeof args[1] === 'string') {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args[0]));
    const suggestion = suggestions.get(document)?.get(args[1]);
    if (!suggestion) void vscode.window.showWarningMessage(vscode.l10n.t('That suggestion no longer exists.'));
    return suggestion && { document, suggestion };
  }
  const editor = vscode.window.activeTextEditor;
  const here = editor ? (suggestions.get(editor.document)?.at(editor.document.offsetAt(editor.selection.active)) ?? []) : [];
  if (!editor || here.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no suggestion at the cursor.'));
    return undefined;
  }
  const smallest = here.filter((s) => s.end - s.start === here[0].end - here[0].start);
  if (smallest.length === 1) return { document: editor.document, suggestion: smallest[0] };
  const picked = await vscode.window.showQuickPick(
    smallest.map((suggestion) => ({
      label: `$(${kindPresentation(suggestion.kind).icon.id}) ${kindPresentation(suggestion.kind).label}`,
      description: suggestion.speaker,
      detail: excerpt(suggestion.text, 100),
      suggestion,
    })),
    { title: vscode.l10n.t('Several suggestions overlap here') },
  );
  return picked && { document: editor.document, suggestion: picked.suggestion };
}
