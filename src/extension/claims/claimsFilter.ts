import * as vscode from 'vscode';
import { ANNOTATION_KINDS, isAnnotationKind, type AnnotationKind } from '../../core/annotationKind';
import type { AnnotationQuery } from '../../core/index/annotationIndex';
import { kindPresentation } from '../kindPresentation';
import { Disposable } from '../lifecycle';

const STATE_KEY = 'sourceAnnotator.claims.filter';
const DEFAULT_KINDS: readonly AnnotationKind[] = ['claim'];

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
 * What the claims panel shows: which kinds (claims only by default) and a text filter. Kept per
 * workspace, mirrored into context keys so the view's title actions show the right toggles.
 */
export class ClaimsFilter extends Disposable {
  private kindSet: Set<AnnotationKind>;
  private textValue: string;
  private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly memento: vscode.Memento) {
    super();
    const stored = memento.get<StoredFilter>(STATE_KEY, {});
    const kinds = Array.isArray(stored.kinds) ? stored.kinds.filter(isAnnotationKind) : DEFAULT_KINDS;
    this.kindSet = new Set(kinds);
    this.textValue = typeof stored.text === 'string' ? stored.text : '';
    this.publish();
  }

  get kinds(): ReadonlySet<AnnotationKind> {
    return this.kindSet;
  }

  get text(): string {
    return this.textValue;
  }

  get query(): AnnotationQuery {
    return { kinds: this.kindSet, text: this.textValue || undefined };
  }

  /** Anything other than "claims, no text". */
  get isNarrowed(): boolean {
    return this.textValue !== '' || this.kindSet.size !== DEFAULT_KINDS.length || DEFAULT_KINDS.some((k) => !this.kindSet.has(k));
  }

  setKinds(kinds: Iterable<AnnotationKind>): void {
    this.kindSet = new Set(ANNOTATION_KINDS.filter((k) => new Set(kinds).has(k)));
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

  reset(): void {
    this.kindSet = new Set(DEFAULT_KINDS);
    this.textValue = '';
    void this.save();
  }

  /** "Showing claims and quotes matching “nato”", for the view's message. */
  describe(): string {
    const kinds = ANNOTATION_KINDS.filter((k) => this.kindSet.has(k)).map((k) => kindPresentation(k).label.toLocaleLowerCase());
    const list = kinds.length === 0 ? vscode.l10n.t('no kinds') : kinds.join(', ');
    return this.textValue ? vscode.l10n.t('Showing {0} matching “{1}”', list, this.textValue) : vscode.l10n.t('Showing {0}', list);
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
