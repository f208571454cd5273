// Suggestions in the editor: suggested on a document with known quotes, reviewed (accept, reject,
// accept all of a kind, next), never duplicating an annotation, following edits, and never
// written to the sidecar until accepted. Then the claims report and its Markdown export.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { PendingSuggestion } from '../../src/core/suggest/pendingSuggestions';
import type { PendingSuggestions } from '../../src/core/suggest/pendingSuggestions';
import { closeAllEditors, closeDocument, find, focusEditor, getApi, openAnnotated, openEditor, placeCursor, readSidecar, removeScratchFiles, scratchFile, select, sidecarPath, waitFor, waitForSidecar } from './helpers';

const SUITE = 'suggestions';

const ARTICLE = [
  'Moscow, July 4',
  '',
  '“Dialogue is not going as fast as many had hoped,” Sergey Lavrov said on Monday.',
  '',
  'Lavrov added: “We are ready to cooperate with the alliance.”',
  '',
  'The minister told reporters that NATO was pushing for conflict.',
  '',
].join('\n');

const FIRST_QUOTE = 'Dialogue is not going as fast as many had hoped';
const SECOND_QUOTE = 'We are ready to cooperate with the alliance.';

async function suggest(file: string): Promise<{ editor: vscode.TextEditor; pending: PendingSuggestions }> {
  const { editor } = await openAnnotated(file);
  const pending = await vscode.commands.executeCommand<PendingSuggestions | undefined>('sourceAnnotator.suggestAnnotations');
  assert.ok(pending, 'Suggest Annotations returned nothing');
  return { editor, pending };
}

function quoteStartingWith(pending: PendingSuggestions, phrase: string): PendingSuggestion {
  const found = pending.all.find((s) => s.kind === 'quote' && s.text.startsWith(phrase));
  assert.ok(found, `no quote suggestion for “${phrase}” among ${JSON.stringify(pending.all.map((s) => [s.kind, s.text]))}`);
  return found;
}

