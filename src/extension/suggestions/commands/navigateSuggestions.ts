import type { Direction } from '../../../core/navigation/annotationOrder';
import type { PendingSuggestion } from '../../../core/suggest/pendingSuggestions';
import type { Command } from '../../commands/command';
import type { SuggestionNavigator } from '../suggestionNavigator';

/** Next Suggestion / Previous Suggestion. */
export class NavigateSuggestionsCommand implements Command {
  readonly id: string;

  constructor(
    private readonly navigator: SuggestionNavigator,
    private readonly direction: Direction,
  ) {
    this.id = direction === 'next' ? 'sourceAnnotator.nextSuggestion' : 'sourceAnnotator.previousSuggestion';
  }

  execute(): Promise<PendingSuggestion | undefined> {
    return this.navigator.go(this.direction);
  }
}
