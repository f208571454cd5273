// A sidecar of 10,000 annotations is parsed (and, when its document changed, anchored) off the
// extension host thread: the extension answers requests while it loads, and loads exactly what the
// in-process loader would have, against the text as it is when the load ends.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { generateCorpus } from '../../bench/corpus';
import type { Annotation } from '../../src/core/annotation';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { loadSidecar, renderSidecar } from '../../src/core/sidecar/sidecarDocument';
import { quoteContext } from '../../src/core/anchoring/quoteContext';
import { buildSidecarFile } from '../../src/core/sidecar/sidecarCodec';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import type { SourceAnnotatorApi } from '../../src/extension/extension';
import { changeOnDisk, closeAllEditors, find, getApi, openAnnotated, openEditor, rangeOf, readSidecar, removeScratchFiles, scratchFile, select, sidecarPath, waitFor, workspaceDir } from './helpers';

const SUITE = 'largeSidecar';
const DOC = 'Headline\n\nThe senator said "Hello world" and left.\n';

/**
 * The bench corpus with one kind of line ending (LF), so the editor keeps the text as written, and its annotations
 * placed in it exactly (offsets moved past the CRs taken out, quote and context read again).
 */
function lfCorpus(): { text: string; annotations: Annotation[] } {
  const corpus = generateCorpus();
  const text = corpus.text.replace(/\r\n/g, '\n');
  const crs: number[] = [];
  for (let at = corpus.text.indexOf('\r'); at >= 0; at = corpus.text.indexOf('\r', at + 1)) crs.push(at);
  const lf = (offset: number) => offset - crs.filter((at) => at < offset).length;
  return { text, annotations: corpus.annotations.map((a) => ({ ...a, start: lf(a.start), end: lf(a.end), ...quoteContext(text, lf(a.start), lf(a.end)) })) };
}

/**
 * Writes `whole` to `sidecar` as a writer that is slow to finish would: first up to three characters into the first
 * `marker` after the middle (an annotation's quote, so the half ends inside an annotation that lacks its other fields),
 * then the rest once the file watcher has reported the half (the store and the index read it at that report), 20 ms later.
 */
async function writeInTwoGoes(api: SourceAnnotatorApi, sidecar: string, whole: string, marker: string): Promise<void> {
  const cut = whole.indexOf(marker, whole.length >> 1) + 3;
  const reported = new Promise<void>((resolve) => {
    const once = api.store.onDidChangeSidecarFile((uri) => {
      if (uri.fsPath !== sidecar) return;
      once.dispose();
      resolve();
    });
  });
  fs.writeFileSync(sidecar, whole.slice(0, cut));
  await Promise.race([reported, new Promise((_, reject) => setTimeout(() => reject(new Error('the watcher did not report the half-written sidecar')), 20_000))]);
  await new Promise((resolve) => setTimeout(resolve, 20));
  fs.writeFileSync(sidecar, whole);
}

