import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { isSidecarPath, sidecarPathFor } from '../core/sidecar/sidecarFormat';

/**
 * Moves `X.annotations.yaml` along when `X` is renamed or moved in VS Code, in the same workspace
 * edit as the rename (so undo of the rename restores both). Folder renames need nothing: the
 * sidecars inside move with the folder. The store then sees the old document close and the new
 * one open, and loads the moved sidecar for it.
 */
export class SidecarRenames implements vscode.Disposable {
  private readonly subscription = vscode.workspace.onWillRenameFiles((event) => event.waitUntil(Promise.resolve(this.companionRenames(event.files))));

  private companionRenames(files: readonly { readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }[]): vscode.WorkspaceEdit {
    const edit = new vscode.WorkspaceEdit();
    const renamed = new Set(files.map((f) => f.oldUri.toString()));
    for (const { oldUri, newUri } of files) {
      if (oldUri.scheme !== 'file' || newUri.scheme !== 'file' || isSidecarPath(oldUri.fsPath)) continue;
      const oldSidecar = vscode.Uri.file(sidecarPathFor(oldUri.fsPath));
      // A sidecar renamed explicitly in the same operation (multi-select) is left to that rename.
      if (renamed.has(oldSidecar.toString()) || !isFile(oldSidecar.fsPath)) continue;
      const newSidecar = vscode.Uri.file(sidecarPathFor(newUri.fsPath));
      if (fs.existsSync(newSidecar.fsPath)) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('{0} was not moved with its document: {1} already exists.', vscode.workspace.asRelativePath(oldSidecar), vscode.workspace.asRelativePath(newSidecar)),
        );
        continue;
      }
      edit.renameFile(oldSidecar, newSidecar);
    }
    return edit;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

function isFile(path: string): boolean {
  try {
    return fs.statSync(path).isFile();
  } catch {
    return false;
  }
}
