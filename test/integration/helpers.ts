// Shared helpers of the extension-host integration tests: scratch documents in the copied
// workspace, opening/closing editors, selecting phrases, reading sidecars, polling.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/extension/extension';
import type { DocumentEntry } from '../../src/extension/documentEntry';
import type { AnnotationScheme } from '../../src/core/scheme/scheme';
import { parseSidecar } from '../../src/core/sidecar/parseSidecar';
import type { StoredAnnotation, SidecarFile } from '../../src/core/sidecar/sidecarFormat';

export const EXTENSION_ID = 'source-annotator.source-annotator';

export async function getApi(): Promise<SourceAnnotatorApi> {
  const ext = vscode.extensions.getExtension<SourceAnnotatorApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  assert.ok(api?.store, 'activate() did not return { store }');
  return api;
}

export function workspaceDir(): string {
  const dir = process.env.SOURCE_ANNOTATOR_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(dir, 'no workspace folder');
  return dir;
}

/** Polls `condition` every 20 ms until it returns a truthy value; fails after `timeoutMs`. */
export async function waitFor<T>(
  condition: () => T | PromiseLike<T>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<Exclude<T, undefined | null | false | 0 | ''>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as Exclude<T, undefined | null | false | 0 | ''>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let counter = 0;

/** Writes a new file with a unique name into a per-suite folder of the workspace. */
export function scratchFile(suite: string, name: string, content: string | Buffer): string {
  const dir = path.join(workspaceDir(), 'scratch', suite);
  fs.mkdirSync(dir, { recursive: true });
  const ext = path.extname(name);
  const file = path.join(dir, `${path.basename(name, ext)}-${Date.now().toString(36)}-${++counter}${ext}`);
  fs.writeFileSync(file, content);
  return file;
}

/**
 * Deletes scratch documents and their sidecars, and empties `files`. Suites remove the documents that take seconds to
 * analyse or load once their test is done, so a later workspace-wide command (Suggest Annotations
 * in Workspace) does not pay for them, nor depend on which suites ran before it.
 */
export function removeScratchFiles(files: string[]): void {
  for (const file of files.splice(0)) {
    fs.rmSync(file, { force: true });
    fs.rmSync(sidecarPath(file), { force: true });
  }
}

/** Copies a seed document to a fresh scratch file. */
export function copySeed(suite: string, seed = '000_acd874037fc5962e.txt'): string {
  return scratchFile(suite, seed, fs.readFileSync(path.join(workspaceDir(), seed)));
}

export function sidecarPath(documentPath: string): string {
  return documentPath + '.annotations.yaml';
}

/**
 * Opens a file in an editor through the `vscode.open` command rather than
 * `workspace.openTextDocument`: the latter makes the workbench hold the model for minutes, so a
 * later close of the editor would not close (and unload) the document.
 */
export async function openEditor(file: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.file(file);
  await vscode.commands.executeCommand('vscode.open', uri);
  const editor = await waitFor(
    () => {
      const active = vscode.window.activeTextEditor;
      return active && active.document.uri.fsPath === uri.fsPath ? active : undefined;
    },
    5000,
    `an editor on ${path.basename(file)}`,
  );
  return editor;
}

/** Opens the file and waits until the store has loaded its sidecar. */
export async function openAnnotated(file: string): Promise<{ editor: vscode.TextEditor; entry: DocumentEntry; api: SourceAnnotatorApi }> {
  const api = await getApi();
  const editor = await openEditor(file);
  const entry = await api.store.entryFor(editor.document);
  assert.ok(entry, `no store entry for ${file}`);
  return { editor, entry, api };
}

/** Makes `document` the active editor again (tag commands act on the active editor). */
export async function focusEditor(document: vscode.TextDocument): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(document);
  await waitFor(() => vscode.window.activeTextEditor?.document === document, 5000, 'the editor to become active');
  return editor;
}

/**
 * Closes every editor showing the document and waits until VS Code has really closed it (the
 * store forgets it then), so reopening loads the sidecar afresh.
 */
