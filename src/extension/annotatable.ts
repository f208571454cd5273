import type * as vscode from 'vscode';
import type { TextChange } from '../core/edits/textChange';
import { isSidecarPath } from '../core/sidecar/sidecarFormat';

/** Documents the extension annotates: files on disk, but never a sidecar itself. */
export function isAnnotatable(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && !isSidecarPath(document.uri.fsPath);
}

export function toTextChange(change: vscode.TextDocumentContentChangeEvent): TextChange {
  return { offset: change.rangeOffset, length: change.rangeLength, text: change.text };
}

/**
 * Whether a change may be VS Code loading the file's new text from disk (git checkout, an outside
 * edit, Revert File): such a change arrives as ordinary minimal edits with no reason, on a
 * document that is clean. `isDirty` alone cannot decide it: in the extension host it is not yet
 * updated when the first edit after a save arrives. So this only says "worth comparing with the
 * file on disk", which happens at most once per save.
 */
export function mayBeReloadFromDisk(event: vscode.TextDocumentChangeEvent): boolean {
  return !event.document.isDirty && event.reason === undefined;
}
