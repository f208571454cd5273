import type { SuggestionNavigator } from '../suggestions/suggestionNavigator';
import type { SuggestionStore } from '../suggestions/suggestionStore';
import { resolveSuggestionTarget } from '../suggestions/suggestionTarget';
import { tryMutate } from './annotationTarget';
import type { Command } from './command';

/**
 * Accepts the suggestion at the cursor (or named by a hover link): it becomes an annotation.
 * Run from the keyboard during a review, it moves on to the next suggestion.
 */
export class AcceptSuggestionCommand implements Command {
  readonly id = 'sourceAnnotator.acceptSuggestion';

  constructor(
    private readonly suggestions: SuggestionStore,
    private readonly navigator: SuggestionNavigator,
  ) {}

  async execute(...args: unknown[]): Promise<boolean> {
    const target = await resolveSuggestionTarget(this.suggestions, args);
    if (!target) return false;
    const accepted = await tryMutate(() => this.suggestions.accept(target.document, [target.suggestion.id]));
    if (args.length === 0) await this.navigator.advanceAfterDecision();
    return accepted;
  }
}
