import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotation';
import type { AnnotationStore } from '../annotationStore';
import { excerpt } from '../excerpt';
import { kindPresentation } from '../kindPresentation';

export interface AnnotationTarget {
  readonly document: vscode.TextDocument;
  readonly annotation: Annotation;
}

function asUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string') return vscode.Uri.parse(value);
  return undefined;
}

/**
 * Tree rows (the claims panel) reach commands as the row itself, first argument; a row that names
 * its annotation (`documentUri`, `annotationId`) stands for `[documentUri, annotationId]`.
 */
function fromRow(args: readonly unknown[]): readonly unknown[] {
  const row = args[0] as { documentUri?: unknown; annotationId?: unknown } | undefined;
  return row && typeof row === 'object' && typeof row.documentUri === 'string' && typeof row.annotationId === 'string' ? [row.documentUri, row.annotationId] : args;
}

/**
 * The annotation a command acts on: the one named by its arguments (`[documentUri, id]`, as
 * hover links pass them, or a claims panel row), else the innermost one at the cursor of the
 * active editor, asking when several overlap there.
 */
export async function resolveAnnotationTarget(store: AnnotationStore, commandArgs: readonly unknown[]): Promise<AnnotationTarget | undefined> {
  const args = fromRow(commandArgs);
  const uri = asUri(args[0]);
  if (uri && typeof args[1] === 'string') {
    const document = await vscode.workspace.openTextDocument(uri);
    const annotation = (await store.entryFor(document))?.annotations.get(args[1]);
    if (!annotation) void vscode.window.showWarningMessage(vscode.l10n.t('That annotation no longer exists.'));
    return annotation && { document, annotation };
  }

  const editor = vscode.window.activeTextEditor;
  const entry = editor && (await store.entryFor(editor.document));
  if (!editor || !entry) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an annotated document first.'));
    return undefined;
  }
  const candidates = entry.annotations.innermostAt(editor.document.offsetAt(editor.selection.active));
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no annotation at the cursor.'));
    return undefined;
  }
  if (candidates.length === 1) return { document: editor.document, annotation: candidates[0] };

  const picked = await vscode.window.showQuickPick(
    candidates.map((annotation) => {
      const presentation = kindPresentation(annotation.kind);
      return {
        label: `$(${presentation.icon.id}) ${presentation.label}`,
        description: annotation.speaker,
        detail: excerpt(annotation.text, 100),
        annotation,
      };
    }),
    { title: vscode.l10n.t('Several annotations overlap here'), placeHolder: vscode.l10n.t('Choose the annotation to change') },
  );
  return picked && { document: editor.document, annotation: picked.annotation };
}

/** Runs a store mutation, turning a refusal (broken sidecar) into a message instead of an error. */
export async function tryMutate(action: () => Promise<boolean>): Promise<boolean> {
  try {
    return await action();
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return false;
  }
}
