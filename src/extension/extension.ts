import * as vscode from 'vscode';
import { ANNOTATION_KINDS } from '../core/annotationKind';
import { AnnotationStore } from './annotationStore';
import { ChangeKindCommand } from './commands/changeKind';
import { CommandManager } from './commands/command';
import { EditNoteCommand } from './commands/editNote';
import { GoToAnnotationCommand } from './commands/goToAnnotation';
import { GoToAnnotationInDocumentCommand } from './commands/goToAnnotationInDocument';
import { GoToClaimBySpeakerCommand } from './commands/goToClaimBySpeaker';
import { GoToOrphanedAnnotationCommand } from './commands/goToOrphanedAnnotation';
import { NavigateCommand } from './commands/navigate';
import { RemoveAnnotationCommand } from './commands/removeAnnotation';
import { ResolveAnnotationConflictCommand } from './commands/resolveAnnotationConflict';
import { SetSpeakerCommand } from './commands/setSpeaker';
import { TagSelectionAsCommand, TagSelectionCommand } from './commands/tagSelection';
import { ToggleDecorationsCommand } from './commands/toggleDecorations';
import { AnnotationConflicts } from './conflicts/annotationConflicts';
import { ContextKeys } from './contextKeys';
import { DecorationController } from './decorations';
import { DiagnosticsController } from './diagnostics';
import { AnnotationSymbols } from './documentSymbols';
import { AnnotationHoverProvider } from './hover';
import { AnnotationNavigator } from './navigation/annotationNavigator';
import { SidecarRenames } from './sidecarRenames';
import { SpeakerDirectory } from './speakerDirectory';
import { AnnotationStatusBar } from './statusBar';
import { ClaimsFilter } from './claims/claimsFilter';
import { ClaimsView } from './claims/claimsView';
import { ClearFilterCommand, FilterByKindCommand, FilterByTextCommand, OpenAnnotationCommand, RefreshClaimsCommand, ToggleKindCommand } from './claims/viewCommands';
import { CopyQuoteCommand } from './commands/copyQuote';
import { MergeSpeakerCommand } from './commands/mergeSpeaker';
import { RenameSpeakerCommand } from './commands/renameSpeaker';
import { SpeakerLedger } from './speakerLedger';
import { SpeakerRegistryFile } from './speakerRegistryFile';
import { WorkspaceIndex } from './workspaceIndex';
import { AcceptCandidateCommand } from './commands/acceptCandidate';
import { RelocateToSelectionCommand } from './commands/relocateToSelection';
import { OrphansView } from './orphans/orphansView';
import { suggestAnnotations } from './lazyCore';
import { registerSuggestions } from './suggestions/suggestionFeature';
import type { SuggestionStore } from './suggestions/suggestionStore';
import { ClaimsReportPanel } from './report/claimsReportPanel';
import { ShowClaimsReportCommand } from './commands/showClaimsReport';
import { ExportClaimsReportCommand } from './commands/exportClaimsReport';

/** What the extension hands to tests: the live store, to wait for writes and inspect the model. */
export interface SourceAnnotatorApi {
  readonly store: AnnotationStore;
  /** Every annotation of the workspace (built when first needed). */
  readonly workspaceIndex: WorkspaceIndex;
  readonly claimsView: ClaimsView;
  readonly orphansView: OrphansView;
  /** Suggestions waiting for review, per open document (memory only). */
  readonly suggestions: SuggestionStore;
  readonly claimsReport: ClaimsReportPanel;
}

let store: AnnotationStore | undefined;

export function activate(context: vscode.ExtensionContext): SourceAnnotatorApi {
  store = new AnnotationStore();
  const speakerRegistry = new SpeakerRegistryFile();
  const workspaceIndex = new WorkspaceIndex(store, speakerRegistry);
  const speakers = new SpeakerDirectory(workspaceIndex, speakerRegistry, context.workspaceState);
  const commands = new CommandManager();
  for (const kind of ANNOTATION_KINDS) commands.register(new TagSelectionAsCommand(store, kind));
  commands.register(new TagSelectionCommand(store));
  commands.register(new ChangeKindCommand(store));
  commands.register(new SetSpeakerCommand(store, speakers));
  commands.register(new EditNoteCommand(store));
  commands.register(new RemoveAnnotationCommand(store));
  commands.register(new ResolveAnnotationConflictCommand());
  const navigator = new AnnotationNavigator(store, workspaceIndex);
  for (const direction of ['next', 'previous'] as const) {
    commands.register(new NavigateCommand(navigator, direction));
    for (const kind of ANNOTATION_KINDS) commands.register(new NavigateCommand(navigator, direction, kind));
  }
  commands.register(new GoToAnnotationInDocumentCommand(store));
  commands.register(new GoToAnnotationCommand(store, workspaceIndex));
  commands.register(new GoToClaimBySpeakerCommand(store, workspaceIndex));
  commands.register(new GoToOrphanedAnnotationCommand(store, workspaceIndex));
  commands.register(new ToggleDecorationsCommand());
  // The claims panel: a view over the workspace index, its title actions and the speaker ledger.
  const claimsFilter = new ClaimsFilter(context.workspaceState);
  const claimsView = new ClaimsView(workspaceIndex, claimsFilter);
  const ledger = new SpeakerLedger(store, workspaceIndex);
  commands.register(new OpenAnnotationCommand(store));
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

  commands.register(new AcceptCandidateCommand(store));
  commands.register(new RelocateToSelectionCommand(store));
  const orphansView = new OrphansView(store);
  const { suggestions, disposables: suggestionParts } = registerSuggestions(store, suggestAnnotations, commands);
  const claimsReport = new ClaimsReportPanel(workspaceIndex, context.extensionUri);
  commands.register(new ShowClaimsReportCommand(claimsReport));
  commands.register(new ExportClaimsReportCommand(workspaceIndex));

  context.subscriptions.push(
    store,
    commands,
    orphansView,
    speakerRegistry,
    workspaceIndex,
    claimsFilter,
    claimsView,
    new DecorationController(store, vscode.Uri.joinPath(context.extensionUri, 'media')),
    new DiagnosticsController(store),
    new ContextKeys(store),
    new AnnotationConflicts(),
    new SidecarRenames(),
    vscode.languages.registerHoverProvider({ scheme: 'file' }, new AnnotationHoverProvider(store)),
    new AnnotationSymbols(store),
    new AnnotationStatusBar(store),
    ...suggestionParts,
    claimsReport,
  );
  return { store, workspaceIndex, claimsView, orphansView, suggestions, claimsReport };
}

export async function deactivate(): Promise<void> {
  // Sidecars of saved documents with pending changes are written before the host goes away.
  await store?.flush();
  store = undefined;
}
