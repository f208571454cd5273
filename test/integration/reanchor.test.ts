// Re-anchoring when an open document changes on disk (git checkout, an edit outside VS Code),
// and the Orphaned Annotations view with its actions.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotation';
import type { CandidateNode, OrphanNode, OrphansNode } from '../../src/extension/orphans/orphansTree';
import { changeOnDisk, closeAllEditors, codePoints, getApi, openAnnotated, readSidecar, scratchFile, select, storedById, waitFor, waitForSidecar } from './helpers';

const SUITE = 'reanchor';

const PARAGRAPHS = [
  'Russia has called on NATO to renounce the policy of mutual deterrence.',
  'The minister said on Tuesday that the talks would continue on a bilateral basis when both delegations return next week.',
  'Opening the meeting, the minister called on the alliance to switch to partnership.',
  'Analysts doubt that the proposal will change anything before the summit.',
];

async function tag(editor: vscode.TextEditor, phrase: string, command = 'sourceAnnotator.tagAsClaim'): Promise<Annotation> {
  select(editor, phrase);
  const [annotation] = await vscode.commands.executeCommand<Annotation[]>(command);
  assert.ok(annotation, `tagged ${phrase}`);
  return annotation;
}

describe('re-anchoring on external change', function () {
  afterEach(closeAllEditors);

  it('re-anchors an open document rewritten on disk (lines added above, CRLF), instead of orphaning its spans', async () => {
    const file = scratchFile(SUITE, 'checkout.txt', PARAGRAPHS.join('\n\n') + '\n');
    const { editor, entry } = await openAnnotated(file);
    const claim = await tag(editor, 'renounce the policy of mutual deterrence');
    const quote = await tag(editor, 'the talks would continue', 'sourceAnnotator.tagAsQuote');
    const speculation = await tag(editor, 'doubt that the proposal', 'sourceAnnotator.tagAsSpeculation');
    await waitForSidecar(file, (s) => s.annotations.length === 3, 'three annotations on disk');

    // What a checkout of another commit may do: a paragraph above, the last one reworded, and
    // every line ending converted. VS Code reports it as one edit over nearly all the text.
    const changed = ['A new first paragraph from another branch.', ...PARAGRAPHS.slice(0, 3), 'Analysts doubt that the proposal will change much.'].join('\r\n\r\n') + '\r\n';
    await changeOnDisk(editor.document, changed);
    const text = editor.document.getText();
    await waitFor(() => entry.annotations.get(quote.id)?.start === text.indexOf('the talks would continue'), 5000, 'the quote to be re-anchored');
    for (const [annotation, phrase] of [
      [claim, 'renounce the policy of mutual deterrence'],
      [quote, 'the talks would continue'],
      [speculation, 'doubt that the proposal'],
    ] as const) {
      const now = entry.annotations.get(annotation.id)!;
      assert.equal(now.orphaned, undefined, `${phrase} is not an orphan`);
      assert.equal(text.slice(now.start, now.end), phrase);
    }
    const sidecar = await waitForSidecar(file, (s) => storedById(s, quote.id).start === codePoints(text, text.indexOf('the talks')), 'the new offsets on disk');
    assert.equal(sidecar.annotations.filter((a) => a.orphaned).length, 0);
  });
});

