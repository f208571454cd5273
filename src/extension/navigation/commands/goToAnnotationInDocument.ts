import * as vscode from 'vscode';
import type { AnnotationStore } from '../../annotationStore';
import { isAnnotatable } from '../../annotatable';
import type { Command } from '../../commands/command';
import { shownByAuthor, withAuthorFilter } from '../../shownAuthors';
import { pickAnnotation, type PickableAnnotation } from '../annotationPicker';

/** Go to Annotation in Document…: the active document's annotations, in document order. */
export class GoToAnnotationInDocumentCommand implements Command {
  readonly id = 'sourceAnnotator.goToAnnotationInDocument';

  constructor(private readonly store: AnnotationStore) {}

  async execute(): Promise<PickableAnnotation | undefined> {
    const editor = vscode.window.activeTextEditor;
    const entry = editor && isAnnotatable(editor.document) ? await this.store.entryFor(editor.document) : undefined;
    if (!editor || !entry || entry.annotations.size === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The active document has no annotations.'));
      return undefined;
    }
    const document = editor.document;
    const shown = shownByAuthor(document.uri);
    const targets = entry.annotations.all
      .filter((annotation) => !annotation.orphaned && shown(annotation))
      .map((annotation) => ({ uri: document.uri, annotation, line: document.positionAt(annotation.start).line + 1 }));
    return pickAnnotation(this.store, targets, { title: withAuthorFilter(vscode.l10n.t('Go to Annotation in {0}', vscode.workspace.asRelativePath(document.uri))), showDocument: false });
  }
}
