import * as vscode from 'vscode';
import type { AnnotationKind } from '../core/annotationKind';
import type { KindStyle } from '../core/scheme/scheme';
import { activeScheme, onDidChangeScheme } from './scheme/activeScheme';
import type { AnnotationStore, StoreChange } from './annotationStore';
import { kindColor, kindColorVariable } from './kindPresentation';
import { Disposable } from './lifecycle';
import { hiddenDecorationKinds, SETTINGS_SECTION, showGutterIcons } from './settings';
import { affectsAuthorFilter, shownByAuthor } from './shownAuthors';

/**
 * Each kind is drawn in its scheme style, different enough that nested and overlapping spans stay
 * distinct: underlined, boxed, wavy-underlined in italics, dimmed, or highlighted. Backgrounds are
 * translucent so a quote inside a claim shows both.
 */
function spanStyle(kind: AnnotationKind, style: KindStyle): vscode.DecorationRenderOptions {
  const border = kindColor(kind, 'border');
  const base: vscode.DecorationRenderOptions = {
    backgroundColor: kindColor(kind, 'background'),
    overviewRulerColor: border,
    // The model's shifting follows the same edge rule: typing at a tag's edge never grows it.
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  };
  switch (style) {
    case 'underline':
      return { ...base, borderStyle: 'none none solid none', borderWidth: '2px', borderColor: border, overviewRulerLane: vscode.OverviewRulerLane.Left };
    case 'box':
      return { ...base, border: '1px solid', borderColor: border, borderRadius: '3px', overviewRulerLane: vscode.OverviewRulerLane.Center };
    case 'wavy':
      return { ...base, fontStyle: 'italic', textDecoration: `underline wavy ${kindColorVariable(kind, 'border')}`, overviewRulerLane: vscode.OverviewRulerLane.Right };
    case 'dim':
      return { ...base, opacity: '0.6', borderStyle: 'none none dotted none', borderWidth: '2px', borderColor: border, overviewRulerLane: vscode.OverviewRulerLane.Right };
    case 'highlight':
      return { ...base, fontWeight: 'bold', borderRadius: '2px', overviewRulerLane: vscode.OverviewRulerLane.Full };
  }
}

