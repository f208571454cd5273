import * as vscode from 'vscode';
import type { AnnotationKind } from '../core/annotationKind';
import { activeScheme } from './scheme/activeScheme';
import { kindPresentation } from './kindPresentation';

/**
 * The kind a keybinding or another command passed: a string, or `{ kind }` (custom kinds need no
 * command of their own: `{"command": "sourceAnnotator.tagSelection", "args": {"kind": "statistic"}}`).
 */
export function kindArgument(arg: unknown): AnnotationKind | undefined {
  if (typeof arg === 'string' && arg !== '') return arg;
  if (arg && typeof arg === 'object' && typeof (arg as { kind?: unknown }).kind === 'string') return (arg as { kind: string }).kind;
  return undefined;
}

/** Asks for one of the scheme's kinds, in its order; `current` is marked so a change of kind reads clearly. */
export async function pickAnnotationKind(title: string, current?: AnnotationKind): Promise<AnnotationKind | undefined> {
  const picked = await vscode.window.showQuickPick(
    activeScheme().kinds.map(({ id: annotationKind }) => {
      const presentation = kindPresentation(annotationKind);
      return {
        label: `$(${presentation.icon.id}) ${presentation.label}`,
        description: annotationKind === current ? vscode.l10n.t('current') : undefined,
        detail: presentation.description,
        annotationKind,
      };
    }),
    { title, placeHolder: current ? vscode.l10n.t('Choose the new kind') : vscode.l10n.t('Choose the kind of span') },
  );
  return picked?.annotationKind;
}
