import * as vscode from 'vscode';

/** A command of the extension: one class per file, registered by `CommandManager`. */
export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

/** Registers commands and owns their registrations. */
export class CommandManager implements vscode.Disposable {
  private readonly registrations: vscode.Disposable[] = [];

  register(command: Command): void {
    this.registrations.push(vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.execute(...args)));
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
    this.registrations.length = 0;
  }
}
