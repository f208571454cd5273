import * as vscode from 'vscode';
import { AnnotationIndex } from '../core/index/annotationIndex';
import { toStoredAnnotations } from '../core/sidecar/sidecarCodec';
import { readSidecarFile } from '../core/corpus/readFiles';
import { documentPathForSidecar, sidecarPathFor } from '../core/sidecar/sidecarFormat';
import { MISSING, readSettled, readSidecarContent, sameVersion, SETTLE, type DiskVersion } from '../core/sidecar/diskVersion';
import { CodePointLines } from '../core/text/codePointLines';
import { stripBom } from '../core/text/documentText';
import type { AnnotationStore, StoreChange } from './annotationStore';
import { Disposable } from './lifecycle';
import { activeScheme, whenSchemeReady } from './scheme/activeScheme';
import type { SidecarParser } from './sidecarParsing/sidecarParser';
import type { SpeakerRegistryFile } from './speakers/speakerRegistryFile';
import { workspaceSidecars } from './workspaceFiles';

/** How long typing in a document must pause before the index takes its edits in. */
const INDEX_AFTER_TYPING_MS = 300;

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * The annotations of the whole workspace, for the claims panel and cross-document navigation.
 * Built lazily (on first `ready()`), from every sidecar on disk, then kept current:
 * - open documents from the store, unsaved changes included (the live UTF-16 model converted to
 *   the stored form, so every document is indexed in code points alike);
 * - other documents from a watcher on sidecars (git checkout, another editor, the command line).
 * Invalid sidecars are recorded and contribute nothing. Keys are document URI strings.
 */
