import * as vscode from 'vscode';
import type { IndexedAnnotation, SpeakerGroup } from '../../core/index/annotationIndex';
import { findAttribute, formatAttributeValue, type AttributeDefinition } from '../../core/scheme/scheme';
import { excerpt } from '../excerpt';
import { activeScheme, onDidChangeScheme } from '../scheme/activeScheme';
import { kindIconColor, kindPresentation } from '../kindPresentation';
import { Disposable } from '../lifecycle';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { ClaimsFilter } from './claimsFilter';
import { RedrawGate } from './redrawGate';

/**
 * A group row: the annotations with one value of the scheme's `panel.groupBy` attribute (a
 * speaker in the built-in scheme). `speaker` is that value (canonical name for person
 * attributes, "true"/"false" for booleans); undefined is the group without a value
 * ("Unattributed").
 */
export interface SpeakerNode {
  readonly type: 'speaker';
  readonly speaker: string | undefined;
  readonly count: number;
  /** The attribute grouped by. */
  readonly groupBy: string;
}

/**
 * An annotation row. `documentUri` and `annotationId` are what the row-level commands take
 * (see commands/annotationTarget.ts), so a row can be passed to them as it is.
 */
export interface AnnotationNode {
  readonly type: 'annotation';
  readonly documentUri: string;
  readonly annotationId: string;
  readonly entry: IndexedAnnotation;
  readonly parent: SpeakerNode;
}

export type ClaimsNode = SpeakerNode | AnnotationNode;

/** Above this many rows speakers start collapsed: expanding 50,000 rows helps no one. */
const EXPAND_LIMIT = 500;

export const OPEN_ANNOTATION_COMMAND = 'sourceAnnotator.claims.open';

/**
 * Claims by Speaker: speakers (canonical names, most annotations first, "Unattributed" last) and
 * under each their annotations in document order. Groups are computed once per index version and
 * filter; rows only read what is on screen (line numbers of the documents of expanded speakers).
 */
export class ClaimsTreeProvider extends Disposable implements vscode.TreeDataProvider<ClaimsNode> {
  private readonly changeEmitter = this._register(new vscode.EventEmitter<ClaimsNode | undefined>());
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly settledEmitter = this._register(new vscode.EventEmitter<void>());
  /** Fires once index changes pause (whether or not the rows changed), for the view's message. */
  readonly onDidSettle = this.settledEmitter.event;
  private cache: { version: number; filter: string; groupBy: AttributeDefinition; groups: SpeakerGroup[]; nodes: SpeakerNode[] } | undefined;
  /** What the rows the tree last fetched (its root) were computed from. */
  private shown: string | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  /** Whether a whole-tree redraw now would make VS Code drop rows it is fetching or about to. */
  private readonly gate = new RedrawGate();
  /** Rows the user expanded (true) or collapsed (false), by item id; others follow EXPAND_LIMIT. */
  private readonly expansion = new Map<string, boolean>();
  /** A refresh was asked for (Refresh, a new scheme) even if the rows look the same. */
  private forced = false;
  /** A redraw is waiting for the gate (onDidSettle fired once for it already). */
  private held = false;

  constructor(
    private readonly workspace: WorkspaceIndex,
    private readonly filter: ClaimsFilter,
  ) {
    super();
    this._register(workspace.onDidChange(() => this.scheduleRefresh()));
    this._register(filter.onDidChange(() => this.scheduleRefresh()));
    this._register(onDidChangeScheme(() => this.refresh()));
    this._register({ dispose: () => clearTimeout(this.refreshTimer) });
  }

