import * as vscode from 'vscode';
import { findDocuments } from '../core/corpus/findDocuments';
import { findSidecars, type FoundFiles } from '../core/corpus/findSidecars';

/**
 * The sidecars, or the documents, of every workspace folder on disk, found by the same search the
 * command line uses (src/core/corpus): the same files in both, links followed, `node_modules` and
 * `.git` skipped. A walk of the folders in this process, not the editor's file search, which
 * starts a search process first (about 175 ms before the first of 200 sidecars, where the walk
 * takes a few milliseconds). Folders that are not on disk (virtual file systems) have none: the
 * extension reads sidecars from disk. Each file once, in path order, also when folders nest.
 */
export function workspaceSidecars(): Promise<vscode.Uri[]> {
  return searchFolders(findSidecars);
}

/** The text and Markdown documents of every workspace folder on disk (see workspaceSidecars). */
export function workspaceDocuments(): Promise<vscode.Uri[]> {
  return searchFolders(findDocuments);
}

async function searchFolders(search: (paths: readonly string[]) => Promise<FoundFiles>): Promise<vscode.Uri[]> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
  if (folders.length === 0) return [];
  // A folder removed from disk while the workspace is open has nothing in it.
  const found = await search(folders).catch((): FoundFiles => ({ files: [], problems: [] }));
  return found.files.map((file) => vscode.Uri.file(file));
}
