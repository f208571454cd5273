import * as vscode from 'vscode';
import { ANNOTATION_KINDS } from '../core/annotationKind';
import { AnnotationStore } from './annotationStore';
import { ChangeKindCommand } from './commands/changeKind';
import { CommandManager } from './commands/command';
import { EditNoteCommand } from './commands/editNote';
import { GoToAnnotationInDocumentCommand } from './commands/goToAnnotationInDocument';
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

/** What the extension hands to tests: the live store, to wait for writes and inspect the model. */
export interface SourceAnnotatorApi {
  readonly store: AnnotationStore;
}

let store: AnnotationStore | undefined;

export function activate(context: vscode.ExtensionContext): SourceAnnotatorApi {
  store = new AnnotationStore();
  const speakers = new SpeakerDirectory(store, context.workspaceState);
  const commands = new CommandManager();
  for (const kind of ANNOTATION_KINDS) commands.register(new TagSelectionAsCommand(store, kind));
  commands.register(new TagSelectionCommand(store));
  commands.register(new ChangeKindCommand(store));
  commands.register(new SetSpeakerCommand(store, speakers));
  commands.register(new EditNoteCommand(store));
  commands.register(new RemoveAnnotationCommand(store));
  commands.register(new ResolveAnnotationConflictCommand());
  const navigator = new AnnotationNavigator(store);
  for (const direction of ['next', 'previous'] as const) {
    commands.register(new NavigateCommand(navigator, direction));
    for (const kind of ANNOTATION_KINDS) commands.register(new NavigateCommand(navigator, direction, kind));
  }
  commands.register(new GoToAnnotationInDocumentCommand(store));
  commands.register(new ToggleDecorationsCommand());

  context.subscriptions.push(
    store,
    commands,
    new DecorationController(store, vscode.Uri.joinPath(context.extensionUri, 'media')),
    new DiagnosticsController(store),
    new ContextKeys(store),
    new AnnotationConflicts(),
    new SidecarRenames(),
    vscode.languages.registerHoverProvider({ scheme: 'file' }, new AnnotationHoverProvider(store)),
    new AnnotationSymbols(store),
    new AnnotationStatusBar(store),
  );
  return { store };
}

export async function deactivate(): Promise<void> {
  // Sidecars of saved documents with pending changes are written before the host goes away.
  await store?.flush();
  store = undefined;
}
