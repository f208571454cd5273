import * as vscode from 'vscode';
import { CONFLICT_NOTE_PREFIX } from '../../../core/merge/mergeSidecars';
import { resolveConflictMarkers } from '../../../core/merge/mergeSidecarTexts';
import { isSidecarPath } from '../../../core/sidecar/sidecarFormat';
import type { Command } from '../../commands/command';
import { readSidecarFile } from '../../sidecarFile';

/**
 * Resolves the git conflict markers in a sidecar by merging both sides by annotation id (the same
 * merge as the command line's git merge driver). Where one annotation differs on the two sides,
 * both versions are kept and the user deletes the one they do not want. The sidecar is edited and
 * saved as a document, so the change can be undone, and the store reloads it on save.
 */
export class ResolveAnnotationConflictCommand implements Command {
  readonly id = 'sourceAnnotator.resolveAnnotationConflict';

  async execute(uriArg?: unknown): Promise<boolean> {
    const uri = uriArg instanceof vscode.Uri ? uriArg : vscode.window.activeTextEditor?.document.uri;
    if (!uri || !isSidecarPath(uri.fsPath)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an annotation sidecar (*.annotations.yaml) with merge conflicts first.'));
      return false;
    }
    // The editor decodes bad bytes leniently: saving that text would destroy what was there.
    const onDisk = await readSidecarFile(uri.fsPath).catch(() => undefined);
    if (onDisk?.kind === 'invalid' && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot resolve {0}: {1}', vscode.workspace.asRelativePath(uri), onDisk.problem.message));
      return false;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const result = resolveConflictMarkers(document.getText());
    if (!result.ok) {
      const first = result.problems[0];
      void vscode.window.showErrorMessage(
        result.side === 'markers'
          ? vscode.l10n.t('Cannot resolve {0}: {1}', vscode.workspace.asRelativePath(uri), first.message)
          : vscode.l10n.t('Cannot resolve {0}: the {1} side is not a valid sidecar (line {2}: {3}).', vscode.workspace.asRelativePath(uri), result.side, first.line, first.message),
      );
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), result.text);
    if (!(await vscode.workspace.applyEdit(edit)) || !(await document.save())) return false;
    if (result.conflicts.length > 0) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Merged both sides. {0} annotation(s) differ between them: both versions are kept; search the sidecar for “{1}” and delete the version you do not want.', result.conflicts.length, CONFLICT_NOTE_PREFIX),
      );
    } else {
      void vscode.window.showInformationMessage(vscode.l10n.t('Merged both sides of {0}.', vscode.workspace.asRelativePath(uri)));
    }
    return true;
  }
}
