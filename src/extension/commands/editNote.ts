import * as vscode from 'vscode';
import type { AnnotationStore } from '../annotationStore';
import { resolveAnnotationTarget, tryMutate } from './annotationTarget';
import type { Command } from './command';

export class EditNoteCommand implements Command {
  readonly id = 'sourceAnnotator.editNote';

  constructor(private readonly store: AnnotationStore) {}

  /** Arguments: `[documentUri, id]` to name the annotation, and optionally the note itself. */
  async execute(...args: unknown[]): Promise<boolean> {
    const target = await resolveAnnotationTarget(this.store, args);
    if (!target) return false;
    const note = typeof args[2] === 'string' ? args[2] : await vscode.window.showInputBox({
      title: vscode.l10n.t('Edit Note'),
      prompt: vscode.l10n.t('A note for reviewers. Leave empty to remove the note.'),
      value: target.annotation.note ?? '',
    });
    if (note === undefined) return false;
    return tryMutate(() => this.store.mutate(target.document, (annotations) => annotations.update(target.annotation.id, { note })));
  }
}
