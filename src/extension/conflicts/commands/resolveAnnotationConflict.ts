import * as vscode from 'vscode';
import { CONFLICT_NOTE_PREFIX } from '../../../core/merge/mergeSidecars';
import { resolveConflictMarkers, type TextMerge } from '../../../core/merge/mergeSidecarTexts';
import { nodeSidecarFileSystem } from '../../../core/sidecar/nodeSidecarFileSystem';
import { isSidecarPath } from '../../../core/sidecar/sidecarFormat';
import { editorHoldsText, fileIsStill, planReplacement } from '../../../core/sidecar/sidecarReplacement';
import type { SidecarFileSystem } from '../../../core/sidecar/sidecarWriter';
import type { Command } from '../../commands/command';

/**
 * Resolves the git conflict markers in a sidecar by merging both sides by annotation id (the same
 * merge as the command line's git merge driver). Where one annotation differs on the two sides,
 * both versions are kept and the user deletes the one they do not want.
 *
 * The sidecar writer decides (core/sidecar/sidecarWriter, `planReplacement`): the file is read
 * strictly (bad UTF-8 or an oversized file is refused, never decoded leniently and saved back),
 * merged, and checked to be still that file (`fileIsStill`) just before it changes. The change
 * itself is a WorkspaceEdit then a save, so it can be undone in the sidecar's editor; the store
 * reloads the sidecar on save. A sidecar with unsaved changes in an editor is resolved as the
 * editor shows it (VS Code's save refuses if the file changed under that editor).
 */
export class ResolveAnnotationConflictCommand implements Command {
  readonly id = 'sourceAnnotator.resolveAnnotationConflict';

  constructor(private readonly fileSystem: SidecarFileSystem = nodeSidecarFileSystem()) {}

  async execute(uriArg?: unknown): Promise<boolean> {
    const uri = uriArg instanceof vscode.Uri ? uriArg : vscode.window.activeTextEditor?.document.uri;
    if (!uri || !isSidecarPath(uri.fsPath)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an annotation sidecar (*.annotations.yaml) with merge conflicts first.'));
      return false;
    }
    const name = vscode.workspace.asRelativePath(uri);
    const edited = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.isDirty);
    let result: TextMerge | undefined;
    const resolve = (text: string) => {
      result = resolveConflictMarkers(text);
      return result.ok ? { ok: true as const, text: result.text } : { ok: false as const, message: result.problems[0].message };
    };
    let document: vscode.TextDocument | undefined = edited;
    if (edited) {
      resolve(edited.getText());
    } else {
      const plan = await planReplacement(this.fileSystem, uri.fsPath, resolve);
      if (plan.action === 'refuse' && !result) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Cannot resolve {0}: {1}', name, plan.message));
        return false;
      }
      if (plan.action === 'skip') {
        void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no merge conflicts.', name));
        return false;
      }
      if (plan.action === 'write') {
        document = await vscode.workspace.openTextDocument(uri);
        if (document.isDirty || !editorHoldsText(document.getText(), plan.before) || !(await fileIsStill(this.fileSystem, uri.fsPath, plan))) {
          void vscode.window.showErrorMessage(vscode.l10n.t('Cannot resolve {0}: it changed on disk while it was being merged; run the command again.', name));
          return false;
        }
      }
    }
    if (!result?.ok || !document) {
      const first = result?.ok === false ? result.problems[0] : undefined;
      void vscode.window.showErrorMessage(
        result?.ok === false && first && result.side !== 'markers'
          ? vscode.l10n.t('Cannot resolve {0}: the {1} side is not a valid sidecar (line {2}: {3}).', name, result.side, first.line, first.message)
          : vscode.l10n.t('Cannot resolve {0}: {1}', name, first?.message ?? ''),
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
      void vscode.window.showInformationMessage(vscode.l10n.t('Merged both sides of {0}.', name));
    }
    return true;
  }
}

