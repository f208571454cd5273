import * as vscode from 'vscode';
import type { PendingSuggestions } from '../../../core/suggest/pendingSuggestions';
import { isAnnotatable } from '../../annotatable';
import type { Command } from '../../commands/command';
import type { SuggestionStore } from '../suggestionStore';

/** Analyses the active document and shows its suggestions (dashed) for review. */
export class SuggestAnnotationsCommand implements Command {
  readonly id = 'sourceAnnotator.suggestAnnotations';

  constructor(private readonly suggestions: SuggestionStore) {}

  async execute(): Promise<PendingSuggestions | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isAnnotatable(editor.document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a file to suggest annotations for it.'));
      return undefined;
    }
    const pending = await this.suggestions.suggest(editor.document);
    const count = pending?.size ?? 0;
    void vscode.window.setStatusBarMessage(
      count === 0 ? vscode.l10n.t('No new suggestions for this document.') : vscode.l10n.t('{0} suggestion(s): Next Suggestion to review them.', count),
      5000,
    );
    return pending;
  }
}
