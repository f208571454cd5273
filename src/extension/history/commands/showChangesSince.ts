import * as vscode from 'vscode';
import type { AnnotationStore } from '../../annotationStore';
import type { Command } from '../../commands/command';
import { activeScheme, schemeState } from '../../scheme/activeScheme';
import type { AnnotationChangesView } from '../annotationChangesView';
import { changesSince, type ChangesSince } from '../changesSince';
import { pickRef, pickRepository, refErrorMessage } from '../refPicker';

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
      const repository = await pickRepository(folderArg instanceof vscode.Uri ? folderArg : undefined);
      if (!repository) return undefined;
      const ref =
        typeof refArg === 'string' && refArg !== ''
          ? refArg
          : await pickRef(repository, { title: vscode.l10n.t('Show Annotation Changes Since…'), headDescription: vscode.l10n.t('the last commit: changes not committed yet') });
      if (!ref) return undefined;
      const result = await vscode.window.withProgress({ location: { viewId: 'sourceAnnotator.annotationChanges' } }, () => changesSince(repository, ref, this.store, activeScheme()));
      this.view.show(result);
      await this.view.reveal();
      for (const s of result.skipped) void vscode.window.showWarningMessage(vscode.l10n.t('{0} was left out: {1}.', vscode.workspace.asRelativePath(s.uri), s.reason));
      return result;
    } catch (error) {
      void vscode.window.showErrorMessage(refErrorMessage(error));
      return undefined;
    }
  }
}