export class WorkspaceIndex extends Disposable {
  readonly index = new AnnotationIndex();
  /** Open documents edited since they were last indexed, each with its timer (see onStoreChange). */
  private readonly pendingEdits = new Map<vscode.TextDocument, ReturnType<typeof setTimeout>>();
  private building: Promise<void> | undefined;
  private readonly lines = new Map<string, CodePointLines>();
  private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());

  /** Fires after the index changed (once per document update). */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly store: AnnotationStore,
    private readonly speakers: SpeakerRegistryFile,
    /** Parses sidecar texts off the extension host thread (a workspace may hold thousands). */
    private readonly parser: SidecarParser,
  ) {
    super();
    this.index.setSpeakerResolver((speaker) => this.speakers.registry.canonical(speaker));
    this._register(store.onDidChange((change) => void this.onStoreChange(change)));
    // The store's sidecar watcher reports every sidecar; reading waits for the first build.
    this._register(
      store.onDidChangeSidecarFile((uri) => {
        if (this.isBuilt && !uri.fsPath.split(/[\\/]/).includes('node_modules')) void this.refreshSidecar(uri, { reported: true });
      }),
    );
    this._register(
      speakers.onDidChange((registry) => {
        this.index.setSpeakerResolver((speaker) => registry.canonical(speaker));
        this.changeEmitter.fire();
      }),
    );
  }

  /**
   * Resolves once every sidecar of the workspace has been read (the first call starts it), with
   * the open documents' latest edits in: every reader of the index waits for this first.
   */
  ready(): Promise<void> {
    this.building ??= this.build();
    this.flushEdits();
    return this.building;
  }

  get isBuilt(): boolean {
    return this.building !== undefined;
  }

  /** Reads everything again (the view's Refresh). */
  async rebuild(): Promise<void> {
    this.building = this.build();
    await this.building;
  }

  /** 1-based line of a code point offset in a document, once `loadLines` has read it. */
  lineOf(document: string, codePoint: number): number | undefined {
    return this.lines.get(document)?.lineAt(codePoint);
  }

  /** Reads the text of the documents whose line numbers are about to be shown. */
  async loadLines(documents: Iterable<string>): Promise<void> {
    await Promise.all(
      [...new Set(documents)]
        .filter((document) => !this.lines.has(document))
        .map(async (document) => {
          const uri = vscode.Uri.parse(document);
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === document);
          const text = open?.getText() ?? (await readText(uri));
          if (text !== undefined) this.lines.set(document, new CodePointLines(stripBom(text)));
        }),
    );
  }

  /**
   * Re-reads one sidecar from disk (used after writing sidecars of closed documents); `reported`: the file watcher
   * reported it, maybe while it was being written.
   */
  async refreshSidecar(sidecarUri: vscode.Uri, options: { readonly reported?: boolean } = {}): Promise<void> {
    const documentPath = documentPathForSidecar(sidecarUri.fsPath);
    if (!documentPath) return;
    const key = vscode.Uri.file(documentPath).toString();
    // An open document's model is newer than its sidecar; the store reports it.
    if (this.openEntry(key)) return;
    const files = { read: readSidecarFile };
    let read = await readSidecarContent(files, sidecarUri.fsPath).catch((): DiskVersion => MISSING);
    await whenSchemeReady();
    let parsed = read.kind === 'text' ? await this.parser.parse(read.text, activeScheme()) : undefined;
    if (options.reported && (read.kind === 'invalid' || (parsed && !parsed.ok))) {
      // Maybe read while it was being written (the watcher reports a file as its writer starts): what it becomes once it
      // stops changing is what the index shows, not a broken sidecar for a moment.
      const settled = await readSettled(files, sidecarUri.fsPath, () => false, SETTLE, read).catch((): DiskVersion => MISSING);
      if (!sameVersion(settled, read)) {
        read = settled;
        parsed = read.kind === 'text' ? await this.parser.parse(read.text, activeScheme()) : undefined;
      }
    }
    if (this.openEntry(key)) return;
    this.lines.delete(key);
    if (read.kind === 'missing') {
      this.index.removeDocument(key);
    } else if (read.kind === 'invalid') {
      // Too large or not UTF-8: left out and reported like any other broken sidecar.
      this.index.setInvalid(key, [read.problem]);
    } else if (parsed?.ok) {
      this.index.setDocument(key, parsed.sidecar.annotations);
    } else if (parsed) {
      this.index.setInvalid(key, parsed.problems);
    }
    this.changeEmitter.fire();
  }

  sidecarUriOf(document: string): vscode.Uri {
    return vscode.Uri.file(sidecarPathFor(vscode.Uri.parse(document).fsPath));
  }

  private async build(): Promise<void> {
    await this.speakers.ready;
    const sidecars = await workspaceSidecars();
    this.index.clear();
    this.lines.clear();
    for (const entry of this.store.all()) this.indexOpen(entry.document);
    await Promise.all(sidecars.map((uri) => this.refreshSidecar(uri)));
    this.changeEmitter.fire();
  }

  private openEntry(key: string) {
    return this.store.all().find((entry) => entry.document.uri.toString() === key);
  }

  private indexOpen(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const entry = this.store.get(document);
    if (!entry) return;
    this.lines.delete(key);
    if (entry.problems) this.index.setInvalid(key, entry.problems);
    else this.index.setDocument(key, toStoredAnnotations(entry.annotations.all, document.getText()));
  }

  /** Indexes now the open documents whose edits wait for a pause in typing. */
  private flushEdits(): void {
    if (this.pendingEdits.size === 0) return;
    for (const [document, timer] of this.pendingEdits) {
      clearTimeout(timer);
      if (!document.isClosed) this.indexOpen(document);
    }
    this.pendingEdits.clear();
    this.changeEmitter.fire();
  }

  private async onStoreChange(change: StoreChange): Promise<void> {
    if (!this.isBuilt) return;
    const pending = this.pendingEdits.get(change.document);
    if (change.reason === 'edited') {
      // Typing: converting a dense document's spans to code points and regrouping the panel took
      // 10–20 ms per keystroke on 10,000 annotations; the index follows once typing pauses.
      clearTimeout(pending);
      this.pendingEdits.set(
        change.document,
        setTimeout(() => {
          this.pendingEdits.delete(change.document);
          if (change.document.isClosed) return;
          this.indexOpen(change.document);
          this.changeEmitter.fire();
        }, INDEX_AFTER_TYPING_MS),
      );
      return;
    }
    if (pending !== undefined) {
      clearTimeout(pending);
      this.pendingEdits.delete(change.document);
    }
    if (change.reason === 'closed') {
      // Unsaved annotation changes die with the document; what counts now is the sidecar on disk.
      await this.refreshSidecar(this.sidecarUriOf(change.document.uri.toString()));
      return;
    }
    this.indexOpen(change.document);
    this.changeEmitter.fire();
  }

  override dispose(): void {
    for (const timer of this.pendingEdits.values()) clearTimeout(timer);
    this.pendingEdits.clear();
    super.dispose();
  }
}
