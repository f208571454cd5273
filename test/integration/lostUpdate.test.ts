// A sidecar saved by someone else while the document's annotations had unsaved changes is never
// overwritten by the extension's write: the write is refused and the user is asked (Reload from
// Disk / Keep Mine). No timing is assumed: flush() returns once every write attempt has finished.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { renderSidecar } from '../../src/core/sidecar/sidecarDocument';
import { closeAllEditors, focusEditor, openAnnotated, readSidecarText, scratchFile, select, sidecarPath, waitForSidecar } from './helpers';

const SUITE = 'lostUpdate';
const DOC = 'Headline\n\nThe senator said "Hello world" and left.\nSponsored: buy now.\n';

describe('lost updates', function () {
  after(closeAllEditors);

  it('never writes over a sidecar saved meanwhile by someone else, and asks the user instead', async () => {
    const file = scratchFile(SUITE, 'doc.txt', DOC);
    const { editor, entry, api } = await openAnnotated(file);
    select(editor, 'Hello world');
    assert.equal((await vscode.commands.executeCommand<unknown[]>('sourceAnnotator.tagAsClaim'))?.length, 1);
    await waitForSidecar(file, (s) => s.annotations.length === 1, 'the first tag on disk');

    // Unsaved text, and an annotation change that must wait for the save.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Updated\n')));
    select(editor, 'buy now');
    assert.equal((await vscode.commands.executeCommand<unknown[]>('sourceAnnotator.tagAsQuote'))?.length, 1);
    assert.equal(entry.unsaved, true);

    // Someone else saves the sidecar (another editor window, git, the command line).
    const theirs = new DocumentAnnotations();
    const at = DOC.indexOf('senator');
    theirs.add({ kind: 'claim', start: at, end: at + 'senator'.length, author: 'someone else' }, DOC);
    const outside = renderSidecar(theirs, DOC);
    fs.writeFileSync(sidecarPath(file), outside);

    await focusEditor(editor.document);
    assert.ok(await editor.document.save());
    await api.store.flush();

    assert.equal(readSidecarText(file), outside, 'the sidecar saved meanwhile is not overwritten');
    assert.equal(entry.unsaved, true, 'the annotation changes are kept in the model');
    const question = entry.sidecar.question;
    assert.ok(question, 'the user is asked (Reload from Disk / Keep Mine)');
    assert.ok(question.reason === 'write-refused' || question.reason === 'changed-on-disk');
    assert.equal(question.onDisk.kind === 'text' ? question.onDisk.text : undefined, outside, 'about the version saved meanwhile');
  });
});
