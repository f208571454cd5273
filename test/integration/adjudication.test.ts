// Compare Annotators in the real extension host: two annotators' sidecar, their disagreements in
// the view, resolutions by take A / take B / keep both written to the sidecar as adjudicated
// annotations (originals kept), undo, and Show Annotations of… writing its setting.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { adjudicatedFromIds, isAdjudicated } from '../../src/core/agreement/disagreements';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { renderSidecar } from '../../src/core/sidecar/sidecarDocument';
import type { AdjudicationSession } from '../../src/extension/adjudication/adjudicationSession';
import { closeAllEditors, openAnnotated, readSidecar, scratchFile, sidecarPath, waitFor, waitForSidecar } from './helpers';

const SUITE = 'adjudication';
// An astral character first, so UTF-16 offsets (the editor) and code points (the sidecar) differ.
const TEXT = '📣 The council said the bridge would reopen in May. Engineers warned that the cracks were worse than reported. A spokesman declined to comment.\n';
const A = 'adj-ann';
const B = 'adj-bob';

function span(phrase: string): { start: number; end: number } {
  const start = TEXT.indexOf(phrase);
  assert.ok(start >= 0, phrase);
  return { start, end: start + phrase.length };
}

/** A document where A and B disagree four ways, and agree once. */
function twoAnnotators(): { file: string; ids: Record<string, string> } {
  const doc = new DocumentAnnotations();
  const add = (author: string, kind: string, phrase: string) => doc.add({ kind, ...span(phrase), author }, TEXT).id;
  const ids = {
    agreeA: add(A, 'claim', 'the bridge would reopen in May'),
    agreeB: add(B, 'claim', 'the bridge would reopen in May'),
    boundaryA: add(A, 'claim', 'the cracks were worse'),
    boundaryB: add(B, 'claim', 'the cracks were worse than reported'),
    onlyA: add(A, 'quote', 'A spokesman declined'),
    onlyB: add(B, 'speculation', 'Engineers warned'),
  };
  const file = scratchFile(SUITE, 'bridge.txt', TEXT);
  fs.writeFileSync(sidecarPath(file), renderSidecar(doc, TEXT));
  return { file, ids };
}

describe('adjudication (Compare Annotators)', function () {
  after(async () => {
    await vscode.commands.executeCommand('sourceAnnotator.adjudication.close');
    await vscode.workspace.getConfiguration('sourceAnnotator').update('decorations.authorFilter', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('lists the disagreements, resolves them with take A, take B and keep both, keeps the originals, and undoes', async () => {
    const { file, ids } = twoAnnotators();
    const { editor, api } = await openAnnotated(file);
    const key = editor.document.uri.toString();
    const session = await vscode.commands.executeCommand<AdjudicationSession>('sourceAnnotator.compareAnnotators', A, B);
    assert.ok(session, 'no comparison started');
    const doc = await waitFor(() => session.all.find((d) => d.document === key), 5000, 'the document in the comparison');
    assert.deepEqual(
      doc.disagreements.map((d) => [d.type, d.key]),
      [
        ['onlyB', `:${ids.onlyB}`],
        ['boundary', `${ids.boundaryA}:${ids.boundaryB}`],
        ['onlyA', `${ids.onlyA}:`],
      ],
    );
    assert.equal(api.adjudicationView.treeView.message, `0 of ${session.progress().total} resolved`);
    // The first unresolved disagreement of the workspace is current; go to this document's first.
    await vscode.commands.executeCommand('sourceAnnotator.adjudication.goTo', { type: 'disagreement', document: key, key: `:${ids.onlyB}` });
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), key);

    // Take A on "only in B": B's span is rejected, nothing is written, the disagreement counts as resolved.
    const none = await vscode.commands.executeCommand<unknown[]>('sourceAnnotator.adjudication.takeA');
    assert.deepEqual(none, []);
    assert.equal(session.isResolved({ document: key, key: `:${ids.onlyB}` }), true);
    // Take B on the boundary disagreement: B's longer span, as the adjudicator.
    await vscode.commands.executeCommand('sourceAnnotator.adjudication.takeB', { type: 'disagreement', document: key, key: `${ids.boundaryA}:${ids.boundaryB}` });
    // Keep both on "only in A": A's span is kept.
    await vscode.commands.executeCommand('sourceAnnotator.adjudication.keepBoth', { type: 'disagreement', document: key, key: `${ids.onlyA}:` });

    const sidecar = await waitForSidecar(file, (s) => s.annotations.filter(isAdjudicated).length === 2, 'two adjudicated annotations on disk');
    assert.equal(sidecar.annotations.length, 8, 'the six originals are kept');
    const adjudicated = sidecar.annotations.filter(isAdjudicated).sort((x, y) => x.start - y.start);
    const cp = (utf16: number) => [...TEXT.slice(0, utf16)].length;
    const worse = span('the cracks were worse than reported');
    assert.deepEqual(
      adjudicated.map((x) => [x.kind, x.start, x.end, x.author, adjudicatedFromIds(x)]),
      [
        ['claim', cp(worse.start), cp(worse.end), session.adjudicator, [ids.boundaryA, ids.boundaryB]],
        ['quote', cp(span('A spokesman declined').start), cp(span('A spokesman declined').end), session.adjudicator, [ids.onlyA]],
      ],
    );
    await waitFor(() => session.progress().resolved === 3 || undefined, 5000, 'three resolved');
    assert.match(api.adjudicationView.treeView.message ?? '', /^3 of \d+ resolved$/);

    // Undo the keep both: its annotation goes, the disagreement is open again.
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.adjudication.undo'), true);
    const undone = await waitForSidecar(file, (s) => s.annotations.filter(isAdjudicated).length === 1, 'one adjudicated annotation after undo');
    assert.equal(undone.annotations.length, 7);
    await waitFor(() => !session.isResolved({ document: key, key: `${ids.onlyA}:` }), 5000, 'the undone disagreement open again');
    assert.ok(readSidecar(file).annotations.some((x) => x.id === ids.onlyA), 'the original stays');

    // A new comparison of the same two reads the state back: the adjudicated copy from the
    // sidecar, the resolution that wrote nothing from the workspace state.
    await vscode.commands.executeCommand('sourceAnnotator.adjudication.close');
    const again = await vscode.commands.executeCommand<AdjudicationSession>('sourceAnnotator.compareAnnotators', A, B);
    assert.ok(again && again !== session);
    await waitFor(() => again.all.some((d) => d.document === key), 5000, 'the document in the new comparison');
    assert.deepEqual(
      [`:${ids.onlyB}`, `${ids.boundaryA}:${ids.boundaryB}`, `${ids.onlyA}:`].map((k) => again.isResolved({ document: key, key: k })),
      [true, true, false],
    );
  });

  it('Show Annotations of… writes the filter the decorations follow', async () => {
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.showAnnotationsOf', 'adjudicated'), 'adjudicated');
    assert.equal(vscode.workspace.getConfiguration('sourceAnnotator').get('decorations.authorFilter'), 'adjudicated');
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.showAnnotationsOf', `author:${A}`), `author:${A}`);
    assert.equal(vscode.workspace.getConfiguration('sourceAnnotator').get('decorations.authorFilter'), `author:${A}`);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.showAnnotationsOf', 'all'), 'all');
    assert.equal(vscode.workspace.getConfiguration('sourceAnnotator').get('decorations.authorFilter'), 'all');
  });
});
