import * as vscode from 'vscode';
import { ResolutionLog } from '../../core/agreement/resolutionLog';
import type { Annotation } from '../../core/annotation';
import type { AnnotationStore } from '../annotationStore';
import type { CommandManager } from '../commands/command';
import type { WorkspaceIndex } from '../workspaceIndex';
import { AdjudicationView } from './adjudicationView';
import { CompareAnnotatorsCommand } from './commands/compareAnnotators';
import { CancelAdjudicatedSpanCommand, ConfirmAdjudicatedSpanCommand, EditResolutionCommand } from './commands/editResolution';
import { CloseComparisonCommand, GoToDisagreementCommand, NavigateDisagreementsCommand } from './commands/navigateDisagreements';
import { ResolveDisagreementCommand } from './commands/resolveDisagreement';
import { ShowAnnotationsOfCommand } from './commands/showAnnotationsOf';
import { UndoResolutionCommand } from './commands/undoResolution';
import { describeResolution } from './resolutionWriter';
import { SpanEditMode } from './spanEditMode';

/**
 * Wires adjudication: Compare Annotators, its view and one-key resolutions (Edit with its span
 * mode), undo, and Show Annotations of…. `memory` (the workspace state) keeps the resolutions that
 * write nothing; the resolution log, for undo, lives as long as the window.
 */
export function registerAdjudication(
  store: AnnotationStore,
  index: WorkspaceIndex,
  commands: CommandManager,
  memory: vscode.Memento,
): { adjudicationView: AdjudicationView; disposables: vscode.Disposable[] } {
  const view = new AdjudicationView(store);
  const log = new ResolutionLog<Annotation>();
  const spanEdit = new SpanEditMode(view);
  view.hints.push((session) => {
    const last = log.last(session.a, session.b);
    return last && vscode.l10n.t('Undo (U): {0}', describeResolution(last));
  });
  commands.register(new CompareAnnotatorsCommand(store, index, view, memory));
  commands.register(new NavigateDisagreementsCommand(view, 1));
  commands.register(new NavigateDisagreementsCommand(view, -1));
  commands.register(new GoToDisagreementCommand(view));
  commands.register(new CloseComparisonCommand(view));
  for (const resolution of ['takeA', 'takeB', 'keepBoth'] as const) commands.register(new ResolveDisagreementCommand(store, view, log, resolution));
  commands.register(new EditResolutionCommand(view, spanEdit));
  commands.register(new ConfirmAdjudicatedSpanCommand(store, view, spanEdit, log));
  commands.register(new CancelAdjudicatedSpanCommand(spanEdit));
  commands.register(new UndoResolutionCommand(store, view, log));
  commands.register(new ShowAnnotationsOfCommand(index));
  return { adjudicationView: view, disposables: [spanEdit, view] };
}
