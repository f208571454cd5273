import * as vscode from 'vscode';
import type { Annotation } from '../core/annotation';
import type { AnnotationKind } from '../core/annotationKind';
import type { AnnotationStore } from './annotationStore';
import type { DocumentEntry } from './documentEntry';
import { DENSE_DOCUMENT } from './decorations';
import { excerpt } from './excerpt';
import { kindPresentation } from './kindPresentation';
import { Disposable } from './lifecycle';
import { listedAround, type Listed } from '../core/index/listedAround';
import { ListedWindows } from './listedWindows';
import { activeScheme } from './scheme/activeScheme';
import { outlineMaxAnnotations, SETTINGS_SECTION } from './settings';
import { affectsAuthorFilter, authorQuery, shownByAuthor } from './shownAuthors';

/** Symbol kinds chosen for their icons in the Outline: a distinct one per built-in kind. */
const SYMBOL_KIND: Readonly<Record<AnnotationKind, vscode.SymbolKind>> = {
  claim: vscode.SymbolKind.Event,
  quote: vscode.SymbolKind.String,
  speculation: vscode.SymbolKind.TypeParameter,
  advertisement: vscode.SymbolKind.Null,
};

/** For the scheme's own kinds, in turn by their place in it: icons the built-in kinds do not use. */
const CUSTOM_SYMBOL_KINDS: readonly vscode.SymbolKind[] = [
  vscode.SymbolKind.Number,
  vscode.SymbolKind.Key,
  vscode.SymbolKind.Constant,
  vscode.SymbolKind.Struct,
  vscode.SymbolKind.EnumMember,
  vscode.SymbolKind.Property,
];

function symbolKind(kind: AnnotationKind): vscode.SymbolKind {
  if (Object.hasOwn(SYMBOL_KIND, kind)) return SYMBOL_KIND[kind];
  const custom = activeScheme().kinds.filter((k) => !Object.hasOwn(SYMBOL_KIND, k.id));
  const at = custom.findIndex((k) => k.id === kind);
  return at < 0 ? vscode.SymbolKind.Field : CUSTOM_SYMBOL_KINDS[at % CUSTOM_SYMBOL_KINDS.length];
}

export function symbolName(annotation: Annotation, label = kindPresentation(annotation.kind).label): string {
  const who = annotation.speaker ? ` (${annotation.speaker})` : '';
  return `${label}${who}: ${excerpt(annotation.text, 50)}`;
}

/** How long the symbols of a dense document just loaded wait, so that its decorations are painted first. */
const SYMBOLS_AFTER_DENSE_LOAD_MS = 300;
/** How long the last symbol tree is kept for a second request of the same model. */
const RECENT_SYMBOLS_MS = 2000;

/** Where the last of `annotations` to end ends (a span may hold the ones after it). */
function lastEnd(annotations: readonly Annotation[]): number {
  return annotations.reduce((end, a) => Math.max(end, a.end), 0);
}

/** Where the cursor is in an editor showing `document` (the active one first), else its start. */
function cursorIn(document: vscode.TextDocument): number {
  const active = vscode.window.activeTextEditor;
  const editor = active?.document === document ? active : vscode.window.visibleTextEditors.find((e) => e.document === document);
  return editor ? document.offsetAt(editor.selection.active) : 0;
}

/**
 * Annotations as document symbols, so they appear in the Outline, the breadcrumbs and Go to
 * Symbol in Editor (@). A span nested in another (a quote inside a claim) is its child. Only the
 * annotations Show Annotations of… shows are listed, and at most `outline.maxAnnotations` of them:
 * a denser document lists those around the cursor, between two entries that count the others
 * (the editor holds and re-reads every symbol on each keystroke; 10,000 of them took 55 MB of the
 * extension host and most of a save's time). Which ones each reader was given is kept in
 * ListedWindows, so that readers given different windows are made to ask again.
 */
export class AnnotationSymbolProvider implements vscode.DocumentSymbolProvider {
  /** The last tree given, for the request that follows it for the same model (see provideDocumentSymbols). */
  private recent: { readonly entry: DocumentEntry; readonly version: number; readonly revision: number; readonly filter: string; readonly window: string; readonly roots: vscode.DocumentSymbol[] } | undefined;
  /** Per document: which annotations its last answer listed (see ListedWindows). */
  readonly windows = new ListedWindows<vscode.TextDocument>();

