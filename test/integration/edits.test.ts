// Offsets follow edits of the document (editor edits, multi-cursor, undo, WorkspaceEdit), and the
// sidecar on disk is only rewritten once the edited text is saved.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotation';
import type { DocumentEntry } from '../../src/extension/documentEntry';
import {
  closeAllEditors,
  codePoints,
  diagnosticsWithCode,
  focusEditor,
  getApi,
  openAnnotated,
  readSidecarBytes,
  readSidecar,
  scratchFile,
  select,
  storedById,
  waitFor,
  waitForSidecar,
} from './helpers';

const SUITE = 'edits';

const TEXT = [
  'Morning briefing, day one.',
  '',
  'The minister said: "We will never raise taxes on bread." Analysts doubt it.',
  '',
  'Perhaps the vote will be delayed until spring. Buy Acme soap today!',
  '',
].join('\n');

const QUOTE = 'We will never raise taxes on bread.';
const SPECULATION = 'Perhaps the vote will be delayed until spring.';
const AD = 'Buy Acme soap today!';

interface Fixture {
  file: string;
  editor: vscode.TextEditor;
  document: vscode.TextDocument;
  entry: DocumentEntry;
  quote: Annotation;
  speculation: Annotation;
}

async function fixture(): Promise<Fixture> {
  const file = scratchFile(SUITE, 'briefing.txt', TEXT);
  const { editor, entry } = await openAnnotated(file);
  select(editor, QUOTE);
  const [quote] = await vscode.commands.executeCommand<Annotation[]>('sourceAnnotator.tagAsQuote');
  select(editor, SPECULATION);
  const [speculation] = await vscode.commands.executeCommand<Annotation[]>('sourceAnnotator.tagAsSpeculation');
  assert.ok(quote && speculation);
  await waitForSidecar(file, (s) => s.annotations.length === 2, 'two annotations on disk');
  // Copies: the commands hand back the store's own objects, which move with later edits.
  return { file, editor, document: editor.document, entry, quote: { ...quote }, speculation: { ...speculation } };
}

/** The live annotation (the objects returned by the commands may be replaced on reload). */
function live(entry: DocumentEntry, id: string): Annotation {
  const a = entry.annotations.get(id);
  assert.ok(a, `annotation ${id} is gone`);
  return a;
}

function textOf(document: vscode.TextDocument, a: Annotation): string {
  return document.getText().slice(a.start, a.end);
}

