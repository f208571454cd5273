import * as vscode from 'vscode';
import type { Annotation } from '../core/annotation';
import type { AnnotationKind } from '../core/annotationKind';
import type { AnnotationStore, DocumentEntry } from './annotationStore';
import { DENSE_DOCUMENT } from './decorations';
import { excerpt } from './excerpt';
import { kindPresentation } from './kindPresentation';
import { Disposable } from './lifecycle';
import { activeScheme } from './scheme/activeScheme';
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

/**
 * Annotations as document symbols, so they appear in the Outline, the breadcrumbs and Go to
 * Symbol in Editor (@). A span nested in another (a quote inside a claim) is its child. Only the
 * annotations Show Annotations of… shows are listed.
 */
export class AnnotationSymbolProvider implements vscode.DocumentSymbolProvider {
  /** The last tree given, for the request that follows it for the same model (see provideDocumentSymbols). */
  private recent: { readonly entry: DocumentEntry; readonly version: number; readonly revision: number; readonly filter: string; readonly roots: vscode.DocumentSymbol[] } | undefined;

  constructor(private readonly store: AnnotationStore) {}

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
    const recent = this.recent;
    if (recent && recent.entry === entry && recent.version === document.version && recent.revision === entry.revision && recent.filter === filter) return recent.roots;
    const roots = this.symbolsOf(document, entry);
    const kept = (this.recent = { entry, version: document.version, revision: entry.revision, filter, roots });
    // Kept briefly: thousands of symbols are not worth holding once both have their answer.
    setTimeout(() => {
      if (this.recent === kept) this.recent = undefined;
    }, RECENT_SYMBOLS_MS);
    return roots;
  }

  private symbolsOf(document: vscode.TextDocument, entry: DocumentEntry): vscode.DocumentSymbol[] {
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
    const shown = shownByAuthor(document.uri);
    for (const annotation of entry.annotations.all) {
      if (annotation.orphaned || !shown(annotation)) continue;
      const range = new vscode.Range(document.positionAt(annotation.start), document.positionAt(annotation.end));
      const { label, kind } = look(annotation.kind);
      const symbol = new vscode.DocumentSymbol(symbolName(annotation, label), annotation.note ?? '', kind, range, range);
      // Identical spans are siblings; only a strictly larger span holds another.
      const holds = (outer: Annotation) => outer.start <= annotation.start && outer.end >= annotation.end && outer.end - outer.start > annotation.end - annotation.start;
      while (open.length > 0 && !holds(open[open.length - 1].annotation)) open.pop();
      (open.length > 0 ? open[open.length - 1].symbol.children : roots).push(symbol);
      open.push({ annotation, symbol });
    }
    return roots;
  }
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
    this.provider = new AnnotationSymbolProvider(store);
    this.register();
    this._register(
      store.onDidChange((change) => {
        // Typing moves symbols along with the text version; only changes of the annotations count.
        if (change.reason === 'edited' && !change.orphansChanged && (change.reshaped?.length ?? 0) === 0) return;
        this.scheduleRegister();
      }),
    );
    this._register(vscode.workspace.onDidChangeConfiguration((event) => affectsAuthorFilter(event) && this.scheduleRegister()));
  }

  private scheduleRegister(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.register(), 100);
  }

  private register(): void {
    this.timer = undefined;
    this.registration?.dispose();
    this.registration = vscode.languages.registerDocumentSymbolProvider({ scheme: 'file' }, this.provider, { label: 'Source Annotator' });
  }

  /** The registration is not registered: it is replaced on every refresh. */
  override dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    super.dispose();
    this.registration?.dispose();
  }
}