export async function closeDocument(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  await waitFor(() => document.isClosed, 8000, `${path.basename(document.uri.fsPath)} to close`);
  const api = await getApi();
  await waitFor(() => !api.store.all().some((e) => e.document.uri.toString() === document.uri.toString()), 2000, 'the store to drop the entry');
}

/** The offsets of the `occurrence`-th (0-based) occurrence of `phrase` in the document. */
export function find(document: vscode.TextDocument, phrase: string, occurrence = 0): { start: number; end: number } {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(phrase, at + 1);
    assert.ok(at >= 0, `phrase ${JSON.stringify(phrase)} (occurrence ${occurrence}) not found`);
  }
  return { start: at, end: at + phrase.length };
}

export function rangeOf(document: vscode.TextDocument, span: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/** Selects the given phrases (one selection each, multi-cursor when several). */
export function select(editor: vscode.TextEditor, ...phrases: string[]): { start: number; end: number }[] {
  const spans = phrases.map((p) => find(editor.document, p));
  editor.selections = spans.map((s) => new vscode.Selection(editor.document.positionAt(s.start), editor.document.positionAt(s.end)));
  return spans;
}

/** Puts a single empty cursor at `offset`. */
export function placeCursor(editor: vscode.TextEditor, offset: number): void {
  const at = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(at, at);
}

export function readSidecarText(documentPath: string): string | undefined {
  try {
    return fs.readFileSync(sidecarPath(documentPath), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function readSidecarBytes(documentPath: string): Buffer | undefined {
  const file = sidecarPath(documentPath);
  return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
}

/** Parses the sidecar on disk; fails the test when it is missing or invalid. */
export function readSidecar(documentPath: string): SidecarFile {
  const text = readSidecarText(documentPath);
  assert.ok(text !== undefined, `no sidecar next to ${path.basename(documentPath)}`);
  const parsed = parseSidecar(text);
  assert.ok(parsed.ok, `sidecar is invalid: ${parsed.ok ? '' : JSON.stringify(parsed.problems)}`);
  return parsed.sidecar;
}

/** Waits until the sidecar on disk, parsed against `scheme` (the built-in one by default), satisfies `predicate`, and returns it. */
export async function waitForSidecar(
  documentPath: string,
  predicate: (sidecar: SidecarFile) => boolean,
  what = 'the sidecar',
  timeoutMs = 5000,
  scheme?: AnnotationScheme,
): Promise<SidecarFile> {
  return waitFor(
    () => {
      const text = readSidecarText(documentPath);
      if (text === undefined) return undefined;
      const parsed = parseSidecar(text, scheme);
      return parsed.ok && predicate(parsed.sidecar) ? parsed.sidecar : undefined;
    },
    timeoutMs,
    what,
  );
}

export function storedById(sidecar: SidecarFile, id: string): StoredAnnotation {
  const found = sidecar.annotations.find((a) => a.id === id);
  assert.ok(found, `annotation ${id} not in the sidecar (ids: ${sidecar.annotations.map((a) => a.id).join(', ')})`);
  return found;
}

/** Code point offset of a UTF-16 offset into `text`. */
export function codePoints(text: string, utf16Offset: number): number {
  return [...text.slice(0, utf16Offset)].length;
}

export function diagnosticsWithCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Source Annotator' && d.code === code);
}

/** Closes all editors (reverting dirty ones first, which would otherwise ask to save). */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || document.uri.scheme !== 'file') continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Writes the file behind VS Code's back and has VS Code reload it. The test host's workbench does
 * not pick up outside writes to open files by itself (no watcher events reach it), so the reload
 * is asked for with Revert File, which takes the same path: the model reloaded from disk, one
 * change event, the document clean.
 */
export async function changeOnDisk(document: vscode.TextDocument, text: string): Promise<void> {
  fs.writeFileSync(document.uri.fsPath, text);
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor(() => document.getText() === text, 10000, 'VS Code to reload the document from disk');
  assert.equal(document.isDirty, false);
}
