// Closing and reopening documents: annotations come back from the sidecar unchanged, an unchanged
// model never rewrites the sidecar, and documents changed on disk while closed are re-anchored.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotation';
import {
  closeAllEditors,
  closeDocument,
  codePoints,
  copySeed,
  diagnosticsWithCode,
  focusEditor,
  getApi,
  openAnnotated,
  placeCursor,
  readSidecar,
  readSidecarBytes,
  scratchFile,
  select,
  storedById,
  waitFor,
  waitForSidecar,
} from './helpers';

const SUITE = 'reload';

function snapshot(annotations: readonly Annotation[]): unknown[] {
  return annotations.map((a) => ({ ...a }));
}

describe('close and reopen', function () {
  afterEach(closeAllEditors);

  it('restores ids, offsets, kinds, speaker and note after the document was closed', async () => {
    const file = copySeed(SUITE, '001_23f1922ff1163281.txt');
    const first = await openAnnotated(file);
    const document = first.editor.document;
    const text = document.getText();
    // Three spans from the first paragraphs of whatever the seed says.
    const lines = text.split('\n').filter((l) => l.trim().length > 40);
    assert.ok(lines.length >= 3, 'seed too short');
    const phrases = lines.slice(0, 3).map((l) => l.trim().slice(5, 35));
    select(first.editor, phrases[0]);
    const [claim] = await vscode.commands.executeCommand<Annotation[]>('sourceAnnotator.tagAsClaim');
    select(first.editor, phrases[1]);
    const [quote] = await vscode.commands.executeCommand<Annotation[]>('sourceAnnotator.tagAsQuote');
    select(first.editor, phrases[2]);
    await vscode.commands.executeCommand<Annotation[]>('sourceAnnotator.tagAsAdvertisement');
    // Speaker and note at the cursor (passing only the value): passing the document URI would
    // make VS Code hold the document open, and it could not be closed below.
    // Each change is waited for on disk before the next, so a failure names the step that broke.
    placeCursor(first.editor, quote.start + 1);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.setSpeaker', undefined, undefined, 'Jane Roe'), true);
    await waitForSidecar(file, (s) => storedById(s, quote.id).speaker === 'Jane Roe', 'the speaker on disk');
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.editNote', undefined, undefined, 'said twice: "sure"\nsecond line'), true);
    await waitForSidecar(file, (s) => storedById(s, quote.id).note !== undefined, 'the note on disk');
    placeCursor(first.editor, claim.start + 1);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.editNote', undefined, undefined, 'unsourced'), true);
    await waitForSidecar(file, (s) => s.annotations.length === 3 && storedById(s, claim.id).note === 'unsourced', 'all changes on disk');
    const before = snapshot(first.entry.annotations.all);
    const bytes = readSidecarBytes(file);

    await closeDocument(document);
    assert.deepEqual(readSidecarBytes(file), bytes, 'closing must not rewrite the sidecar');

    const second = await openAnnotated(file);
    assert.notEqual(second.editor.document, document, 'expected a fresh document after the close');
    assert.notEqual(second.entry, first.entry, 'expected the store to load a fresh entry');
    assert.equal(second.entry.problems, undefined);
    assert.deepEqual(snapshot(second.entry.annotations.all), before);
    const q = second.entry.annotations.get(quote.id);
    assert.equal(q?.speaker, 'Jane Roe');
    assert.equal(q?.note, 'said twice: "sure"\nsecond line');
    assert.equal(second.editor.document.getText().slice(q!.start, q!.end), phrases[1]);
  });

  it('leaves the sidecar byte-identical when the document is saved without annotation changes', async () => {
    const file = copySeed(SUITE, '002_b08662cfda262724.txt');
    const first = await openAnnotated(file);
    const text = first.editor.document.getText();
    const phrase = text.split('\n').find((l) => l.trim().length > 30)!.trim().slice(0, 25);
    select(first.editor, phrase);
    await vscode.commands.executeCommand('sourceAnnotator.tagAsSpeculation');
    await waitForSidecar(file, (s) => s.annotations.length === 1);
    await closeDocument(first.editor.document);
    const bytes = readSidecarBytes(file);
    const mtime = fs.statSync(file + '.annotations.yaml').mtimeMs;

    const second = await openAnnotated(file);
    const document = second.editor.document;
    // An edit that is undone leaves the text as it was; saving must not change the sidecar.
    assert.ok(await second.editor.edit((b) => b.insert(new vscode.Position(0, 0), 'x')));
    assert.ok(await second.editor.edit((b) => b.delete(new vscode.Range(0, 0, 0, 1))));
    await focusEditor(document);
    assert.ok(await document.save());
    const api = await getApi();
    await api.store.flush();
    assert.deepEqual(readSidecarBytes(file), bytes, 'saving without changes altered the sidecar');
    assert.equal(fs.statSync(file + '.annotations.yaml').mtimeMs, mtime, 'the sidecar was rewritten');
  });
});

