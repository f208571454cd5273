import * as vscode from 'vscode';
import type { AnnotationStore } from '../annotationStore';
import type { CommandManager } from '../commands/command';
import { AcceptAllSuggestionsOfKindCommand } from './commands/acceptAllSuggestionsOfKind';
import { AcceptSuggestionsAboveConfidenceCommand } from './commands/acceptSuggestionsAboveConfidence';
import { ClearSuggestionsCommand } from './commands/clearSuggestions';
import { DecideSuggestionCommand } from './commands/decideSuggestion';
import { NavigateSuggestionsCommand } from './commands/navigateSuggestions';
import { SuggestAnnotationsCommand } from './commands/suggestAnnotations';
import { SuggestAnnotationsInWorkspaceCommand } from './commands/suggestAnnotationsInWorkspace';
import { SuggestionContextKeys } from './suggestionContextKeys';
import { SuggestionDecorations } from './suggestionDecorations';
import { SuggestionHoverProvider } from './suggestionHover';
import { SuggestionNavigator } from './suggestionNavigator';
import { ImportedSuggestions } from './importedSuggestions';
import { SuggestionStore, type Analyse } from './suggestionStore';

/** Wires suggestions together: their store, commands, decorations, hover and context keys. */
export function registerSuggestions(annotations: AnnotationStore, analyse: Analyse, commands: CommandManager): { suggestions: SuggestionStore; imported: ImportedSuggestions; disposables: vscode.Disposable[] } {
  const suggestions = new SuggestionStore(annotations, analyse);
  const imported = new ImportedSuggestions(suggestions);
  const navigator = new SuggestionNavigator(suggestions);
  commands.register(new SuggestAnnotationsCommand(suggestions));
  commands.register(new SuggestAnnotationsInWorkspaceCommand(suggestions, navigator, annotations));
  for (const decision of ['accept', 'reject'] as const) commands.register(new DecideSuggestionCommand(suggestions, navigator, decision));
  commands.register(new AcceptAllSuggestionsOfKindCommand(suggestions));
  commands.register(new AcceptSuggestionsAboveConfidenceCommand(suggestions));
  commands.register(new ClearSuggestionsCommand(suggestions));
  for (const direction of ['next', 'previous'] as const) commands.register(new NavigateSuggestionsCommand(navigator, direction));
  return {
    suggestions,
    imported,
    disposables: [
      suggestions,
      imported,
      new SuggestionDecorations(suggestions),
      new SuggestionContextKeys(suggestions),
      vscode.languages.registerHoverProvider({ scheme: 'file' }, new SuggestionHoverProvider(suggestions)),
    ],
  };
}
