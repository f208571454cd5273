import type * as vscode from 'vscode';
import type { CommandManager } from '../commands/command';
import type { WorkspaceIndex } from '../workspaceIndex';
import { ExportAnnotationsCommand } from './exportAnnotations';
import { ImportAnnotationsCommand } from './importAnnotations';

/** Wires import and export in the formats of core/interchange (the command line's `import` and `export`). */
export function registerInterchange(workspaceIndex: WorkspaceIndex, commands: CommandManager): vscode.Disposable[] {
  const importCommand = new ImportAnnotationsCommand();
  commands.register(importCommand);
  commands.register(new ExportAnnotationsCommand(workspaceIndex));
  return [importCommand];
}