/** A round gutter mark in the kind's colour, for kinds without an icon file of their own. */
function gutterDot(kind: AnnotationKind): vscode.Uri {
  const color = kindColorVariable(kind, 'border');
  const fill = color.startsWith('#') ? color : '#8b949e';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="4" fill="${fill}"/></svg>`;
  return vscode.Uri.parse(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
}

interface KindDecorations {
  readonly span: vscode.TextEditorDecorationType;
  /** The same look without overview-ruler marks, for dense documents (see DENSE_DOCUMENT). */
  readonly denseSpan: vscode.TextEditorDecorationType;
  readonly gutter: vscode.TextEditorDecorationType | undefined;
}

/**
 * Above this many annotations a document's spans get no overview-ruler marks: the workbench
 * redraws every mark of the ruler on each keystroke (10,000 of them made the echo of a key ten
 * times slower), and at that density the ruler is one solid bar anyway.
 */
export const DENSE_DOCUMENT = 2_000;

function withoutRuler(options: vscode.DecorationRenderOptions): vscode.DecorationRenderOptions {
  const rest = { ...options };
  delete rest.overviewRulerColor;
  delete rest.overviewRulerLane;
  return rest;
}

/** Lines drawn beyond each visible range in the first pass of a dense document (see `draw`). */
const VISIBLE_MARGIN_LINES = 100;
/**
 * How long after the first pass the whole document is drawn: long enough for the workbench to
 * paint the visible spans before it takes in thousands of ranges (a few hundred milliseconds of
 * its own for 10,000), short enough that scrolling rarely outruns it.
 */
const REST_DELAY_MS = 50;

/**
 * A context key set to the same value after every drawing, only for its round trip: the workbench
 * answers it after it has applied the decorations sent before it. `setDecorations` carries no
 * document version, so ranges computed before a keystroke the workbench already applied would land
 * shifted; an edit that reaches us between a drawing and this answer is such a keystroke.
 */
const DRAWN_KEY = 'sourceAnnotator.decorationsApplied';
/** How long edits must pause before a drawing that crossed one is done again. */
const REDRAW_AFTER_CROSSING_MS = 150;

/** Drawings of one document not yet confirmed by the workbench, and whether an edit crossed them. */
interface InFlight {
  unconfirmed: number;
  crossed: boolean;
  redraw?: ReturnType<typeof setTimeout>;
}

/**
 * Draws annotations in every visible editor. Decoration types are created once (again only when
 * the gutter setting changes); ranges are set when a document loads or its annotations change,
 * and when an editor becomes visible. Ordinary typing is left to the editor, which moves
 * decorations itself: only spans an edit clipped or orphaned trigger a redraw.
 */
export class DecorationController extends Disposable {
  private types: Map<AnnotationKind, KindDecorations>;
  /** Editors whose whole document is still to be drawn after a first pass over their visible lines. */
  private readonly pendingRest = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();
  private readonly inFlight = new Map<vscode.TextDocument, InFlight>();

  constructor(
    private readonly store: AnnotationStore,
    private readonly mediaUri: vscode.Uri,
  ) {
    super();
    this.types = this.createTypes();
    this._register(store.onDidChange((change) => this.onStoreChange(change)));
    this._register(vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.draw(e))));
    // Kinds, styles and colours come from the scheme; custom colours differ per theme type.
    this._register(onDidChangeScheme(() => this.recreateTypes()));
    this._register(vscode.window.onDidChangeActiveColorTheme(() => this.recreateTypes()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SETTINGS_SECTION}.decorations.gutterIcons`)) this.recreateTypes();
        else if (event.affectsConfiguration(`${SETTINGS_SECTION}.decorations.hiddenKinds`) || affectsAuthorFilter(event)) this.renderAll();
      }),
    );
    this.renderAll();
  }

  /** One pair of types per kind of the scheme; a kind it does not declare gets a neutral look (its sidecar is reported anyway). */
  private createTypes(): Map<AnnotationKind, KindDecorations> {
    const gutter = showGutterIcons();
    const scheme = activeScheme();
    return new Map(
      scheme.kinds.map((kind) => [
        kind.id,
        {
          span: vscode.window.createTextEditorDecorationType(spanStyle(kind.id, kind.style)),
          denseSpan: vscode.window.createTextEditorDecorationType(withoutRuler(spanStyle(kind.id, kind.style))),
          gutter: gutter
            ? vscode.window.createTextEditorDecorationType({
                gutterIconPath: kind.builtIn && !kind.color ? vscode.Uri.joinPath(this.mediaUri, `${kind.id}.svg`) : gutterDot(kind.id),
                gutterIconSize: 'contain',
              })
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
    if (change.reason === 'edited') this.noteEdit(change.document);
    if (change.reason === 'closed') this.forget(change.document);
    if (change.reason === 'edited' && (change.reshaped?.length ?? 0) === 0) return;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== change.document) continue;
      if (change.reason === 'loaded') this.draw(editor);
      else this.render(editor);
    }
  }

  private renderAll(): void {
    vscode.window.visibleTextEditors.forEach((editor) => this.render(editor));
  }

  /**
   * Draws a document as it is shown (opened, loaded, brought back into view). A dense one is drawn
   * in two passes: the spans on and around the visible lines at once, then, shortly after, every
   * span; the workbench takes a while over thousands of ranges, and the first pass shows first.
   */
  private draw(editor: vscode.TextEditor): void {
    const size = this.store.get(editor.document)?.annotations.size ?? 0;
    if (size <= DENSE_DOCUMENT || editor.visibleRanges.length === 0) {
      this.render(editor);
      return;
    }
    const near = editor.visibleRanges.map((range) => {
      const last = editor.document.lineCount - 1;
      const from = editor.document.offsetAt(new vscode.Position(Math.max(0, range.start.line - VISIBLE_MARGIN_LINES), 0));
      const to = editor.document.offsetAt(new vscode.Position(Math.min(last, range.end.line + VISIBLE_MARGIN_LINES + 1), 0));
      return { from, to };
    });
    this.render(editor, (start, end) => near.some((r) => start <= r.to && end >= r.from));
    clearTimeout(this.pendingRest.get(editor));
    this.pendingRest.set(
      editor,
      setTimeout(() => {
        this.pendingRest.delete(editor);
        if (vscode.window.visibleTextEditors.includes(editor)) this.render(editor);
      }, REST_DELAY_MS),
    );
  }

  /** Sets every decoration of `editor`, or only those of the spans `only` accepts (a first pass). */
  private render(editor: vscode.TextEditor, only?: (start: number, end: number) => boolean): void {
    // A drawing of the whole document supersedes one still to come (and its model is newer).
    const pending = this.pendingRest.get(editor);
    if (pending !== undefined && !only) {
      clearTimeout(pending);
      this.pendingRest.delete(editor);
    }
    const entry = this.store.get(editor.document);
    const hidden = hiddenDecorationKinds();
    const shown = shownByAuthor(editor.document.uri);
    const ranges = new Map<AnnotationKind, vscode.Range[]>([...this.types.keys()].map((k) => [k, []]));
    const gutterLines = new Map<AnnotationKind, vscode.Range[]>([...this.types.keys()].map((k) => [k, []]));
    for (const annotation of entry?.annotations.all ?? []) {
      if (annotation.orphaned || (only && !only(annotation.start, annotation.end)) || hidden.includes(annotation.kind) || !shown(annotation)) continue;
      const spans = ranges.get(annotation.kind);
      if (!spans) continue;
      const start = editor.document.positionAt(annotation.start);
      spans.push(new vscode.Range(start, editor.document.positionAt(annotation.end)));
      // One icon where the span starts, not one per line it covers.
      gutterLines.get(annotation.kind)!.push(new vscode.Range(start, start));
    }
    const dense = (entry?.annotations.size ?? 0) > DENSE_DOCUMENT;
    for (const [kind, types] of this.types) {
      editor.setDecorations(dense ? types.denseSpan : types.span, ranges.get(kind)!);
      editor.setDecorations(dense ? types.span : types.denseSpan, []);
      if (types.gutter) editor.setDecorations(types.gutter, gutterLines.get(kind)!);
    }
    this.awaitApplied(editor.document);
  }

  /** Asks the workbench to confirm the drawing just sent for `document` (see DRAWN_KEY). */
  private awaitApplied(document: vscode.TextDocument): void {
    const flight = this.inFlight.get(document) ?? { unconfirmed: 0, crossed: false };
    this.inFlight.set(document, flight);
    flight.unconfirmed++;
    const confirmed = (): void => {
      if (this.inFlight.get(document) !== flight) return;
      flight.unconfirmed--;
      if (flight.unconfirmed === 0 && flight.crossed) this.scheduleRedraw(document, flight);
    };
    vscode.commands.executeCommand('setContext', DRAWN_KEY, true).then(confirmed, confirmed);
  }

  /** An edit that shifted spans: if a drawing is unconfirmed it may have been computed before it. */
  private noteEdit(document: vscode.TextDocument): void {
    const flight = this.inFlight.get(document);
    if (!flight) return;
    if (flight.unconfirmed > 0) flight.crossed = true;
    // Typing goes on: the redraw waits for a pause (and is itself confirmed the same way).
    if (flight.redraw !== undefined) this.scheduleRedraw(document, flight);
  }

  private scheduleRedraw(document: vscode.TextDocument, flight: InFlight): void {
    clearTimeout(flight.redraw);
    flight.redraw = setTimeout(() => {
      flight.redraw = undefined;
      flight.crossed = false;
      for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.render(editor);
    }, REDRAW_AFTER_CROSSING_MS);
  }

  private forget(document: vscode.TextDocument): void {
    clearTimeout(this.inFlight.get(document)?.redraw);
    this.inFlight.delete(document);
  }

  private disposeTypes(): void {
    for (const types of this.types.values()) {
      types.span.dispose();
      types.denseSpan.dispose();
      types.gutter?.dispose();
    }
  }

  /** The decoration types are not registered: they are created again when the gutter setting changes. */
  override dispose(): void {
    for (const pending of this.pendingRest.values()) clearTimeout(pending);
    this.pendingRest.clear();
    for (const document of [...this.inFlight.keys()]) this.forget(document);
    this.disposeTypes();
    super.dispose();
  }
}
