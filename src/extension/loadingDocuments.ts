import * as vscode from 'vscode';
import { Disposable } from './lifecycle';

/**
 * Which open documents are having their annotations loaded (their sidecar read and placed) or placed again (after a
 * reload from disk, or an Undo that may bring orphans back), counted, since several can overlap: what the status bar's
 * "Loading annotations…" follows.
 */
export class LoadingDocuments extends Disposable {
  private readonly counts = new Map<string, number>();
  private readonly changeEmitter = this._register(new vscode.EventEmitter<vscode.TextDocument>());
  /** A document started or finished loading. */
  readonly onDidChange = this.changeEmitter.event;

  has(document: vscode.TextDocument): boolean {
    return this.counts.has(document.uri.toString());
  }

  /** Runs `work` with the document counted as loading (from this call on, synchronously). */
  async during<T>(document: vscode.TextDocument, work: () => Promise<T>): Promise<T> {
    const key = document.uri.toString();
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.changeEmitter.fire(document);
    try {
      return await work();
    } finally {
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left > 0) this.counts.set(key, left);
      else this.counts.delete(key);
      this.changeEmitter.fire(document);
    }
  }
}
