import * as vscode from 'vscode';
import type { Suggestion } from '../../core/suggest/suggestion';
import { kindPresentation } from '../kindPresentation';
import type { SuggestionStore } from './suggestionStore';

/** The only commands a suggestion hover may run. */
const HOVER_COMMANDS = ['sourceAnnotator.acceptSuggestion', 'sourceAnnotator.rejectSuggestion'];

function commandLink(title: string, command: string, document: vscode.TextDocument, id: string): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify([document.uri.toString(), id]))})`;
}

/**
 * Why a suggestion was made, with its confidence when it has one ("Confidence 65%: words between
 * quotation marks; cue “said”"), for the hover and the review.
 */
export function suggestionReason(suggestion: Suggestion): string {
  if (suggestion.confidence === undefined) return suggestion.cue ? vscode.l10n.t('Rule: {0}; cue: “{1}”', suggestion.rule, suggestion.cue) : vscode.l10n.t('Rule: {0}', suggestion.rule);
  return vscode.l10n.t('Confidence {0}%: {1}', Math.round(suggestion.confidence * 100), suggestion.why ?? suggestion.rule);
}

/** Describes the suggestions under the pointer (kind, speaker, confidence and why) with Accept and Reject. */
export class SuggestionHoverProvider implements vscode.HoverProvider {
  constructor(private readonly suggestions: SuggestionStore) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const offset = document.offsetAt(position);
    // The pointer is over the character after `offset`, so a span's end edge is outside it.
    const here = (this.suggestions.get(document)?.at(offset) ?? []).filter((s) => offset < s.end);
    if (here.length === 0) return undefined;
    const markdown = new vscode.MarkdownString(undefined, true);
    markdown.isTrusted = { enabledCommands: HOVER_COMMANDS };
    here.forEach((suggestion, index) => {
      if (index > 0) markdown.appendMarkdown('\n\n---\n\n');
      const presentation = kindPresentation(suggestion.kind);
      markdown.appendMarkdown(`$(lightbulb) `);
      // Analysis output quotes the document: appended as text, never as Markdown.
      markdown.appendText(vscode.l10n.t('Suggested {0}', presentation.label));
      if (suggestion.speaker) {
        markdown.appendMarkdown(' · ');
        markdown.appendText(suggestion.speaker);
      }
      markdown.appendMarkdown('\n\n*');
      markdown.appendText(suggestionReason(suggestion));
      markdown.appendMarkdown('*\n\n');
      markdown.appendMarkdown(
        [
          commandLink(vscode.l10n.t('Accept'), 'sourceAnnotator.acceptSuggestion', document, suggestion.id),
          commandLink(vscode.l10n.t('Reject'), 'sourceAnnotator.rejectSuggestion', document, suggestion.id),
        ].join(' · '),
      );
    });
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(here[0].start), document.positionAt(here[0].end)));
  }
}
