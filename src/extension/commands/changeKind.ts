import * as vscode from 'vscode';
import { findKind } from '../../core/scheme/scheme';
import { activeScheme } from '../scheme/activeScheme';
import type { AnnotationStore } from '../annotationStore';
import { pickAnnotationKind } from '../kindPicker';
import { resolveAnnotationTarget, tryMutate } from './annotationTarget';
import type { Command } from './command';

export class ChangeKindCommand implements Command {
  readonly id = 'sourceAnnotator.changeKind';

  constructor(private readonly store: AnnotationStore) {}

  /** Arguments: `[documentUri, id]` to name the annotation, and optionally the new kind. */
  async execute(...args: unknown[]): Promise<boolean> {
    const target = await resolveAnnotationTarget(this.store, args);
    if (!target) return false;
    const kind = typeof args[2] === 'string' && findKind(activeScheme(), args[2]) ? args[2] : await pickAnnotationKind(vscode.l10n.t('Change Kind'), target.annotation.kind);
    if (!kind || kind === target.annotation.kind) return false;
    return tryMutate(() => this.store.mutate(target.document, (annotations) => annotations.update(target.annotation.id, { kind })));
  }
}
