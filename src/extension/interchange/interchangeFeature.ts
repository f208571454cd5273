import type * as vscode from 'vscode';
import { SUGGESTIONS_SUFFIX } from '../../core/interchange/suggestionsFile';
import { isSidecarPath } from '../../core/sidecar/sidecarFormat';
import type { AnnotationStore } from '../annotationStore';
import type { CommandManager } from '../commands/command';
import type { ImportedSuggestions } from '../suggestions/importedSuggestions';
import type { WorkspaceIndex } from '../workspaceIndex';
import { ExportAnnotationsCommand } from './exportAnnotations';
import { ImportAnnotationsCommand } from './importAnnotations';

/**
 * Wires import and export in the formats of core/interchange (the command line's `import` and
 * `export`). What an import writes is handed at once to the store (sidecars) or to the imported
 * suggestions (X.suggestions.yaml), so open documents show it without waiting for a file watcher.
 */
export function registerInterchange(workspaceIndex: WorkspaceIndex, commands: CommandManager, store: AnnotationStore, suggestions: ImportedSuggestions): vscode.Disposable[] {
  const importCommand = new ImportAnnotationsCommand((uri) => (uri.fsPath.endsWith(SUGGESTIONS_SUFFIX) ? suggestions.fileWritten(uri) : isSidecarPath(uri.fsPath) ? store.sidecarWritten(uri) : Promise.resolve()));
  commands.register(importCommand);
  commands.register(new ExportAnnotationsCommand(workspaceIndex));
  return [importCommand];
}
