import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotation';
import type { AnnotationStore } from '../annotationStore';
import { excerpt } from '../excerpt';
import { kindPresentation } from '../kindPresentation';
import { runQuickPick } from '../runQuickPick';
import { revealAnnotation } from './revealAnnotation';

/** One row of an annotation picker: what to show, and the document and id to go to. */
export interface PickableAnnotation {
  readonly uri: vscode.Uri;
  readonly annotation: Pick<Annotation, 'id' | 'kind' | 'text' | 'speaker' | 'orphaned'>;
  /** 1-based line of the span's start, when known. */
  readonly line: number | undefined;
}

interface AnnotationItem extends vscode.QuickPickItem {
  readonly target: PickableAnnotation;
}

function toItem(target: PickableAnnotation, showDocument: boolean): AnnotationItem {
  const { annotation } = target;
  const presentation = kindPresentation(annotation.kind);
  const line = target.line === undefined ? '' : showDocument ? `:${target.line}` : vscode.l10n.t('line {0}', target.line);
  const where = showDocument ? `${vscode.workspace.asRelativePath(target.uri)}${line}` : line;
  return {
    label: `$(${presentation.icon.id}) ${excerpt(annotation.text, 80)}`,
    // Kind and speaker go on the second line, where a long excerpt cannot push them out of
    // sight; the kind is spelled out so that typing "quote" or "claim" filters by kind.
    detail: [presentation.label, annotation.speaker, where].filter(Boolean).join(' · '),
    target,
  };
}

/**
 * A quick pick over annotations that previews each one in its editor as the reviewer moves
 * through the list (as Go to Symbol does) and puts the editor back where it was on Escape.
 * Typing filters on the excerpt, the speaker and the kind. Rows name annotations by document and
 * id; the span is looked up in the live model when shown, so it is right even after edits.
 */
export async function pickAnnotation(
  store: AnnotationStore,
  targets: readonly PickableAnnotation[],
  options: { title: string; placeholder?: string; showDocument: boolean },
): Promise<PickableAnnotation | undefined> {
  const original = vscode.window.activeTextEditor;
  const restore = original && { document: original.document, selections: original.selections, visible: original.visibleRanges[0], viewColumn: original.viewColumn };
  const quickPick = vscode.window.createQuickPick<AnnotationItem>();
  quickPick.title = options.title;
  quickPick.placeholder = options.placeholder ?? vscode.l10n.t('Type to filter by text, speaker or kind');
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = targets.map((t) => toItem(t, options.showDocument));

  const show = async (target: PickableAnnotation, preview: boolean) => {
    const document = await vscode.workspace.openTextDocument(target.uri);
    const editor = await vscode.window.showTextDocument(document, { preview, preserveFocus: preview, viewColumn: restore?.viewColumn });
    const live = (await store.entryFor(document))?.annotations.get(target.annotation.id);
    if (live) revealAnnotation(editor, live, preview ? vscode.TextEditorRevealType.InCenterIfOutsideViewport : vscode.TextEditorRevealType.InCenter);
  };

  const picked = await runQuickPick(quickPick, (item) => item, [
    quickPick.onDidChangeActive((items) => {
      if (items[0]) void show(items[0].target, true);
    }),
  ]);

  if (picked) {
    await show(picked.target, false);
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
