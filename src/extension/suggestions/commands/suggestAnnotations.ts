import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PendingSuggestions } from '../../../core/suggest/pendingSuggestions';
import { isAnnotatable } from '../../annotatable';
import type { Command } from '../../commands/command';
import type { SuggestionStore } from '../suggestionStore';

/** How long an analysis runs before a notification offers to cancel it (most documents take far less). */
const SLOW_ANALYSIS_MILLIS = 500;

/**
 * Analyses the active document and shows its suggestions (dashed) for review. The analysis runs
 * off the extension host thread; one that takes longer than half a second shows a notification
 * that can cancel it.
 */
export class SuggestAnnotationsCommand implements Command {
  readonly id = 'sourceAnnotator.suggestAnnotations';

  constructor(private readonly suggestions: SuggestionStore) {}

  async execute(): Promise<PendingSuggestions | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isAnnotatable(editor.document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a file to suggest annotations for it.'));
      return undefined;
    }
    const cancellation = new vscode.CancellationTokenSource();
    try {
      const run = this.suggestions.suggest(editor.document, cancellation.token);
      if (await isSlow(run)) {
        const title = vscode.l10n.t('Suggesting annotations for {0}', path.basename(editor.document.uri.path));
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
          const listener = token.onCancellationRequested(() => cancellation.cancel());
          try {
            await run;
          } finally {
            listener.dispose();
          }
        });
      }
      const pending = await run;
      if (cancellation.token.isCancellationRequested) {
        void vscode.window.setStatusBarMessage(vscode.l10n.t('Suggestions cancelled.'), 5000);
        return undefined;
      }
      const count = pending?.size ?? 0;
      void vscode.window.setStatusBarMessage(
        count === 0 ? vscode.l10n.t('No new suggestions for this document.') : vscode.l10n.t('{0} suggestion(s): Next Suggestion to review them.', count),
        5000,
      );
      return pending;
    } finally {
      cancellation.dispose();
    }
  }
}

/** Whether `run` is still running after SLOW_ANALYSIS_MILLIS. */
async function isSlow(run: Promise<unknown>): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slow = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), SLOW_ANALYSIS_MILLIS);
  });
  try {
    return await Promise.race([run.then(() => false, () => false), slow]);
  } finally {
    clearTimeout(timer);
  }
}
