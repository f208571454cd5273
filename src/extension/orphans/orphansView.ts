import * as vscode from 'vscode';
import { Disposable } from '../lifecycle';
import type { AnnotationStore } from '../annotationStore';
import { OrphansTreeProvider, type OrphansNode } from './orphansTree';

export const ORPHANS_VIEW_ID = 'sourceAnnotator.orphans';

/** The Orphaned Annotations view: the tree and a badge with the number of orphans. */
export class OrphansView extends Disposable {
  readonly provider: OrphansTreeProvider;
  readonly treeView: vscode.TreeView<OrphansNode>;

  constructor(store: AnnotationStore) {
    super();
    this.provider = this._register(new OrphansTreeProvider(store));
    this.treeView = this._register(vscode.window.createTreeView(ORPHANS_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true }));
    this._register(this.provider.onDidChangeTreeData(() => this.updateBadge()));
    this.updateBadge();
  }

  private updateBadge(): void {
    const count = this.provider.count();
    this.treeView.badge = count > 0 ? { value: count, tooltip: vscode.l10n.t('{0} orphaned annotation(s) in the open documents', count) } : undefined;
  }
}
