import * as vscode from 'vscode';
import { ANNOTATION_KINDS, isAnnotationKind, type AnnotationKind } from '../../../core/annotationKind';
import { tryMutate } from '../../commands/annotationTarget';
import type { Command } from '../../commands/command';
import { kindPresentation } from '../../kindPresentation';
import type { SuggestionStore } from '../suggestionStore';

/** Accepts every suggestion of one kind in the active document; the kind is asked (with counts) unless given. */
export class AcceptAllSuggestionsOfKindCommand implements Command {
  readonly id = 'sourceAnnotator.acceptAllSuggestionsOfKind';

  constructor(private readonly suggestions: SuggestionStore) {}

  async execute(kindArgument?: unknown): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    const pending = editor && this.suggestions.get(editor.document);
    if (!editor || !pending || pending.size === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This document has no suggestions.'));
      return false;
    }
    const kind = isAnnotationKind(kindArgument) ? kindArgument : await this.pickKind(pending.all);
    if (!kind) return false;
    const ids = pending.all.filter((s) => s.kind === kind).map((s) => s.id);
    return tryMutate(() => this.suggestions.accept(editor.document, ids));
  }

  private async pickKind(all: readonly { kind: AnnotationKind }[]): Promise<AnnotationKind | undefined> {
    const items = ANNOTATION_KINDS.map((kind) => ({ kind, count: all.filter((s) => s.kind === kind).length }))
      .filter((k) => k.count > 0)
      .map(({ kind, count }) => ({ label: `$(${kindPresentation(kind).icon.id}) ${kindPresentation(kind).label}`, description: vscode.l10n.t('{0} suggestion(s)', count), annotationKind: kind }));
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Accept All Suggestions of Kind') });
    return picked?.annotationKind;
  }
}
