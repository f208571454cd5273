// Compare Annotators with a git ref in the real extension host, on a real repository where alice
// annotated on branch `alice` and bob on branch `bob` (checked out): side A is the sidecar at
// `alice` read through the Git extension's API, side B the working tree's, both read against the
// text as it is now, so spans that only moved are no disagreement. Resolutions write adjudicated
// annotations to the working sidecar, one restoring an annotation that exists only at the ref.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { adjudicatedFromIds, isAdjudicated } from '../../src/core/agreement/disagreements';
import type { AdjudicationSession } from '../../src/extension/adjudication/adjudicationSession';
import { ARTICLE_ON_BOB, twoBranchRepository } from '../fixtures/twoBranches';
import { useGit } from './gitHost';
import { closeAllEditors, openAnnotated, waitFor, waitForSidecar, workspaceDir } from './helpers';

/** Code point offsets of a phrase in bob's text (the sidecar's unit). */
function stored(phrase: string): [number, number] {
  const start = ARTICLE_ON_BOB.indexOf(phrase);
  assert.ok(start >= 0, phrase);
  const cp = (utf16: number) => [...ARTICLE_ON_BOB.slice(0, utf16)].length;
  return [cp(start), cp(start + phrase.length)];
}

describe('adjudication against a git ref (Compare Annotators with a branch)', function () {
  this.timeout(60000);

  useGit(async () => {
    // Asked while git is off, the comparison says so and starts nothing.
    const off = await vscode.commands.executeCommand('sourceAnnotator.compareAnnotators', { ref: 'HEAD' });
    assert.equal(off, undefined);
  });

  after(async () => {
    await vscode.commands.executeCommand('sourceAnnotator.adjudication.close');
    await closeAllEditors();
  });

  it('lists alice\'s branch against bob\'s working tree, resolves with take A and take B, and undoes', async () => {
    const dir = path.join(workspaceDir(), 'scratch', 'adjudication-ref', `two-branches-${Date.now().toString(36)}`);
    const ids = twoBranchRepository(dir);
    await vscode.commands.executeCommand('git.openRepository', dir);
    const file = path.join(dir, 'article.txt');
    const { editor, api } = await openAnnotated(file);
    const key = editor.document.uri.toString();

    const session = await vscode.commands.executeCommand<AdjudicationSession>('sourceAnnotator.compareAnnotators', { ref: 'alice', folder: vscode.Uri.file(dir) });
    assert.ok(session, 'no comparison started');
    assert.deepEqual([session.a, session.b], ['alice', 'working tree']);
    assert.equal(api.adjudicationView.treeView.description, 'A: alice · B: working tree');
    const doc = await waitFor(() => session.all.find((d) => d.document === key), 5000, 'the document in the comparison');
    // The claim both tagged is no disagreement, although bob's line above moved it.
    assert.deepEqual(
      doc.disagreements.map((d) => [d.type, d.key, d.fields]),
      [
        ['onlyA', `${ids.onlyA}:`, []],
        ['boundary', `${ids.boundaryA}:${ids.boundaryB}`, []],
        ['kind', `${ids.kindA}:${ids.kindB}`, []],
        ['attributes', `${ids.speakerA}:${ids.speakerB}`, ['speaker']],
      ],
    );
    assert.equal(api.adjudicationView.treeView.message, '0 of 4 resolved');
    // The first one is current: alice's span, which is not in bob's sidecar, selected where it is now.
    await waitFor(() => editor.document.getText(editor.selection) === 'Engineers warned' || undefined, 5000, 'alice\'s span selected');

    // Take A on "only in A": alice's annotation comes back into the working sidecar, adjudicated.
    await vscode.commands.executeCommand('sourceAnnotator.adjudication.takeA');
    // Take B on the kind difference, take A on the speaker difference.
    await vscode.commands.executeCommand('sourceAnnotator.adjudication.takeB', { type: 'disagreement', document: key, key: `${ids.kindA}:${ids.kindB}` });
    await vscode.commands.executeCommand('sourceAnnotator.adjudication.takeA', { type: 'disagreement', document: key, key: `${ids.speakerA}:${ids.speakerB}` });
    const sidecar = await waitForSidecar(file, (s) => s.annotations.filter(isAdjudicated).length === 3, 'three adjudicated annotations on disk');
    assert.equal(sidecar.annotations.length, 7, 'bob\'s four annotations are kept');
    const adjudicated = sidecar.annotations.filter(isAdjudicated).sort((x, y) => x.start - y.start);
    assert.deepEqual(
      adjudicated.map((x) => [x.kind, x.start, x.end, x.speaker, x.author, adjudicatedFromIds(x)]),
      [
        ['speculation', ...stored('Engineers warned'), undefined, session.adjudicator, [ids.onlyA]],
        ['claim', ...stored('declined to comment'), undefined, session.adjudicator, [ids.kindA, ids.kindB]],
        ['claim', ...stored('called the report alarmist'), 'The mayor', session.adjudicator, [ids.speakerA, ids.speakerB]],
      ],
    );
    await waitFor(() => (/^3 of 4 resolved · Undo \(U\): Take A on Speaker or attribute differs, /.test(api.adjudicationView.treeView.message ?? '') ? true : undefined), 5000, 'three of four resolved, the last one to undo named');

    // Undo the last (take A on the speaker): its copy goes, the disagreement is open again.
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.adjudication.undo'), true);
    await waitForSidecar(file, (s) => s.annotations.filter(isAdjudicated).length === 2, 'two adjudicated annotations after undo');
    await waitFor(() => (session.progress().resolved === 2 ? true : undefined), 5000, 'two resolved after undo');
    assert.equal(session.isResolved({ document: key, key: `${ids.speakerA}:${ids.speakerB}` }), false);

    // Text typed above everything (not saved): alice's side is read again against it; the same
    // disagreements, the same progress, each span still where its words are.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Breaking: '));
    await waitFor(() => (session.all.find((d) => d.document === key)?.disagreements.length === 4 && session.progress().resolved === 2 ? true : undefined), 5000, 'the comparison after an edit');
    await vscode.commands.executeCommand('sourceAnnotator.adjudication.goTo', { type: 'disagreement', document: key, key: `${ids.speakerA}:${ids.speakerB}` });
    assert.equal(editor.document.getText(editor.selection), 'called the report alarmist');

    // A ref that does not exist: an error message, no comparison.
    const bad = await vscode.commands.executeCommand('sourceAnnotator.compareAnnotators', { ref: 'no-such-branch', folder: vscode.Uri.file(dir) });
    assert.equal(bad, undefined);
    assert.equal(api.adjudicationView.current, session, 'the open comparison stays');
  });
});
