import * as vscode from 'vscode';
import { documentPathForSidecar } from '../../core/sidecar/sidecarFormat';
import type { ConflictPrompt } from '../../core/sidecar/sidecarWriter';

/**
 * "Reload from Disk / Keep Mine", asked when a sidecar changed on disk while its document's
 * annotations have unsaved changes, or when writing them was refused because of such a change.
 */
export const notificationConflictPrompt: ConflictPrompt = {
  async ask({ path, reason }) {
    const sidecar = vscode.workspace.asRelativePath(path);
    const document = vscode.workspace.asRelativePath(documentPathForSidecar(path) ?? path);
    const reload = vscode.l10n.t('Reload from Disk');
    const keep = vscode.l10n.t('Keep Mine');
    const message =
      reason === 'changed-on-disk'
        ? vscode.l10n.t('{0} changed on disk while {1} has unsaved annotation changes.', sidecar, document)
        : vscode.l10n.t('{0} changed on disk since it was read: the annotation changes of {1} were not written, so as not to overwrite it.', sidecar, document);
    const choice = await vscode.window.showWarningMessage(message, reload, keep);
    return choice === reload ? 'reload' : choice === keep ? 'keep' : undefined;
  },
};
