import * as vscode from 'vscode';

/** A workspace file's text as UTF-8 (the open document's when it is open), or undefined if unreadable. */
export async function readWorkspaceText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
