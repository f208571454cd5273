// Tagging through the commands, and changing annotations by command arguments and at the cursor;
// every step is checked against the sidecar on disk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotation';
import {
  closeAllEditors,
  codePoints,
  copySeed,
  focusEditor,
  openAnnotated,
  placeCursor,
  readSidecar,
  readSidecarText,
  select,
  sidecarPath,
  storedById,
  waitFor,
  waitForSidecar,
} from './helpers';

const SUITE = 'tagging';

const TAG_COMMANDS = [
  ['sourceAnnotator.tagAsClaim', 'claim', 'Russia has called on NATO to renounce the policy of mutual deterrence'],
  ['sourceAnnotator.tagAsQuote', 'quote', 'Dialogue [on the AMD issue] is not going as fast as many had hoped'],
  ['sourceAnnotator.tagAsSpeculation', 'speculation', 'Why does our enemy want to become our friend?'],
  ['sourceAnnotator.tagAsAdvertisement', 'advertisement', 'Leave a Reply'],
] as const;

async function tag(command: string): Promise<Annotation[]> {
  const added = await vscode.commands.executeCommand<Annotation[]>(command);
  assert.ok(Array.isArray(added), `${command} did not resolve to an array`);
  return added;
}

describe('tagging', function () {
  after(closeAllEditors);

  it('tags a span with each of the four tag commands and writes a sorted, complete sidecar', async () => {
    const file = copySeed(SUITE);
    const { editor } = await openAnnotated(file);
    const text = editor.document.getText();
    const ids = new Map<string, { kind: string; start: number; end: number; phrase: string }>();

    for (const [command, kind, phrase] of TAG_COMMANDS) {
      const [span] = select(editor, phrase);
      const added = await tag(command);
      assert.equal(added.length, 1, `${command} should add one annotation`);
      assert.equal(added[0].kind, kind);
      assert.equal(added[0].start, span.start);
      assert.equal(added[0].end, span.end);
      assert.equal(added[0].text, phrase);
      ids.set(added[0].id, { kind, ...span, phrase });

      // Each tag is on disk right away (the document is saved), with every earlier one.
      const sidecar = await waitForSidecar(file, (s) => s.annotations.length === ids.size, `${ids.size} annotations on disk`);
      assert.equal(sidecar.version, 1);
      assert.match(sidecar.documentHash, /^sha256:[0-9a-f]{64}$/);
    }

    const sidecar = readSidecar(file);
    assert.equal(sidecar.annotations.length, 4);
    for (const [id, expected] of ids) {
      const stored = storedById(sidecar, id);
      assert.equal(stored.kind, expected.kind);
      assert.equal(stored.start, codePoints(text, expected.start), `${expected.kind}: code point start`);
      assert.equal(stored.end, codePoints(text, expected.end), `${expected.kind}: code point end`);
      assert.equal(stored.text, expected.phrase);
      assert.ok(stored.prefix.length > 0, `${expected.kind}: empty prefix`);
      assert.ok(stored.suffix.length > 0, `${expected.kind}: empty suffix`);
      assert.ok(text.slice(0, expected.start).endsWith(stored.prefix), `${expected.kind}: prefix is not the text before the span`);
      assert.ok(text.slice(expected.end).startsWith(stored.suffix), `${expected.kind}: suffix is not the text after the span`);
      assert.equal(typeof stored.author, 'string');
      assert.ok(stored.author!.length > 0, 'author is empty');
      assert.equal(stored.orphaned, undefined);
    }
    const order = sidecar.annotations.map((a) => [a.start, a.end, a.id] as const);
    const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : 1));
    assert.deepEqual(order, sorted, 'sidecar annotations are not sorted by (start, end, id)');
    // The claim was added before the speculation but starts after it.
    assert.equal(sidecar.annotations[0].kind, 'speculation');
  });

  it('tags every selection of a multi-cursor selection', async () => {
    const file = copySeed(SUITE);
    const { editor, entry } = await openAnnotated(file);
    const spans = select(editor, 'Sergey Lavrov', 'the Lisbon summit');
    assert.equal(editor.selections.length, 2);
    const added = await tag('sourceAnnotator.tagAsQuote');
    assert.equal(added.length, 2);
    assert.deepEqual(
      added.map((a) => [a.start, a.end]).sort((a, b) => a[0] - b[0]),
      spans.map((s) => [s.start, s.end]).sort((a, b) => a[0] - b[0]),
    );
    assert.equal(entry.annotations.size, 2);
    const sidecar = await waitForSidecar(file, (s) => s.annotations.length === 2, 'two annotations on disk');
    assert.deepEqual(sidecar.annotations.map((a) => a.text).sort(), ['Sergey Lavrov', 'the Lisbon summit']);
    assert.ok(sidecar.annotations.every((a) => a.kind === 'quote'));
  });

  it('tags through the Tag Selection quick pick', async () => {
    const file = copySeed(SUITE);
    const { editor } = await openAnnotated(file);
    select(editor, 'Anders Fogh Rasmussen');
    // Kinds are listed claim, quote, speculation, advertisement; the first is active.
    const added = await acceptFirstQuickPickItem(vscode.commands.executeCommand<Annotation[]>('sourceAnnotator.tagSelection'));
    assert.equal(added.length, 1);
    assert.equal(added[0].kind, 'claim');
    const sidecar = await waitForSidecar(file, (s) => s.annotations.length === 1);
    assert.equal(sidecar.annotations[0].kind, 'claim');
    assert.equal(sidecar.annotations[0].text, 'Anders Fogh Rasmussen');
  });
});

