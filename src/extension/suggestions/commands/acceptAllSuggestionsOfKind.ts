import * as vscode from 'vscode';
import { tryMutate } from '../../commands/annotationTarget';
import type { Command } from '../../commands/command';
import type { SuggestionStore } from '../suggestionStore';
import { suggestionsOfKindInActiveEditor } from './pickSuggestionKind';

/** Accepts every suggestion of one kind in the active document; the kind is asked (with counts) unless given. */
export class AcceptAllSuggestionsOfKindCommand implements Command {
  readonly id = 'sourceAnnotator.acceptAllSuggestionsOfKind';

  constructor(private readonly suggestions: SuggestionStore) {}

  async execute(kindArgument?: unknown): Promise<boolean> {
    const target = await suggestionsOfKindInActiveEditor(this.suggestions, kindArgument, vscode.l10n.t('Accept All Suggestions of Kind'));
    if (!target) return false;
    return tryMutate(() => this.suggestions.accept(target.document, target.ofKind.map((s) => s.id)));
  }
}
