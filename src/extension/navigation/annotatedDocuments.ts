import * as vscode from 'vscode';
import type { AnnotationKind } from '../../core/annotationKind';
import type { WorkspaceIndex } from '../workspaceIndex';

/**
 * The workspace's annotated documents in path order, optionally only those with an anchored
 * annotation of one kind: the order Next/Previous Annotation move through documents in.
 */
export async function annotatedDocuments(workspaceIndex: WorkspaceIndex, kind?: AnnotationKind): Promise<vscode.Uri[]> {
  await workspaceIndex.ready();
  const { index } = workspaceIndex;
  return index
    .documents()
    .filter((document) => index.annotationsOf(document).some(({ annotation }) => !annotation.orphaned && (!kind || annotation.kind === kind)))
    .map((document) => vscode.Uri.parse(document))
    .sort((a, b) => (a.fsPath < b.fsPath ? -1 : a.fsPath > b.fsPath ? 1 : 0));
}
