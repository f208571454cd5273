import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotation';
import type { TextChange } from '../../core/edits/textChange';
import { acceptedSuggestion } from '../../core/suggest/acceptedSuggestion';
import { PendingSuggestions, type PendingSuggestion } from '../../core/suggest/pendingSuggestions';
import type { Suggestion } from '../../core/suggest/suggestion';
import { withoutDuplicates } from '../../core/suggest/withoutDuplicates';
import { stripBom } from '../../core/text/documentText';
import type { AnnotationStore } from '../annotationStore';
import { isAnnotatable, toTextChange } from '../annotatable';
import { Disposable } from '../lifecycle';
import { suggestionAuthor } from '../settings';

/** The text analysis: suggestions for a document's text (without BOM), in UTF-16 offsets; undefined when cancelled. */
export type Analyse = (text: string, cancellation?: vscode.CancellationToken) => Promise<Suggestion[] | undefined>;

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
 * opened, so offsets always come from the text in the editor, never from a stale read. The
 * analysis runs off this thread (see analysis/suggestionAnalyser.ts); edits made while it ran are
 * applied to its suggestions as to any others, so they never land on offsets of an older text.
 */
export class SuggestionStore extends Disposable {
  private readonly documents = new Map<string, SuggestedDocument>();
  /** Documents with suggestions from a workspace run, not opened yet: uri → how many. */
  private readonly queued = new Map<string, number>();
  /** Queued documents being analysed since they were opened: uri → when it is done. */
  private readonly attaching = new Map<string, Promise<unknown>>();
  /** Counts Clear Suggestions: an analysis that was under way when they were cleared brings none back. */
  private clears = 0;
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

  /** The document's suggestions as they stand; a queued document's analysis starts here (see `ready`). */
  get(document: vscode.TextDocument): PendingSuggestions | undefined {
    this.attachQueued(document);
    return this.documents.get(document.uri.toString())?.pending;
  }

  /** The document's suggestions once a queued document's analysis is done. */
  async ready(document: vscode.TextDocument): Promise<PendingSuggestions | undefined> {
    this.attachQueued(document);
    await this.attaching.get(document.uri.toString());
    return this.documents.get(document.uri.toString())?.pending;
  }

  /** Open documents with suggestions. */
  suggestedDocuments(): vscode.TextDocument[] {
    return [...this.documents.values()].filter((d) => d.pending.size > 0).map((d) => d.document);
  }

  /** Documents of a workspace run not opened yet. */
  queuedUris(): vscode.Uri[] {
    return [...this.queued.keys()].map((key) => vscode.Uri.parse(key));
  }

  /** Analyses a document's current text, replacing its previous suggestions; undefined when cancelled. */
  async suggest(document: vscode.TextDocument, cancellation?: vscode.CancellationToken): Promise<PendingSuggestions | undefined> {
    const clears = this.clears;
    const entry = await this.annotations.entryFor(document);
    if (!entry || this.clears !== clears) return undefined;
    this.queued.delete(document.uri.toString());
    return this.analyseOpen(document, cancellation);
  }

  /**
   * Analyses a document that is not open, read from disk with its sidecar's annotations, and
   * queues it when something is left to review. Returns how many suggestions it has (0 when cancelled).
   */
  async queue(uri: vscode.Uri, text: string, annotations: readonly Annotation[], cancellation?: vscode.CancellationToken): Promise<number> {
    const suggestions = await this.analyse(stripBom(text), cancellation);
    if (!suggestions) return 0;
    const count = withoutDuplicates(suggestions, annotations).length;
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
    this.clears++;
    this.documents.clear();
    this.queued.clear();
    this.changeEmitter.fire(undefined);
  }

  private async analyseOpen(document: vscode.TextDocument, cancellation?: vscode.CancellationToken): Promise<PendingSuggestions | undefined> {
    const key = document.uri.toString();
    // The text is read now; what is typed while the analysis runs is applied to its results after.
    const edits: TextChange[][] = [];
    const clears = this.clears;
    const listener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document && event.contentChanges.length > 0) edits.push(event.contentChanges.map(toTextChange));
    });
    try {
      const suggestions = await this.analyse(document.getText(), cancellation);
      if (!suggestions || document.isClosed || this.isDisposed || this.clears !== clears) return undefined;
      // The sidecar may still be loading: its annotations remove duplicates when it arrives.
      const annotations = this.annotations.get(document)?.annotations.all ?? [];
      const suggested = this.documents.get(key);
      const pending = suggested?.pending ?? new PendingSuggestions([], annotations);
      pending.replace(suggestions, annotations);
      for (const changes of edits) pending.applyChanges(changes);
      if (!suggested) this.documents.set(key, { document, pending });
      this.changeEmitter.fire(document);
      return pending;
    } finally {
      listener.dispose();
    }
  }

  /** Starts the analysis of a document a workspace run queued, now that it is open. */
  private attachQueued(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!this.queued.delete(key) || !isAnnotatable(document)) return;
    // Opening a document is no command: an analysis that fails says so in the log, not as an unhandled rejection.
    const done = this.analyseOpen(document)
      .catch((error: unknown) => console.warn(`Source Annotator: suggestions for ${document.uri.toString(true)} failed: ${String(error)}`))
      .finally(() => this.attaching.delete(key));
    this.attaching.set(key, done);
  }

  private followEdits(document: vscode.TextDocument, changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    const suggested = this.documents.get(document.uri.toString());
    if (!suggested || changes.length === 0) return;
    if (suggested.pending.applyChanges(changes.map(toTextChange))) this.changeEmitter.fire(document);
  }
}
