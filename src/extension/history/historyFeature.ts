import type * as vscode from 'vscode';
import type { AnnotationStore } from '../annotationStore';
import type { CommandManager } from '../commands/command';
import { AnnotationChangesView } from './annotationChangesView';
import { AnnotationHistoryCommand } from './commands/annotationHistory';
import { ClearChangesCommand } from './commands/clearChanges';
import { ShowChangesSinceCommand } from './commands/showChangesSince';

/** Wires the history of annotations from git: changes since a ref, and one annotation's history. */
export function registerHistory(store: AnnotationStore, commands: CommandManager): { changesView: AnnotationChangesView; disposables: vscode.Disposable[] } {
  const changesView = new AnnotationChangesView();
  commands.register(new ShowChangesSinceCommand(store, changesView));
  commands.register(new ClearChangesCommand(changesView));
  commands.register(new AnnotationHistoryCommand(store));
  return { changesView, disposables: [changesView] };
}
