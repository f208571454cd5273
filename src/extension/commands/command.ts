import * as vscode from 'vscode';
import { Disposable } from '../lifecycle';

/** A command of the extension: one class per file, registered by `CommandManager`. */
export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

/** Registers commands and owns their registrations. */
export class CommandManager extends Disposable {
  register(command: Command): void {
    this._register(vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.execute(...args)));
  }
}
