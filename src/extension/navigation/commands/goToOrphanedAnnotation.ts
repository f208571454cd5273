import * as vscode from 'vscode';
import type { AnnotationStore } from '../../annotationStore';
import type { Command } from '../../commands/command';
import type { WorkspaceIndex } from '../../workspaceIndex';
import { pickAnnotation, type PickableAnnotation } from '../annotationPicker';
import { indexedTargets } from '../indexedTargets';

/**
 * Go to Orphaned Annotation…: the annotations that lost their text, with their old quote. Picking
 * one opens its document at the place the text was last seen, where it can be relocated.
 */
export class GoToOrphanedAnnotationCommand implements Command {
  readonly id = 'sourceAnnotator.goToOrphanedAnnotation';

  constructor(
    private readonly store: AnnotationStore,
    private readonly workspaceIndex: WorkspaceIndex,
  ) {}

  async execute(): Promise<PickableAnnotation | undefined> {
    await this.workspaceIndex.ready();
    const orphans = this.workspaceIndex.index.query({ includeOrphans: true }).filter(({ annotation }) => annotation.orphaned);
    if (orphans.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No annotation has lost its text.'));
      return undefined;
    }
    return pickAnnotation(this.store, await indexedTargets(this.workspaceIndex, orphans), {
      title: vscode.l10n.t('Go to Orphaned Annotation'),
      placeholder: vscode.l10n.t('Annotations whose text was deleted or changed, by their old quote'),
      showDocument: true,
    });
  }
}
