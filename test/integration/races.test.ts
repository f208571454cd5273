// Quick successive changes of annotations: each one is written to the sidecar, and the file
// watcher's reports of those writes must never reload an older sidecar over a newer model.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotation';
import { closeAllEditors, openAnnotated, scratchFile, select, storedById, waitForSidecar } from './helpers';

const SUITE = 'races';
const TEXT = 'First, the mayor promised a new bridge.\nSecond, the council approved the budget.\n';

describe('successive changes', function () {
  after(closeAllEditors);

  it('keeps every change when annotations are changed in quick succession', async function () {
    // 50 changes, each written to disk (fsync) before the next: 8–19 s on a loaded 2-core machine.
    this.timeout(60_000);
    const file = scratchFile(SUITE, 'quick.txt', TEXT);
    const { editor, entry } = await openAnnotated(file);
    const uri = editor.document.uri.toString();
    select(editor, 'the mayor promised a new bridge', 'the council approved the budget');
    const [a, b] = await vscode.commands.executeCommand<Annotation[]>('sourceAnnotator.tagAsClaim');
    assert.ok(a && b);
    await waitForSidecar(file, (s) => s.annotations.length === 2);

    const rounds = 25;
    for (let i = 0; i < rounds; i++) {
      assert.equal(await vscode.commands.executeCommand('sourceAnnotator.editNote', uri, a.id, `a${i}`), true);
      assert.equal(await vscode.commands.executeCommand('sourceAnnotator.setSpeaker', uri, b.id, `b${i}`), true);
      // What was just set is in the model, and nothing set before was lost.
      assert.equal(entry.annotations.get(a.id)?.note, `a${i}`, `round ${i}: the note of A was lost`);
      assert.equal(entry.annotations.get(b.id)?.speaker, `b${i}`, `round ${i}: the speaker of B was lost`);
    }
    const last = rounds - 1;
    const sidecar = await waitForSidecar(file, (s) => storedById(s, b.id).speaker === `b${last}`, 'the last change on disk');
    assert.equal(storedById(sidecar, a.id).note, `a${last}`, 'the sidecar lost the last note');
    assert.equal(entry.annotations.get(a.id)?.note, `a${last}`);
  });
});
