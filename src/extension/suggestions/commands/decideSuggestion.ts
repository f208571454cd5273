import { tryMutate } from '../../commands/annotationTarget';
import type { Command } from '../../commands/command';
import type { SuggestionNavigator } from '../suggestionNavigator';
import type { SuggestionStore } from '../suggestionStore';
import { resolveSuggestionTarget } from '../suggestionTarget';

export type Decision = 'accept' | 'reject';

/**
 * Accept Suggestion (it becomes an annotation) and Reject Suggestion (it is dropped; nothing is
 * written), for the suggestion at the cursor or the one a hover link names. Run from the
 * keyboard during a review, they move on to the next suggestion.
 */
export class DecideSuggestionCommand implements Command {
  readonly id: string;

  constructor(
    private readonly suggestions: SuggestionStore,
    private readonly navigator: SuggestionNavigator,
    private readonly decision: Decision,
  ) {
    this.id = decision === 'accept' ? 'sourceAnnotator.acceptSuggestion' : 'sourceAnnotator.rejectSuggestion';
  }

  async execute(...args: unknown[]): Promise<boolean> {
    const target = await resolveSuggestionTarget(this.suggestions, args);
    if (!target) return false;
    const { document, suggestion } = target;
    const done = this.decision === 'accept' ? await tryMutate(() => this.suggestions.accept(document, [suggestion.id])) : this.suggestions.reject(document, suggestion.id);
    if (args.length === 0) await this.navigator.advanceAfterDecision();
    return done;
  }
}
