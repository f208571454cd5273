import * as vscode from 'vscode';
import { markdownText } from './markdownText';
import { activeScheme, onDidChangeScheme } from './scheme/activeScheme';
import type { AnnotationStore } from './annotationStore';
import { isAnnotatable } from './annotatable';
import { kindPresentation } from './kindPresentation';
import { Disposable } from './lifecycle';
import { affectsAuthorFilter, describeAuthorFilter, shownByAuthor } from './shownAuthors';

/**
 * Counts per kind of the active document (and its orphans) in the status bar, of the annotations
 * Show Annotations of… shows (with a filter icon when that is not everyone's). Clicking it opens
 * Go to Annotation in Document. Hidden for documents without annotations.
 */
export class AnnotationStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('sourceAnnotator.counts', vscode.StatusBarAlignment.Right, 100));

  /** Pending "loading" display for the active document: shown only if its load takes a while. */
  private loadingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly store: AnnotationStore) {
    super();
    this._register({ dispose: () => clearTimeout(this.loadingTimer) });
    this._register(store.onDidChangeLoading((document) => document === vscode.window.activeTextEditor?.document && this.update()));
    this.item.name = vscode.l10n.t('Source Annotator: Annotation Counts');
    this.item.command = 'sourceAnnotator.goToAnnotationInDocument';
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this._register(onDidChangeScheme(() => this.update()));
    this._register(vscode.workspace.onDidChangeConfiguration((event) => affectsAuthorFilter(event) && this.update()));
    this._register(
      store.onDidChange((change) => {
        if (change.document !== vscode.window.activeTextEditor?.document) return;
        // Plain typing leaves the counts alone; only orphaning or restoring changes them.
        if (change.reason === 'edited' && !change.orphansChanged) return;
        this.update();
      }),
    );
    this.update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    clearTimeout(this.loadingTimer);
    if (editor && isAnnotatable(editor.document) && this.store.isLoading(editor.document)) {
      // A load of a few milliseconds shows nothing; a long one (a large sidecar whose document
      // changed is placed again in a worker thread) says so, until the counts replace it.
      this.item.hide();
      this.loadingTimer = setTimeout(() => this.showLoading(), LOADING_DELAY_MS);
      return;
    }
    const entry = editor && isAnnotatable(editor.document) ? this.store.get(editor.document) : undefined;
    if (!editor || !entry || entry.annotations.size === 0) {
      this.item.hide();
      return;
    }
    // The annotations Show Annotations of… shows; the filter, when on, leads the text.
    const annotations = entry.annotations.all.filter(shownByAuthor(editor.document.uri));
    const filtered = describeAuthorFilter();
    const parts: string[] = [];
    const rows: string[] = [];
    // The scheme's kinds in its order, then any kind it does not declare (its sidecar is reported).
    const kinds = [...new Set([...activeScheme().kinds.map((k) => k.id), ...annotations.map((a) => a.kind)])];
    for (const kind of kinds) {
      const count = annotations.filter((a) => a.kind === kind && !a.orphaned).length;
      const presentation = kindPresentation(kind);
      rows.push(`| $(${presentation.icon.id}) ${markdownText(presentation.label)} | ${count} |`);
      if (count > 0) parts.push(`$(${presentation.icon.id}) ${count}`);
    }
    const orphans = annotations.filter((a) => a.orphaned).length;
    if (orphans > 0) {
      parts.push(`$(warning) ${orphans}`);
      rows.push(`| $(warning) ${vscode.l10n.t('Orphaned')} | ${orphans} |`);
    }
    this.item.text = filtered ? `$(filter) ${parts.join('  ') || '0'}` : parts.join('  ');
    const heading = filtered ? vscode.l10n.t('Annotations in this document, {0}', filtered) : vscode.l10n.t('Annotations in this document');
    const tooltip = new vscode.MarkdownString(`**${markdownText(heading)}**\n\n| | |\n|---|---:|\n${rows.join('\n')}\n\n${vscode.l10n.t('Click to go to an annotation.')}`, true);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = {
      label: kinds.map((kind) => `${annotations.filter((a) => a.kind === kind && !a.orphaned).length} ${kindPresentation(kind).label}`).join(', ') + (orphans ? `, ${orphans} ${vscode.l10n.t('Orphaned')}` : ''),
    };
    this.item.show();
  }

  private showLoading(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.store.isLoading(editor.document)) return;
    this.item.text = `$(sync~spin) ${vscode.l10n.t('Loading annotations…')}`;
    this.item.tooltip = vscode.l10n.t('Reading this document’s sidecar and placing its annotations in the text as it is now.');
    this.item.accessibilityInformation = { label: vscode.l10n.t('Loading annotations') };
    this.item.show();
  }
}

/** How long a load runs before the status bar says it is loading. */
const LOADING_DELAY_MS = 300;
