import * as vscode from 'vscode';

/** Sets `when`-clause context keys, sending each to the workbench only when its value flips. */
export class ContextKeyCache {
  private readonly values = new Map<string, boolean>();

  set(key: string, value: boolean): void {
    if (this.values.get(key) === value) return;
    this.values.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}
