import * as vscode from 'vscode';
import type { AnnotationStore } from '../../annotationStore';
import { tryMutate } from '../../commands/annotationTarget';
import type { Command } from '../../commands/command';
import { orphanArgument } from './orphanArgument';

/** Anchors an orphan at a place the re-anchoring offered (an orphan row: its best candidate). */
export class AcceptCandidateCommand implements Command {
  readonly id = 'sourceAnnotator.orphans.acceptCandidate';

  constructor(private readonly store: AnnotationStore) {}

  async execute(...args: unknown[]): Promise<boolean> {
    const target = orphanArgument(args);
    if (!target) return false;
    const document = await vscode.workspace.openTextDocument(target.uri);
    const accepted = await tryMutate(() =>
      this.store.mutate(document, (annotations, text) => {
        const candidate = annotations.candidatesFor(target.annotationId)[target.candidateIndex];
        return candidate !== undefined && annotations.relocate(target.annotationId, candidate, text);
      }),
    );
    if (!accepted) void vscode.window.showWarningMessage(vscode.l10n.t('That candidate is no longer available.'));
    return accepted;
  }
}