  /** `disagreed` is called when two readers of one registration were given different windows. */
  constructor(
    private readonly store: AnnotationStore,
    private readonly disagreed: () => void,
  ) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[] | undefined> {
    let entry = this.store.get(document);
    if (!entry) {
      // Asked while the sidecar loads (the Outline and breadcrumbs ask as the editor opens): the
      // load draws the decorations, whose messages leave for the workbench on the next timer turn.
      // Thousands of symbols would hold them back behind their own computation and reply, and
      // the workbench, taking in the reply, would paint them later still: a dense document's
      // symbols wait until its decorations are drawn (see DecorationController.draw).
      entry = await this.store.entryFor(document);
      const dense = (entry?.annotations.size ?? 0) > DENSE_DOCUMENT;
      await new Promise((resolve) => setTimeout(resolve, dense ? SYMBOLS_AFTER_DENSE_LOAD_MS : 0));
    }
    if (!entry || entry.annotations.size === 0) return undefined;
    // The Outline and the breadcrumbs ask for the same document at once: one tree for both.
    // (Same model, same annotations, same Show Annotations of… filter.)
    const filter = JSON.stringify(authorQuery(document.uri));
    const shown = shownByAuthor(document.uri);
    const listed = listedAround(
      entry.annotations.all.filter((a) => !a.orphaned && shown(a)),
      outlineMaxAnnotations(),
      cursorIn(document),
    );
    const window = `${listed.before}+${listed.spans.length}`;
    const inPart = listed.before + listed.after > 0 && listed.spans.length > 0;
    if (this.windows.listed(document, window, inPart ? { start: listed.spans[0].start, end: lastEnd(listed.spans) } : undefined)) this.disagreed();
    const recent = this.recent;
    if (recent && recent.entry === entry && recent.version === document.version && recent.revision === entry.revision && recent.filter === filter && recent.window === window) return recent.roots;
    const roots = this.symbolsOf(document, listed);
    const kept = (this.recent = { entry, version: document.version, revision: entry.revision, filter, window, roots });
    // Kept briefly: thousands of symbols are not worth holding once both have their answer.
    setTimeout(() => {
      if (this.recent === kept) this.recent = undefined;
    }, RECENT_SYMBOLS_MS);
    return roots;
  }

  private symbolsOf(document: vscode.TextDocument, listed: Listed<Annotation>): vscode.DocumentSymbol[] {
    // Label and symbol kind once per kind, not per annotation.
    const looks = new Map<AnnotationKind, { label: string; kind: vscode.SymbolKind }>();
    const look = (kind: AnnotationKind) => {
      let found = looks.get(kind);
      if (!found) looks.set(kind, (found = { label: kindPresentation(kind).label, kind: symbolKind(kind) }));
      return found;
    };
    const roots: vscode.DocumentSymbol[] = [];
    // Annotations come sorted by start, then end: an enclosing span always precedes what it holds.
    const open: { annotation: Annotation; symbol: vscode.DocumentSymbol }[] = [];
    for (const annotation of listed.spans) {
      const range = new vscode.Range(document.positionAt(annotation.start), document.positionAt(annotation.end));
      const { label, kind } = look(annotation.kind);
      const symbol = new vscode.DocumentSymbol(symbolName(annotation, label), annotation.note ?? '', kind, range, range);
      // Identical spans are siblings; only a strictly larger span holds another.
      const holds = (outer: Annotation) => outer.start <= annotation.start && outer.end >= annotation.end && outer.end - outer.start > annotation.end - annotation.start;
      while (open.length > 0 && !holds(open[open.length - 1].annotation)) open.pop();
      (open.length > 0 ? open[open.length - 1].symbol.children : roots).push(symbol);
      open.push({ annotation, symbol });
    }
    const { spans: annotations, before, after } = listed;
    if (before > 0) roots.unshift(leftOut(vscode.l10n.t('{0} more annotations before these: Annotate: Go to Annotation… lists every one', before), new vscode.Range(new vscode.Position(0, 0), document.positionAt(annotations[0].start))));
    if (after > 0) {
      const end = document.positionAt(lastEnd(annotations));
      roots.push(leftOut(vscode.l10n.t('{0} more annotations after these: Annotate: Go to Annotation… lists every one', after), new vscode.Range(end, document.lineAt(document.lineCount - 1).range.end)));
    }
    return roots;
  }
}

/** An entry that counts the annotations a dense document's symbols leave out. */
function leftOut(name: string, range: vscode.Range): vscode.DocumentSymbol {
  return new vscode.DocumentSymbol(name, '', vscode.SymbolKind.Namespace, range, new vscode.Range(range.start, range.start));
}

/**
 * Keeps the Outline, breadcrumbs and Go to Symbol current. VS Code caches document symbols per
 * text version, and tagging does not change the text; the only way to say "symbols changed"
 * is to register the provider anew, which invalidates the cache and refreshes the Outline.
 * Re-registration is debounced so a burst of changes costs one refresh.
 */
export class AnnotationSymbols extends Disposable {
  private registration: vscode.Disposable | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly provider: AnnotationSymbolProvider;

  constructor(store: AnnotationStore) {
    super();
    // Two readers given different windows (the cursor moved between their requests): all ask again.
    this.provider = new AnnotationSymbolProvider(store, () => this.scheduleRegister());
    this.register();
    this._register(
      store.onDidChange((change) => {
        // Typing moves symbols along with the text version; only changes of the annotations count.
        if (change.reason === 'edited' && !change.orphansChanged && (change.reshaped?.length ?? 0) === 0) return;
        this.scheduleRegister();
      }),
    );
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => (affectsAuthorFilter(event) || event.affectsConfiguration(`${SETTINGS_SECTION}.outline.maxAnnotations`)) && this.scheduleRegister()),
    );
    // A document listed in part: the cursor leaving the listed annotations lists those around it.
    this._register(
      vscode.window.onDidChangeTextEditorSelection(({ textEditor }) => {
        if (this.provider.windows.outside(textEditor.document, textEditor.document.offsetAt(textEditor.selection.active))) this.scheduleRegister();
      }),
    );
  }

  private scheduleRegister(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.register(), 100);
  }

  private register(): void {
    this.timer = undefined;
    this.registration?.dispose();
    this.provider.windows.renewed();
    this.registration = vscode.languages.registerDocumentSymbolProvider({ scheme: 'file' }, this.provider, { label: 'Source Annotator' });
  }

  /** The registration is not registered: it is replaced on every refresh. */
  override dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    super.dispose();
    this.registration?.dispose();
  }
}
