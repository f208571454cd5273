import * as vscode from 'vscode';
import type { Disagreement } from '../../core/agreement/disagreements';
import type { Annotation } from '../../core/annotation';
import type { AnnotationStore } from '../annotationStore';
import { Disposable } from '../lifecycle';
import { revealAnnotation } from '../navigation/revealAnnotation';
import type { AdjudicationSession, DisagreementPosition } from './adjudicationSession';
import { AdjudicationTreeProvider, type AdjudicationNode } from './adjudicationTree';
import { PairDecorations } from './pairDecorations';

export const ADJUDICATION_VIEW_ID = 'sourceAnnotator.adjudication';
/** Context key: a comparison is open (shows the view and its commands). */
export const ADJUDICATING_CONTEXT = 'sourceAnnotator.adjudicating';

/** A disagreement as it is now in an open document's live model (UTF-16 offsets). */
export interface LiveDisagreement {
  readonly document: vscode.TextDocument;
  readonly disagreement: Disagreement<Annotation>;
}

/**
 * The Compare Annotators view: the session's disagreements per document, the progress in the
 * view's message, and the current disagreement revealed in the editor with both spans drawn.
 */
export class AdjudicationView extends Disposable {
  readonly provider = this._register(new AdjudicationTreeProvider());
  readonly treeView: vscode.TreeView<AdjudicationNode>;
  private readonly decorations = this._register(new PairDecorations());
  private session: AdjudicationSession | undefined;
  private readonly sessionEmitter = this._register(new vscode.EventEmitter<AdjudicationSession | undefined>());
  /** A comparison was opened or closed. */
  readonly onDidChangeSession = this.sessionEmitter.event;
  /** Added to the progress in the view's message: what Undo would undo, a span being edited. */
  hints: ((session: AdjudicationSession) => string | undefined)[] = [];

  constructor(private readonly store: AnnotationStore) {
    super();
    this.treeView = this._register(vscode.window.createTreeView(ADJUDICATION_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true }));
    this._register({ dispose: () => this.session?.dispose() });
  }

  get current(): AdjudicationSession | undefined {
    return this.session;
  }

  async start(session: AdjudicationSession): Promise<void> {
    this.stop();
    this.session = session;
    this.provider.session = session;
    session.onDidChange(() => this.update());
    this.update();
    this.sessionEmitter.fire(session);
    await vscode.commands.executeCommand('setContext', ADJUDICATING_CONTEXT, true);
  }

  stop(): void {
    this.session?.dispose();
    this.session = undefined;
    this.provider.session = undefined;
    this.decorations.clear();
    this.update();
    this.sessionEmitter.fire(undefined);
    void vscode.commands.executeCommand('setContext', ADJUDICATING_CONTEXT, false);
  }

  /** The message again (a hint changed). */
  refreshMessage(): void {
    this.update();
  }

  private update(): void {
    this.provider.refresh();
    const session = this.session;
    if (!session) {
      this.treeView.message = undefined;
      this.treeView.description = undefined;
      return;
    }
    const { resolved, total } = session.progress();
    this.treeView.description = vscode.l10n.t('A: {0} · B: {1}', session.a, session.b);
    const progress = total === 0 ? vscode.l10n.t('{0} and {1} agree everywhere both annotated.', session.a, session.b) : vscode.l10n.t('{0} of {1} resolved', resolved, total);
    this.treeView.message = [progress, ...this.hints.map((hint) => hint(session)).filter((x) => x)].join(' · ');
    this.treeView.badge = total > resolved ? { value: total - resolved, tooltip: vscode.l10n.t('{0} disagreement(s) left', total - resolved) } : undefined;
    // A refresh of the rows (after a resolution is written) keeps the current one selected.
    void this.selectCurrent();
  }

  private async selectCurrent(): Promise<void> {
    const current = this.session?.current;
    if (!current || !this.treeView.visible || !this.session?.find(current)) return;
    await Promise.resolve(this.treeView.reveal({ type: 'disagreement', ...current }, { select: true, focus: false })).catch(() => undefined);
  }

  /** The disagreement at `position` in the document's live model, opening the document. */
  async live(position: DisagreementPosition): Promise<LiveDisagreement | undefined> {
    const session = this.session;
    if (!session) return undefined;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(position.document));
    const entry = await this.store.entryFor(document);
    const disagreement = entry && session.sides.live(document, entry.annotations.all).find((d) => d.key === position.key);
    return disagreement && { document, disagreement };
  }

  /** Makes `position` current: selects its row, opens its document and draws both spans. */
  async goTo(position: DisagreementPosition): Promise<void> {
    const session = this.session;
    if (!session) return;
    session.current = position;
    const found = await this.live(position);
    if (!found) {
      void vscode.window.showWarningMessage(vscode.l10n.t('That disagreement is no longer there.'));
      return;
    }
    const { document, disagreement: d } = found;
    const editor = await vscode.window.showTextDocument(document, { preserveFocus: true, preview: false });
    const start = Math.min(...[d.a, d.b].filter((x) => x).map((x) => x!.start));
    const end = Math.max(...[d.a, d.b].filter((x) => x).map((x) => x!.end));
    revealAnnotation(editor, { start, end });
    this.decorations.show(editor, d.a, d.b, { a: session.a, b: session.b });
    await this.selectCurrent();
  }

  /** The row a command was run on (inline buttons pass it), else the current disagreement. */
  target(arg: unknown): DisagreementPosition | undefined {
    const node = arg as AdjudicationNode | undefined;
    if (node && typeof node === 'object' && node.type === 'disagreement') return { document: node.document, key: node.key };
    return this.session?.current;
  }
}
