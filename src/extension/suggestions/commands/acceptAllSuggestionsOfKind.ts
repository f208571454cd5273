import * as vscode from 'vscode';
import { isAnnotationKind } from '../../../core/annotationKind';
import { tryMutate } from '../../commands/annotationTarget';
import type { Command } from '../../commands/command';
import type { SuggestionStore } from '../suggestionStore';
import { pickSuggestionKind } from './pickSuggestionKind';

/** Accepts every suggestion of one kind in the active document; the kind is asked (with counts) unless given. */
export class AcceptAllSuggestionsOfKindCommand implements Command {
  readonly id = 'sourceAnnotator.acceptAllSuggestionsOfKind';

  constructor(private readonly suggestions: SuggestionStore) {}

  async execute(kindArgument?: unknown): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    const pending = editor && this.suggestions.get(editor.document);
    if (!editor || !pending || pending.size === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This document has no suggestions.'));
      return false;
    }
    const kind = isAnnotationKind(kindArgument) ? kindArgument : await pickSuggestionKind(pending.all, vscode.l10n.t('Accept All Suggestions of Kind'));
    if (!kind) return false;
    const ids = pending.all.filter((s) => s.kind === kind).map((s) => s.id);
    return tryMutate(() => this.suggestions.accept(editor.document, ids));
  }
}
