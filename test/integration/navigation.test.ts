// Reviewers walk tags from the keyboard: next/previous (per kind, across overlapping spans and
// across documents), Go to Annotation in Document, the Outline's document symbols, and the
// default keybindings not clashing with VS Code's own.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotation';
import { closeAllEditors, find, openAnnotated, openEditor, placeCursor, scratchFile, select, waitFor, workspaceDir } from './helpers';

const SUITE = 'navigation';

const TEXT = [
  'Headline of the day.',
  '',
  'The minister said that the talks were going well and that a deal could come soon.',
  '',
  'Analysts expect prices to rise. Share this article on Facebook.',
  '',
].join('\n');

/** Tags the phrases of a fresh document: a claim holding a quote, a twin of that quote, speculation, advertisement. */
async function annotatedScratch(): Promise<{ editor: vscode.TextEditor; ids: Record<string, string> }> {
  const file = scratchFile(SUITE, 'walk.txt', TEXT);
  const { editor } = await openAnnotated(file);
  const tagAs = async (command: string, phrase: string): Promise<string> => {
    select(editor, phrase);
    const [added] = await vscode.commands.executeCommand<Annotation[]>(command);
    assert.ok(added, `${command} tagged "${phrase}"`);
    return added.id;
  };
  const ids = {
    claim: await tagAs('sourceAnnotator.tagAsClaim', 'The minister said that the talks were going well and that a deal could come soon.'),
    quote: await tagAs('sourceAnnotator.tagAsQuote', 'the talks were going well'),
    twin: await tagAs('sourceAnnotator.tagAsSpeculation', 'the talks were going well'),
    speculation: await tagAs('sourceAnnotator.tagAsSpeculation', 'Analysts expect prices to rise.'),
    ad: await tagAs('sourceAnnotator.tagAsAdvertisement', 'Share this article on Facebook.'),
  };
  return { editor, ids };
}

function selectedText(editor: vscode.TextEditor): string {
  return editor.document.getText(editor.selection);
}

async function go(command: string): Promise<Annotation | undefined> {
  return vscode.commands.executeCommand<Annotation | undefined>(command);
}

