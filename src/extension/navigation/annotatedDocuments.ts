import * as vscode from 'vscode';
import type { AnnotationKind } from '../../core/annotationKind';
import { shownByAuthor } from '../shownAuthors';
import type { WorkspaceIndex } from '../workspaceIndex';

/**
 * The workspace's annotated documents in path order, optionally only those with an anchored
 * annotation of one kind, among those Show Annotations of… shows: the order Next/Previous
 * Annotation move through documents in.
 */
export async function annotatedDocuments(workspaceIndex: WorkspaceIndex, kind?: AnnotationKind): Promise<vscode.Uri[]> {
  await workspaceIndex.ready();
  const { index } = workspaceIndex;
  return index
    .documents()
    .filter((document) => {
      const shown = shownByAuthor(vscode.Uri.parse(document));
      return index.annotationsOf(document).some(({ annotation }) => !annotation.orphaned && (!kind || annotation.kind === kind) && shown(annotation));
    })
    .map((document) => vscode.Uri.parse(document))
    .sort((a, b) => (a.fsPath < b.fsPath ? -1 : a.fsPath > b.fsPath ? 1 : 0));
}