describe('suggestions', function () {
  /** Documents of seconds of analysis, removed after their test. */
  const slowDocuments: string[] = [];
  afterEach(closeAllEditors);
  afterEach(() => removeScratchFiles(slowDocuments));

  it('suggests the quotes with their speaker, writes nothing, and accepts the one at the cursor as an annotation by "suggest"', async () => {
    const file = scratchFile(SUITE, 'accept.txt', ARTICLE);
    const { editor, pending } = await suggest(file);
    const first = quoteStartingWith(pending, FIRST_QUOTE);
    const second = quoteStartingWith(pending, SECOND_QUOTE);
    assert.equal(first.speaker, 'Sergey Lavrov');
    assert.equal(editor.document.getText().slice(first.start, first.end), first.text);
    assert.ok(pending.all.some((s) => s.kind === 'claim'), 'the reported claim is suggested too');
    await (await getApi()).store.flush();
    assert.equal(fs.existsSync(sidecarPath(file)), false, 'suggesting wrote a sidecar');

    placeCursor(editor, first.start + 3);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.acceptSuggestion'), true);
    const sidecar = await waitForSidecar(file, (s) => s.annotations.length === 1);
    assert.deepEqual(
      sidecar.annotations.map((a) => [a.kind, a.text, a.speaker, a.author]),
      [['quote', first.text, 'Sergey Lavrov', 'suggest']],
    );
    assert.equal(pending.get(first.id), undefined, 'the accepted suggestion is still pending');
    // Accepting from the keyboard moves on to the next suggestion.
    const selected = editor.document.getText(editor.selection);
    assert.equal(selected, second.text);
  });

  it('rejects a suggestion through its hover link arguments without touching the sidecar', async () => {
    const file = scratchFile(SUITE, 'reject.txt', ARTICLE);
    const { editor, pending } = await suggest(file);
    const first = quoteStartingWith(pending, FIRST_QUOTE);
    const size = pending.size;
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.rejectSuggestion', editor.document.uri.toString(), first.id), true);
    assert.equal(pending.size, size - 1);
    assert.equal(pending.get(first.id), undefined);
    await (await getApi()).store.flush();
    assert.equal(fs.existsSync(sidecarPath(file)), false);
  });

  it('accepts all suggestions of a kind, and never suggests or accepts what an annotation of that kind and span has', async () => {
    const file = scratchFile(SUITE, 'all.txt', ARTICLE);
    const { editor } = await openAnnotated(file);
    const firstSpan = find(editor.document, FIRST_QUOTE);
    // The annotator tagged the first quote (without its trailing comma and with it) already.
    const [withComma] = select(editor, `${FIRST_QUOTE},`);
    await vscode.commands.executeCommand('sourceAnnotator.tagAsQuote');
    const { pending } = await suggest(file);
    assert.equal(
      pending.all.some((s) => s.kind === 'quote' && s.start === withComma.start && s.end === withComma.end),
      false,
      'a suggestion repeats the existing quote',
    );
    assert.ok(firstSpan.start === withComma.start);
    const quotes = pending.all.filter((s) => s.kind === 'quote');
    assert.ok(quotes.length >= 1);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.acceptAllSuggestionsOfKind', 'quote'), true);
    const sidecar = await waitForSidecar(file, (s) => s.annotations.length === 1 + quotes.length);
    assert.equal(sidecar.annotations.filter((a) => a.kind === 'quote' && a.author === 'suggest').length, quotes.length);
    assert.equal(
      pending.all.some((s) => s.kind === 'quote'),
      false,
    );
    assert.ok(pending.all.some((s) => s.kind === 'claim'), 'other kinds stay pending');
  });

  it('shows each suggestion’s confidence in its hover, and accepts only the suggestions of a kind at or above a confidence', async () => {
    const file = scratchFile(SUITE, 'confidence.txt', ARTICLE);
    const { editor, pending } = await suggest(file);
    const quotes = pending.all.filter((s) => s.kind === 'quote');
    assert.ok(quotes.length >= 2 && quotes.every((q) => typeof q.confidence === 'number' && q.confidence > 0 && q.confidence <= 1 && q.why));
    const first = quoteStartingWith(pending, FIRST_QUOTE);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(first.start + 2));
    const shown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/&nbsp;/gu, ' ');
    assert.ok(shown.includes(`Confidence ${Math.round(first.confidence! * 100)}%`), shown);

    const highest = Math.max(...quotes.map((q) => q.confidence!));
    const size = pending.size;
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.acceptSuggestionsAboveConfidence', 'quote', Math.min(1, highest + 0.01)), false);
    assert.equal(pending.size, size, 'a suggestion below the threshold was accepted');
    const lowest = Math.min(...quotes.map((q) => q.confidence!));
    const claims = pending.all.filter((s) => s.kind === 'claim').length;
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.acceptSuggestionsAboveConfidence', 'quote', lowest), true);
    const sidecar = await waitForSidecar(file, (x) => x.annotations.length === quotes.length);
    assert.deepEqual(sidecar.annotations.map((a) => a.kind).sort(), quotes.map(() => 'quote'));
    assert.equal(pending.all.filter((s) => s.kind === 'claim').length, claims, 'claims were accepted with the quotes');
  });

  it('drops a suggestion once the annotator tags the same span with the same kind', async () => {
    const file = scratchFile(SUITE, 'tagged.txt', ARTICLE);
    const { editor, pending } = await suggest(file);
    const second = quoteStartingWith(pending, SECOND_QUOTE);
    editor.selection = new vscode.Selection(editor.document.positionAt(second.start), editor.document.positionAt(second.end));
    await vscode.commands.executeCommand('sourceAnnotator.tagAsQuote');
    await waitFor(() => pending.get(second.id) === undefined, 3000, 'the tagged suggestion to leave');
  });

  it('goes to the next and previous suggestion, selecting and revealing it', async () => {
    const file = scratchFile(SUITE, 'next.txt', ARTICLE);
    const { editor, pending } = await suggest(file);
    placeCursor(editor, 0);
    const visited: string[] = [];
    for (let i = 0; i < pending.size; i++) {
      const next = await vscode.commands.executeCommand<PendingSuggestion>('sourceAnnotator.nextSuggestion');
      visited.push(next.id);
      assert.equal(editor.document.getText(editor.selection), next.text);
    }
    assert.deepEqual(
      visited,
      pending.all.map((s) => s.id),
    );
    const back = await vscode.commands.executeCommand<PendingSuggestion>('sourceAnnotator.previousSuggestion');
    assert.equal(back.id, pending.all[pending.size - 2].id);
  });

  it('follows edits, drops a suggestion whose text is deleted, and clears them when the document closes', async () => {
    const file = scratchFile(SUITE, 'edits.txt', ARTICLE);
    const { editor, pending } = await suggest(file);
    const first = quoteStartingWith(pending, FIRST_QUOTE);
    const second = quoteStartingWith(pending, SECOND_QUOTE);
    const before = second.start;
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'BREAKING: '));
    assert.equal(second.start, before + 'BREAKING: '.length);
    assert.equal(editor.document.getText().slice(second.start, second.end), second.text);
    await editor.edit((edit) => edit.delete(new vscode.Range(editor.document.positionAt(first.start), editor.document.positionAt(first.end))));
    assert.equal(pending.get(first.id), undefined, 'a suggestion without text is still pending');
    assert.ok(pending.get(second.id));
    await editor.document.save();
    await (await getApi()).store.flush();
    assert.equal(fs.existsSync(sidecarPath(file)), false, 'edits wrote suggestions to a sidecar');
    const api = await getApi();
    await focusEditor(editor.document);
    await closeDocument(editor.document);
    assert.equal(api.suggestions.suggestedDocuments().some((d) => d.uri.fsPath === file), false);
  });

  it('analyses off the extension host thread: the host runs on while a long document is analysed, and an edit made meanwhile moves its suggestions', async function () {
    this.timeout(60_000);
    // One sentence of thousands of marked words (seconds of analysis), then the article.
    const slow = 'Ada Brook backs ' + Array.from({ length: 3_000 }, (_, i) => `“fee ${i}” and warned`).join(' ') + '.\n\n';
    const file = scratchFile(SUITE, 'long.txt', slow + ARTICLE);
    slowDocuments.push(file);
    const { editor } = await openAnnotated(file);
    const order: string[] = [];
    const run = vscode.commands.executeCommand<PendingSuggestions | undefined>('sourceAnnotator.suggestAnnotations').then((pending) => {
      order.push('analysed');
      return pending;
    });
    // Timers of this host fire while the analysis runs (on this thread they would wait for its end).
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    order.push('host timers');
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'BREAKING: '));
    const pending = await run;
    assert.deepEqual(order, ['host timers', 'analysed']);
    assert.ok(pending, 'Suggest Annotations returned nothing');
    // The suggestions are the edited text's: every one covers its own words.
    const text = editor.document.getText();
    for (const s of pending.all) assert.equal(text.slice(s.start, s.end), s.text, JSON.stringify(s));
    quoteStartingWith(pending, FIRST_QUOTE);
    assert.equal(fs.existsSync(sidecarPath(file)), false, 'suggesting wrote a sidecar');
  });

  it('brings no suggestions back from an analysis that was under way when they were cleared', async function () {
    this.timeout(60_000);
    const slow = 'Ada Brook backs ' + Array.from({ length: 3_000 }, (_, i) => `“fee ${i}” and warned`).join(' ') + '.\n\n';
    const file = scratchFile(SUITE, 'cleared.txt', slow + ARTICLE);
    slowDocuments.push(file);
    const { editor } = await openAnnotated(file);
    const api = await getApi();
    const run = vscode.commands.executeCommand<PendingSuggestions | undefined>('sourceAnnotator.suggestAnnotations');
    // The analysis is under way (it takes seconds) when the suggestions are cleared.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await vscode.commands.executeCommand('sourceAnnotator.clearSuggestions');
    assert.equal(await run, undefined);
    assert.equal(api.suggestions.get(editor.document), undefined, 'the cleared analysis brought suggestions back');
  });

  it('suggests in the workspace without opening documents, then reviews them one by one', async function () {
    // Its time grows with the workspace: every document other suites left there is analysed.
    this.timeout(60_000);
    const api = await getApi();
    api.suggestions.clear();
    const file = scratchFile(SUITE, 'workspace.txt', ARTICLE);
    const result = await vscode.commands.executeCommand<{ suggestions: number; documents: number; cancelled: boolean }>('sourceAnnotator.suggestAnnotationsInWorkspace');
    assert.equal(result.cancelled, false);
    assert.ok(result.documents >= 1 && result.suggestions >= 3, JSON.stringify(result));
    assert.ok(
      api.suggestions.queuedUris().some((uri) => uri.fsPath === file),
      'the scratch document is not queued',
    );
    assert.equal(
      vscode.workspace.textDocuments.some((d) => d.uri.fsPath === file),
      false,
      'the workspace run opened the document',
    );
    // Opening it brings its suggestions, analysed on the text in the editor.
    const editor = await openEditor(file);
    const pending = await api.suggestions.ready(editor.document);
    assert.ok(pending && pending.size >= 3, 'no suggestions on opening the queued document');
    quoteStartingWith(pending, FIRST_QUOTE);
    assert.equal(api.suggestions.queuedUris().some((uri) => uri.fsPath === file), false);
    // Past its last suggestion, the review continues in another document with suggestions.
    placeCursor(editor, editor.document.getText().length);
    const elsewhere = await vscode.commands.executeCommand<PendingSuggestion | undefined>('sourceAnnotator.nextSuggestion');
    const active = vscode.window.activeTextEditor;
    assert.ok(elsewhere && active, 'Next Suggestion found nothing after the last one');
    assert.notEqual(active.document.uri.fsPath, file);
    assert.equal(active.document.getText(active.selection), elsewhere.text);
    api.suggestions.clear();
  });

  it('opens the claims report and exports it to Markdown, the command line report', async () => {
    const file = scratchFile(SUITE, 'report.txt', ARTICLE);
    await suggest(file);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.acceptAllSuggestionsOfKind', 'quote'), true);
    await waitForSidecar(file, (s) => s.annotations.length >= 2);
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('sourceAnnotator.showClaimsReport');
    assert.equal(panel.viewType, 'sourceAnnotator.claimsReport');
    assert.match(panel.webview.html, /default-src 'none'/);
    assert.match(panel.webview.html, /<script nonce="[^"]+" src=/);
    assert.doesNotMatch(panel.webview.html, /Dialogue/, 'user text must not be in the page markup');
    panel.dispose();
    const api = await getApi();
    await waitFor(() => api.workspaceIndex.index.annotationsOf(vscode.Uri.file(file).toString()).length >= 2, 5000, 'the index to have the accepted quotes');
    const report = await vscode.commands.executeCommand<vscode.TextDocument>('sourceAnnotator.exportClaimsReport');
    assert.equal(report.languageId, 'markdown');
    assert.match(report.getText(), /^# Claims by speaker/);
    assert.match(report.getText(), /## Sergey Lavrov/);
    assert.ok(report.getText().includes(FIRST_QUOTE));
    assert.equal(readSidecar(file).annotations.length >= 2, true);
  });
});

