import * as vscode from 'vscode';
import { ANNOTATION_KINDS, type AnnotationKind } from '../../../core/annotationKind';
import { kindPresentation } from '../../kindPresentation';

/** Asks which kind of suggestion to act on, with how many of each are pending; undefined if dismissed. */
export async function pickSuggestionKind(all: readonly { kind: AnnotationKind }[], title: string): Promise<AnnotationKind | undefined> {
  const items = ANNOTATION_KINDS.map((kind) => ({ kind, count: all.filter((s) => s.kind === kind).length }))
    .filter((k) => k.count > 0)
    .map(({ kind, count }) => ({ label: `$(${kindPresentation(kind).icon.id}) ${kindPresentation(kind).label}`, description: vscode.l10n.t('{0} suggestion(s)', count), annotationKind: kind }));
  const picked = await vscode.window.showQuickPick(items, { title });
  return picked?.annotationKind;
}
