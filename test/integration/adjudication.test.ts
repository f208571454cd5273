// Compare Annotators in the real extension host: two annotators' sidecar, their disagreements in
// the view, resolutions by take A / take B / keep both written to the sidecar as adjudicated
// annotations (originals kept), Edit with a span moved in the editor, undo (also after closing and
// reopening the comparison, and refused over a later change), and Show Annotations of… applied to
// navigation, the claims panel and the Outline.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { adjudicatedFromIds, isAdjudicated } from '../../src/core/agreement/disagreements';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { renderSidecar } from '../../src/core/sidecar/sidecarDocument';
import type { AdjudicationSession } from '../../src/extension/adjudication/adjudicationSession';
import { closeAllEditors, find, openAnnotated, placeCursor, readSidecar, scratchFile, sidecarPath, waitFor, waitForSidecar } from './helpers';

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
    await vscode.workspace.getConfiguration('sourceAnnotator').update('navigation.acrossDocuments', undefined, vscode.ConfigurationTarget.Global);
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
    // The message says what Undo would undo: the decision, the disagreement and the document.
    assert.match(api.adjudicationView.treeView.message ?? '', /^3 of \d+ resolved · Undo \(U\): Keep Both on Only in A, “A spokesman declined” in .*bridge[^/]*\.txt$/);

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

    // Undo outlives the comparison: the new one takes back the take B, then the take A that wrote nothing.
    assert.match(api.adjudicationView.treeView.message ?? '', /Undo \(U\): Take B on Boundary differs, “the cracks were worse”/);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.adjudication.undo'), true);
    await waitForSidecar(file, (s) => !s.annotations.some(isAdjudicated), 'no adjudicated annotation after the second undo');
    await waitFor(() => !again.isResolved({ document: key, key: `${ids.boundaryA}:${ids.boundaryB}` }) || undefined, 5000, 'the boundary disagreement open again');
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.adjudication.undo'), true);
    await waitFor(() => !again.isResolved({ document: key, key: `:${ids.onlyB}` }) || undefined, 5000, 'the only-in-B disagreement open again');
    assert.equal(readSidecar(file).annotations.length, 6, 'the originals, and nothing else');
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.adjudication.undo'), false, 'nothing left to undo');
  });

  it('Edit: the span is chosen in the editor (A’s selected first), confirmed with its fields; Escape writes nothing', async () => {
    const { file, ids } = twoAnnotators();
    const { editor } = await openAnnotated(file);
    const key = editor.document.uri.toString();
    const session = await vscode.commands.executeCommand<AdjudicationSession>('sourceAnnotator.compareAnnotators', A, B);
    await waitFor(() => session.all.find((d) => d.document === key), 5000, 'the document in the comparison');
    const row = { type: 'disagreement', document: key, key: `${ids.boundaryA}:${ids.boundaryB}` };

    // Cancel: A's span was selected, nothing is written, confirming now has nothing to confirm.
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.adjudication.edit', row), true);
    const active = () => vscode.window.activeTextEditor!;
    const aSpan = find(active().document, 'the cracks were worse');
    assert.deepEqual([active().document.offsetAt(active().selection.start), active().document.offsetAt(active().selection.end)], [aSpan.start, aSpan.end]);
    await vscode.commands.executeCommand('sourceAnnotator.adjudication.cancelSpan');
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.adjudication.confirmSpan', { kind: 'claim' }), undefined);
    assert.equal(readSidecar(file).annotations.filter(isAdjudicated).length, 0);

    // Edit again, move the end past A's and short of B's, confirm with a kind and speaker.
    await vscode.commands.executeCommand('sourceAnnotator.adjudication.edit', row);
    const chosen = find(active().document, 'the cracks were worse than');
    active().selection = new vscode.Selection(active().document.positionAt(chosen.start), active().document.positionAt(chosen.end));
    const added = await vscode.commands.executeCommand<unknown[]>('sourceAnnotator.adjudication.confirmSpan', { kind: 'speculation', speaker: 'Engineers' });
    assert.equal(added?.length, 1);
    const sidecar = await waitForSidecar(file, (s) => s.annotations.some(isAdjudicated), 'the edited adjudicated annotation on disk');
    const cp = (utf16: number) => [...TEXT.slice(0, utf16)].length;
    const written = sidecar.annotations.filter(isAdjudicated);
    assert.deepEqual(
      written.map((x) => [x.kind, x.start, x.end, x.text, x.speaker, x.author, adjudicatedFromIds(x)]),
      [['speculation', cp(span('the cracks were worse than').start), cp(span('the cracks were worse than').end), 'the cracks were worse than', 'Engineers', session.adjudicator, [ids.boundaryA, ids.boundaryB]]],
    );
    assert.equal(sidecar.annotations.length, 7, 'the six originals are kept');
    await waitFor(() => session.isResolved({ document: key, key: row.key }) || undefined, 5000, 'the boundary disagreement resolved');

    // Set Speaker on the adjudicated annotation, then Undo: refused, the change is kept.
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.setSpeaker', key, written[0].id, 'The engineers'), true);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.adjudication.undo'), false);
    const kept = await waitForSidecar(file, (s) => s.annotations.some((x) => x.id === written[0].id && x.speaker === 'The engineers'), 'the changed speaker on disk');
    assert.equal(kept.annotations.filter(isAdjudicated).length, 1, 'the edited annotation is still there');
    await vscode.commands.executeCommand('sourceAnnotator.adjudication.close');
  });

  it('Show Annotations of… one author: navigation, the claims panel and the Outline show only theirs, and say so', async () => {
    const { file, ids } = twoAnnotators();
    const { editor, api } = await openAnnotated(file);
    await vscode.commands.executeCommand('sourceAnnotator.showAnnotationsOf', `author:${B}`);
    // Within this document (the earlier tests' documents have B's annotations too).
    await vscode.workspace.getConfiguration('sourceAnnotator').update('navigation.acrossDocuments', false, vscode.ConfigurationTarget.Global);
    placeCursor(editor, 0);
    const visited: string[] = [];
    for (let i = 0; i < 4; i++) visited.push((await vscode.commands.executeCommand<{ id: string }>('sourceAnnotator.nextAnnotation'))!.id);
    // B's three in document order, then round again.
    assert.deepEqual(visited, [ids.agreeB, ids.onlyB, ids.boundaryB, ids.agreeB]);

    // The panel reads the workspace index, built on first use (by an earlier test, or now).
    await api.workspaceIndex.ready();
    const claims = await waitFor(
      () => {
        const { groups } = api.claimsView.provider.groups();
        const shown = groups.flatMap((g) => g.annotations);
        return shown.length > 0 && shown.every((x) => x.annotation.author === B) ? shown : undefined;
      },
      5000,
      "only B's claims in the panel",
    );
    assert.ok(claims.some((x) => x.annotation.id === ids.boundaryB) && claims.some((x) => x.annotation.id === ids.agreeB));
    await waitFor(() => (api.claimsView.treeView.message ?? '').includes(`only ${B}'s`) || undefined, 5000, 'the filter in the panel message');
    assert.match(api.claimsView.treeView.description ?? '', new RegExp(`only ${B}'s$`));

    const symbols = await waitFor(
      async () => {
        const list = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri)) ?? [];
        const flat = (xs: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => xs.flatMap((x) => [x, ...flat(x.children)]);
        return flat(list).length === 3 ? flat(list) : undefined;
      },
      5000,
      "B's three annotations in the Outline",
    );
    assert.deepEqual(symbols.map((x) => x.range.start.character).sort((x, y) => x - y), [find(editor.document, 'the bridge would reopen in May').start, find(editor.document, 'Engineers warned').start, find(editor.document, 'the cracks were worse').start].sort((x, y) => x - y));

    // All again: everything is visited, and the panel says nothing of a filter.
    await vscode.commands.executeCommand('sourceAnnotator.showAnnotationsOf', 'all');
    placeCursor(editor, find(editor.document, 'the bridge would reopen').start + 1);
    const next = await vscode.commands.executeCommand<{ id: string }>('sourceAnnotator.nextAnnotation');
    assert.ok(next && [ids.boundaryA, ids.onlyB].includes(next.id), 'the next annotation of anyone');
    await waitFor(() => !(api.claimsView.treeView.description ?? '').includes('only') || undefined, 5000, 'the filter gone from the panel');
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
