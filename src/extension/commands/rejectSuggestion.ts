import type { SuggestionNavigator } from '../suggestions/suggestionNavigator';
import type { SuggestionStore } from '../suggestions/suggestionStore';
import { resolveSuggestionTarget } from '../suggestions/suggestionTarget';
import type { Command } from './command';

/** Rejects the suggestion at the cursor (or named by a hover link); nothing is written. */
export class RejectSuggestionCommand implements Command {
  readonly id = 'sourceAnnotator.rejectSuggestion';

  constructor(
    private readonly suggestions: SuggestionStore,
    private readonly navigator: SuggestionNavigator,
  ) {}

  async execute(...args: unknown[]): Promise<boolean> {
    const target = await resolveSuggestionTarget(this.suggestions, args);
    if (!target) return false;
    const rejected = this.suggestions.reject(target.document, target.suggestion.id);
    if (args.length === 0) await this.navigator.advanceAfterDecision();
    return rejected;
  }
}