describe('re-anchoring on open', function () {
  afterEach(closeAllEditors);

  const ORIGINAL = [
    'City council minutes',
    '',
    'The mayor stated that "the new bridge will open in May" to applause.',
    'A spokesman claimed the budget is balanced for the third year.',
    '',
  ].join('\n');
  const QUOTE = 'the new bridge will open in May';
  const CLAIM = 'the budget is balanced for the third year';

  async function annotated(): Promise<{ file: string; quote: Annotation; claim: Annotation }> {
    const file = scratchFile(SUITE, 'minutes.txt', ORIGINAL);
    const { editor } = await openAnnotated(file);
    select(editor, QUOTE);
    const [quote] = await vscode.commands.executeCommand<Annotation[]>('sourceAnnotator.tagAsQuote');
    select(editor, CLAIM);
    const [claim] = await vscode.commands.executeCommand<Annotation[]>('sourceAnnotator.tagAsClaim');
    await waitForSidecar(file, (s) => s.annotations.length === 2);
    await closeDocument(editor.document);
    return { file, quote, claim };
  }

  it('re-anchors spans moved by a paragraph inserted on disk, and rewrites the sidecar', async () => {
    const { file, quote, claim } = await annotated();
    const oldSidecar = readSidecar(file);
    const added = 'Addendum: this paragraph was added later by someone else, outside the editor.\n\n';
    fs.writeFileSync(file, added + ORIGINAL);

    const { editor, entry } = await openAnnotated(file);
    const text = editor.document.getText();
    const q = entry.annotations.get(quote.id);
    const c = entry.annotations.get(claim.id);
    assert.ok(q && c);
    assert.equal(q.orphaned, undefined);
    assert.equal(q.start, quote.start + added.length);
    assert.equal(text.slice(q.start, q.end), QUOTE);
    assert.equal(text.slice(c.start, c.end), CLAIM);

    const sidecar = await waitForSidecar(file, (s) => storedById(s, quote.id).start === codePoints(text, q.start), 'the re-anchored offsets on disk');
    assert.equal(storedById(sidecar, claim.id).start, codePoints(text, c.start));
    assert.notEqual(sidecar.documentHash, oldSidecar.documentHash);
    assert.equal(storedById(sidecar, quote.id).text, QUOTE);
    assert.equal(diagnosticsWithCode(editor.document.uri, 'orphaned-annotation').length, 0);
  });

  it('orphans a span whose text was changed on disk and keeps it in the sidecar', async () => {
    const { file, quote, claim } = await annotated();
    fs.writeFileSync(file, ORIGINAL.replace('will open in May', 'is delayed again'));

    const { editor, entry } = await openAnnotated(file);
    const q = entry.annotations.get(quote.id);
    assert.ok(q, 'the orphan must be kept');
    assert.equal(q.orphaned, true);
    assert.equal(q.text, QUOTE);
    const c = entry.annotations.get(claim.id);
    assert.equal(c?.orphaned, undefined);
    assert.equal(editor.document.getText().slice(c!.start, c!.end), CLAIM);

    const diagnostics = await waitFor(() => {
      const d = diagnosticsWithCode(editor.document.uri, 'orphaned-annotation');
      return d.length === 1 ? d : undefined;
    }, 3000, 'one orphaned-annotation diagnostic');
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);

    const sidecar = await waitForSidecar(file, (s) => storedById(s, quote.id).orphaned === true, 'orphaned: true on disk');
    assert.equal(storedById(sidecar, quote.id).text, QUOTE);
    assert.equal(storedById(sidecar, claim.id).orphaned, undefined);
    assert.equal(sidecar.annotations.length, 2);
  });
});
