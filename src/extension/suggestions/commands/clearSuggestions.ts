import type { Command } from '../../commands/command';
import type { SuggestionStore } from '../suggestionStore';

/** Drops every undecided suggestion (they were never written anywhere). */
export class ClearSuggestionsCommand implements Command {
  readonly id = 'sourceAnnotator.clearSuggestions';

  constructor(private readonly suggestions: SuggestionStore) {}

  execute(): void {
    this.suggestions.clear();
  }
}
