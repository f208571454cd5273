import type * as vscode from 'vscode';
import type { AnnotationStore } from '../annotationStore';
import type { CommandManager } from '../commands/command';
import { AcceptCandidateCommand } from './commands/acceptCandidate';
import { RelocateToSelectionCommand } from './commands/relocateToSelection';
import { OrphansView } from './orphansView';

/** Wires the orphan inbox: the view and the actions that resolve an orphan. */
export function registerOrphans(store: AnnotationStore, commands: CommandManager): { orphansView: OrphansView; disposables: vscode.Disposable[] } {
  commands.register(new AcceptCandidateCommand(store));
  commands.register(new RelocateToSelectionCommand(store));
  const orphansView = new OrphansView(store);
  return { orphansView, disposables: [orphansView] };
}
