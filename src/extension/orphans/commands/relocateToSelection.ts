import * as vscode from 'vscode';
import type { AnnotationStore } from '../../annotationStore';
import { tryMutate } from '../../commands/annotationTarget';
import type { Command } from '../../commands/command';
import { orphanArgument } from './orphanArgument';

/** Anchors an orphan to what is selected in an editor of its document. */
export class RelocateToSelectionCommand implements Command {
  readonly id = 'sourceAnnotator.orphans.relocateToSelection';

  constructor(private readonly store: AnnotationStore) {}

  async execute(...args: unknown[]): Promise<boolean> {
    const target = orphanArgument(args);
    if (!target) return false;
    const key = target.uri.toString();
    const active = vscode.window.activeTextEditor;
    const editor = active?.document.uri.toString() === key ? active : vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
    if (!editor || editor.selection.isEmpty) {
      const document = await vscode.workspace.openTextDocument(target.uri);
      await vscode.window.showTextDocument(document);
      void vscode.window.showInformationMessage(vscode.l10n.t('Select the text the annotation belongs to in {0}, then run Relocate to Selection again.', vscode.workspace.asRelativePath(target.uri)));
      return false;
    }
    const { document, selection } = editor;
    return tryMutate(() => this.store.mutate(document, (annotations, text) => annotations.relocate(target.annotationId, { start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) }, text)));
  }
}