describe('orphaned annotations view', function () {
  afterEach(closeAllEditors);

  const paragraph = PARAGRAPHS[1];
  const original = `Intro.\n\n${paragraph}\n\nEnd of the story.\n`;

  async function orphanRow(documentUri: string, annotationId: string): Promise<{ row: OrphanNode; children: OrphansNode[] }> {
    const { orphansView } = await getApi();
    const provider = orphansView.provider;
    const row = await waitFor(
      () => {
        const documents = provider.getChildren();
        const document = documents.find((d) => d.documentUri === documentUri);
        return document && provider.getChildren(document).find((o): o is OrphanNode => o.type === 'orphan' && o.annotationId === annotationId);
      },
      5000,
      'the orphan in the view',
    );
    return { row, children: provider.getChildren(row) };
  }

  it('lists an ambiguous orphan with both candidates, and Accept Candidate anchors it there', async () => {
    const file = scratchFile(SUITE, 'repeated.txt', original);
    const { editor, entry, api } = await openAnnotated(file);
    const quote = await tag(editor, 'talks would continue', 'sourceAnnotator.tagAsQuote');
    await waitForSidecar(file, (s) => s.annotations.length === 1);

    // The paragraph pasted twice and a line added above: the quote's recorded context lies wholly
    // inside the paragraph, so both copies fit equally well, and neither is clearly nearer.
    const changed = 'A line of some seventy characters, added above the text to move it on.\n' + original.replace(paragraph, `${paragraph}\n\n${paragraph}`);
    await changeOnDisk(editor.document, changed);
    await waitFor(() => entry.annotations.get(quote.id)?.orphaned, 5000, 'the quote to become an orphan');
    const uri = editor.document.uri.toString();
    const { row, children } = await orphanRow(uri, quote.id);

    const provider = api.orphansView.provider;
    const item = provider.getTreeItem(row);
    assert.equal(item.contextValue, 'orphanWithCandidate');
    assert.match(String(item.label), /talks would continue/);
    assert.equal(children.length, 2, 'both copies offered');
    const second = children[1] as CandidateNode;
    const secondCopy = changed.lastIndexOf('talks would continue');
    assert.equal(entry.annotations.candidatesFor(quote.id)[second.candidateIndex].start, secondCopy);
    assert.match(String(provider.getTreeItem(second).label), /^Line 6: /);
    // The badge counts the orphans of every open document (earlier tests may have left some).
    const openOrphans = () => api.store.all().reduce((n, e) => n + e.annotations.orphans.length, 0);
    await waitFor(() => openOrphans() >= 1 && api.orphansView.treeView.badge?.value === openOrphans(), 5000, 'a badge with the number of orphans');
    assert.ok(vscode.languages.getDiagnostics(editor.document.uri).some((d) => d.code === 'orphaned-annotation'), 'also in the Problems panel');

    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.orphans.acceptCandidate', second), true);
    const now = entry.annotations.get(quote.id)!;
    assert.deepEqual([now.start, now.orphaned], [secondCopy, undefined]);
    const stored = await waitForSidecar(file, (s) => !storedById(s, quote.id).orphaned, 'the accepted place on disk');
    assert.equal(storedById(stored, quote.id).start, secondCopy);
    await waitFor(() => !provider.getChildren().some((d) => d.documentUri === uri), 5000, 'the document to leave the view');
  });

  it('Relocate to Selection anchors an orphan to the selection; Remove Annotation deletes one', async () => {
    const file = scratchFile(SUITE, 'relocate.txt', PARAGRAPHS.join('\n\n') + '\n');
    const { editor, entry } = await openAnnotated(file);
    const claim = await tag(editor, 'renounce the policy');
    const speculation = await tag(editor, 'doubt that the proposal', 'sourceAnnotator.tagAsSpeculation');
    await waitForSidecar(file, (s) => s.annotations.length === 2);
    const text = PARAGRAPHS.join('\n\n') + '\n';
    const rewritten = text.replace('renounce the policy', 'give up its doctrine').replace('Analysts doubt that the proposal', 'Few believe the plan');
    await changeOnDisk(editor.document, rewritten);
    await waitFor(() => entry.annotations.orphans.length === 2, 5000, 'both to become orphans');
    const uri = editor.document.uri.toString();

    const { row } = await orphanRow(uri, claim.id);
    select(editor, 'give up its doctrine');
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.orphans.relocateToSelection', row), true);
    const relocated = entry.annotations.get(claim.id)!;
    assert.equal(relocated.orphaned, undefined);
    assert.equal(editor.document.getText().slice(relocated.start, relocated.end), 'give up its doctrine');

    const { row: other } = await orphanRow(uri, speculation.id);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.removeAnnotation', other), true);
    assert.equal(entry.annotations.get(speculation.id), undefined);
    const sidecar = await waitForSidecar(file, (s) => s.annotations.length === 1 && !s.annotations[0].orphaned, 'one anchored annotation on disk');
    assert.equal(storedById(sidecar, claim.id).text, 'give up its doctrine');
    assert.deepEqual(readSidecar(file).annotations.map((a) => a.id), [claim.id]);
  });
});