  /**
   * Every reason to redraw (index changes, one per keystroke or per sidecar read; filter and
   * scheme changes) goes through here: the tree redraws once they pause, only when its rows are
   * not already of the current index, filter and grouping, and never while VS Code is fetching
   * children or is about to ask for those of expanded speakers (see RedrawGate). Item ids are
   * the same across redraws, so expansion survives them.
   */
  private scheduleRefresh(delay = 50): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      const stale = this.forced || this.shown === undefined || this.shown !== this.stateKey();
      if (stale && !this.gate.canRedraw) {
        // The view's message need not wait for the rows.
        if (!this.held) this.settledEmitter.fire();
        this.held = true;
        this.scheduleRefresh();
        return;
      }
      this.held = false;
      if (stale) {
        this.forced = false;
        this.gate.redrawn();
        this.changeEmitter.fire(undefined);
      }
      this.settledEmitter.fire();
    }, delay);
  }

  private filterKey(): string {
    return JSON.stringify(this.filter.query, (_key, value: unknown) => (value instanceof Set ? [...value] : value));
  }

  /** What the rows depend on: index version, filter and grouping. */
  private stateKey(): string {
    return `${this.workspace.index.version}\u0000${this.filterKey()}\u0000${panelGrouping().id}`;
  }

  /** Redraws the whole tree (Refresh, a new scheme), once pending fetches are done. */
  refresh(): void {
    this.forced = true;
    this.scheduleRefresh(0);
  }

  /** The current groups (computing them if the index or filter changed). */
  groups(): { version: number; filter: string; groupBy: AttributeDefinition; groups: SpeakerGroup[]; nodes: SpeakerNode[] } {
    const filter = this.filterKey();
    const version = this.workspace.index.version;
    const groupBy = panelGrouping();
    if (!this.cache || this.cache.version !== version || this.cache.filter !== filter || this.cache.groupBy !== groupBy) {
      const groups = this.workspace.index.groupsBy(this.filter.query, groupBy);
      const nodes = groups.map((g): SpeakerNode => ({ type: 'speaker', speaker: g.speaker, count: g.annotations.length, groupBy: groupBy.id }));
      this.cache = { version, filter, groupBy, groups, nodes };
    }
    return this.cache;
  }

  async getChildren(element?: ClaimsNode): Promise<ClaimsNode[]> {
    this.gate.fetchStarted(element?.type === 'speaker' ? groupId(element) : undefined);
    try {
      const children = await this.fetchChildren(element);
      if (!element) {
        this.shown = this.stateKey();
        const expandedByDefault = this.total() <= EXPAND_LIMIT;
        this.gate.rootDelivered((children as SpeakerNode[]).map(groupId).filter((id) => this.expansion.get(id) ?? expandedByDefault));
      }
      return children;
    } finally {
      this.gate.fetchEnded();
    }
  }

  /** What the tree view reports of the user's expanding and collapsing (see ClaimsView). */
  setExpanded(node: ClaimsNode, expanded: boolean): void {
    if (node.type !== 'speaker') return;
    this.expansion.set(groupId(node), expanded);
    if (!expanded) this.gate.collapsed(groupId(node));
  }

  /** The view was hidden: no children are owed any more (see RedrawGate). */
  setHidden(): void {
    this.gate.hidden();
  }

  /** Rows under every group: above EXPAND_LIMIT groups start collapsed. */
  private total(): number {
    return this.cache?.groups.reduce((n, g) => n + g.annotations.length, 0) ?? 0;
  }

  private async fetchChildren(element?: ClaimsNode): Promise<ClaimsNode[]> {
    await this.workspace.ready();
    if (!element) return this.groups().nodes;
    if (element.type === 'annotation') return [];
    const rowsOf = () => {
      const { groups, nodes } = this.groups();
      const index = nodes.findIndex((n) => n.speaker === element.speaker);
      return { group: groups[index], parent: nodes[index] };
    };
    const { group } = rowsOf();
    if (!group) return [];
    await this.workspace.loadLines(group.annotations.map((e) => e.document));
    // The index may have changed while lines were read: the rows are those of now.
    const now = rowsOf();
    if (!now.group) return [];
    return now.group.annotations.map((entry) => ({ type: 'annotation', documentUri: entry.document, annotationId: entry.annotation.id, entry, parent: now.parent }));
  }

  getParent(element: ClaimsNode): ClaimsNode | undefined {
    return element.type === 'annotation' ? element.parent : undefined;
  }

  /** The row of an annotation in the current tree, for `TreeView.reveal`. */
  async nodeFor(documentUri: string, annotationId: string): Promise<AnnotationNode | undefined> {
    // Not through getChildren: these rows are not handed to the workbench (see RedrawGate).
    for (const speaker of (await this.fetchChildren()) as SpeakerNode[]) {
      const rows = (await this.fetchChildren(speaker)) as AnnotationNode[];
      const found = rows.find((row) => row.documentUri === documentUri && row.annotationId === annotationId);
      if (found) return found;
    }
    return undefined;
  }

  getTreeItem(element: ClaimsNode): vscode.TreeItem {
    return element.type === 'speaker' ? this.speakerItem(element) : this.annotationItem(element);
  }

  private speakerItem(node: SpeakerNode): vscode.TreeItem {
    const state = this.total() <= EXPAND_LIMIT ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    if (node.groupBy !== 'speaker') return this.groupItem(node, state);
    const item = new vscode.TreeItem(node.speaker ?? vscode.l10n.t('Unattributed'), state);
    // Stable ids: expansion and selection survive every refresh.
    item.id = groupId(node);
    item.description = String(node.count);
    item.iconPath = new vscode.ThemeIcon(node.speaker === undefined ? 'question' : 'person');
    item.contextValue = node.speaker === undefined ? 'unattributed' : 'speaker';
    if (node.speaker !== undefined) {
      const spellings = [...this.workspace.index.spellingsOf(node.speaker)].filter((s) => s !== node.speaker);
      const tooltip = new vscode.MarkdownString();
      tooltip.appendText(node.speaker);
      if (spellings.length > 0) tooltip.appendText('\n\n' + vscode.l10n.t('Also written as: {0}', spellings.join(', ')));
      item.tooltip = tooltip;
    }
    return item;
  }

  /** A group of another attribute than the speaker: its value (yes/no for booleans), or "No <attribute>". */
  private groupItem(node: SpeakerNode, state: vscode.TreeItemCollapsibleState): vscode.TreeItem {
    const attribute = this.cache?.groupBy ?? panelGrouping();
    const label =
      node.speaker === undefined
        ? vscode.l10n.t('No {0}', attribute.label.toLocaleLowerCase())
        : attribute.type === 'boolean'
          ? node.speaker === 'true'
            ? vscode.l10n.t('{0}: yes', attribute.label)
            : vscode.l10n.t('{0}: no', attribute.label)
          : node.speaker;
    const item = new vscode.TreeItem(label, state);
    item.id = groupId(node);
    item.description = String(node.count);
    item.iconPath = new vscode.ThemeIcon(node.speaker === undefined ? 'circle-slash' : attribute.type === 'person' ? 'person' : 'symbol-enum-member');
    item.contextValue = node.speaker === undefined ? 'ungrouped' : 'group';
    item.tooltip = node.speaker === undefined ? label : `${attribute.label}: ${label}`;
    return item;
  }

  private annotationItem(node: AnnotationNode): vscode.TreeItem {
    const { annotation } = node.entry;
    const uri = vscode.Uri.parse(node.documentUri);
    const presentation = kindPresentation(annotation.kind);
    const item = new vscode.TreeItem(excerpt(annotation.text, 80), vscode.TreeItemCollapsibleState.None);
    item.id = `annotation:${node.documentUri}#${annotation.id}`;
    const line = this.workspace.lineOf(node.documentUri, annotation.start);
    const path = vscode.workspace.asRelativePath(uri, false);
    item.description = line === undefined ? path : `${path}:${line}`;
    item.iconPath = new vscode.ThemeIcon(presentation.icon.id, kindIconColor(annotation.kind));
    item.contextValue = 'annotation';
    item.resourceUri = uri;
    item.tooltip = annotationTooltip(node, presentation.label, item.description);
    item.command = { command: OPEN_ANNOTATION_COMMAND, title: vscode.l10n.t('Go to Annotation'), arguments: [node.documentUri, annotation.id] };
    item.accessibilityInformation = { label: vscode.l10n.t('{0} by {1}: {2}, {3}', presentation.label, annotation.speaker ?? vscode.l10n.t('no speaker'), annotation.text, item.description) };
    return item;
  }
}

