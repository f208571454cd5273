import * as vscode from 'vscode';
import { ANNOTATION_KINDS, type AnnotationKind } from '../core/annotationKind';
import type { AnnotationStore, StoreChange } from './annotationStore';
import { kindColor, kindColorVariable } from './kindPresentation';
import { Disposable } from './lifecycle';
import { hiddenDecorationKinds, SETTINGS_SECTION, showGutterIcons } from './settings';

/**
 * Each kind is drawn differently enough that nested and overlapping spans stay distinct:
 * claims are underlined, quotes boxed, speculation wavy-underlined in italics, advertisement
 * dimmed. Backgrounds are translucent so a quote inside a claim shows both.
 */
function spanStyle(kind: AnnotationKind): vscode.DecorationRenderOptions {
  const backgroundColor = kindColor(kind, 'background');
  const overviewRulerColor = kindColor(kind, 'border');
  const base: vscode.DecorationRenderOptions = {
    backgroundColor,
    overviewRulerColor,
    // The model's shifting follows the same edge rule: typing at a tag's edge never grows it.
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  };
  switch (kind) {
    case 'claim':
      return { ...base, borderStyle: 'none none solid none', borderWidth: '2px', borderColor: kindColor(kind, 'border'), overviewRulerLane: vscode.OverviewRulerLane.Left };
    case 'quote':
      return { ...base, border: '1px solid', borderColor: kindColor(kind, 'border'), borderRadius: '3px', overviewRulerLane: vscode.OverviewRulerLane.Center };
    case 'speculation':
      return { ...base, fontStyle: 'italic', textDecoration: `underline wavy ${kindColorVariable(kind, 'border')}`, overviewRulerLane: vscode.OverviewRulerLane.Right };
    case 'advertisement':
      return { ...base, opacity: '0.6', borderStyle: 'none none dotted none', borderWidth: '2px', borderColor: kindColor(kind, 'border'), overviewRulerLane: vscode.OverviewRulerLane.Right };
  }
}

interface KindDecorations {
  readonly span: vscode.TextEditorDecorationType;
  readonly gutter: vscode.TextEditorDecorationType | undefined;
}

/**
 * Draws annotations in every visible editor. Decoration types are created once (again only when
 * the gutter setting changes); ranges are set when a document loads or its annotations change,
 * and when an editor becomes visible. Ordinary typing is left to the editor, which moves
 * decorations itself: only spans an edit clipped or orphaned trigger a redraw.
 */
export class DecorationController extends Disposable {
  private types: Map<AnnotationKind, KindDecorations>;

  constructor(
    private readonly store: AnnotationStore,
    private readonly mediaUri: vscode.Uri,
  ) {
    super();
    this.types = this.createTypes();
    this._register(store.onDidChange((change) => this.onStoreChange(change)));
    this._register(vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.render(e))));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SETTINGS_SECTION}.decorations.gutterIcons`)) this.recreateTypes();
        else if (event.affectsConfiguration(`${SETTINGS_SECTION}.decorations.hiddenKinds`)) this.renderAll();
      }),
    );
    this.renderAll();
  }

  private createTypes(): Map<AnnotationKind, KindDecorations> {
    const gutter = showGutterIcons();
    return new Map(
      ANNOTATION_KINDS.map((kind) => [
        kind,
        {
          span: vscode.window.createTextEditorDecorationType(spanStyle(kind)),
          gutter: gutter
            ? vscode.window.createTextEditorDecorationType({ gutterIconPath: vscode.Uri.joinPath(this.mediaUri, `${kind}.svg`), gutterIconSize: 'contain' })
            : undefined,
        },
      ]),
    );
  }

  private recreateTypes(): void {
    this.disposeTypes();
    this.types = this.createTypes();
    this.renderAll();
  }

  private onStoreChange(change: StoreChange): void {
    if (change.reason === 'edited' && (change.reshaped?.length ?? 0) === 0) return;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document === change.document) this.render(editor);
    }
  }

  private renderAll(): void {
    vscode.window.visibleTextEditors.forEach((editor) => this.render(editor));
  }

  private render(editor: vscode.TextEditor): void {
    const entry = this.store.get(editor.document);
    const hidden = hiddenDecorationKinds();
    const ranges = new Map<AnnotationKind, vscode.Range[]>(ANNOTATION_KINDS.map((k) => [k, []]));
    const gutterLines = new Map<AnnotationKind, vscode.Range[]>(ANNOTATION_KINDS.map((k) => [k, []]));
    for (const annotation of entry?.annotations.all ?? []) {
      if (annotation.orphaned || hidden.includes(annotation.kind)) continue;
      const start = editor.document.positionAt(annotation.start);
      ranges.get(annotation.kind)!.push(new vscode.Range(start, editor.document.positionAt(annotation.end)));
      // One icon where the span starts, not one per line it covers.
      gutterLines.get(annotation.kind)!.push(new vscode.Range(start, start));
    }
    for (const [kind, types] of this.types) {
      editor.setDecorations(types.span, ranges.get(kind)!);
      if (types.gutter) editor.setDecorations(types.gutter, gutterLines.get(kind)!);
    }
  }

  private disposeTypes(): void {
    for (const types of this.types.values()) {
      types.span.dispose();
      types.gutter?.dispose();
    }
  }

  /** The decoration types are not registered: they are created again when the gutter setting changes. */
  override dispose(): void {
    this.disposeTypes();
    super.dispose();
  }
}
