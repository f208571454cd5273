import * as vscode from 'vscode';
import { tryMutate } from '../../commands/annotationTarget';
import type { Command } from '../../commands/command';
import type { SuggestionStore } from '../suggestionStore';
import { suggestionsOfKindInActiveEditor } from './pickSuggestionKind';

/** The thresholds offered; the confidence is a share of suggestions that were right on news (see core/suggest/confidence.ts). */
const THRESHOLDS = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3];

/**
 * Accepts the suggestions of one kind in the active document whose confidence is at least a
 * threshold; the kind and the threshold are asked (with how many each would accept) unless given.
 * Suggestions with no confidence (imported ones) are never accepted in bulk this way.
 */
export class AcceptSuggestionsAboveConfidenceCommand implements Command {
  readonly id = 'sourceAnnotator.acceptSuggestionsAboveConfidence';

  constructor(private readonly suggestions: SuggestionStore) {}

  async execute(kindArgument?: unknown, thresholdArgument?: unknown): Promise<boolean> {
    const target = await suggestionsOfKindInActiveEditor(this.suggestions, kindArgument, vscode.l10n.t('Accept Suggestions above Confidence: Kind'));
    if (!target) return false;
    const ofKind = target.ofKind.filter((s) => s.confidence !== undefined);
    const threshold = isThreshold(thresholdArgument) ? thresholdArgument : await pickThreshold(ofKind);
    if (threshold === undefined) return false;
    const ids = ofKind.filter((s) => s.confidence! >= threshold).map((s) => s.id);
    if (ids.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No suggestion of this kind has a confidence of {0}% or more.', Math.round(threshold * 100)));
      return false;
    }
    return tryMutate(() => this.suggestions.accept(target.document, ids));
  }
}

function isThreshold(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= 1;
}

async function pickThreshold(suggestions: readonly { confidence?: number }[]): Promise<number | undefined> {
  const items = THRESHOLDS.map((threshold) => ({
    label: vscode.l10n.t('{0}% or more', Math.round(threshold * 100)),
    description: vscode.l10n.t('{0} suggestion(s)', suggestions.filter((s) => s.confidence! >= threshold).length),
    threshold,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Accept Suggestions above Confidence: Threshold') });
  return picked?.threshold;
}