/** A group row's item id, the same across redraws. */
function groupId(node: SpeakerNode): string {
  if (node.groupBy === 'speaker') return node.speaker === undefined ? 'unattributed' : `speaker:${node.speaker}`;
  return node.speaker === undefined ? `group:${node.groupBy}:none` : `group:${node.groupBy}:${node.speaker}`;
}

/** The attribute the panel groups by (the scheme's `panel.groupBy`, speaker unless it says otherwise). */
export function panelGrouping(): AttributeDefinition {
  const scheme = activeScheme();
  return findAttribute(scheme, scheme.panel.groupBy) ?? (findAttribute(scheme, 'speaker') as AttributeDefinition);
}

/** Full text, note, attributes and author; everything a user typed goes through appendText (escaped). */
function annotationTooltip(node: AnnotationNode, kindLabel: string, where: string): vscode.MarkdownString {
  const { annotation } = node.entry;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**').appendText(kindLabel).appendMarkdown('**');
  if (annotation.speaker) tooltip.appendText(' · ' + annotation.speaker);
  tooltip.appendText(' · ' + where);
  tooltip.appendMarkdown('\n\n> ').appendText(annotation.text.replace(/\s+/g, ' ').trim());
  if (annotation.note) tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Note: {0}', annotation.note));
  for (const attribute of activeScheme().attributes) {
    const value = attribute.builtIn ? undefined : annotation.attributes?.[attribute.id];
    if (value !== undefined) tooltip.appendMarkdown('\n\n').appendText(`${attribute.label}: ${formatAttributeValue(value)}`);
  }
  if (annotation.author) tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Tagged by {0}', annotation.author));
  return tooltip;
}
