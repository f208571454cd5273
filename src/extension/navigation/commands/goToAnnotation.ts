import * as vscode from 'vscode';
import type { AnnotationStore } from '../../annotationStore';
import type { Command } from '../../commands/command';
import { authorQuery, withAuthorFilter } from '../../shownAuthors';
import type { WorkspaceIndex } from '../../workspaceIndex';
import { pickAnnotation, type PickableAnnotation } from '../annotationPicker';
import { indexedTargets } from '../indexedTargets';

/** Go to Annotation…: every anchored annotation of the workspace (whose Show Annotations of… shows), by document and position. */
export class GoToAnnotationCommand implements Command {
  readonly id = 'sourceAnnotator.goToAnnotation';

  constructor(
    private readonly store: AnnotationStore,
    private readonly workspaceIndex: WorkspaceIndex,
  ) {}

  async execute(): Promise<PickableAnnotation | undefined> {
    await this.workspaceIndex.ready();
    const entries = this.workspaceIndex.index.query(authorQuery());
    if (entries.length === 0) {
      void vscode.window.showInformationMessage(withAuthorFilter(vscode.l10n.t('There are no annotations in this workspace yet.')));
      return undefined;
    }
    return pickAnnotation(this.store, await indexedTargets(this.workspaceIndex, entries), { title: withAuthorFilter(vscode.l10n.t('Go to Annotation')), showDocument: true });
  }
}