describe('navigation', function () {
  const configuration = () => vscode.workspace.getConfiguration('sourceAnnotator');
  after(async () => {
    await configuration().update('navigation.acrossDocuments', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('walks every annotation in document order, nested and identical spans included, and wraps inside the document when asked to', async () => {
    await configuration().update('navigation.acrossDocuments', false, vscode.ConfigurationTarget.Global);
    const { editor, ids } = await annotatedScratch();
    placeCursor(editor, 0);
    const forward: string[] = [];
    for (let i = 0; i < 6; i++) forward.push((await go('sourceAnnotator.nextAnnotation'))!.id);
    // The quote and its identical twin come in id order, as in the sidecar.
    const [firstTwin, secondTwin] = [ids.quote, ids.twin].sort();
    assert.deepEqual(forward, [ids.claim, firstTwin, secondTwin, ids.speculation, ids.ad, ids.claim]);
    assert.equal(selectedText(editor), 'The minister said that the talks were going well and that a deal could come soon.');

    const backward: string[] = [];
    for (let i = 0; i < 5; i++) backward.push((await go('sourceAnnotator.previousAnnotation'))!.id);
    assert.deepEqual(backward, [ids.ad, ids.speculation, secondTwin, firstTwin, ids.claim]);
  });

  it('goes to the next and previous annotation of one kind', async () => {
    await configuration().update('navigation.acrossDocuments', false, vscode.ConfigurationTarget.Global);
    const { editor, ids } = await annotatedScratch();
    placeCursor(editor, 0);
    assert.equal((await go('sourceAnnotator.nextSpeculation'))?.id, ids.twin);
    assert.equal((await go('sourceAnnotator.nextSpeculation'))?.id, ids.speculation);
    assert.equal(selectedText(editor), 'Analysts expect prices to rise.');
    assert.equal((await go('sourceAnnotator.previousQuote'))?.id, ids.quote);
    assert.equal((await go('sourceAnnotator.nextAdvertisement'))?.id, ids.ad);
    assert.equal(selectedText(editor), 'Share this article on Facebook.');
  });

  it('continues in the next annotated document of the workspace at the end of a document', async () => {
    await configuration().update('navigation.acrossDocuments', true, vscode.ConfigurationTarget.Global);
    const { editor, ids } = await annotatedScratch();
    const here = editor.document.uri.fsPath;
    placeCursor(editor, editor.document.getText().length);
    // The expected next document: the following sidecar's document in path order, wrapping around.
    const documents = (await vscode.workspace.findFiles('**/*.annotations.yaml', '**/node_modules/**'))
      .map((uri) => uri.fsPath.slice(0, -'.annotations.yaml'.length))
      .sort();
    const expected = documents[(documents.indexOf(here) + 1) % documents.length];
    const landed = await go('sourceAnnotator.nextAnnotation');
    assert.ok(landed);
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.fsPath === expected, 5000, `the editor on ${path.basename(expected)}`);
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.offsetAt(active.selection.start), landed.start);
    assert.equal(active.document.offsetAt(active.selection.end), landed.end);
    if (expected !== here) assert.notEqual(landed.id, ids.claim);

    // And back: Previous from the first annotation there returns to our last one.
    const back = await go('sourceAnnotator.previousAnnotation');
    if (expected !== here) {
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.fsPath === here, 5000, 'the editor back on the scratch document');
      assert.equal(back?.id, ids.ad);
    }
  });

  it('offers the document\'s annotations in Go to Annotation in Document, previews them, and restores the editor on Escape', async () => {
    const { editor } = await annotatedScratch();
    placeCursor(editor, 3);
    const picked = vscode.commands.executeCommand<{ annotation: Annotation } | undefined>('sourceAnnotator.goToAnnotationInDocument');
    // Moving through the list previews each span in the editor.
    await waitFor(() => selectedText(editor) === 'The minister said that the talks were going well and that a deal could come soon.', 5000, 'the first item previewed');
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await waitFor(() => selectedText(editor) === 'the talks were going well', 5000, 'the second item previewed');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await picked, undefined);
    await waitFor(() => editor.document.offsetAt(vscode.window.activeTextEditor!.selection.active) === 3, 5000, 'the cursor restored');

    const accepted = vscode.commands.executeCommand<{ annotation: Annotation } | undefined>('sourceAnnotator.goToAnnotationInDocument');
    await waitFor(() => selectedText(editor).startsWith('The minister'), 5000, 'the picker open');
    for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await waitFor(() => selectedText(editor) === 'Analysts expect prices to rise.', 5000, 'the fourth item previewed');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal((await accepted)?.annotation.text, 'Analysts expect prices to rise.');
    assert.equal(selectedText(vscode.window.activeTextEditor!), 'Analysts expect prices to rise.');
  });

  it('provides the annotations as document symbols, nested where spans nest', async () => {
    const { editor } = await annotatedScratch();
    const symbols = await waitFor(
      async () => {
        const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
        return result && result.length === 3 ? result : undefined;
      },
      5000,
      'three top-level symbols',
    );
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Claim: The minister said that the talks were going well…', 'Speculation: Analysts expect prices to rise.', 'Advertisement: Share this article on Facebook.'],
    );
    // The two identical spans are siblings inside the claim (their order follows their random ids).
    assert.deepEqual(
      symbols[0].children.map((s) => s.name).sort(),
      ['Quote: the talks were going well', 'Speculation: the talks were going well'],
    );
    const quoteRange = symbols[0].children.find((s) => s.name.startsWith('Quote'))!.range;
    assert.equal(editor.document.getText(quoteRange), 'the talks were going well');
    assert.deepEqual(quoteRange, new vscode.Range(editor.document.positionAt(find(editor.document, 'the talks').start), editor.document.positionAt(find(editor.document, 'going well').end)));
  });

  it('binds Next/Previous Annotation to keys that VS Code itself does not use', async () => {
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const defaults = await waitFor(() => {
      const document = vscode.window.activeTextEditor?.document;
      return document && document.getText().includes('"command"') ? document.getText() : undefined;
    }, 10000, 'the default keybindings');
    const ours = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')).contributes.keybindings as { key: string; command: string }[];
    for (const { key, command } of ours) {
      const users = [...defaults.matchAll(/"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"/g)].filter((m) => m[1] === key && !m[2].startsWith('sourceAnnotator.') && !m[2].startsWith('-'));
      assert.deepEqual(users.map((m) => m[2]), [], `${key} (${command}) is also bound by VS Code`);
    }
    assert.ok(fs.existsSync(workspaceDir()));
    await openEditor(scratchFile(SUITE, 'after.txt', 'x'));
  });
});
