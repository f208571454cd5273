import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { isSidecarPath, sidecarPathFor } from '../core/sidecar/sidecarFormat';
import type { AnnotationStore } from './annotationStore';
import { Disposable } from './lifecycle';

/**
 * Moves `X.annotations.yaml` along when `X` is renamed or moved in VS Code (explorer, workspace
 * edit, refactoring), in the same workspace edit as the rename (so undo of the rename restores
 * both). Folder renames need no companion: the sidecars inside move with the folder. First the
 * store writes what it has pending for the documents involved and keeps what it cannot write yet
 * (annotations of unsaved text), so that the sidecar which moves is complete, and the document,
 * which VS Code closes and opens under its new name, gets its annotations back.
 */
export class SidecarRenames extends Disposable {
  constructor(private readonly store: AnnotationStore) {
    super();
    this._register(vscode.workspace.onWillRenameFiles((event) => event.waitUntil(this.prepare(event.files))));
  }

  private async prepare(files: readonly { readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }[]): Promise<vscode.WorkspaceEdit> {
    // Before looking for sidecars: the store may be about to create one.
    await this.store.prepareRenames(files);
    return this.companionRenames(files);
  }

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
}

function isFile(path: string): boolean {
  try {
    return fs.statSync(path).isFile();
  } catch {
    return false;
  }
}