describe('edits', function () {
  afterEach(closeAllEditors);

  it('follows an insertion before a span; writes the shifted offsets only when saved', async () => {
    const { file, editor, document, entry, quote, speculation } = await fixture();
    const before = readSidecarBytes(file);
    assert.ok(before);
    const inserted = 'BREAKING: ';
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), inserted)));
    assert.equal(document.isDirty, true);

    assert.equal(textOf(document, live(entry, quote.id)), QUOTE);
    assert.equal(textOf(document, live(entry, speculation.id)), SPECULATION);
    assert.equal(live(entry, quote.id).start, quote.start + inserted.length);

    // Nothing pending may reach the disk while the text is unsaved.
    const api = await getApi();
    await api.store.flush();
    assert.deepEqual(readSidecarBytes(file), before, 'the sidecar was rewritten while the document was dirty');

    assert.ok(await document.save());
    const text = document.getText();
    const sidecar = await waitForSidecar(file, (s) => storedById(s, quote.id).start === codePoints(text, live(entry, quote.id).start), 'shifted offsets on disk');
    assert.equal(storedById(sidecar, quote.id).end, codePoints(text, live(entry, quote.id).end));
    assert.equal(storedById(sidecar, quote.id).text, QUOTE);
    assert.equal(storedById(sidecar, speculation.id).start, codePoints(text, text.indexOf(SPECULATION)));
    const stored = storedById(sidecar, quote.id);
    assert.ok(text.slice(0, text.indexOf(QUOTE)).endsWith(stored.prefix), 'prefix is not the text before the quote');
  });

  it('grows a span when typing inside it, not when typing at its edges', async () => {
    const { file, editor, document, entry, quote } = await fixture();
    const q = live(entry, quote.id);
    const inside = document.positionAt(q.start + 'We will never'.length);
    assert.ok(await editor.edit((b) => b.insert(inside, ' ever')));
    assert.equal(textOf(document, live(entry, quote.id)), 'We will never ever raise taxes on bread.');

    // At the start and the end: the span does not grow.
    const { start, end } = live(entry, quote.id);
    assert.ok(await editor.edit((b) => b.insert(document.positionAt(end), '!!')));
    assert.ok(await editor.edit((b) => b.insert(document.positionAt(start), '>>')));
    assert.equal(textOf(document, live(entry, quote.id)), 'We will never ever raise taxes on bread.');
    assert.equal(live(entry, quote.id).start, start + 2);

    assert.ok(await document.save());
    await waitForSidecar(file, (s) => storedById(s, quote.id).text === 'We will never ever raise taxes on bread.', 'the grown quote on disk');
  });

  it('orphans a span whose whole text is deleted, and re-anchors it on undo', async () => {
    const { file, editor, document, entry, quote } = await fixture();
    const q = live(entry, quote.id);
    const range = new vscode.Range(document.positionAt(q.start), document.positionAt(q.end));
    assert.ok(await editor.edit((b) => b.delete(range)));

    const orphan = live(entry, quote.id);
    assert.equal(orphan.orphaned, true);
    assert.equal(entry.annotations.orphans.length, 1);
    const diagnostics = await waitFor(() => {
      const d = diagnosticsWithCode(document.uri, 'orphaned-annotation');
      return d.length === 1 ? d : undefined;
    }, 3000, 'an orphaned-annotation diagnostic');
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostics[0].range.start.line, 2);

    await focusEditor(document);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => document.getText() === TEXT, 3000, 'the undo');
    const restored = live(entry, quote.id);
    assert.equal(restored.orphaned, undefined, 'the undo should re-anchor the orphan');
    assert.equal(textOf(document, restored), QUOTE);
    assert.equal(restored.start, quote.start);
    await waitFor(() => diagnosticsWithCode(document.uri, 'orphaned-annotation').length === 0, 3000, 'the orphan diagnostic to go');

    // The document is back to its saved text: saving keeps the sidecar free of orphans.
    await document.save();
    await getApi().then((api) => api.store.flush());
    const sidecar = readSidecar(file);
    assert.equal(storedById(sidecar, quote.id).orphaned, undefined);
    assert.equal(storedById(sidecar, quote.id).text, QUOTE);
  });

  it('keeps an orphan in the sidecar with orphaned: true once saved', async () => {
    const { file, editor, document, entry, quote } = await fixture();
    const q = live(entry, quote.id);
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(document.positionAt(q.start - 1), document.positionAt(q.end + 1)), '"..."')));
    assert.equal(live(entry, quote.id).orphaned, true);
    assert.ok(await document.save());
    const sidecar = await waitForSidecar(file, (s) => storedById(s, quote.id).orphaned === true, 'the orphan on disk');
    const stored = storedById(sidecar, quote.id);
    assert.equal(stored.text, QUOTE, 'an orphan keeps its old quote');
    assert.equal(stored.start, stored.end);
  });

  it('follows a multi-cursor edit before and between spans', async () => {
    const { file, editor, document, entry, quote, speculation } = await fixture();
    const text = document.getText();
    // Before both, between them, and after both.
    const p1 = document.positionAt(text.indexOf('Morning'));
    const p2 = document.positionAt(text.indexOf('Analysts'));
    const p3 = document.positionAt(text.indexOf(AD));
    assert.ok(
      await editor.edit((b) => {
        b.insert(p1, 'Early ');
        b.insert(p2, 'Many ');
        b.insert(p3, '[ad] ');
      }),
    );
    assert.equal(textOf(document, live(entry, quote.id)), QUOTE);
    assert.equal(textOf(document, live(entry, speculation.id)), SPECULATION);
    assert.equal(live(entry, quote.id).start, quote.start + 'Early '.length);
    assert.equal(live(entry, speculation.id).start, speculation.start + 'Early '.length + 'Many '.length);

    // And several cursors typing at once (one edit, several changes), inside the quote and before it.
    const q = live(entry, quote.id);
    assert.ok(
      await editor.edit((b) => {
        b.insert(document.positionAt(q.start + 'We will'.length), ' truly');
        b.insert(document.positionAt(0), '# ');
      }),
    );
    assert.equal(textOf(document, live(entry, quote.id)), 'We will truly never raise taxes on bread.');
    assert.equal(textOf(document, live(entry, speculation.id)), SPECULATION);

    assert.ok(await document.save());
    const saved = document.getText();
    const sidecar = await waitForSidecar(file, (s) => storedById(s, speculation.id).start === codePoints(saved, saved.indexOf(SPECULATION)), 'offsets on disk');
    assert.equal(storedById(sidecar, quote.id).text, 'We will truly never raise taxes on bread.');
  });

  it('follows a WorkspaceEdit applied by another extension', async () => {
    const { file, document, entry, quote, speculation } = await fixture();
    const edit = new vscode.WorkspaceEdit();
    const text = document.getText();
    edit.insert(document.uri, new vscode.Position(0, 0), 'Header line\n\n');
    edit.replace(document.uri, new vscode.Range(document.positionAt(text.indexOf('Analysts doubt it.')), document.positionAt(text.indexOf('Analysts doubt it.') + 'Analysts doubt it.'.length)), 'Nobody believes it.');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(textOf(document, live(entry, quote.id)), QUOTE);
    assert.equal(textOf(document, live(entry, speculation.id)), SPECULATION);
    assert.equal(live(entry, quote.id).start, quote.start + 'Header line\n\n'.length);

    assert.ok(await document.save());
    const saved = document.getText();
    await waitForSidecar(file, (s) => storedById(s, quote.id).start === codePoints(saved, saved.indexOf(QUOTE)), 'shifted offsets on disk');
  });
});
