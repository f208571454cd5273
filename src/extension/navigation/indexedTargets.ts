import * as vscode from 'vscode';
import type { IndexedAnnotation } from '../../core/index/annotationIndex';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { PickableAnnotation } from './annotationPicker';

/** Picker rows for annotations of the workspace index, with their line numbers read in. */
export async function indexedTargets(workspaceIndex: WorkspaceIndex, entries: readonly IndexedAnnotation[]): Promise<PickableAnnotation[]> {
  await workspaceIndex.loadLines(entries.map((entry) => entry.document));
  return entries.map(({ document, annotation }) => ({
    uri: vscode.Uri.parse(document),
    annotation,
    line: workspaceIndex.lineOf(document, annotation.start),
  }));
}
