import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotation';
import { acceptedSuggestion } from '../../core/suggest/acceptedSuggestion';
import { PendingSuggestions, type PendingSuggestion } from '../../core/suggest/pendingSuggestions';
import type { Suggestion } from '../../core/suggest/suggestion';
import { withoutDuplicates } from '../../core/suggest/withoutDuplicates';
import { stripBom } from '../../core/text/documentText';
import type { AnnotationStore } from '../annotationStore';
import { isAnnotatable, toTextChange } from '../annotatable';
import { Disposable } from '../lifecycle';
import { suggestionAuthor } from '../settings';

/** The text analysis: suggestions for a document's text (without BOM), in UTF-16 offsets. */
export type Analyse = (text: string) => Suggestion[];

interface SuggestedDocument {
  readonly document: vscode.TextDocument;
  readonly pending: PendingSuggestions;
}

/**
 * The suggestions of open documents, in memory only: nothing here is written anywhere until a
 * suggestion is accepted, when it goes through `AnnotationStore.mutate` like any tag. They follow
 * edits, are dropped with their text, leave when an annotation takes their kind and span, and are
 * cleared when their document closes.
 *
 * A workspace run only queues documents that have suggestions: each is analysed again when it is
 * opened, so offsets always come from the text in the editor, never from a stale read.
 */
export class SuggestionStore extends Disposable {
  private readonly documents = new Map<string, SuggestedDocument>();
  /** Documents with suggestions from a workspace run, not opened yet: uri → how many. */
  private readonly queued = new Map<string, number>();
  private readonly changeEmitter = this._register(new vscode.EventEmitter<vscode.TextDocument | undefined>());

  /** Fires with the document whose suggestions changed, or undefined when many did. */
  readonly onDidChange = this.changeEmitter.event;

  private readonly decideEmitter = this._register(new vscode.EventEmitter<{ readonly document: vscode.TextDocument; readonly decided: readonly PendingSuggestion[] }>());

  /** Fires when suggestions were accepted or rejected (not when they were cleared or replaced). */
  readonly onDidDecide = this.decideEmitter.event;

  constructor(
    private readonly annotations: AnnotationStore,
    private readonly analyse: Analyse,
  ) {
    super();
    this._register(vscode.workspace.onDidChangeTextDocument((event) => this.followEdits(event.document, event.contentChanges)));
    this._register(
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.documents.delete(document.uri.toString())) this.changeEmitter.fire(document);
      }),
    );
    this._register(vscode.workspace.onDidOpenTextDocument((document) => this.attachQueued(document)));
    this._register(
      annotations.onDidChange((change) => {
        const suggested = this.documents.get(change.document.uri.toString());
        const current = this.annotations.get(change.document)?.annotations.all ?? [];
        if (suggested && suggested.pending.dropDuplicatesOf(current)) this.changeEmitter.fire(change.document);
      }),
    );
  }

  get(document: vscode.TextDocument): PendingSuggestions | undefined {
    return this.attachQueued(document) ?? this.documents.get(document.uri.toString())?.pending;
  }

  /** Open documents with suggestions. */
  suggestedDocuments(): vscode.TextDocument[] {
    return [...this.documents.values()].filter((d) => d.pending.size > 0).map((d) => d.document);
  }

  /** Documents of a workspace run not opened yet. */
  queuedUris(): vscode.Uri[] {
    return [...this.queued.keys()].map((key) => vscode.Uri.parse(key));
  }

  /** Analyses a document's current text, replacing its previous suggestions. */
  async suggest(document: vscode.TextDocument): Promise<PendingSuggestions | undefined> {
    const entry = await this.annotations.entryFor(document);
    if (!entry) return undefined;
    this.queued.delete(document.uri.toString());
    return this.analyseOpen(document, entry.annotations.all);
  }

  /**
   * Analyses a document that is not open, read from disk with its sidecar's annotations, and
   * queues it when something is left to review. Returns how many suggestions it has.
   */
  queue(uri: vscode.Uri, text: string, annotations: readonly Annotation[]): number {
    const count = withoutDuplicates(this.analyse(stripBom(text)), annotations).length;
    if (count > 0) this.queued.set(uri.toString(), count);
    else this.queued.delete(uri.toString());
    return count;
  }

  /** Turns suggestions into annotations (author from `sourceAnnotator.suggestions.author`). */
  async accept(document: vscode.TextDocument, ids: readonly string[]): Promise<boolean> {
    const pending = this.get(document);
    const chosen = ids.map((id) => pending?.get(id)).filter((s): s is PendingSuggestion => !!s);
    if (!pending || chosen.length === 0) return false;
    const author = suggestionAuthor(document.uri);
    const changed = await this.annotations.mutate(document, (annotations, text) => {
      const fresh = withoutDuplicates(chosen, annotations.all);
      for (const suggestion of fresh) annotations.add(acceptedSuggestion(suggestion, author), text);
      return fresh.length > 0;
    });
    // Accepted, or already annotated the same way: either way nothing is left to decide.
    for (const suggestion of chosen) pending.remove(suggestion.id);
    this.changeEmitter.fire(document);
    this.decideEmitter.fire({ document, decided: chosen });
    return changed;
  }

  reject(document: vscode.TextDocument, id: string): boolean {
    const removed = this.get(document)?.remove(id);
    if (removed) {
      this.changeEmitter.fire(document);
      this.decideEmitter.fire({ document, decided: [removed] });
    }
    return !!removed;
  }

  /**
   * Adds suggestions from elsewhere (imported model output, see importedSuggestions.ts) to an open
   * document's, next to those of the analysis; duplicates of annotations are left out.
   */
  offer(document: vscode.TextDocument, suggestions: readonly Suggestion[]): void {
    const key = document.uri.toString();
    const annotations = this.annotations.get(document)?.annotations.all ?? [];
    const suggested = this.documents.get(key);
    if (suggested) suggested.pending.replace([...suggested.pending.all, ...suggestions], annotations);
    else this.documents.set(key, { document, pending: new PendingSuggestions(suggestions, annotations) });
    this.changeEmitter.fire(document);
  }

  clear(): void {
    this.documents.clear();
    this.queued.clear();
    this.changeEmitter.fire(undefined);
  }

  private analyseOpen(document: vscode.TextDocument, annotations: readonly Annotation[]): PendingSuggestions {
    const key = document.uri.toString();
    const suggested = this.documents.get(key);
    const suggestions = this.analyse(document.getText());
    if (suggested) suggested.pending.replace(suggestions, annotations);
    else this.documents.set(key, { document, pending: new PendingSuggestions(suggestions, annotations) });
    this.changeEmitter.fire(document);
    return this.documents.get(key)!.pending;
  }

  private attachQueued(document: vscode.TextDocument): PendingSuggestions | undefined {
    if (!this.queued.delete(document.uri.toString()) || !isAnnotatable(document)) return undefined;
    const pending = this.analyseOpen(document, this.annotations.get(document)?.annotations.all ?? []);
    // The sidecar may still be loading: its annotations remove duplicates when it arrives.
    return pending;
  }

  private followEdits(document: vscode.TextDocument, changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    const suggested = this.documents.get(document.uri.toString());
    if (!suggested || changes.length === 0) return;
    if (suggested.pending.applyChanges(changes.map(toTextChange))) this.changeEmitter.fire(document);
  }
}
