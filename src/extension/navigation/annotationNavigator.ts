import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotation';
import type { AnnotationKind } from '../../core/annotationKind';
import { adjacentAnnotation, edgeAnnotation, type Direction } from '../../core/navigation/annotationOrder';
import type { AnnotationStore } from '../annotationStore';
import { isAnnotatable } from '../annotatable';
import { kindPresentation } from '../kindPresentation';
import { navigateAcrossDocuments } from '../settings';
import type { WorkspaceIndex } from '../workspaceIndex';
import { annotatedDocuments } from './annotatedDocuments';
import { revealAnnotation } from './revealAnnotation';
import { shownByAuthor, withAuthorFilter } from '../shownAuthors';

/** The annotations Show Annotations of… shows in a document: the only ones navigation visits. */
function shownOf(annotations: readonly Annotation[], uri: vscode.Uri): Annotation[] {
  return annotations.filter(shownByAuthor(uri));
}

/**
 * Next/Previous Annotation, like F8 for problems: selects and reveals the adjacent annotation;
 * past the last one it continues in the next annotated document of the workspace (or wraps
 * within the document when `sourceAnnotator.navigation.acrossDocuments` is off). Only the
 * annotations Show Annotations of… shows are visited.
 */
export class AnnotationNavigator {
  /** The annotation last jumped to, so identical spans are visited in turn. */
  private currentId: string | undefined;

  constructor(
    private readonly store: AnnotationStore,
    private readonly workspaceIndex: WorkspaceIndex,
  ) {}

  async go(direction: Direction, kind?: AnnotationKind): Promise<Annotation | undefined> {
    const editor = vscode.window.activeTextEditor;
    const entry = editor && isAnnotatable(editor.document) ? await this.store.entryFor(editor.document) : undefined;
    if (editor && entry) {
      const document = editor.document;
      const position = { start: document.offsetAt(editor.selection.start), end: document.offsetAt(editor.selection.end), currentId: this.currentId };
      const target = adjacentAnnotation(shownOf(entry.annotations.all, document.uri), position, direction, kind);
      if (target) return this.show(editor, target);
    }
    const landed = navigateAcrossDocuments() ? await this.enterAdjacentDocument(editor?.document.uri, direction, kind) : undefined;
    if (landed) return landed;
    // Inside one document (or the only annotated one): wrap around, as F8 does.
    const wrapped = editor && entry ? edgeAnnotation(shownOf(entry.annotations.all, editor.document.uri), direction, kind) : undefined;
    if (editor && wrapped) return this.show(editor, wrapped);
    void vscode.window.showInformationMessage(
      withAuthorFilter(kind ? vscode.l10n.t('No {0} annotations to go to.', kindPresentation(kind).label) : vscode.l10n.t('No annotations to go to.')),
    );
    return undefined;
  }

  private async enterAdjacentDocument(current: vscode.Uri | undefined, direction: Direction, kind?: AnnotationKind): Promise<Annotation | undefined> {
    const documents = await annotatedDocuments(this.workspaceIndex, kind);
    if (documents.length === 0) return undefined;
    const index = current ? documents.findIndex((uri) => uri.fsPath === current.fsPath) : -1;
    // Visit every other annotated document once, in order, wrapping around the workspace.
    const step = direction === 'next' ? 1 : -1;
    const start = index === -1 ? (direction === 'next' ? -1 : documents.length) : index;
    for (let i = 1; i <= documents.length; i++) {
      const uri = documents[(((start + step * i) % documents.length) + documents.length) % documents.length];
      if (current && uri.fsPath === current.fsPath) return undefined;
      const document = await vscode.workspace.openTextDocument(uri);
      const entry = await this.store.entryFor(document);
      const target = entry && edgeAnnotation(shownOf(entry.annotations.all, uri), direction, kind);
      if (target) return this.show(await vscode.window.showTextDocument(document), target);
    }
    return undefined;
  }

  private show(editor: vscode.TextEditor, annotation: Annotation): Annotation {
    this.currentId = annotation.id;
    revealAnnotation(editor, annotation);
    return annotation;
  }
}
