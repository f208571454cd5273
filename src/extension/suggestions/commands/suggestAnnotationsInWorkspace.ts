import * as vscode from 'vscode';
import type { AnnotationStore } from '../../annotationStore';
import type { Command } from '../../commands/command';
import { workspaceDocuments } from '../../workspaceFiles';
import { readWorkspaceText } from '../../workspaceText';
import type { SuggestionNavigator } from '../suggestionNavigator';
import type { SuggestionStore } from '../suggestionStore';

/** The documents a workspace run analyses: plain text and Markdown, as the extension activates on. */

/**
 * Analyses every document of the workspace, with a cancellable progress notification, for a batch
 * review. Documents are read from disk, not opened: opening hundreds of documents would load them
 * all into the editor's memory and fire every listener of every extension. Open documents get
 * their suggestions at once; the others are queued and analysed again when the review (Next
 * Suggestion) opens them, so offsets always come from the text in the editor.
 */
export class SuggestAnnotationsInWorkspaceCommand implements Command {
  readonly id = 'sourceAnnotator.suggestAnnotationsInWorkspace';

  constructor(
    private readonly suggestions: SuggestionStore,
    private readonly navigator: SuggestionNavigator,
    private readonly annotations: AnnotationStore,
  ) {}

  async execute(): Promise<{ suggestions: number; documents: number; cancelled: boolean }> {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Suggesting annotations'), cancellable: true },
      async (progress, token) => {
        const uris = await workspaceDocuments();
        const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
        let suggestions = 0;
        let documents = 0;
        for (const uri of uris) {
          if (token.isCancellationRequested) return { suggestions, documents, cancelled: true };
          progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / uris.length });
          const count = await this.analyse(uri, open.get(uri.toString()), token);
          suggestions += count;
          if (count > 0) documents++;
        }
        return { suggestions, documents, cancelled: token.isCancellationRequested };
      },
    );
    const summary = vscode.l10n.t('{0} suggestion(s) in {1} document(s).', result.suggestions, result.documents);
    if (result.suggestions > 0) {
      const review = vscode.l10n.t('Review');
      void vscode.window.showInformationMessage(result.cancelled ? vscode.l10n.t('Cancelled. {0}', summary) : summary, review).then((choice) => {
        if (choice === review) void this.navigator.go('next');
      });
    } else {
      void vscode.window.showInformationMessage(result.cancelled ? vscode.l10n.t('Cancelled. {0}', summary) : summary);
    }
    return result;
  }

  private async analyse(uri: vscode.Uri, open: vscode.TextDocument | undefined, token: vscode.CancellationToken): Promise<number> {
    // Cancelling stops the analysis of the document under way too, not only the run's next step.
    if (open) return (await this.suggestions.suggest(open, token))?.size ?? 0;
    const text = await readWorkspaceText(uri);
    if (text === undefined) return 0;
    const loaded = await this.annotations.loadSidecarOf(uri, text);
    // A broken sidecar cannot take annotations: nothing to suggest there until it is fixed.
    if (loaded && !loaded.ok) return 0;
    return this.suggestions.queue(uri, text, loaded?.annotations.all ?? [], token);
  }
}
