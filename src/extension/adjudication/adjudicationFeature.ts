import type * as vscode from 'vscode';
import { RESOLUTIONS } from '../../core/agreement/adjudication';
import type { AnnotationStore } from '../annotationStore';
import type { CommandManager } from '../commands/command';
import type { WorkspaceIndex } from '../workspaceIndex';
import { AdjudicationView } from './adjudicationView';
import { CompareAnnotatorsCommand } from './commands/compareAnnotators';
import { CloseComparisonCommand, GoToDisagreementCommand, NavigateDisagreementsCommand } from './commands/navigateDisagreements';
import { ResolutionHistory, ResolveDisagreementCommand, UndoResolutionCommand } from './commands/resolveDisagreement';
import { ShowAnnotationsOfCommand } from './commands/showAnnotationsOf';

/**
 * Wires adjudication: Compare Annotators, its view and one-key resolutions, and Show Annotations
 * of…. `memory` (the workspace state) keeps the resolutions that write nothing.
 */
export function registerAdjudication(
  store: AnnotationStore,
  index: WorkspaceIndex,
  commands: CommandManager,
  memory: vscode.Memento,
): { adjudicationView: AdjudicationView; disposables: vscode.Disposable[] } {
  const view = new AdjudicationView(store);
  const history = new ResolutionHistory();
  commands.register(new CompareAnnotatorsCommand(store, index, view, memory));
  commands.register(new NavigateDisagreementsCommand(view, 1));
  commands.register(new NavigateDisagreementsCommand(view, -1));
  commands.register(new GoToDisagreementCommand(view));
  commands.register(new CloseComparisonCommand(view));
  for (const resolution of RESOLUTIONS) commands.register(new ResolveDisagreementCommand(store, view, history, resolution));
  commands.register(new UndoResolutionCommand(store, view, history));
  commands.register(new ShowAnnotationsOfCommand(index));
  return { adjudicationView: view, disposables: [view] };
}
