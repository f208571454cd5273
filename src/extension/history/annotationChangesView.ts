import * as vscode from 'vscode';
import { kindLabel } from '../../core/scheme/scheme';
import { excerpt } from '../excerpt';
import { kindPresentation } from '../kindPresentation';
import { Disposable } from '../lifecycle';
import { activeScheme } from '../scheme/activeScheme';
import type { ChangesSince, LocatedChange } from './changesSince';

export const CHANGES_VIEW_ID = 'sourceAnnotator.annotationChanges';
/** Context key: the Annotation Changes view has a result to show. */
export const CHANGES_SHOWN_KEY = 'sourceAnnotator.annotationChangesShown';

interface DocumentNode {
  readonly type: 'document';
  readonly documentUri: string;
}
interface ChangeNode {
  readonly type: 'change';
  readonly documentUri: string;
  readonly index: number;
}
type Node = DocumentNode | ChangeNode;

const ICONS: Record<LocatedChange['change'], [string, string]> = {
  added: ['diff-added', 'gitDecoration.addedResourceForeground'],
  removed: ['diff-removed', 'gitDecoration.deletedResourceForeground'],
  changed: ['diff-modified', 'gitDecoration.modifiedResourceForeground'],
};

/**
 * "Annotation Changes": the result of Show Annotation Changes Since…, per document, each change a
 * row that opens its span; removed and changed spans are also drawn in the editors showing them
 * (added ones are the document's own annotations, already drawn).
 */
export class AnnotationChangesView extends Disposable implements vscode.TreeDataProvider<Node> {
  private result: ChangesSince | undefined;
  private byDocument = new Map<string, LocatedChange[]>();
  private readonly changeEmitter = this._register(new vscode.EventEmitter<Node | undefined>());
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly removedStyle = this._register(
    vscode.window.createTextEditorDecorationType({
      textDecoration: 'line-through',
      border: '1px dashed',
      borderColor: new vscode.ThemeColor('gitDecoration.deletedResourceForeground'),
      overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.deletedForeground'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
    }),
  );
  private readonly changedStyle = this._register(
    vscode.window.createTextEditorDecorationType({
      border: '1px dashed',
      borderColor: new vscode.ThemeColor('gitDecoration.modifiedResourceForeground'),
      overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.modifiedForeground'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
    }),
  );

  constructor() {
    super();
    this.view = this._register(vscode.window.createTreeView(CHANGES_VIEW_ID, { treeDataProvider: this, showCollapseAll: true }));
    this._register(vscode.window.onDidChangeVisibleTextEditors(() => this.decorate()));
  }

  /** What is shown now (tests read it). */
  get current(): ChangesSince | undefined {
    return this.result;
  }

  show(result: ChangesSince): void {
    this.result = result;
    this.byDocument = new Map();
    for (const change of result.changes) {
      const key = change.documentUri.toString();
      this.byDocument.set(key, [...(this.byDocument.get(key) ?? []), change]);
    }
    const count = (c: LocatedChange['change']): number => result.changes.filter((x) => x.change === c).length;
    this.view.description = vscode.l10n.t('since {0}', result.ref);
    this.view.message =
      result.changes.length === 0
        ? vscode.l10n.t('No annotation changed since {0}.', result.ref)
        : vscode.l10n.t('{0} added, {1} removed, {2} changed since {3}.', count('added'), count('removed'), count('changed'), result.ref);
    void vscode.commands.executeCommand('setContext', CHANGES_SHOWN_KEY, true);
    this.changeEmitter.fire(undefined);
    this.decorate();
  }

  clear(): void {
    this.result = undefined;
    this.byDocument = new Map();
    this.view.message = undefined;
    this.view.description = undefined;
    void vscode.commands.executeCommand('setContext', CHANGES_SHOWN_KEY, false);
    this.changeEmitter.fire(undefined);
    this.decorate();
  }

  async reveal(): Promise<void> {
    const first = this.getChildren()[0];
    if (first) await this.view.reveal(first, { focus: false, select: false, expand: true });
  }

