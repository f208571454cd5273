import type * as vscode from 'vscode';
import { ANNOTATION_KINDS } from '../../core/annotationKind';
import type { AnnotationStore } from '../annotationStore';
import type { CommandManager } from '../commands/command';
import { CopyQuoteCommand } from '../commands/copyQuote';
import type { SpeakerDirectory } from '../speakerDirectory';
import { MergeSpeakerCommand } from '../speakers/commands/mergeSpeaker';
import { RenameSpeakerCommand } from '../speakers/commands/renameSpeaker';
import { SpeakerLedger } from '../speakers/speakerLedger';
import type { WorkspaceIndex } from '../workspaceIndex';
import { ClaimsFilter } from './claimsFilter';
import { ClaimsView } from './claimsView';
import { ClearFilterCommand, FilterByKindCommand, FilterByTextCommand, OpenAnnotationCommand, RefreshClaimsCommand, ToggleKindCommand } from './viewCommands';

/** Wires the claims panel: a view over the workspace index, its title actions and the speaker ledger. */
export function registerClaimsPanel(
  store: AnnotationStore,
  workspaceIndex: WorkspaceIndex,
  speakers: SpeakerDirectory,
  commands: CommandManager,
  state: vscode.Memento,
): { claimsView: ClaimsView; disposables: vscode.Disposable[] } {
  const claimsFilter = new ClaimsFilter(state);
  const claimsView = new ClaimsView(workspaceIndex, claimsFilter);
  const ledger = new SpeakerLedger(store, workspaceIndex);
  commands.register(new OpenAnnotationCommand(store, workspaceIndex));
  commands.register(new CopyQuoteCommand(store));
  commands.register(new RenameSpeakerCommand(ledger));
  commands.register(new MergeSpeakerCommand(ledger, speakers));
  commands.register(new FilterByTextCommand(claimsFilter));
  commands.register(new FilterByKindCommand(claimsFilter));
  commands.register(new ClearFilterCommand(claimsFilter));
  commands.register(new RefreshClaimsCommand(workspaceIndex));
  for (const kind of ANNOTATION_KINDS) {
    for (const show of [true, false]) commands.register(new ToggleKindCommand(claimsFilter, kind, show));
  }
  return { claimsView, disposables: [claimsFilter, claimsView] };
}