/**
 * Accepts the first (active) item of the quick pick `pending` is waiting on. The quick pick opens
 * asynchronously and extensions cannot observe it, so accepting is retried until `pending` settles:
 * an accept before the quick pick (or its items) is there does nothing.
 */
async function acceptFirstQuickPickItem<T>(pending: Thenable<T>): Promise<T> {
  let settled = false;
  const result = Promise.resolve(pending).finally(() => (settled = true));
  await waitFor(async () => {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await new Promise((resolve) => setTimeout(resolve, 50));
    return settled;
  }, 5000, 'the quick pick to be accepted');
  return result;
}

describe('changing annotations by command arguments', function () {
  after(closeAllEditors);

  it('sets the speaker, the note and the kind, removes, and deletes the sidecar with the last one', async () => {
    const file = copySeed(SUITE);
    const { editor, entry } = await openAnnotated(file);
    const uri = editor.document.uri.toString();
    select(editor, 'Russian Foreign Minister Sergey Lavrov stated');
    const [first] = await tag('sourceAnnotator.tagAsClaim');
    select(editor, 'Moscow and the alliance agreed');
    const [second] = await tag('sourceAnnotator.tagAsClaim');
    await waitForSidecar(file, (s) => s.annotations.length === 2);

    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.setSpeaker', uri, first.id, 'Sergey Lavrov'), true);
    let sidecar = await waitForSidecar(file, (s) => storedById(s, first.id).speaker === 'Sergey Lavrov', 'the speaker on disk');
    assert.equal(storedById(sidecar, second.id).speaker, undefined);

    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.editNote', uri, first.id, 'check the transcript'), true);
    sidecar = await waitForSidecar(file, (s) => storedById(s, first.id).note === 'check the transcript', 'the note on disk');
    assert.equal(storedById(sidecar, first.id).speaker, 'Sergey Lavrov');

    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.changeKind', uri, first.id, 'quote'), true);
    sidecar = await waitForSidecar(file, (s) => storedById(s, first.id).kind === 'quote', 'the new kind on disk');
    assert.equal(storedById(sidecar, second.id).kind, 'claim');
    // Same kind again: nothing changes.
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.changeKind', uri, first.id, 'quote'), false);

    // '' clears speaker and note.
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.setSpeaker', uri, first.id, ''), true);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.editNote', uri, first.id, ''), true);
    sidecar = await waitForSidecar(file, (s) => storedById(s, first.id).speaker === undefined && storedById(s, first.id).note === undefined, 'speaker and note cleared on disk');
    assert.doesNotMatch(readSidecarText(file)!, /speaker:|note:/);

    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.removeAnnotation', uri, first.id), true);
    sidecar = await waitForSidecar(file, (s) => s.annotations.length === 1, 'one annotation left on disk');
    assert.equal(sidecar.annotations[0].id, second.id);
    assert.equal(entry.annotations.get(first.id), undefined);

    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.removeAnnotation', uri, second.id), true);
    await waitFor(() => !fs.existsSync(sidecarPath(file)), 5000, 'the sidecar to be deleted');
    assert.equal(entry.annotations.size, 0);
  });
});

describe('acting on the annotation at the cursor', function () {
  after(closeAllEditors);

  async function nested(): Promise<{ editor: vscode.TextEditor; claim: Annotation; quote: Annotation; file: string }> {
    const file = copySeed(SUITE);
    const { editor } = await openAnnotated(file);
    select(editor, 'Russia has called on NATO to renounce the policy of mutual deterrence and to switch to cooperation');
    const [claim] = await tag('sourceAnnotator.tagAsClaim');
    select(editor, 'renounce the policy of mutual deterrence');
    const [quote] = await tag('sourceAnnotator.tagAsQuote');
    await waitForSidecar(file, (s) => s.annotations.length === 2);
    return { editor, claim, quote, file };
  }

  it('removes the innermost annotation (the quote inside the claim)', async () => {
    const { editor, claim, quote, file } = await nested();
    placeCursor(editor, quote.start + 5);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.removeAnnotation'), true);
    const sidecar = await waitForSidecar(file, (s) => s.annotations.length === 1, 'one annotation left');
    assert.equal(sidecar.annotations[0].id, claim.id, 'the outer claim should survive');
  });

  it('changes the kind of the innermost annotation through the kind picker', async () => {
    const { editor, claim, quote, file } = await nested();
    await focusEditor(editor.document);
    placeCursor(editor, quote.start + 5);
    // claim, quote (current), speculation, advertisement: the active first item is claim.
    const changed = await acceptFirstQuickPickItem(vscode.commands.executeCommand<boolean>('sourceAnnotator.changeKind'));
    assert.equal(changed, true, 'the kind of the innermost annotation (the quote) should change');
    const sidecar = await waitForSidecar(file, (s) => storedById(s, quote.id).kind === 'claim', 'the quote to become a claim');
    assert.equal(storedById(sidecar, claim.id).kind, 'claim');
    assert.equal(sidecar.annotations.length, 2);
  });

  it('sets speaker and note of the innermost annotation when only the value is passed', async () => {
    const { editor, claim, quote, file } = await nested();
    await focusEditor(editor.document);
    placeCursor(editor, quote.start + 5);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.setSpeaker', undefined, undefined, 'Lavrov'), true);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.editNote', undefined, undefined, 'paraphrase?'), true);
    const sidecar = await waitForSidecar(file, (s) => storedById(s, quote.id).note === 'paraphrase?', 'the note on disk');
    assert.equal(storedById(sidecar, quote.id).speaker, 'Lavrov');
    assert.equal(storedById(sidecar, claim.id).speaker, undefined);
    assert.equal(storedById(sidecar, claim.id).note, undefined);
  });
});