  private decorate(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const changes = this.byDocument.get(editor.document.uri.toString()) ?? [];
      const ranges = (kind: LocatedChange['change']): vscode.DecorationOptions[] =>
        changes
          .filter((c) => c.change === kind && c.range)
          .map((c) => ({ range: new vscode.Range(editor.document.positionAt(c.range!.start), editor.document.positionAt(c.range!.end)), hoverMessage: this.hover(c) }));
      editor.setDecorations(this.removedStyle, ranges('removed'));
      editor.setDecorations(this.changedStyle, ranges('changed'));
    }
  }

  getChildren(element?: Node): Node[] {
    if (!element) return [...this.byDocument.keys()].map((documentUri) => ({ type: 'document', documentUri }));
    if (element.type === 'document') return (this.byDocument.get(element.documentUri) ?? []).map((_, index) => ({ type: 'change', documentUri: element.documentUri, index }));
    return [];
  }

  getParent(element: Node): Node | undefined {
    return element.type === 'change' ? { type: 'document', documentUri: element.documentUri } : undefined;
  }

  getTreeItem(element: Node): vscode.TreeItem {
    const uri = vscode.Uri.parse(element.documentUri);
    const changes = this.byDocument.get(element.documentUri) ?? [];
    if (element.type === 'document') {
      const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `changes:${element.documentUri}`;
      item.iconPath = vscode.ThemeIcon.File;
      item.description = `${vscode.workspace.asRelativePath(uri)} · ${changes.length}`;
      return item;
    }
    const change = changes[element.index];
    if (!change) return new vscode.TreeItem(vscode.l10n.t('(gone)'));
    const item = new vscode.TreeItem(`“${excerpt(change.text, 60)}”`);
    item.id = `changes:${element.documentUri}#${change.id}:${change.change}`;
    const [icon, color] = ICONS[change.change];
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
    item.description = [kindPresentation(change.kind).label, this.what(change), change.line === undefined ? vscode.l10n.t('orphaned') : vscode.l10n.t('line {0}', change.line)].join(' · ');
    item.tooltip = this.hover(change);
    if (change.range) {
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Show Change'), arguments: [uri, { selection: this.selectionOf(uri, change) }] };
    }
    return item;
  }

  private selectionOf(uri: vscode.Uri, change: LocatedChange): vscode.Range {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!document || !change.range) return new vscode.Range((change.line ?? 1) - 1, 0, (change.line ?? 1) - 1, 0);
    return new vscode.Range(document.positionAt(change.range.start), document.positionAt(change.range.end));
  }

  private what(change: LocatedChange): string {
    if (change.change === 'added') return vscode.l10n.t('added');
    if (change.change === 'removed') return vscode.l10n.t('removed');
    return vscode.l10n.t('{0} changed', change.fields.map((f) => fieldLabel(f)).join(', '));
  }

  private hover(change: LocatedChange): vscode.MarkdownString {
    const md = new vscode.MarkdownString();
    md.appendMarkdown('**');
    md.appendText(`${kindLabel(activeScheme(), change.kind)} — ${this.what(change)} ${vscode.l10n.t('since {0}', this.result?.ref ?? '')}`);
    md.appendMarkdown('**\n\n');
    const before = change.before as Record<string, unknown> | undefined;
    for (const field of change.fields) {
      if (field.startsWith('attributes.') || field === 'span') continue;
      md.appendMarkdown('- ');
      md.appendText(`${fieldLabel(field)}: ${String(before?.[field] ?? '—')} → `);
      md.appendText(String((change.after as Record<string, unknown> | undefined)?.[field] ?? '—'));
      md.appendMarkdown('\n');
    }
    if (change.fields.includes('span')) {
      md.appendMarkdown('- ');
      md.appendText(vscode.l10n.t('span was “{0}”', excerpt(String(before?.text ?? ''), 80)));
    }
    return md;
  }
}

function fieldLabel(field: string): string {
  if (field.startsWith('attributes.')) return field.slice('attributes.'.length);
  return field;
}
