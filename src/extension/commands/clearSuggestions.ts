import type { SuggestionStore } from '../suggestions/suggestionStore';
import type { Command } from './command';

/** Drops every undecided suggestion (they were never written anywhere). */
export class ClearSuggestionsCommand implements Command {
  readonly id = 'sourceAnnotator.clearSuggestions';

  constructor(private readonly suggestions: SuggestionStore) {}

  execute(): void {
    this.suggestions.clear();
  }
}
