import * as vscode from 'vscode';
import { ANNOTATION_KINDS, type AnnotationKind } from '../core/annotationKind';
import { kindPresentation } from './kindPresentation';

/** Asks for one of the four kinds; `current` is marked so a change of kind reads clearly. */
export async function pickAnnotationKind(title: string, current?: AnnotationKind): Promise<AnnotationKind | undefined> {
  const picked = await vscode.window.showQuickPick(
    ANNOTATION_KINDS.map((annotationKind) => {
      const presentation = kindPresentation(annotationKind);
      return {
        label: `$(${presentation.icon.id}) ${presentation.label}`,
        description: annotationKind === current ? vscode.l10n.t('current') : undefined,
        annotationKind,
      };
    }),
    { title, placeHolder: current ? vscode.l10n.t('Choose the new kind') : vscode.l10n.t('Choose the kind of span') },
  );
  return picked?.annotationKind;
}
