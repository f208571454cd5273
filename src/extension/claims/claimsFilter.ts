import * as vscode from 'vscode';
import { ANNOTATION_KINDS, type AnnotationKind } from '../../core/annotationKind';
import { activeScheme, onDidChangeScheme } from '../scheme/activeScheme';
import type { AnnotationQuery } from '../../core/index/annotationIndex';
import { kindPresentation } from '../kindPresentation';
import { Disposable } from '../lifecycle';
import { affectsAuthorFilter, authorQuery, describeAuthorFilter, setAuthorFilter } from '../shownAuthors';

const STATE_KEY = 'sourceAnnotator.claims.filter';

/** What the panel lists unless the user chose otherwise: the scheme's `panel.kinds` (claims in the built-in scheme). */
function defaultKinds(): readonly AnnotationKind[] {
  return activeScheme().panel.kinds;
}

/** The scheme's kinds, in its order. */
function schemeKinds(): readonly AnnotationKind[] {
  return activeScheme().kinds.map((k) => k.id);
}

/** Context key per kind (`sourceAnnotator.claims.showing.quote`, ...) for the view's toggles. */
export function showingContextKey(kind: AnnotationKind): string {
  return `sourceAnnotator.claims.showing.${kind}`;
}
export const FILTERED_CONTEXT_KEY = 'sourceAnnotator.claims.filtered';

interface StoredFilter {
  kinds?: unknown;
  text?: unknown;
}

/**
 * What the claims panel shows: which kinds (the scheme's panel kinds by default), a text filter,
 * and whose annotations (Show Annotations of…, the setting every view follows). Kinds and text are
 * kept per workspace, mirrored into context keys so the view's title actions show the right toggles.
 */
export class ClaimsFilter extends Disposable {
  private kindSet: Set<AnnotationKind>;
  private textValue: string;
  private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly memento: vscode.Memento) {
    super();
    const stored = memento.get<StoredFilter>(STATE_KEY, {});
    const kinds = Array.isArray(stored.kinds) ? stored.kinds.filter((k): k is string => typeof k === 'string' && schemeKinds().includes(k)) : defaultKinds();
    this.kindSet = new Set(kinds);
    this.textValue = typeof stored.text === 'string' ? stored.text : '';
    this.publish();
    let previousDefault = defaultKinds();
    this._register(onDidChangeScheme(() => {
      // Kinds the scheme no longer has go; a filter left at the old default follows the new one.
      const wasDefault = sameKinds(this.kindSet, previousDefault);
      previousDefault = defaultKinds();
      this.kindSet = new Set(wasDefault ? defaultKinds() : schemeKinds().filter((k) => this.kindSet.has(k)));
      void this.save();
    }));
    this._register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsAuthorFilter(event)) return;
      this.publish();
      this.changeEmitter.fire();
    }));
  }

  get kinds(): ReadonlySet<AnnotationKind> {
    return this.kindSet;
  }

  get text(): string {
    return this.textValue;
  }

  get query(): AnnotationQuery {
    return { kinds: this.kindSet, text: this.textValue || undefined, ...authorQuery() };
  }

  /** Anything other than "the scheme's panel kinds, no text, everyone's". */
  get isNarrowed(): boolean {
    return this.textValue !== '' || !sameKinds(this.kindSet, defaultKinds()) || describeAuthorFilter() !== undefined;
  }

  setKinds(kinds: Iterable<AnnotationKind>): void {
    const wanted = new Set(kinds);
    this.kindSet = new Set(schemeKinds().filter((k) => wanted.has(k)));
    void this.save();
  }

  setKindShown(kind: AnnotationKind, shown: boolean): void {
    const kinds = new Set(this.kindSet);
    if (shown) kinds.add(kind);
    else kinds.delete(kind);
    this.setKinds(kinds);
  }

  setText(text: string): void {
    this.textValue = text.trim();
    void this.save();
  }

  /** Clear Filter: the default kinds, no text, and everyone's annotations (in every view). */
  async reset(): Promise<void> {
    this.kindSet = new Set(defaultKinds());
    this.textValue = '';
    await this.save();
    if (describeAuthorFilter() !== undefined) await setAuthorFilter('all');
  }

  /** "Showing claims and quotes matching “nato”, only adjudicated", for the view's message. */
  describe(): string {
    const kinds = schemeKinds().filter((k) => this.kindSet.has(k)).map((k) => kindPresentation(k).label.toLocaleLowerCase());
    const list = kinds.length === 0 ? vscode.l10n.t('no kinds') : kinds.join(', ');
    const shown = this.textValue ? vscode.l10n.t('Showing {0} matching “{1}”', list, this.textValue) : vscode.l10n.t('Showing {0}', list);
    const authors = describeAuthorFilter();
    return authors ? `${shown}, ${authors}` : shown;
  }

  private async save(): Promise<void> {
    this.publish();
    this.changeEmitter.fire();
    await this.memento.update(STATE_KEY, { kinds: [...this.kindSet], text: this.textValue });
  }

  private publish(): void {
    for (const kind of ANNOTATION_KINDS) void vscode.commands.executeCommand('setContext', showingContextKey(kind), this.kindSet.has(kind));
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT_KEY, this.isNarrowed);
  }
}

function sameKinds(set: ReadonlySet<AnnotationKind>, kinds: readonly AnnotationKind[]): boolean {
  return set.size === kinds.length && kinds.every((k) => set.has(k));
}
