import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotation';
import type { AnchorCandidate } from '../../core/anchoring/anchorCandidates';
import type { AnnotationStore } from '../annotationStore';
import type { DocumentEntry } from '../documentEntry';
import { excerpt } from '../excerpt';
import { kindPresentation } from '../kindPresentation';
import { Disposable } from '../lifecycle';

export interface OrphanDocumentNode {
  readonly type: 'document';
  readonly documentUri: string;
}

/**
 * An orphan row. `documentUri` and `annotationId` are what the row-level commands take (see
 * commands/annotationTarget.ts), so Remove Annotation works on a row as it is.
 */
export interface OrphanNode {
  readonly type: 'orphan';
  readonly documentUri: string;
  readonly annotationId: string;
}

/** A place offered for an orphan; `candidateIndex` into `DocumentAnnotations.candidatesFor`. */
export interface CandidateNode {
  readonly type: 'candidate';
  readonly documentUri: string;
  readonly annotationId: string;
  readonly candidateIndex: number;
}

export type OrphansNode = OrphanDocumentNode | OrphanNode | CandidateNode;

/** Context values the view's menus key on. */
export const ORPHAN_WITH_CANDIDATE = 'orphanWithCandidate';
export const ORPHAN = 'orphan';
export const CANDIDATE = 'candidate';

/**
 * Orphaned annotations of the open documents: document → orphan (its old quote) → the places
 * offered for it. Only open documents are listed because only they have a model: each is
 * re-anchored when it is opened, so an orphan of a closed document may not be one any more.
 */
