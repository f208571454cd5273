// The history of annotations from git, through the built-in Git extension's API: Show Annotation
// Changes Since… on a real repository (a tag added, a speaker changed, a tag removed, text
// inserted above everything: not a change), and Annotation History over three commits.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotation';
import type { HistoryEntry } from '../../src/core/history/annotationHistory';
import type { ChangesSince } from '../../src/extension/history/changesSince';
import { git, useGit } from './gitHost';
import { closeAllEditors, openAnnotated, select, waitForSidecar, workspaceDir } from './helpers';

const TEXT = 'The minister said taxes would fall next year.\n"That is simply false," the opposition leader said.\nThe budget is due in May.\n';

/** A git repository in the workspace with one committed document, known to the Git extension. */
async function repository(name: string): Promise<string> {
  const dir = path.join(workspaceDir(), 'scratch', 'history', `${name}-${Date.now().toString(36)}`);
  fs.mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  fs.writeFileSync(path.join(dir, 'article.txt'), TEXT);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'the article');
  await vscode.commands.executeCommand('git.openRepository', dir);
  return dir;
}

async function tag(editor: vscode.TextEditor, phrase: string, kind: string): Promise<Annotation> {
  select(editor, phrase);
  const [added] = await vscode.commands.executeCommand<Annotation[]>('sourceAnnotator.tagSelection', { kind });
  assert.ok(added, `tagging ${phrase}`);
  return added;
}

describe('annotation history from git', function () {
  this.timeout(60000);

  // Asked while git is off, the commands say so instead of failing obscurely.
  useGit(async () => {
    const off = await vscode.commands.executeCommand('sourceAnnotator.history.showChangesSince', 'HEAD');
    assert.equal(off, undefined);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('sourceAnnotator.history.clearChanges');
    await closeAllEditors();
  });

  it('lists the annotations added, removed and changed since a ref, and draws them', async () => {
    const dir = await repository('since');
    const file = path.join(dir, 'article.txt');
    const { editor, api } = await openAnnotated(file);
    const taxes = await tag(editor, 'taxes would fall next year', 'claim');
    const quote = await tag(editor, 'That is simply false', 'quote');
    await tag(editor, 'The budget is due in May', 'claim');
    await waitForSidecar(file, (s) => s.annotations.length === 3, 'three tags on disk');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'three tags');

    // Since then: text inserted above everything (every span moves), a speaker set, a tag removed, one added.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Updated.\n'));
    await editor.document.save();
    const uri = editor.document.uri.toString();
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.setSpeaker', uri, taxes.id, 'The minister'), true);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.removeAnnotation', uri, quote.id), true);
    await tag(editor, 'the opposition leader', 'claim');

    const result = await vscode.commands.executeCommand<ChangesSince>('sourceAnnotator.history.showChangesSince', 'HEAD', vscode.Uri.file(dir));
    assert.ok(result, 'no result');
    assert.deepEqual(
      result.changes.map((c) => [c.change, c.kind, c.text, c.fields, c.line]),
      [
        ['changed', 'claim', 'taxes would fall next year', ['speaker'], 2],
        ['removed', 'quote', 'That is simply false', [], 3],
        ['added', 'claim', 'the opposition leader', [], 3],
      ],
    );
    // The removed span is located in the text as it is now (one line lower than when committed).
    const removed = result.changes[1];
    assert.equal(editor.document.getText(new vscode.Range(editor.document.positionAt(removed.range!.start), editor.document.positionAt(removed.range!.end))), 'That is simply false');
    assert.equal(api.changesView.current, result);

    // Committed: nothing has changed since HEAD any more.
    await api.store.flush();
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'edits');
    const none = await vscode.commands.executeCommand<ChangesSince>('sourceAnnotator.history.showChangesSince', 'HEAD', vscode.Uri.file(dir));
    assert.deepEqual(none?.changes, []);

    // A ref that does not exist: an error message, no result, the view unchanged.
    const bad = await vscode.commands.executeCommand<ChangesSince | undefined>('sourceAnnotator.history.showChangesSince', 'no-such-ref', vscode.Uri.file(dir));
    assert.equal(bad, undefined);
    assert.equal(api.changesView.current, none);
  });

  it('tells who changed what of one annotation, commit by commit', async () => {
    const dir = await repository('log');
    const file = path.join(dir, 'article.txt');
    const { editor, api } = await openAnnotated(file);
    const taxes = await tag(editor, 'taxes would fall next year', 'claim');
    await waitForSidecar(file, (s) => s.annotations.length === 1, 'the tag on disk');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'tag the claim');
    const uri = editor.document.uri.toString();
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.setSpeaker', uri, taxes.id, 'The minister'), true);
    await waitForSidecar(file, (s) => s.annotations[0]?.speaker === 'The minister', 'the speaker on disk');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'name the speaker');
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.changeKind', uri, taxes.id, 'speculation'), true);
    await api.store.flush();
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'it is a forecast');

    // The history is shown in a quick pick; the command returns it too.
    const entries = await vscode.commands.executeCommand<HistoryEntry[]>('sourceAnnotator.history.annotationHistory', uri, taxes.id);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.ok(entries);
    assert.deepEqual(
      entries.map((e) => [e.change, e.fields, e.author, e.message.trim()]),
      [
        ['added', [], 'Ann Otator', 'tag the claim'],
        ['changed', ['speaker'], 'Ann Otator', 'name the speaker'],
        ['changed', ['kind'], 'Ann Otator', 'it is a forecast'],
      ],
    );
    assert.equal(entries[2].after?.kind, 'speculation');
  });
});
