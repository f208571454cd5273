import * as path from 'node:path';
import * as vscode from 'vscode';
import { ANNOTATION_KINDS } from '../core/annotationKind';
import { findKind } from '../core/scheme/scheme';
import { announceActivation } from './activationMarker';
import { registerAdjudication } from './adjudication/adjudicationFeature';
import type { AdjudicationView } from './adjudication/adjudicationView';
import { AnnotationStore } from './annotationStore';
import { registerClaimsPanel } from './claims/claimsFeature';
import type { ClaimsView } from './claims/claimsView';
import { CheckWorkspaceCommand } from './checks/checkWorkspace';
import { ChangeKindCommand } from './commands/changeKind';
import { CommandManager } from './commands/command';
import { EditNoteCommand } from './commands/editNote';
import { RemoveAnnotationCommand } from './commands/removeAnnotation';
import { SetAttributeCommand } from './commands/setAttribute';
import { SetSpeakerCommand } from './commands/setSpeaker';
import { TagSelectionAsCommand, TagSelectionCommand } from './commands/tagSelection';
import { AnnotationConflicts } from './conflicts/annotationConflicts';
import { ResolveAnnotationConflictCommand } from './conflicts/commands/resolveAnnotationConflict';
import { ContextKeys } from './contextKeys';
import { DecorationController } from './decorations';
import { DiagnosticsController } from './diagnostics';
import { registerHistory } from './history/historyFeature';
import type { AnnotationChangesView } from './history/annotationChangesView';
import { AnnotationHoverProvider } from './hover';
import { SuggestionAnalyser } from './suggestions/analysis/suggestionAnalyser';
import { registerNavigation } from './navigation/navigationFeature';
import { registerOrphans } from './orphans/orphansFeature';
import type { OrphansView } from './orphans/orphansView';
import type { ClaimsReportPanel } from './report/claimsReportPanel';
import { registerInterchange } from './interchange/interchangeFeature';
import { registerClaimsReport } from './report/reportFeature';
import { activeScheme, onDidChangeScheme, schemeState, type SchemeState } from './scheme/activeScheme';
import { SchemeFile } from './scheme/schemeFile';
import { SidecarParser } from './sidecarParsing/sidecarParser';
import { SidecarRenames } from './sidecarRenames';
import { SpeakerDirectory } from './speakerDirectory';
import { SpeakerRegistryFile } from './speakers/speakerRegistryFile';
import { registerSuggestions } from './suggestions/suggestionFeature';
import type { SuggestionStore } from './suggestions/suggestionStore';
import { WorkspaceIndex } from './workspaceIndex';

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
  /** The Annotation Changes view (Show Annotation Changes Since…). */
  readonly changesView: AnnotationChangesView;
  /** Compare Annotators: the comparison in progress and its view. */
  readonly adjudicationView: AdjudicationView;
  /** Parses sidecars off the extension host thread. */
  readonly sidecarParser: SidecarParser;
  /** The annotation scheme in force (and the scheme file's problems, if any). */
  readonly scheme: () => SchemeState;
  /** Resolves once the scheme file has been read again and every open sidecar checked against it. */
  readonly schemeRevalidated: () => Promise<void>;
}

let store: AnnotationStore | undefined;
/** The re-check of sidecars after the last scheme change. */
let revalidation: Promise<void> = Promise.resolve();

