import * as vscode from 'vscode';
import type { AnnotationStore } from '../../annotationStore';
import type { Command } from '../../commands/command';
import { activeScheme, schemeState } from '../../scheme/activeScheme';
import type { AnnotationChangesView } from '../annotationChangesView';
import { changesSince, type ChangesSince } from '../changesSince';
import { GitUnavailableError, gitApi, refsOf, type GitRepository } from '../gitApi';

/**
 * "Annotate: Show Annotation Changes Since…": pick a branch, tag or commit (or pass one as the
 * argument: `[ref]` or `[ref, folderUri]`); the annotations added, removed and changed since
 * then are listed in the Annotation Changes view and drawn in the editors.
 */
export class ShowChangesSinceCommand implements Command {
  readonly id = 'sourceAnnotator.history.showChangesSince';

  constructor(
    private readonly store: AnnotationStore,
    private readonly view: AnnotationChangesView,
  ) {}

  async execute(refArg?: unknown, folderArg?: unknown): Promise<ChangesSince | undefined> {
    const broken = schemeState().problems;
    if (broken) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The annotation scheme has errors (line {0}: {1}); fix it first.', broken[0]?.line ?? 1, broken[0]?.message ?? ''));
      return undefined;
    }
    try {
      const repository = await this.pickRepository(folderArg instanceof vscode.Uri ? folderArg : undefined);
      if (!repository) return undefined;
      const ref = typeof refArg === 'string' && refArg !== '' ? refArg : await this.pickRef(repository);
      if (!ref) return undefined;
      const result = await vscode.window.withProgress({ location: { viewId: 'sourceAnnotator.annotationChanges' } }, () => changesSince(repository, ref, this.store, activeScheme()));
      this.view.show(result);
      await this.view.reveal();
      for (const s of result.skipped) void vscode.window.showWarningMessage(vscode.l10n.t('{0} was left out: {1}.', vscode.workspace.asRelativePath(s.uri), s.reason));
      return result;
    } catch (error) {
      const message = error instanceof GitUnavailableError ? error.message : vscode.l10n.t('Cannot compare with that ref: {0}', error instanceof Error ? error.message : String(error));
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
  }

  private async pickRepository(folder: vscode.Uri | undefined): Promise<GitRepository | undefined> {
    const api = await gitApi();
    const hint = folder ?? vscode.window.activeTextEditor?.document.uri;
    const known = hint && api.getRepository(hint);
    if (known) return known;
    if (api.repositories.length === 1) return api.repositories[0];
    if (api.repositories.length === 0) throw new GitUnavailableError(vscode.l10n.t('No git repository is open in this window.'));
    const picked = await vscode.window.showQuickPick(
      api.repositories.map((repository) => ({ label: vscode.workspace.asRelativePath(repository.rootUri), repository })),
      { title: vscode.l10n.t('Which repository?') },
    );
    return picked?.repository;
  }

  private async pickRef(repository: GitRepository): Promise<string | undefined> {
    const refs = await refsOf(repository);
    const items: (vscode.QuickPickItem & { ref?: string })[] = [
      { label: '$(git-commit) HEAD', description: vscode.l10n.t('the last commit: changes not committed yet'), ref: 'HEAD' },
      ...refs.map((r) => ({ label: `${r.type === 2 ? '$(tag)' : r.remote ? '$(cloud)' : '$(git-branch)'} ${r.name}`, description: r.commit?.slice(0, 8), ref: r.name })),
    ];
    const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { ref?: string }>();
    quickPick.title = vscode.l10n.t('Show Annotation Changes Since…');
    quickPick.placeholder = vscode.l10n.t('A branch, tag or commit (type any ref)');
    quickPick.items = items;
    return new Promise((resolve) => {
      quickPick.onDidAccept(() => {
        const chosen = quickPick.selectedItems[0]?.ref ?? quickPick.value.trim();
        resolve(chosen || undefined);
        quickPick.hide();
      });
      quickPick.onDidHide(() => {
        resolve(undefined);
        quickPick.dispose();
      });
      quickPick.show();
    });
  }
}
