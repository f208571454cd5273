import * as vscode from 'vscode';
import type { Annotation } from '../core/annotation';
import { DocumentAnnotations } from '../core/documentAnnotations';
import { nodeSidecarFileSystem } from '../core/sidecar/nodeSidecarFileSystem';
import { loadParsedSidecar, renderSidecar, type LoadedSidecar } from '../core/sidecar/sidecarDocument';
import { isSidecarPath, sidecarPathFor, type SidecarFile } from '../core/sidecar/sidecarFormat';
import { SidecarWriter, type ConflictPrompt, type SidecarFileSystem, type SidecarModel } from '../core/sidecar/sidecarWriter';
import { readSidecarContent, type DiskVersion, type SidecarContent } from '../core/sidecar/diskVersion';
import { LoadingDocuments } from './loadingDocuments';
import { isAnnotatable } from './annotatable';
import { notificationConflictPrompt } from './conflicts/conflictPrompt';
import { newEntry, SidecarInvalidError, type DocumentEntry } from './documentEntry';
import { followEdits, type EditFollowingStore } from './followEdits';
import { Disposable } from './lifecycle';
import { renamedUri, type FileRename } from './renamedUri';
import { activeScheme, assertSchemeUsable, whenSchemeReady } from './scheme/activeScheme';
import type { ParsedAndLoaded, SidecarParser } from './sidecarParsing/sidecarParser';

/** How long after a sidecar is loaded its writer renders the blocks read (after the first drawing). */
const PREFILL_AFTER_MS = 1000;

/**
 * The annotation model of a document being renamed whose changes could not be written before the
 * rename (its text was unsaved, and offsets into unsaved text never reach the disk). It waits for
 * the document to open under its new name, which VS Code does with the unsaved text.
 */
interface CarriedAnnotations {
  readonly annotations: DocumentAnnotations;
  /** The text the annotations point into. */
  readonly text: string;
}

export type StoreChangeReason = 'loaded' | 'annotations' | 'edited' | 'invalid' | 'closed';

export interface StoreChange {
  readonly document: vscode.TextDocument;
  readonly reason: StoreChangeReason;
  /** For `edited`: the spans whose editor decorations no longer match the model. */
  readonly reshaped?: readonly Annotation[];
  /** For `edited`: the set or position of orphans changed. */
  readonly orphansChanged?: boolean;
}

/**
 * Owns the annotation model of every open document: loads sidecars on open, follows edits,
 * writes sidecars when the document's text on disk matches the model, and reloads sidecars
 * changed by someone else. Everything else in the extension reads from here and listens.
 */
export class AnnotationStore extends Disposable {
  private readonly entries = new Map<string, DocumentEntry>();
  /** Sidecar loads under way, by document: a second request for one waits for the same load. */
  private readonly loading = new Map<string, Promise<DocumentEntry | undefined>>();
  private readonly loadingDocuments = this._register(new LoadingDocuments());
  /** Unsaved annotation models of renamed documents, by the document's new URI. */
  private readonly carried = new Map<string, CarriedAnnotations>();
  private readonly changeEmitter = this._register(new vscode.EventEmitter<StoreChange>());

  readonly onDidChange = this.changeEmitter.event;

  /** A document's annotations started or finished loading (see `isLoading`). */
  readonly onDidChangeLoading = this.loadingDocuments.onDidChange;

  private readonly sidecarFileEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  /** A sidecar file was created, changed or deleted on disk (by anyone, including us). */
  readonly onDidChangeSidecarFile = this.sidecarFileEmitter.event;

  /** What followEdits needs of the store. */
  private readonly editFollowing: EditFollowingStore = {
    fire: (change) => this.changeEmitter.fire(change),
    modelOf: (entry) => this.modelOf(entry),
    persist: (entry) => this.persist(entry),
    // Placing an open document's annotations again counts as loading them: the status bar says so.
    anchor: (document, annotations, text) => this.loadingDocuments.during(document, () => this.parser.anchor(annotations, text)),
    searchOrphans: (document, annotations, text) => this.loadingDocuments.during(document, () => this.parser.searchOrphans(annotations, text)),
  };

