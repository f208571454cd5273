import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotation';
import { excerpt } from '../excerpt';
import { kindPresentation } from '../kindPresentation';
import { revealAnnotation } from './revealAnnotation';

export interface PickableAnnotation {
  readonly uri: vscode.Uri;
  readonly annotation: Annotation;
  /** 1-based line of the span's start, for the row's detail. */
  readonly line: number;
}

interface AnnotationItem extends vscode.QuickPickItem {
  readonly target: PickableAnnotation;
}

function toItem(target: PickableAnnotation, showDocument: boolean): AnnotationItem {
  const { annotation } = target;
  const presentation = kindPresentation(annotation.kind);
  const where = showDocument ? `${vscode.workspace.asRelativePath(target.uri)}:${target.line}` : vscode.l10n.t('line {0}', target.line);
  return {
    label: `$(${presentation.icon.id}) ${excerpt(annotation.text, 80)}`,
    description: annotation.speaker,
    // The kind is spelled out so that typing "quote" or "claim" filters by kind.
    detail: `${presentation.label} · ${where}`,
    target,
  };
}

/**
 * A quick pick over annotations that previews each one in its editor as the reviewer moves
 * through the list (as Go to Symbol does) and puts the editor back where it was on Escape.
 * Typing filters on the excerpt, the speaker and the kind.
 */
export async function pickAnnotation(targets: readonly PickableAnnotation[], options: { title: string; showDocument: boolean }): Promise<PickableAnnotation | undefined> {
  const original = vscode.window.activeTextEditor;
  const restore = original && { document: original.document, selections: original.selections, visible: original.visibleRanges[0], viewColumn: original.viewColumn };
  const quickPick = vscode.window.createQuickPick<AnnotationItem>();
  quickPick.title = options.title;
  quickPick.placeholder = vscode.l10n.t('Type to filter by text, speaker or kind');
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = targets.map((t) => toItem(t, options.showDocument));

  const preview = async (item: AnnotationItem | undefined) => {
    if (!item) return;
    const document = await vscode.workspace.openTextDocument(item.target.uri);
    const editor = await vscode.window.showTextDocument(document, { preview: true, preserveFocus: true, viewColumn: restore?.viewColumn });
    revealAnnotation(editor, item.target.annotation, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  const picked = await new Promise<AnnotationItem | undefined>((resolve) => {
    const disposables = [
      quickPick.onDidChangeActive((items) => void preview(items[0])),
      quickPick.onDidAccept(() => {
        resolve(quickPick.selectedItems[0]);
        quickPick.hide();
      }),
      quickPick.onDidHide(() => {
        resolve(undefined);
        disposables.forEach((d) => d.dispose());
        quickPick.dispose();
      }),
    ];
    quickPick.show();
  });

  if (picked) {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(picked.target.uri), { preview: false, viewColumn: restore?.viewColumn });
    revealAnnotation(editor, picked.target.annotation);
    return picked.target;
  }
  if (restore) {
    // Escape: back to where the reviewer was before the preview moved things.
    const editor = await vscode.window.showTextDocument(restore.document, { viewColumn: restore.viewColumn });
    editor.selections = [...restore.selections];
    if (restore.visible) editor.revealRange(restore.visible, vscode.TextEditorRevealType.AtTop);
  }
  return undefined;
}