export function activate(context: vscode.ExtensionContext): SourceAnnotatorApi {
  // The model of open documents and of the whole workspace.
  // Sidecars are parsed in a worker thread (dist/sidecarParserWorker.js), never on this one.
  // The annotation scheme first: sidecars are checked against it, so loads wait for its first read.
  const schemeFile = new SchemeFile();
  const parser = new SidecarParser(path.join(context.extensionPath, 'dist', 'sidecarParserWorker.js'), (message) => console.warn(`Source Annotator: ${message}`));
  store = new AnnotationStore(parser);
  const speakerRegistry = new SpeakerRegistryFile();
  const workspaceIndex = new WorkspaceIndex(store, speakerRegistry, parser);
  const speakers = new SpeakerDirectory(workspaceIndex, speakerRegistry, context.workspaceState);

  // Annotating: tag, change, remove; what the editor shows of it.
  const commands = new CommandManager();
  for (const kind of ANNOTATION_KINDS) commands.register(new TagSelectionAsCommand(store, kind));
  commands.register(new TagSelectionCommand(store));
  commands.register(new ChangeKindCommand(store));
  commands.register(new SetSpeakerCommand(store, speakers));
  commands.register(new SetAttributeCommand(store, speakers));
  commands.register(new EditNoteCommand(store));
  commands.register(new RemoveAnnotationCommand(store));
  commands.register(new ResolveAnnotationConflictCommand());
  const checkWorkspace = new CheckWorkspaceCommand(store);
  commands.register(checkWorkspace);

  // The features built on it, each wiring its own views and commands.
  const navigation = registerNavigation(store, workspaceIndex, commands);
  const { claimsView, disposables: claimsParts } = registerClaimsPanel(store, workspaceIndex, speakers, commands, context.workspaceState);
  const { orphansView, disposables: orphanParts } = registerOrphans(store, commands);
  // Suggestions are made in a worker thread too (dist/suggestionWorker.js), started on the first request.
  const analyser = new SuggestionAnalyser(path.join(context.extensionPath, 'dist', 'suggestionWorker.js'), (message) => console.warn(`Source Annotator: ${message}`));
  const analyse = async (text: string, cancellation?: vscode.CancellationToken) =>
    (await analyser.analyse(text, speakerRegistry.registry.speakers, cancellation))?.filter((s) => findKind(activeScheme(), s.kind));
  const { suggestions, imported: importedSuggestions, disposables: suggestionParts } = registerSuggestions(store, analyse, commands);
  const { claimsReport, disposables: reportParts } = registerClaimsReport(workspaceIndex, context.extensionUri, commands);
  const { changesView, disposables: historyParts } = registerHistory(store, commands);
  const interchangeParts = registerInterchange(workspaceIndex, commands, store, importedSuggestions);
  const { adjudicationView, disposables: adjudicationParts } = registerAdjudication(store, workspaceIndex, commands, context.workspaceState);

  context.subscriptions.push(
    schemeFile,
    checkWorkspace,
    // A new scheme: open documents' sidecars and the workspace index are checked against it again.
    onDidChangeScheme(() => {
      revalidation = Promise.all([store?.revalidate(), workspaceIndex.isBuilt ? workspaceIndex.rebuild() : undefined]).then(() => undefined);
    }),
    { dispose: () => parser.dispose() },
    { dispose: () => analyser.dispose() },
    store,
    commands,
    speakerRegistry,
    workspaceIndex,
    new DecorationController(store, vscode.Uri.joinPath(context.extensionUri, 'media')),
    new DiagnosticsController(store),
    new ContextKeys(store),
    new AnnotationConflicts(),
    new SidecarRenames(store),
    vscode.languages.registerHoverProvider({ scheme: 'file' }, new AnnotationHoverProvider(store)),
    ...navigation,
    ...claimsParts,
    ...orphanParts,
    ...suggestionParts,
    ...reportParts,
    ...historyParts,
    ...interchangeParts,
    ...adjudicationParts,
  );
  void announceActivation();
  return {
    store,
    workspaceIndex,
    claimsView,
    orphansView,
    suggestions,
    claimsReport,
    changesView,
    adjudicationView,
    sidecarParser: parser,
    scheme: schemeState,
    schemeRevalidated: async () => {
      await schemeFile.reload();
      await revalidation;
    },
  };
}

export async function deactivate(): Promise<void> {
  // Sidecars of saved documents with pending changes are written before the host goes away.
  await store?.flush();
  store = undefined;
}
