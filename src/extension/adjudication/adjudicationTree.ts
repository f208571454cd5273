import * as vscode from 'vscode';
import type { Disagreement, DisagreementType } from '../../core/agreement/disagreements';
import type { StoredAnnotation } from '../../core/sidecar/sidecarFormat';
import { excerpt } from '../excerpt';
import { kindPresentation } from '../kindPresentation';
import { Disposable } from '../lifecycle';
import type { AdjudicationSession, DisagreementPosition } from './adjudicationSession';

export type AdjudicationNode = { readonly type: 'document'; readonly document: string } | ({ readonly type: 'disagreement' } & DisagreementPosition);

/** The command a disagreement row runs when chosen: go there, showing both spans. */
export const GO_TO_DISAGREEMENT = 'sourceAnnotator.adjudication.goTo';

export function typeLabel(type: DisagreementType): string {
  switch (type) {
    case 'onlyA':
      return vscode.l10n.t('Only in A');
    case 'onlyB':
      return vscode.l10n.t('Only in B');
    case 'kind':
      return vscode.l10n.t('Kind differs');
    case 'boundary':
      return vscode.l10n.t('Boundary differs');
    case 'attributes':
      return vscode.l10n.t('Speaker or attribute differs');
  }
}

const TYPE_ICONS: Record<DisagreementType, string> = {
  onlyA: 'arrow-left',
  onlyB: 'arrow-right',
  kind: 'symbol-enum',
  boundary: 'whitespace',
  attributes: 'symbol-property',
};

function describe(d: Disagreement<StoredAnnotation>): string {
  const kinds = [d.a, d.b].map((x) => (x ? kindPresentation(x.kind).label : '—'));
  const quote = excerpt((d.a ?? d.b)!.text, 60);
  if (d.type === 'attributes') return `${d.fields.join(', ')} · “${quote}”`;
  return `${kinds[0]} | ${kinds[1]} · “${quote}”`;
}

/** Documents with their disagreements, in the session's order; resolved ones are ticked. */
export class AdjudicationTreeProvider extends Disposable implements vscode.TreeDataProvider<AdjudicationNode> {
  private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.changeEmitter.event;
  session: AdjudicationSession | undefined;

  refresh(): void {
    this.changeEmitter.fire();
  }

  getChildren(node?: AdjudicationNode): AdjudicationNode[] {
    const session = this.session;
    if (!session) return [];
    if (!node) return session.all.map((doc) => ({ type: 'document', document: doc.document }));
    if (node.type !== 'document') return [];
    const doc = session.all.find((d) => d.document === node.document);
    return (doc?.disagreements ?? []).map((d) => ({ type: 'disagreement', document: node.document, key: d.key }));
  }

  getParent(node: AdjudicationNode): AdjudicationNode | undefined {
    return node.type === 'disagreement' ? { type: 'document', document: node.document } : undefined;
  }

  getTreeItem(node: AdjudicationNode): vscode.TreeItem {
    const session = this.session!;
    if (node.type === 'document') {
      const doc = session.all.find((d) => d.document === node.document);
      const item = new vscode.TreeItem(vscode.workspace.asRelativePath(vscode.Uri.parse(node.document)), vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.document;
      item.description = vscode.l10n.t('{0} of {1} resolved', doc?.resolved.size ?? 0, doc?.disagreements.length ?? 0);
      item.iconPath = vscode.ThemeIcon.File;
      item.resourceUri = vscode.Uri.parse(node.document);
      return item;
    }
    const d = session.find(node);
    const resolved = session.isResolved(node);
    const item = new vscode.TreeItem(d ? typeLabel(d.type) : node.key, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.document}#${node.key}`;
    item.description = d ? describe(d) : '';
    item.tooltip = resolved ? vscode.l10n.t('Resolved') : vscode.l10n.t('A: take A · B: take B · K: keep both · E: edit');
    item.iconPath = new vscode.ThemeIcon(resolved ? 'pass-filled' : d ? TYPE_ICONS[d.type] : 'question', resolved ? new vscode.ThemeColor('testing.iconPassed') : undefined);
    item.contextValue = 'disagreement';
    item.command = { command: GO_TO_DISAGREEMENT, title: vscode.l10n.t('Go to Disagreement'), arguments: [node] };
    return item;
  }
}
