import * as vscode from 'vscode';
import type { AnnotationKind } from '../../core/annotationKind';
import { activeScheme } from '../scheme/activeScheme';
import type { AnnotationStore } from '../annotationStore';
import type { Command } from '../commands/command';
import { kindPresentation } from '../kindPresentation';
import { revealAnnotation } from '../navigation/revealAnnotation';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { ClaimsFilter } from './claimsFilter';
import { OPEN_ANNOTATION_COMMAND } from './claimsTree';

// The commands of the claims panel's title bar and rows. Each is small and only makes sense in
// the view, so they share this file; the row-level editing commands are the editor's own.

/** Opens a row's document, selects its span and centres it (the row's click and Enter). */
export class OpenAnnotationCommand implements Command {
  readonly id = OPEN_ANNOTATION_COMMAND;

  constructor(
    private readonly store: AnnotationStore,
    private readonly workspace: WorkspaceIndex,
  ) {}

  async execute(documentUri: unknown, annotationId: unknown): Promise<boolean> {
    if (typeof documentUri !== 'string' || typeof annotationId !== 'string') return false;
    // Only an annotation known to exist is opened: nothing is opened for any other URI.
    if (!(await this.exists(documentUri, annotationId))) {
      void vscode.window.showWarningMessage(vscode.l10n.t('That annotation no longer exists.'));
      return false;
    }
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(documentUri));
    // The live model, not the index: its offsets follow unsaved edits and are in UTF-16.
    const annotation = (await this.store.entryFor(document))?.annotations.get(annotationId);
    const editor = await vscode.window.showTextDocument(document, { preview: true });
    if (!annotation) {
      void vscode.window.showWarningMessage(vscode.l10n.t('That annotation no longer exists.'));
      return false;
    }
    revealAnnotation(editor, annotation);
    return true;
  }

  /** In the live model of an open document, else in the workspace index (every sidecar). */
  private async exists(documentUri: string, annotationId: string): Promise<boolean> {
    const open = this.store.all().find((entry) => entry.document.uri.toString() === documentUri);
    if (open) return open.annotations.get(annotationId) !== undefined;
    await this.workspace.ready();
    return this.workspace.index.get(documentUri, annotationId) !== undefined;
  }
}

export class FilterByTextCommand implements Command {
  readonly id = 'sourceAnnotator.claims.filterByText';

  constructor(private readonly filter: ClaimsFilter) {}

  /** Argument: the text (tests); otherwise asks, prefilled with the current filter. */
  async execute(text?: unknown): Promise<void> {
    const value =
      typeof text === 'string'
        ? text
        : await vscode.window.showInputBox({
            title: vscode.l10n.t('Filter Claims by Text'),
            prompt: vscode.l10n.t('Show annotations whose text, speaker, note or author contains this. Leave empty to show all.'),
            value: this.filter.text,
          });
    if (value !== undefined) this.filter.setText(value);
  }
}

export class ClearFilterCommand implements Command {
  readonly id = 'sourceAnnotator.claims.clearFilter';

  constructor(private readonly filter: ClaimsFilter) {}

  execute(): Promise<void> {
    return this.filter.reset();
  }
}

export class FilterByKindCommand implements Command {
  readonly id = 'sourceAnnotator.claims.filterByKind';

  constructor(private readonly filter: ClaimsFilter) {}

  /** Argument: the kinds to show (tests); otherwise a picker with the shown kinds checked. */
  async execute(kinds?: unknown): Promise<void> {
    if (Array.isArray(kinds)) {
      this.filter.setKinds(kinds.filter((k): k is string => typeof k === 'string'));
      return;
    }
    const items = activeScheme().kinds.map(({ id: kind }) => {
      const presentation = kindPresentation(kind);
      return { label: presentation.label, iconPath: presentation.icon, picked: this.filter.kinds.has(kind), annotationKind: kind };
    });
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Kinds to Show'), canPickMany: true });
    if (picked) this.filter.setKinds(picked.map((item) => item.annotationKind));
  }
}

/** Show Quotes / Hide Quotes and the like: one pair per kind, toggled by context keys. */
export class ToggleKindCommand implements Command {
  readonly id: string;

  constructor(
    private readonly filter: ClaimsFilter,
    private readonly kind: AnnotationKind,
    private readonly show: boolean,
  ) {
    this.id = `sourceAnnotator.claims.${show ? 'show' : 'hide'}${kind[0].toUpperCase()}${kind.slice(1)}`;
  }

  execute(): void {
    this.filter.setKindShown(this.kind, this.show);
  }
}

export class RefreshClaimsCommand implements Command {
  readonly id = 'sourceAnnotator.claims.refresh';

  constructor(private readonly workspace: WorkspaceIndex) {}

  execute(): Promise<void> {
    return this.workspace.rebuild();
  }
}