  /**
   * @param parser parses sidecar texts off the extension host thread
   * @param prompt asks the user about sidecars changed on disk under unsaved annotation changes
   * @param fileSystem where sidecars are read and written
   */
  constructor(
    private readonly parser: SidecarParser,
    private readonly prompt: ConflictPrompt = notificationConflictPrompt,
    private readonly fileSystem: SidecarFileSystem = nodeSidecarFileSystem(),
  ) {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((document) => void this.load(document)));
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)));
    this._register(vscode.workspace.onDidChangeTextDocument((event) => followEdits(this.get(event.document), event, this.editFollowing)));
    this._register(vscode.workspace.onDidSaveTextDocument((document) => void this.onSaved(document)));
    // One watcher on every sidecar of the workspace, shared with the workspace index through
    // `onDidChangeSidecarFile`, so the file watcher service is asked for it once.
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*.annotations.yaml'));
    const changed = (uri: vscode.Uri) => {
      void this.onSidecarChangedOnDisk(uri);
      this.sidecarFileEmitter.fire(uri);
    };
    this._register(watcher.onDidChange(changed));
    this._register(watcher.onDidCreate(changed));
    this._register(watcher.onDidDelete(changed));
    for (const document of vscode.workspace.textDocuments) void this.load(document);
  }

  get(document: vscode.TextDocument): DocumentEntry | undefined {
    return this.entries.get(document.uri.toString());
  }

  all(): DocumentEntry[] {
    return [...this.entries.values()];
  }

  /** The entry of an annotatable document, loading its sidecar first if needed. */
  async entryFor(document: vscode.TextDocument): Promise<DocumentEntry | undefined> {
    return this.get(document) ?? this.load(document);
  }

  /**
   * Applies a change to a document's annotations and persists it. Refused (with
   * `SidecarInvalidError`) while the sidecar is broken, so nothing in it is ever overwritten.
   */
  async mutate(document: vscode.TextDocument, change: (annotations: DocumentAnnotations, text: string) => boolean): Promise<boolean> {
    const entry = await this.entryFor(document);
    if (!entry) return false;
    // A change made to the model a reload is about to replace would be lost: it is made to what the reload reads.
    while (entry.reloading) await entry.reloading.catch(() => undefined);
    if (document.isClosed) return false;
    if (entry.problems) throw new SidecarInvalidError(entry);
    assertSchemeUsable();
    if (!change(entry.annotations, document.getText())) return false;
    entry.revision++;
    entry.unsaved = true;
    this.changeEmitter.fire({ document, reason: 'annotations' });
    await this.persist(entry);
    return true;
  }

  /** Writes every pending sidecar whose document is saved; used by tests and on deactivation. */
  async flush(): Promise<void> {
    await Promise.all(this.all().map((entry) => this.persist(entry)));
    await Promise.all(this.all().map((entry) => entry.sidecar.idle()));
  }

  /**
   * The annotations stored for a document that is not open, against `documentText` (read the same
   * way as for open documents: size limit, strict UTF-8, parsed off this thread); undefined when
   * it has no sidecar. A sidecar open in an editor is read with its unsaved text.
   */
  async loadSidecarOf(documentUri: vscode.Uri, documentText: string): Promise<LoadedSidecar | undefined> {
    const sidecarUri = vscode.Uri.file(sidecarPathFor(documentUri.fsPath));
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === sidecarUri.toString());
    const disk: SidecarContent = open ? { kind: 'text', text: open.getText() } : await readSidecarContent(this.fileSystem, sidecarUri.fsPath);
    if (disk.kind === 'missing') return undefined;
    if (disk.kind === 'invalid') return { ok: false, problems: [disk.problem] };
    await whenSchemeReady();
    return (await this.parser.load(disk.text, documentText, activeScheme())).loaded;
  }

  /**
   * Before files or folders are renamed (`onWillRenameFiles`): nothing unsaved of a document in
   * them may be lost when VS Code closes it and opens it under its new name. Pending annotation
   * changes of saved documents are written now, so the sidecar that moves with the document holds
   * them; those of documents with unsaved text are carried over to the new name in memory and
   * written when it is saved. Broken sidecars are left as they are.
   */
  async prepareRenames(files: readonly FileRename[]): Promise<void> {
    await Promise.all(
      this.all().map(async (entry) => {
        const target = renamedUri(entry.document.uri, files);
        if (!target || entry.problems) return;
        await this.persist(entry);
        if (entry.unsaved && !entry.document.isClosed) {
          this.carried.set(target.toString(), { annotations: entry.annotations, text: entry.document.getText() });
        }
      }),
    );
  }

  /**
   * After the annotation scheme changed: every open document's sidecar is checked against it
   * again (read anew), once pending changes of saved documents are written. A document with
   * unsaved text keeps its model until it is saved and reopened: reading its sidecar now would
   * drop the unsaved annotation changes.
   */
  async revalidate(): Promise<void> {
    await Promise.all(
      this.all().map(async (entry) => {
        await this.persist(entry);
        if (entry.unsaved || entry.document.isClosed) return;
        // A change of the annotations made while the sidecar is read waits for it, as during a reload.
        if ((await this.readInto(entry, async () => this.applySidecar(entry, await entry.sidecar.read()))) && entry.unsaved) await this.persist(entry);
      }),
    );
  }

  private load(document: vscode.TextDocument): Promise<DocumentEntry | undefined> {
    if (!isAnnotatable(document)) return Promise.resolve(undefined);
    const key = document.uri.toString();
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.loadingDocuments.during(document, () => this.readSidecar(document)).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  /**
   * Whether the document's sidecar is being read (and its annotations placed), or its annotations placed again after the
   * document was reloaded from disk: seconds for a large sidecar whose document changed.
   */
  isLoading(document: vscode.TextDocument): boolean {
    return this.loadingDocuments.has(document);
  }

  private async readSidecar(document: vscode.TextDocument): Promise<DocumentEntry | undefined> {
    const sidecarUri = vscode.Uri.file(sidecarPathFor(document.uri.fsPath));
    const sidecar = new SidecarWriter(sidecarUri.fsPath, this.fileSystem, this.prompt);
    const carried = this.carried.get(document.uri.toString());
    if (carried) {
      this.carried.delete(document.uri.toString());
      return this.adoptCarried(document, sidecarUri, sidecar, carried);
    }
    let disk: DiskVersion;
    try {
      disk = await sidecar.read();
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not read {0}: {1}', sidecarUri.fsPath, String(error)));
      return undefined;
    }
    const entry = newEntry(document, sidecarUri, sidecar);
    if (!(await this.applySidecar(entry, disk))) return undefined;
    if (entry.unsaved) await this.persist(entry);
    return entry;
  }

  /**
   * Makes the entry's model what `disk` holds (the sidecar writer has just read it): parsed off
   * this thread, anchored against the text as it is now. False when the document closed meanwhile.
   */
  private async applySidecar(entry: DocumentEntry, disk: DiskVersion): Promise<boolean> {
    const { document } = entry;
    // The YAML is parsed and anchored off the extension host thread (the bulk of the work for big
    // sidecars, seconds after their document changed), and checked against the workspace's
    // annotation scheme, read first.
    await whenSchemeReady();
    const read = disk.kind === 'text' ? await this.loadAgainst(document, disk.text) : undefined;
    if (document.isClosed) return false;
    entry.revision++;
    entry.unsaved = false;
    if (disk.kind === 'missing') {
      entry.annotations = new DocumentAnnotations();
      entry.problems = undefined;
    } else if (disk.kind === 'invalid') {
      // Too large, not UTF-8 or not a file: reported at its place, and never written over.
      entry.annotations = new DocumentAnnotations();
      entry.problems = [disk.problem];
    } else if (read) {
      const { parsed, loaded } = read;
      if (loaded.ok) {
        entry.annotations = loaded.annotations;
        entry.problems = undefined;
        if (parsed.ok) this.prefillSoon(entry, parsed.sidecar);
        // Offsets that had to move are written back once the text on disk is what they point into.
        entry.unsaved = loaded.anchoring.moved.length > 0 || loaded.anchoring.orphaned.length > 0;
      } else {
        entry.annotations = new DocumentAnnotations();
        entry.problems = loaded.problems;
      }
    }
    this.entries.set(document.uri.toString(), entry);
    this.changeEmitter.fire({ document, reason: entry.problems ? 'invalid' : 'loaded' });
    return true;
  }

  /**
   * The sidecar `text` loaded against the document's text as it is when this returns: anchored
   * off this thread against the text it had when sent; if the document was edited meanwhile, sent
   * again, and the second time anchored here against the text as it is now (edits made while the
   * file was read are then covered, at the cost of a pause).
   */
  private async loadAgainst(document: vscode.TextDocument, text: string): Promise<ParsedAndLoaded> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const version = document.version;
      const read = await this.parser.load(text, document.getText(), activeScheme());
      if (document.isClosed || document.version === version) return read;
    }
    const parsed = await this.parser.parse(text, activeScheme());
    return { parsed, loaded: loadParsedSidecar(parsed, document.getText()) };
  }

  /**
   * Once the document has been open a moment (its first decorations drawn), the writer renders
   * the blocks of what it read, so that the first save is as quick as the later ones.
   */
  private prefillSoon(entry: DocumentEntry, read: SidecarFile): void {
    setTimeout(() => {
      if (this.entries.get(entry.document.uri.toString()) === entry) void entry.sidecar.prefill(read);
    }, PREFILL_AFTER_MS).unref();
  }

  /** The renamed document takes over the annotations it had under its old name, unsaved ones included. */
  private async adoptCarried(document: vscode.TextDocument, sidecarUri: vscode.Uri, sidecar: SidecarWriter, carried: CarriedAnnotations): Promise<DocumentEntry | undefined> {
    // What is on disk now (the old sidecar, moved along) is known, so the watcher's report of
    // the move is not taken for someone else's change.
    await sidecar.read().catch(() => undefined);
    if (document.isClosed) return undefined;
    const entry = newEntry(document, sidecarUri, sidecar, carried.annotations);
    entry.unsaved = true;
    entry.revision = 1;
    // Normally the same unsaved text; if not, every span is placed again by its quote.
    if (document.getText() !== carried.text) entry.annotations.anchor(document.getText());
    this.entries.set(document.uri.toString(), entry);
    this.changeEmitter.fire({ document, reason: 'loaded' });
    await this.persist(entry);
    return entry;
  }

  /** The entry's model as the sidecar writer sees it. */
  private modelOf(entry: DocumentEntry): SidecarModel {
    return {
      get unsaved() {
        return entry.unsaved;
      },
      get documentSaved() {
        return !entry.document.isDirty && !entry.document.isClosed;
      },
      get invalid() {
        return entry.problems !== undefined;
      },
      get empty() {
        return entry.annotations.size === 0;
      },
      render: (blocks) => renderSidecar(entry.annotations, entry.document.getText(), blocks),
      setUnsaved: (unsaved) => {
        entry.unsaved = unsaved;
      },
      reload: async (disk) => {
        // Offsets that moved are written after this reload, not inside it (the writer is busy).
        if ((await this.readInto(entry, () => this.applySidecar(entry, disk))) && entry.unsaved) void this.persist(entry);
      },
    };
  }

  /**
   * Runs `read` (which makes the entry's model what the sidecar holds) as the entry's reload: a change of the annotations
   * asked for meanwhile (store.mutate) waits for it and is made to what was read, not to the model it replaces.
   */
  private async readInto(entry: DocumentEntry, read: () => Promise<boolean>): Promise<boolean> {
    const reading = read();
    entry.reloading = reading;
    try {
      return await reading;
    } finally {
      if (entry.reloading === reading) entry.reloading = undefined;
    }
  }

  private forget(document: vscode.TextDocument): void {
    if (this.entries.delete(document.uri.toString())) this.changeEmitter.fire({ document, reason: 'closed' });
  }

  private async onSaved(document: vscode.TextDocument): Promise<void> {
    if (isSidecarPath(document.uri.fsPath)) {
      await this.onSidecarChangedOnDisk(document.uri);
      return;
    }
    const entry = this.get(document);
    if (entry?.unsaved) await this.persist(entry);
  }

  /**
   * Writes the sidecar if the model has unsaved changes, the sidecar is valid and the text is
   * saved, never over a sidecar changed on disk meanwhile (the writer asks the user instead).
   */
  private async persist(entry: DocumentEntry): Promise<void> {
    try {
      await entry.sidecar.save(this.modelOf(entry));
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', entry.sidecarUri.fsPath, String(error)));
    }
  }

  /**
   * A sidecar was written by this extension outside the store (an import): checked at once like a
   * watcher report, as file watchers may report it late.
   */
  sidecarWritten(sidecarUri: vscode.Uri): Promise<void> {
    return this.onSidecarChangedOnDisk(sidecarUri);
  }

  private async onSidecarChangedOnDisk(sidecarUri: vscode.Uri): Promise<void> {
    const entry = this.all().find((e) => e.sidecarUri.fsPath === sidecarUri.fsPath);
    if (!entry || entry.document.isClosed) return;
    // The writer compares what is on disk with its own last write (the watcher reports ours
    // late), then reloads, or asks the user when the model has unsaved changes.
    try {
      await entry.sidecar.diskChanged(this.modelOf(entry));
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not read {0}: {1}', sidecarUri.fsPath, String(error)));
    }
  }

  override dispose(): void {
    super.dispose();
    this.entries.clear();
  }
}
