import * as vscode from 'vscode';
import { kindPresentation } from '../kindPresentation';
import { Disposable } from '../lifecycle';
import { activeScheme } from '../scheme/activeScheme';
import { describeAuthorFilter } from '../shownAuthors';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { ClaimsFilter } from './claimsFilter';
import { ClaimsTreeProvider, panelGrouping, type ClaimsNode } from './claimsTree';

export const CLAIMS_VIEW_ID = 'sourceAnnotator.claimsBySpeaker';
/** True while the workspace has no annotation at all: the view then shows its welcome content. */
const EMPTY_CONTEXT_KEY = 'sourceAnnotator.claims.empty';

/**
 * The Claims by Speaker view: the tree, its message (what is filtered, how much is shown) and
 * the context key behind the welcome content. The index is only built once the view is shown.
 */
export class ClaimsView extends Disposable {
  readonly provider: ClaimsTreeProvider;
  readonly treeView: vscode.TreeView<ClaimsNode>;
  private readonly contributedTitle: string | undefined;

  constructor(
    private readonly workspace: WorkspaceIndex,
    private readonly filter: ClaimsFilter,
  ) {
    super();
    this.provider = this._register(new ClaimsTreeProvider(workspace, filter));
    this.treeView = this._register(vscode.window.createTreeView(CLAIMS_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true }));
    this.contributedTitle = this.treeView.title;
    this._register(this.treeView.onDidExpandElement((e) => this.provider.setExpanded(e.element, true)));
    this._register(this.treeView.onDidCollapseElement((e) => this.provider.setExpanded(e.element, false)));
    this._register(this.provider.onDidChangeTreeData(() => this.updateMessage()));
    this._register(this.provider.onDidSettle(() => this.updateMessage()));
    // The rows follow a new filter once refreshes pause; what the filter is shows at once.
    this._register(this.filter.onDidChange(() => this.updateMessage()));
    this._register(
      this.treeView.onDidChangeVisibility((e) => {
        if (!e.visible) this.provider.setHidden();
        this.updateMessage();
      }),
    );
    this.updateMessage();
  }

  private updateMessage(): void {
    if (!this.workspace.isBuilt) return;
    const { groups } = this.provider.groups();
    const shown = groups.reduce((n, g) => n + g.annotations.length, 0);
    const empty = this.workspace.index.size === 0;
    void vscode.commands.executeCommand('setContext', EMPTY_CONTEXT_KEY, empty);
    const invalid = this.workspace.index.invalidDocuments().size;
    const parts: string[] = [];
    if (!empty && this.filter.isNarrowed) parts.push(this.filter.describe() + ` (${shown})`);
    if (!empty && shown === 0 && !this.filter.isNarrowed) parts.push(vscode.l10n.t('No claims yet. Show other kinds with the filter button.'));
    if (invalid > 0) parts.push(vscode.l10n.t('{0} sidecar(s) with errors are left out (see Problems).', invalid));
    this.treeView.message = parts.length > 0 ? parts.join(' · ') : undefined;
    const named = groups.filter((g) => g.speaker !== undefined).length;
    const grouping = panelGrouping();
    const counts = grouping.id === 'speaker' ? vscode.l10n.t('{0} in {1} speakers', shown, named) : vscode.l10n.t('{0} in {1} groups', shown, named);
    // Whose annotations, in the header too: a filtered panel is never taken for the whole.
    const authors = describeAuthorFilter();
    this.treeView.description = empty ? undefined : authors ? `${counts} · ${authors}` : counts;
    // The contributed name ("Claims by Speaker") unless the scheme lists or groups otherwise;
    // assigning undefined would blank the header, so the contributed title is put back instead.
    const title = panelTitle(grouping) ?? this.contributedTitle;
    if (this.treeView.title !== title) this.treeView.title = title;
  }
}

/**
 * The view's title: "Claims by Speaker" for the built-in scheme (the contributed name), else the
 * scheme's panel kinds and grouping, e.g. "Claims, Statistics by Stance".
 */
function panelTitle(grouping: { id: string; label: string }): string | undefined {
  const scheme = activeScheme();
  if (grouping.id === 'speaker' && scheme.panel.kinds.length === 1 && scheme.panel.kinds[0] === 'claim') return undefined;
  const kinds = scheme.panel.kinds.map((k) => kindPresentation(k).label).join(', ');
  return vscode.l10n.t('{0} by {1}', kinds, grouping.label);
}
