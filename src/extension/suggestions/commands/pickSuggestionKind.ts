import * as vscode from 'vscode';
import { ANNOTATION_KINDS, isAnnotationKind, type AnnotationKind } from '../../../core/annotationKind';
import type { PendingSuggestion } from '../../../core/suggest/pendingSuggestions';
import type { SuggestionStore } from '../suggestionStore';
import { kindPresentation } from '../../kindPresentation';

/** Asks which kind of suggestion to act on, with how many of each are pending; undefined if dismissed. */
export async function pickSuggestionKind(all: readonly { kind: AnnotationKind }[], title: string): Promise<AnnotationKind | undefined> {
  const items = ANNOTATION_KINDS.map((kind) => ({ kind, count: all.filter((s) => s.kind === kind).length }))
    .filter((k) => k.count > 0)
    .map(({ kind, count }) => ({ label: `$(${kindPresentation(kind).icon.id}) ${kindPresentation(kind).label}`, description: vscode.l10n.t('{0} suggestion(s)', count), annotationKind: kind }));
  const picked = await vscode.window.showQuickPick(items, { title });
  return picked?.annotationKind;
}

/**
 * The active editor's document and its pending suggestions of one kind: the kind given as a
 * command argument, else asked. Says so and gives undefined when the document has no suggestions
 * or the picker is dismissed.
 */
export async function suggestionsOfKindInActiveEditor(
  suggestions: SuggestionStore,
  kindArgument: unknown,
  title: string,
): Promise<{ document: vscode.TextDocument; ofKind: PendingSuggestion[] } | undefined> {
  const editor = vscode.window.activeTextEditor;
  const pending = editor && suggestions.get(editor.document);
  if (!editor || !pending || pending.size === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This document has no suggestions.'));
    return undefined;
  }
  const kind = isAnnotationKind(kindArgument) ? kindArgument : await pickSuggestionKind(pending.all, title);
  if (!kind) return undefined;
  return { document: editor.document, ofKind: pending.all.filter((s) => s.kind === kind) };
}
