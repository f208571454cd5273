// Sidecars follow their documents when renamed or moved, and a sidecar git left with conflict
// markers is resolved by merging both sides by id.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { joinConflictSides } from '../../src/core/merge/conflictSides';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { renderSidecar } from '../../src/core/sidecar/sidecarDocument';
import { closeAllEditors, diagnosticsWithCode, focusEditor, getApi, openAnnotated, readSidecar, scratchFile, select, sidecarPath, waitFor, waitForSidecar } from './helpers';

const SUITE = 'renameAndConflict';
const DOC = 'Headline\n\nThe senator said "Hello world" and left.\nSponsored: buy now.\n';

function sidecarWith(...phrases: [string, string][]): string {
  const annotations = new DocumentAnnotations();
  for (const [phrase, author] of phrases) {
    const start = DOC.indexOf(phrase);
    annotations.add({ kind: 'claim', start, end: start + phrase.length, author }, DOC);
  }
  return renderSidecar(annotations, DOC);
}

describe('Sidecar renames and conflict resolution', function () {
  afterEach(closeAllEditors);

  it('renaming a document moves its sidecar and the annotations still show', async () => {
    const file = scratchFile(SUITE, 'rename.txt', DOC);
    fs.writeFileSync(sidecarPath(file), sidecarWith(['Hello world', 'alice']));
    await openAnnotated(file);
    const moved = path.join(path.dirname(file), 'moved', `renamed-${path.basename(file)}`);
    fs.mkdirSync(path.dirname(moved), { recursive: true });
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(vscode.Uri.file(file), vscode.Uri.file(moved));
    assert.ok(await vscode.workspace.applyEdit(edit));

    assert.equal(fs.existsSync(sidecarPath(file)), false, 'the old sidecar is gone');
    assert.equal(readSidecar(moved).annotations[0].text, 'Hello world');
    const api = await getApi();
    const { entry } = await openAnnotated(moved);
    assert.equal(entry.problems, undefined);
    assert.deepEqual(entry.annotations.all.map((a) => a.text), ['Hello world']);
    assert.equal(api.store.all().some((e) => e.document.uri.fsPath === file), false, 'no entry for the old path');
  });

  it('renaming a folder moves the sidecars inside with it', async () => {
    const file = scratchFile(`${SUITE}/folder-${Date.now().toString(36)}`, 'inner.txt', DOC);
    fs.writeFileSync(sidecarPath(file), sidecarWith(['Hello world', 'alice']));
    const folder = path.dirname(file);
    const renamedFolder = `${folder}-renamed`;
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(vscode.Uri.file(folder), vscode.Uri.file(renamedFolder));
    assert.ok(await vscode.workspace.applyEdit(edit));
    const moved = path.join(renamedFolder, path.basename(file));
    assert.equal(readSidecar(moved).annotations[0].text, 'Hello world');
    const { entry } = await openAnnotated(moved);
    assert.deepEqual(entry.annotations.all.map((a) => a.text), ['Hello world']);
  });

  /** Renames through a workspace edit, as the explorer and refactorings do (both run the rename participants). */
  async function rename(from: string, to: string): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(vscode.Uri.file(from), vscode.Uri.file(to));
    assert.ok(await vscode.workspace.applyEdit(edit), `rename of ${path.basename(from)}`);
  }

  /** The store's entry of the document VS Code opened under its new name. */
  async function renamedEntry(file: string) {
    const api = await getApi();
    const document = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file), 5000, `${path.basename(file)} to open`);
    const entry = await api.store.entryFor(document);
    assert.ok(entry, `no store entry for ${file}`);
    return { document, entry, api };
  }

  /** Makes the document dirty (a line above everything) and tags a phrase as a claim. */
  async function tagInUnsavedText(editor: vscode.TextEditor, phrase: string): Promise<void> {
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Updated\n')));
    assert.equal(editor.document.isDirty, true);
    select(editor, phrase);
    const added = await vscode.commands.executeCommand<unknown[]>('sourceAnnotator.tagAsClaim');
    assert.equal(added?.length, 1);
  }

  it('renaming a document with unsaved text keeps its unsaved annotations, and saving writes them to the new sidecar', async () => {
    const file = scratchFile(SUITE, 'dirty.txt', DOC);
    fs.writeFileSync(sidecarPath(file), sidecarWith(['Hello world', 'alice']));
    const { editor } = await openAnnotated(file);
    await tagInUnsavedText(editor, 'buy now');
    assert.equal(readSidecar(file).annotations.length, 1, 'annotations of unsaved text are not written');

    const moved = path.join(path.dirname(file), `renamed-${path.basename(file)}`);
    await rename(file, moved);
    const { document, entry, api } = await renamedEntry(moved);
    assert.equal(document.isDirty, true, 'VS Code keeps the unsaved text under the new name');
    assert.deepEqual(entry.annotations.all.map((a) => a.text).sort(), ['Hello world', 'buy now']);
    for (const a of entry.annotations.all) assert.equal(document.getText().slice(a.start, a.end), a.text, `${a.text} is anchored`);
    assert.equal(fs.existsSync(sidecarPath(file)), false, 'the old sidecar is gone');

    assert.ok(await document.save());
    await waitForSidecar(moved, (s) => s.annotations.length === 2, 'both annotations in the new sidecar');
    assert.equal(fs.existsSync(sidecarPath(file)), false, 'no sidecar is written under the old name');
    assert.equal(api.store.all().some((e) => e.document.uri.fsPath === file), false, 'no entry for the old path');
  });

  it('renaming a saved document whose annotation changes are not written yet writes them to the moved sidecar', async () => {
    const file = scratchFile(SUITE, 'pending.txt', DOC);
    const { editor, entry } = await openAnnotated(file);
    await tagInUnsavedText(editor, 'Hello world');
    // Undoing the text edit makes the document clean again; the tag is still only in memory.
    await focusEditor(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => !editor.document.isDirty && editor.document.getText() === DOC, 5000, 'the edit to be undone');
    assert.equal(entry.unsaved, true);
    assert.equal(fs.existsSync(sidecarPath(file)), false, 'precondition: nothing written yet');

    const moved = path.join(path.dirname(file), `renamed-${path.basename(file)}`);
    await rename(file, moved);
    assert.deepEqual(readSidecar(moved).annotations.map((a) => a.text), ['Hello world']);
    assert.equal(fs.existsSync(sidecarPath(file)), false, 'the old sidecar does not linger');
    const renamed = await renamedEntry(moved);
    assert.deepEqual(renamed.entry.annotations.all.map((a) => a.text), ['Hello world']);
  });

  it('renaming a folder keeps the unsaved annotations of an unsaved document inside it', async () => {
    const file = scratchFile(`${SUITE}/dirty-folder-${Date.now().toString(36)}`, 'inner.txt', DOC);
    fs.writeFileSync(sidecarPath(file), sidecarWith(['Hello world', 'alice']));
    const { editor } = await openAnnotated(file);
    await tagInUnsavedText(editor, 'buy now');

    const folder = path.dirname(file);
    const moved = path.join(`${folder}-renamed`, path.basename(file));
    await rename(folder, path.dirname(moved));
    const { document, entry } = await renamedEntry(moved);
    assert.deepEqual(entry.annotations.all.map((a) => a.text).sort(), ['Hello world', 'buy now']);
    assert.ok(await document.save());
    await waitForSidecar(moved, (s) => s.annotations.length === 2, 'both annotations in the moved sidecar');
    assert.equal(fs.existsSync(folder), false, 'the old folder is gone');
  });

  it('a sidecar with conflict markers is reported and resolved by merging both sides by id', async () => {
    const file = scratchFile(SUITE, 'conflict.txt', DOC);
    const ours = sidecarWith(['Hello world', 'alice']);
    const theirs = sidecarWith(['buy now', 'bob']);
    fs.writeFileSync(sidecarPath(file), joinConflictSides(ours, theirs, 'HEAD', 'feature'));
    const { entry } = await openAnnotated(file);
    assert.ok(entry.problems, 'the conflicted sidecar is invalid');
    const sidecarUri = vscode.Uri.file(sidecarPath(file));
    await waitFor(() => diagnosticsWithCode(sidecarUri, 'invalid-sidecar').length > 0, 5000, 'conflict diagnostics');

    const sidecarDocument = await vscode.workspace.openTextDocument(sidecarUri);
    const diagnostics = diagnosticsWithCode(sidecarUri, 'invalid-sidecar');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', sidecarUri, diagnostics[0].range);
    const resolve = actions.find((a) => a.command?.command === 'sourceAnnotator.resolveAnnotationConflict');
    assert.ok(resolve, `a quick fix is offered (got: ${actions.map((a) => a.title).join(', ')})`);
    assert.ok(resolve.command);
    assert.equal(await vscode.commands.executeCommand(resolve.command.command, ...(resolve.command.arguments ?? [])), true);

    assert.equal(sidecarDocument.isDirty, false);
    assert.deepEqual(readSidecar(file).annotations.map((a) => a.text).sort(), ['Hello world', 'buy now']);
    const api = await getApi();
    await waitFor(() => {
      const current = api.store.all().find((e) => e.document.uri.fsPath === file);
      return current && !current.problems && current.annotations.size === 2;
    }, 5000, 'the store to reload the resolved sidecar');
    await waitFor(() => diagnosticsWithCode(sidecarUri, 'invalid-sidecar').length === 0, 5000, 'the diagnostics to clear');
  });
});
