import * as vscode from 'vscode';
import type { CorpusDocument } from '../../core/corpus/annotatedDocument';
import type { WorkspaceIndex } from '../workspaceIndex';
import { readWorkspaceText } from '../workspaceText';

/**
 * The workspace's annotations as export input, over the workspace index, so unsaved changes of
 * open documents are in it; paths relative to the workspace, `/`-separated.
 */
export async function workspaceCorpus(workspaceIndex: WorkspaceIndex): Promise<CorpusDocument[]> {
  await workspaceIndex.ready();
  const index = workspaceIndex.index;
  return Promise.all(
    index.documents().map(async (document) => {
      const uri = vscode.Uri.parse(document);
      return {
        path: vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/'),
        documentText: await readWorkspaceText(uri),
        annotations: index.annotationsOf(document).map((entry) => entry.annotation),
      };
    }),
  );
}