export class OrphansTreeProvider extends Disposable implements vscode.TreeDataProvider<OrphansNode> {
  private readonly changeEmitter = this._register(new vscode.EventEmitter<OrphansNode | undefined>());
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(private readonly store: AnnotationStore) {
    super();
    this._register(
      store.onDidChange((change) => {
        // Edits move orphans and their candidates (line numbers in the rows); redraw once typing pauses.
        if (change.reason !== 'edited' || this.store.get(change.document)?.annotations.orphans.length) this.scheduleRefresh();
      }),
    );
    this._register({ dispose: () => clearTimeout(this.refreshTimer) });
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.changeEmitter.fire(undefined), 50);
  }

  /** Open documents with orphans, by path. */
  private entriesWithOrphans(): DocumentEntry[] {
    return this.store
      .all()
      .filter((e) => !e.problems && !e.document.isClosed && e.annotations.orphans.length > 0)
      .sort((a, b) => a.document.uri.fsPath.localeCompare(b.document.uri.fsPath));
  }

  /** How many orphans the view lists, for its badge. */
  count(): number {
    return this.entriesWithOrphans().reduce((n, e) => n + e.annotations.orphans.length, 0);
  }

  getChildren(element?: OrphansNode): OrphansNode[] {
    if (!element) return this.entriesWithOrphans().map((e) => ({ type: 'document', documentUri: e.document.uri.toString() }));
    const entry = this.entryOf(element.documentUri);
    if (!entry) return [];
    if (element.type === 'document') return entry.annotations.orphans.map((a) => ({ type: 'orphan', documentUri: element.documentUri, annotationId: a.id }));
    if (element.type === 'orphan') {
      return entry.annotations.candidatesFor(element.annotationId).map((_, candidateIndex) => ({ type: 'candidate', documentUri: element.documentUri, annotationId: element.annotationId, candidateIndex }));
    }
    return [];
  }

  getParent(element: OrphansNode): OrphansNode | undefined {
    if (element.type === 'document') return undefined;
    if (element.type === 'orphan') return { type: 'document', documentUri: element.documentUri };
    return { type: 'orphan', documentUri: element.documentUri, annotationId: element.annotationId };
  }

  getTreeItem(element: OrphansNode): vscode.TreeItem {
    const entry = this.entryOf(element.documentUri);
    if (element.type === 'document' || !entry) return this.documentItem(element.documentUri, entry);
    const annotation = entry.annotations.get(element.annotationId);
    if (!annotation) return new vscode.TreeItem(vscode.l10n.t('(removed)'));
    const candidates = entry.annotations.candidatesFor(annotation.id);
    if (element.type === 'orphan') return this.orphanItem(entry, annotation, candidates);
    return this.candidateItem(entry, annotation, candidates[element.candidateIndex], element.candidateIndex);
  }

  private entryOf(documentUri: string): DocumentEntry | undefined {
    return this.store.all().find((e) => e.document.uri.toString() === documentUri);
  }

  private documentItem(documentUri: string, entry: DocumentEntry | undefined): vscode.TreeItem {
    const uri = vscode.Uri.parse(documentUri);
    const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.Expanded);
    item.id = documentUri;
    item.description = `${path.dirname(vscode.workspace.asRelativePath(uri))} · ${entry?.annotations.orphans.length ?? 0}`;
    item.iconPath = vscode.ThemeIcon.File;
    return item;
  }

  private orphanItem(entry: DocumentEntry, annotation: Annotation, candidates: readonly AnchorCandidate[]): vscode.TreeItem {
    const document = entry.document;
    const item = new vscode.TreeItem(`“${excerpt(annotation.text, 60)}”`, candidates.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = `${document.uri.toString()}#${annotation.id}`;
    const presentation = kindPresentation(annotation.kind);
    item.iconPath = new vscode.ThemeIcon(presentation.icon.id, new vscode.ThemeColor('list.warningForeground'));
    item.description = [
      presentation.label,
      annotation.speaker,
      candidates.length === 0 ? vscode.l10n.t('no candidate') : candidates.length === 1 ? vscode.l10n.t('1 candidate') : vscode.l10n.t('{0} candidates', candidates.length),
    ]
      .filter(Boolean)
      .join(' · ');
    item.contextValue = candidates.length > 0 ? ORPHAN_WITH_CANDIDATE : ORPHAN;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${presentation.label}** `);
    tooltip.appendText(vscode.l10n.t('lost its text; it was last seen at line {0}.', document.positionAt(annotation.start).line + 1));
    tooltip.appendMarkdown('\n\n');
    // Document text goes through appendText only: a code fence could be closed by the text itself.
    tooltip.appendText(`…${annotation.prefix}`);
    tooltip.appendMarkdown('**');
    tooltip.appendText(annotation.text);
    tooltip.appendMarkdown('**');
    tooltip.appendText(`${annotation.suffix}…`);
    for (const c of candidates) {
      tooltip.appendMarkdown('\n\n- ');
      tooltip.appendText(this.describeCandidate(document, c));
    }
    item.tooltip = tooltip;
    const at = document.positionAt(annotation.start);
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Show Where It Was'), arguments: [document.uri, { selection: new vscode.Range(at, at) }] };
    return item;
  }

  private candidateItem(entry: DocumentEntry, annotation: Annotation, candidate: AnchorCandidate | undefined, index: number): vscode.TreeItem {
    const document = entry.document;
    if (!candidate) return new vscode.TreeItem(vscode.l10n.t('(gone)'));
    const item = new vscode.TreeItem(this.describeCandidate(document, candidate));
    item.id = `${document.uri.toString()}#${annotation.id}@${index}`;
    item.iconPath = new vscode.ThemeIcon('target');
    item.contextValue = CANDIDATE;
    const range = new vscode.Range(document.positionAt(candidate.start), document.positionAt(candidate.end));
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Show Candidate'), arguments: [document.uri, { selection: range }] };
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(vscode.l10n.t('Quote similarity {0}%, context similarity {1}%', Math.round(candidate.quoteSimilarity * 100), Math.round(candidate.contextSimilarity * 100)));
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(document.getText(range));
    item.tooltip = tooltip;
    return item;
  }

  private describeCandidate(document: vscode.TextDocument, candidate: AnchorCandidate): string {
    const line = document.positionAt(candidate.start).line + 1;
    const text = document.getText().slice(candidate.start, candidate.end);
    return vscode.l10n.t('Line {0}: “{1}” ({2}% match)', line, excerpt(text, 50), Math.round(candidate.score * 100));
  }
}
