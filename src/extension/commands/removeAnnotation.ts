import * as vscode from 'vscode';
import type { AnnotationStore } from '../annotationStore';
import { excerpt } from '../excerpt';
import { kindPresentation } from '../kindPresentation';
import { resolveAnnotationTarget, tryMutate } from './annotationTarget';
import type { Command } from './command';

export class RemoveAnnotationCommand implements Command {
  readonly id = 'sourceAnnotator.removeAnnotation';

  constructor(private readonly store: AnnotationStore) {}

  async execute(...args: unknown[]): Promise<boolean> {
    const target = await resolveAnnotationTarget(this.store, args);
    if (!target) return false;
    const { document, annotation } = target;
    const removed = await tryMutate(() => this.store.mutate(document, (annotations) => annotations.remove(annotation.id) !== undefined));
    if (!removed) return false;
    // Removal is not part of the text's undo stack, so offer a way back right here.
    const undo = vscode.l10n.t('Undo');
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Removed {0} “{1}”.', kindPresentation(annotation.kind).label, excerpt(annotation.text, 40)), undo)
      .then((choice) => {
        if (choice === undo) void tryMutate(() => this.store.mutate(document, (annotations, text) => (annotations.restore(annotation, text), true)));
      });
    return true;
  }
}