describe('large sidecars', function () {
  this.timeout(120_000);
  /** 1 MB documents with 10,000 annotations, removed after their test. */
  const largeDocuments: string[] = [];
  afterEach(closeAllEditors);
  afterEach(() => removeScratchFiles(largeDocuments));

  it('loads 10,000 hand-edited annotations without blocking the extension host: a hover answers while the sidecar is parsed', async () => {
    const api = await getApi();
    assert.equal(api.sidecarParser.usesWorker, true, 'sidecars are parsed in a worker thread');

    // A small annotated document whose hover (a round trip through the workbench into this
    // extension host) is asked for while the large sidecar is being parsed.
    const small = scratchFile(SUITE, 'small.txt', DOC);
    const model = new DocumentAnnotations();
    const hello = DOC.indexOf('Hello world');
    model.add({ kind: 'quote', start: hello, end: hello + 'Hello world'.length, author: 'alice' }, DOC);
    fs.writeFileSync(sidecarPath(small), renderSidecar(model, DOC));
    const { editor: smallEditor } = await openAnnotated(small);
    const hoverAt = rangeOf(smallEditor.document, find(smallEditor.document, 'Hello world')).start.translate(0, 2);

    const { text, annotations } = generateCorpus();
    // Edited by hand (a comment after a value), so the general YAML path reads it, in the worker;
    // the layout the extension writes is read at once by the fast reader (see the next test).
    const sidecarText = serializeSidecar(buildSidecarFile(annotations, text)).replace(/^version: 1$/m, 'version: 1 # edited by hand');
    const large = scratchFile(SUITE, 'large.txt', text);
    largeDocuments.push(large);
    fs.writeFileSync(sidecarPath(large), sidecarText);

    const opening = openEditor(large);
    // Observed with timers of this very thread: impossible if the parse blocked it.
    await waitFor(() => api.sidecarParser.inFlight > 0, 30_000, 'the large sidecar to be sent to the parser');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', smallEditor.document.uri, hoverAt);
    const answeredWhileParsing = api.sidecarParser.inFlight > 0;
    const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(hoverText, /Quote/, 'our hover answered');
    assert.ok(answeredWhileParsing, 'the hover answered while the large sidecar was still being parsed');

    const editor = await opening;
    const entry = await api.store.entryFor(editor.document);
    assert.ok(entry);
    assert.equal(entry.problems, undefined);
    // The same model as loading in-process gives.
    const expected = loadSidecar(sidecarText, editor.document.getText());
    assert.ok(expected.ok);
    const shape = (all: readonly { id: string; kind: string; start: number; end: number; orphaned?: boolean }[]) => all.map((a) => `${a.id} ${a.kind} ${a.start}-${a.end} ${a.orphaned ?? ''}`);
    assert.equal(entry.annotations.size, 10_000);
    assert.deepEqual(shape(entry.annotations.all), shape(expected.annotations.all));
  });

  it('anchors against the text as it is when the load ends, though the document was edited while the worker anchored it', async () => {
    const api = await getApi();
    const { text, annotations } = generateCorpus();
    // Written for the text as it was, before a paragraph near the top was deleted: every
    // annotation after it moves, and those in it become orphans, in the worker.
    const sidecarText = serializeSidecar(buildSidecarFile(annotations, text));
    const cut = text.indexOf('\n', 2000) + 1;
    const large = scratchFile(SUITE, 'edited-while-loading.txt', text.slice(0, 1000) + text.slice(cut));
    largeDocuments.push(large);
    fs.writeFileSync(sidecarPath(large), sidecarText);

    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(large));
    await waitFor(() => api.sidecarParser.inFlight > 0, 30_000, 'the sidecar to be sent to the worker');
    // Typed in while the worker anchors against the text it was sent.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(0, 0), 'A line written while the sidecar loaded.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(document.getText().startsWith('A line written while'));

    const entry = await api.store.entryFor(document);
    assert.ok(entry);
    assert.equal(entry.problems, undefined);
    const expected = loadSidecar(sidecarText, document.getText());
    assert.ok(expected.ok);
    const shape = (all: readonly { id: string; start: number; end: number; orphaned?: boolean }[]) => all.map((a) => `${a.id} ${a.start}-${a.end} ${a.orphaned ?? ''}`);
    assert.deepEqual(shape(entry.annotations.all), shape(expected.annotations.all));
    assert.ok(expected.anchoring.moved.length > 9000 && expected.anchoring.orphaned.length > 0, 'the deleted paragraph moved most and orphaned some');
    // Every anchored quote reads as recorded in the text as it is now.
    const now = document.getText();
    for (const a of entry.annotations.all) if (!a.orphaned) assert.equal(now.slice(a.start, a.end).replace(/\r\n/g, '\n'), a.text.replace(/\r\n/g, '\n'), a.id);
  });

  it('places 10,000 annotations again, off the extension host thread, when the open document is reloaded from disk (a checkout)', async () => {
    const corpus = generateCorpus();
    // One kind of line ending, so the editor keeps the text as written and the sidecar loads as is.
    const text = corpus.text.replace(/\r\n/g, '\n');
    const large = scratchFile(SUITE, 'checked-out.txt', text);
    largeDocuments.push(large);
    fs.writeFileSync(sidecarPath(large), serializeSidecar(buildSidecarFile(corpus.annotations, corpus.text)));
    const { entry, editor } = await openAnnotated(large);
    assert.equal(entry.annotations.size, 10_000);
    // What the checkout does to the model, computed here on copies: the reference.
    const checkedOut = text.slice(0, 5000) + text.slice(text.indexOf('\n', 9000) + 1);
    const expected = new DocumentAnnotations(entry.annotations.all.map((a) => ({ ...a })));
    const expectedReport = expected.anchor(checkedOut);
    assert.ok(expectedReport.moved.length > 9000 && expectedReport.orphaned.length > 0, 'the deleted stretch moved most and orphaned some');

    const api = await getApi();
    await changeOnDisk(editor.document, checkedOut);
    let placing = false;
    const shape = (all: readonly { id: string; start: number; end: number; orphaned?: boolean; prefix: string; suffix: string }[]) => all.map((a) => `${a.id} ${a.start}-${a.end} ${a.orphaned ?? ''} ${a.prefix.length}/${a.suffix.length}`);
    const want = shape(expected.all);
    // While they are placed again, the model is read by others (decorations, the workspace index):
    // its spans must lie in the text as it is, never where they were before the reload.
    let outside = 0;
    await waitFor(
      () => {
        const length = editor.document.getText().length;
        outside = Math.max(outside, entry.annotations.all.filter((a) => a.end > length).length);
        // The status bar says "Loading annotations…" while they are placed again.
        placing ||= api.store.isLoading(editor.document);
        return shape(entry.annotations.all).join('\n') === want.join('\n');
      },
      30_000,
      'the annotations placed again as anchoring places them',
    );
    assert.equal(outside, 0, 'spans outside the text while they were placed again');
    assert.ok(placing, 'the store said it was placing the annotations');
    await waitFor(() => !api.store.isLoading(editor.document), 5000, 'the placing to end');
    const orphan = expectedReport.orphaned[0];
    assert.deepEqual(entry.annotations.orphanReason(entry.annotations.get(orphan.id)!), expected.orphanReason(orphan));
    assert.deepEqual(entry.annotations.candidatesFor(orphan.id), expected.candidatesFor(orphan.id));
  });

  it('keeps an annotation tagged while a sidecar changed on disk is read into the open document', async () => {
    const api = await getApi();
    const head = 'Opening: the harbour board met on Tuesday.\n';
    const text = head + generateCorpus().text.replace(/\r\n/g, '\n');
    const large = scratchFile(SUITE, 'reloaded.txt', text);
    largeDocuments.push(large);
    const first = new DocumentAnnotations();
    first.add({ kind: 'quote', start: head.indexOf('Tuesday'), end: head.indexOf('Tuesday') + 'Tuesday'.length }, text);
    fs.writeFileSync(sidecarPath(large), renderSidecar(first, text));
    const { editor, entry } = await openAnnotated(large);
    assert.equal(entry.annotations.size, 1);

    // Someone else's sidecar arrives (saved in VS Code, so the store reads it at once): 200
    // annotations written for another text, whose quotes this one does not have: each is looked
    // for in the whole megabyte, in the worker, which takes a while. (Small, so that VS Code
    // writes it in one piece: the store never reads half of it.)
    const other = Array.from({ length: 200 }, (_, i) => `Entry ${i}: the Kestrel crews of Eastby rowed out at dawn and came back by noon.`).join('\n');
    const theirs = new DocumentAnnotations();
    for (let i = 0; i < 200; i++) {
      const at = other.indexOf(`Entry ${i}:`) + 10;
      theirs.add({ kind: 'claim', start: at, end: at + 40 }, other);
    }
    const sidecarDocument = await vscode.workspace.openTextDocument(vscode.Uri.file(sidecarPath(large)));
    const replace = new vscode.WorkspaceEdit();
    replace.replace(sidecarDocument.uri, new vscode.Range(sidecarDocument.positionAt(0), sidecarDocument.positionAt(sidecarDocument.getText().length)), renderSidecar(theirs, other));
    assert.ok(await vscode.workspace.applyEdit(replace));
    assert.ok(await sidecarDocument.save());
    await waitFor(() => entry.reloading && api.sidecarParser.inFlight > 0, 30_000, 'the new sidecar to be read, in the worker');

    // Tagged while it is read: the tag is made to what is read, not to the model it replaces.
    await vscode.window.showTextDocument(editor.document);
    select(vscode.window.activeTextEditor!, 'harbour board');
    const tagging = vscode.commands.executeCommand<{ id: string }[]>('sourceAnnotator.tagAsClaim');
    const [claim] = await tagging;
    assert.ok(claim, 'the claim was tagged');
    assert.equal(entry.annotations.size, 201, 'the 200 read and the claim');
    assert.ok(entry.annotations.get(claim.id));
    await waitFor(() => readSidecar(large).annotations.some((a) => a.id === claim.id) && readSidecar(large).annotations.length === 201, 30_000, 'the claim and what was read on disk');
  });

  it('looks for the orphans of a large document again off the extension host thread after an undo, and brings back those the undo restored', async () => {
    const api = await getApi();
    const { text, annotations } = lfCorpus();
    // Twenty whose quotes the text has nowhere: orphans for good, each a search of the whole megabyte when looked for.
    for (const a of annotations.slice(0, 20)) Object.assign(a, { text: `Nerys Quill never wrote ${a.id} in any harbour log`, orphaned: true, start: 0, end: 0 });
    const large = scratchFile(SUITE, 'undone.txt', text);
    largeDocuments.push(large);
    fs.writeFileSync(sidecarPath(large), serializeSidecar(buildSidecarFile(annotations, text)));
    const { editor, entry } = await openAnnotated(large);
    assert.equal(entry.annotations.orphans.length, 20);

    // A stretch with annotations in it deleted: they are orphaned; Undo brings the text back.
    const from = text.indexOf('\n', 20_000) + 1;
    const to = text.indexOf('\n', 26_000) + 1;
    const inside = entry.annotations.all.filter((a) => !a.orphaned && a.start >= from && a.end <= to).map((a) => `${a.id} ${a.start}-${a.end}`);
    assert.ok(inside.length > 5, 'annotations in the stretch');
    // A line typed at the end first, so the undo does not take the document back to what is on disk (that would be
    // taken for a reload from disk, whose spans are all placed again, in the worker too).
    const typed = '\nEnd of the harbour log.\n';
    assert.ok(await editor.edit((b) => b.insert(editor.document.positionAt(text.length), typed)));
    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(editor.document.positionAt(from), editor.document.positionAt(to)))));
    assert.equal(entry.annotations.orphans.length, 20 + inside.length);
    // The reference: the same undo and search on a copy of the model, in-process (a few of the orphans stay orphans: the
    // bench text repeats its words, and a place another span holds is not taken).
    const expected = new DocumentAnnotations(entry.annotations.all.map((a) => ({ ...a })));
    expected.applyChanges([{ offset: from, length: 0, text: text.slice(from, to) }]);
    expected.reanchorOrphans(text + typed);
    const shape = (doc: DocumentAnnotations) => doc.all.map((a) => `${a.id} ${a.start}-${a.end} ${a.orphaned ?? ''}`).join('\n');
    assert.ok(expected.orphans.length < 20 + inside.length / 2, 'most come back');
    let searchedOffThread = false;
    const polling = setInterval(() => {
      searchedOffThread ||= api.sidecarParser.inFlight > 0;
    }, 5);
    try {
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), text + typed);
      assert.ok(editor.document.isDirty);
      searchedOffThread ||= api.sidecarParser.inFlight > 0;
      await waitFor(() => shape(entry.annotations) === shape(expected), 30_000, 'the orphans the undo restored to be found again');
    } finally {
      clearInterval(polling);
    }
    assert.ok(searchedOffThread, 'the orphans were looked for in the worker');
    assert.deepEqual(entry.annotations.all.map((a) => entry.annotations.orphanReason(a)), expected.all.map((a) => expected.orphanReason(a)));
  });

  it('keeps an annotation tagged while open sidecars are read again under a new annotation scheme', async () => {
    const api = await getApi();
    // A line added after the last span: the sidecar is the text's as far as the spans go, but its hash is not, so every
    // read places its 10,000 annotations again in the worker (a second or two), and nothing moves, so it is not rewritten.
    const { text, annotations } = lfCorpus();
    const large = scratchFile(SUITE, 'rechecked.txt', text + '\nAppendix: the Kestrel ferry timetable.\n');
    largeDocuments.push(large);
    const sidecarText = serializeSidecar(buildSidecarFile(annotations, text));
    fs.writeFileSync(sidecarPath(large), sidecarText);
    const { editor, entry } = await openAnnotated(large);
    assert.equal(entry.annotations.size, 10_000);
    await api.store.flush();
    assert.equal(fs.readFileSync(sidecarPath(large), 'utf8'), sidecarText, 'the sidecar was not rewritten on load');

    const scheme = path.join(workspaceDir(), '.annotations', 'schema.yaml');
    fs.mkdirSync(path.dirname(scheme), { recursive: true });
    fs.writeFileSync(scheme, 'kinds:\n  - id: claim\n  - id: quote\n  - id: speculation\n  - id: advertisement\n  - id: rumour\n    label: Rumour\n');
    try {
      const revalidated = api.schemeRevalidated();
      await waitFor(() => api.sidecarParser.inFlight > 0, 30_000, 'the sidecar to be read again under the new scheme, in the worker');
      await vscode.window.showTextDocument(editor.document);
      select(vscode.window.activeTextEditor!, 'Appendix: the Kestrel ferry timetable.');
      const [claim] = await vscode.commands.executeCommand<{ id: string }[]>('sourceAnnotator.tagAsClaim');
      assert.ok(claim, 'the claim was tagged');
      await revalidated;
      assert.equal(api.scheme().scheme.kinds.length, 5, 'the new scheme is in force');
      assert.ok(api.store.get(editor.document)?.annotations.get(claim.id), 'the claim is in the model read under the new scheme');
      await waitFor(() => readSidecar(large).annotations.some((a) => a.id === claim.id), 30_000, 'the claim on disk');
    } finally {
      fs.rmSync(scheme, { force: true });
      await api.schemeRevalidated();
    }
  });

  it('reads a sidecar the watcher reports while it is being written once it is whole: never reported invalid', async () => {
    const api = await getApi();
    const text = Array.from({ length: 400 }, (_, i) => `Line ${i}: the Tidewatch crews of Eastby rowed out at dawn.`).join('\n') + '\n';
    // In the workspace folder itself: the test host's watcher can miss changes in a folder created after it started (scratch/…).
    const file = path.join(workspaceDir(), `half-written-${Date.now().toString(36)}.txt`);
    fs.writeFileSync(file, text);
    largeDocuments.push(file);
    const before = new DocumentAnnotations();
    before.add({ kind: 'claim', start: 0, end: 6 }, text);
    fs.writeFileSync(sidecarPath(file), renderSidecar(before, text));
    const { entry } = await openAnnotated(file);
    assert.equal(entry.annotations.size, 1);

    const after = new DocumentAnnotations();
    for (let i = 0; i < 400; i++) {
      const at = text.indexOf(`Line ${i}:`);
      after.add({ kind: 'quote', start: at, end: at + 20 }, text);
    }
    const whole = renderSidecar(after, text);
    const reasons: string[] = [];
    const watching = api.store.onDidChange((change) => {
      if (change.document === entry.document) reasons.push(change.reason);
    });
    try {
      await writeInTwoGoes(api, sidecarPath(file), whole, 'Line 2');
      await waitFor(() => api.store.get(entry.document)?.annotations.size === 400, 30_000, 'the whole sidecar to be read');
      assert.ok(!reasons.includes('invalid'), `store changes: ${reasons.join(', ')}`);
      assert.equal(api.store.get(entry.document)?.problems, undefined);
    } finally {
      watching.dispose();
    }
  });

  it('shows a closed document whose sidecar the watcher reports while it is being written as it ends up, never as broken', async () => {
    const api = await getApi();
    await api.workspaceIndex.ready();
    const text = Array.from({ length: 400 }, (_, i) => `Row ${i}: the Harbour Gazette printed the tide tables again.`).join('\n') + '\n';
    const file = path.join(workspaceDir(), `half-written-closed-${Date.now().toString(36)}.txt`);
    fs.writeFileSync(file, text);
    largeDocuments.push(file);
    const key = vscode.Uri.file(file).toString();
    const before = new DocumentAnnotations();
    before.add({ kind: 'claim', start: 0, end: 5 }, text);
    fs.writeFileSync(sidecarPath(file), renderSidecar(before, text));
    await api.workspaceIndex.refreshSidecar(vscode.Uri.file(sidecarPath(file)));
    const count = () => api.workspaceIndex.index.annotationsOf(key).length;
    assert.equal(count(), 1);

    const after = new DocumentAnnotations();
    for (let i = 0; i < 400; i++) {
      const at = text.indexOf(`Row ${i}:`);
      after.add({ kind: 'claim', start: at, end: at + 20 }, text);
    }
    const whole = renderSidecar(after, text);
    let broken = false;
    const watching = api.workspaceIndex.onDidChange(() => {
      broken ||= api.workspaceIndex.index.invalidDocuments().has(key);
    });
    try {
      await writeInTwoGoes(api, sidecarPath(file), whole, 'Row 2');
      await waitFor(() => count() === 400, 30_000, 'the whole sidecar in the index');
      assert.equal(broken, false, 'the index listed the sidecar as broken');
    } finally {
      watching.dispose();
    }
  });
});
