import type * as vscode from 'vscode';
import { ANNOTATION_KINDS } from '../../core/annotationKind';
import type { AnnotationStore } from '../annotationStore';
import type { CommandManager } from '../commands/command';
import { AnnotationSymbols } from '../documentSymbols';
import { AnnotationStatusBar } from '../statusBar';
import { AuthorFilterStatusBar } from '../shownAuthors';
import type { WorkspaceIndex } from '../workspaceIndex';
import { AnnotationNavigator } from './annotationNavigator';
import { GoToAnnotationCommand } from './commands/goToAnnotation';
import { GoToAnnotationInDocumentCommand } from './commands/goToAnnotationInDocument';
import { GoToClaimBySpeakerCommand } from './commands/goToClaimBySpeaker';
import { GoToOrphanedAnnotationCommand } from './commands/goToOrphanedAnnotation';
import { NavigateCommand } from './commands/navigate';
import { ToggleDecorationsCommand } from './commands/toggleDecorations';

/** Wires the reviewer's way through tags: next/previous, the Go to pickers, symbols, status bar. */
export function registerNavigation(store: AnnotationStore, workspaceIndex: WorkspaceIndex, commands: CommandManager): vscode.Disposable[] {
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
  return [new AnnotationSymbols(store), new AnnotationStatusBar(store), new AuthorFilterStatusBar()];
}
