import * as path from 'node:path';
import * as vscode from 'vscode';

export interface FileRename {
  readonly oldUri: vscode.Uri;
  readonly newUri: vscode.Uri;
}

/**
 * Where `uri` goes in a rename operation: renamed itself, or inside a renamed folder. Undefined
 * when the operation does not move it (or involves other schemes than `file`).
 */
export function renamedUri(uri: vscode.Uri, files: readonly FileRename[]): vscode.Uri | undefined {
  if (uri.scheme !== 'file') return undefined;
  for (const { oldUri, newUri } of files) {
    if (oldUri.scheme !== 'file' || newUri.scheme !== 'file') continue;
    if (uri.fsPath === oldUri.fsPath) return newUri;
    const folder = oldUri.fsPath.endsWith(path.sep) ? oldUri.fsPath : oldUri.fsPath + path.sep;
    if (uri.fsPath.startsWith(folder)) return vscode.Uri.file(path.join(newUri.fsPath, uri.fsPath.slice(folder.length)));
  }
  return undefined;
}
