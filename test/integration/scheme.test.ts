// The annotation scheme as data: `.annotations/schema.yaml` declares a custom kind and attribute;
// tagging, Set Attribute, a broken scheme file and a scheme that stops declaring a kind are
// checked against the sidecar on disk and the Problems panel. The suite leaves the workspace on
// the built-in scheme, as it found it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotation';
import { parseScheme } from '../../src/core/scheme/parseScheme';
import type { SourceAnnotatorApi } from '../../src/extension/extension';
import { closeAllEditors, copySeed, getApi, openAnnotated, readSidecarText, select, sidecarPath, waitFor, waitForSidecar, workspaceDir } from './helpers';

const SUITE = 'scheme';
const STATISTIC = 'Russia-NATO summit in Lisbon on November 20, 2010';

const SCHEME = `kinds:
  - id: claim
  - id: statistic
    label: Statistic
    color: "#b5651d"
    style: box
    icon: graph
attributes:
  - id: stance
    type: choice
    values: [supports, opposes, neutral]
    kinds: [claim, statistic]
  - id: checked
    type: boolean
    required: true
panel:
  kinds: [claim, statistic]
  groupBy: stance
`;

/** The scheme above, parsed, to read the sidecars written under it. */
const PARSED = (() => {
  const parsed = parseScheme(SCHEME, '.annotations/schema.yaml');
  assert.ok(parsed.ok);
  return parsed.scheme;
})();

function schemePath(): string {
  return path.join(workspaceDir(), '.annotations', 'schema.yaml');
}

async function writeScheme(api: SourceAnnotatorApi, text: string | undefined): Promise<void> {
  if (text === undefined) fs.rmSync(schemePath(), { force: true });
  else {
    fs.mkdirSync(path.dirname(schemePath()), { recursive: true });
    fs.writeFileSync(schemePath(), text);
  }
  await api.schemeRevalidated();
}

describe('annotation scheme', function () {
  let api: SourceAnnotatorApi;

  before(async () => {
    api = await getApi();
  });

  after(async () => {
    await closeAllEditors();
    await writeScheme(api, undefined);
    assert.equal(api.scheme().scheme.source, undefined, 'back on the built-in scheme');
  });

  it('tags a custom kind, sets its attributes by argument, refuses values the scheme lacks', async () => {
    await writeScheme(api, SCHEME);
    assert.deepEqual(
      api.scheme().scheme.kinds.map((k) => k.id),
      ['claim', 'statistic'],
    );
    const file = copySeed(SUITE);
    const { editor } = await openAnnotated(file);
    select(editor, STATISTIC);
    const added = await vscode.commands.executeCommand<Annotation[]>('sourceAnnotator.tagSelection', { kind: 'statistic' });
    assert.equal(added.length, 1);
    assert.equal(added[0].kind, 'statistic');
    await waitForSidecar(file, (s) => s.annotations.some((a) => a.kind === 'statistic'), 'the statistic on disk', 5000, PARSED);

    // `checked` is required: a warning at the span until it is set.
    const missing = () => vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.code === 'missing-attribute');
    const warning = await waitFor(() => missing()[0], 5000, 'the missing-attribute warning');
    assert.equal(warning.message, 'Statistic without Checked, which the annotation scheme requires (Annotate: Set Attribute…).');
    assert.equal(editor.document.getText(warning.range), STATISTIC);

    const uri = editor.document.uri.toString();
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.setAttribute', uri, added[0].id, 'stance', 'opposes'), true);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.setAttribute', uri, added[0].id, 'checked', true), true);
    await waitForSidecar(file, (s) => s.annotations[0]?.attributes?.checked === true, 'both attributes on disk', 5000, PARSED);
    await waitFor(() => missing().length === 0, 5000, 'the warning gone once checked is set');
    assert.match(readSidecarText(file) ?? '', /\n {4}attributes:\n {6}checked: true\n {6}stance: opposes\n/);

    // Not a value of stance, not a boolean, not an attribute of the scheme: refused, nothing written.
    const before = readSidecarText(file);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.setAttribute', uri, added[0].id, 'stance', 'agrees'), false);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.setAttribute', uri, added[0].id, 'checked', 'yes'), false);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.setAttribute', uri, added[0].id, 'mood', 'calm'), false);
    assert.equal(readSidecarText(file), before);

    // null clears an attribute.
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.setAttribute', uri, added[0].id, 'checked', null), true);
    await waitForSidecar(file, (s) => s.annotations[0]?.attributes?.checked === undefined && s.annotations[0]?.attributes?.stance === 'opposes', 'checked cleared', 5000, PARSED);

    // In the Outline with the scheme's label and an icon of its own.
    const symbols = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return found?.find((symbol) => symbol.name.startsWith('Statistic: '));
    }, 5000, 'the statistic in the Outline');
    assert.equal(symbols.kind, vscode.SymbolKind.Number);

    // A kind the scheme does not declare cannot be tagged.
    select(editor, 'Sergey Lavrov');
    const refused = await vscode.commands.executeCommand<Annotation[]>('sourceAnnotator.tagSelection', { kind: 'quote' });
    assert.deepEqual(refused, []);
  });

  it('reports a broken scheme file at its line and pauses annotating, without falling back to the built-in scheme', async () => {
    await writeScheme(api, SCHEME);
    const file = copySeed(SUITE);
    const { editor } = await openAnnotated(file);
    await writeScheme(api, SCHEME.replace('style: box', 'style: sparkly'));
    const problems = api.scheme().problems;
    assert.ok(problems && problems.length === 1, `one problem: ${JSON.stringify(problems)}`);
    assert.equal(problems[0].line, 6);
    assert.match(problems[0].message, /kinds\[1\]\.style: "sparkly" is not allowed; expected one of underline, box, wavy, dim, highlight/);
    const diagnostics = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(vscode.Uri.file(schemePath()));
      return found.length > 0 && found;
    }, 5000, 'the scheme problem in the Problems panel');
    assert.equal(diagnostics[0].range.start.line, 5);
    // The last valid scheme still draws what exists; nothing can be changed until the file is fixed.
    assert.ok(api.scheme().scheme.kinds.some((k) => k.id === 'statistic'));
    select(editor, STATISTIC);
    assert.deepEqual(await vscode.commands.executeCommand<Annotation[]>('sourceAnnotator.tagSelection', { kind: 'claim' }), []);
    assert.equal(fs.existsSync(sidecarPath(file)), false, 'nothing written while the scheme is broken');

    await writeScheme(api, SCHEME);
    assert.equal(api.scheme().problems, undefined);
    assert.equal(vscode.languages.getDiagnostics(vscode.Uri.file(schemePath())).length, 0);
    const added = await vscode.commands.executeCommand<Annotation[]>('sourceAnnotator.tagSelection', { kind: 'claim' });
    assert.equal(added.length, 1);
  });

  it('reports an open sidecar whose kind the new scheme no longer declares, and never rewrites it', async () => {
    await writeScheme(api, SCHEME);
    const file = copySeed(SUITE);
    const { editor } = await openAnnotated(file);
    select(editor, STATISTIC);
    await vscode.commands.executeCommand('sourceAnnotator.tagSelection', 'statistic');
    await waitForSidecar(file, (s) => s.annotations.length === 1, 'the statistic on disk', 5000, PARSED);
    const written = readSidecarText(file);

    await writeScheme(api, 'kinds:\n  - id: claim\n');
    const entry = await waitFor(() => {
      const e = api.store.get(editor.document);
      return e?.problems && e;
    }, 5000, 'the sidecar reported against the new scheme');
    assert.match(entry.problems![0].message, /annotations\[0\]\.kind: unknown kind "statistic"; expected one of claim \(the kinds of \.annotations\/schema\.yaml\)/);
    const kindLine = (written ?? '').split('\n').findIndex((l) => l.includes('kind: statistic')) + 1;
    assert.equal(entry.problems![0].line, kindLine);
    // Read-only while it does not fit the scheme: tagging is refused and the file stays as it was.
    select(editor, 'Sergey Lavrov');
    await vscode.commands.executeCommand('sourceAnnotator.tagAsClaim');
    assert.equal(readSidecarText(file), written);

    // The scheme declares it again: the sidecar loads again, as it was.
    await writeScheme(api, SCHEME);
    await waitFor(() => api.store.get(editor.document)?.problems === undefined, 5000, 'the sidecar valid again');
    assert.equal(api.store.get(editor.document)?.annotations.all[0]?.kind, 'statistic');
  });

  it('checks the sidecars of closed documents with Check Workspace Annotations, as the command line does', async () => {
    await writeScheme(api, SCHEME);
    await closeAllEditors();
    const file = copySeed(SUITE);
    const { editor } = await openAnnotated(file);
    select(editor, STATISTIC);
    await vscode.commands.executeCommand('sourceAnnotator.tagSelection', 'statistic');
    await waitForSidecar(file, (s) => s.annotations.length === 1, 'the statistic on disk', 5000, PARSED);
    await closeAllEditors();
    // The workspace check leaves a document the store still holds to the live checks; VS Code lets a closed editor's
    // document go a little later (longer on a loaded machine), so wait for it.
    await waitFor(() => !api.store.all().some((entry) => entry.sidecarUri.fsPath === sidecarPath(file)), 15_000, 'the store to let the closed document go');
    // Made invalid while closed, and a copy whose document is gone.
    const bad = (readSidecarText(file) ?? '').replace('kind: statistic', 'kind: rumour');
    fs.writeFileSync(sidecarPath(file), bad);
    const orphanSidecar = path.join(path.dirname(file), 'gone-document.txt.annotations.yaml');
    fs.writeFileSync(orphanSidecar, bad.replace('kind: rumour', 'kind: statistic'));

    const result = await vscode.commands.executeCommand<{ sidecars: number; errors: number; warnings: number }>('sourceAnnotator.checkWorkspace');
    assert.ok(result && result.errors >= 2, JSON.stringify(result));
    const onBad = vscode.languages.getDiagnostics(vscode.Uri.file(sidecarPath(file))).filter((d) => d.code === 'workspace-check');
    const kindLine = bad.split('\n').findIndex((l) => l.includes('kind: rumour'));
    assert.deepEqual(
      onBad.map((d) => [d.range.start.line, d.message]),
      [[kindLine, 'annotations[0].kind: unknown kind "rumour"; expected one of claim, statistic (the kinds of .annotations/schema.yaml)']],
    );
    const onGone = vscode.languages.getDiagnostics(vscode.Uri.file(orphanSidecar)).filter((d) => d.code === 'workspace-check');
    assert.ok(onGone.some((d) => d.message === 'the document of this sidecar does not exist (renamed or deleted?)'), JSON.stringify(onGone.map((d) => d.message)));
    fs.rmSync(orphanSidecar);
    fs.rmSync(sidecarPath(file));
  });

  it('shows a hostile label from the scheme file as text in the hover', async () => {
    await writeScheme(api, SCHEME.replace('label: Statistic', 'label: "**Stat** [x](command:sourceAnnotator.removeAnnotation) <img src=x>"'));
    const file = copySeed(SUITE);
    const { editor } = await openAnnotated(file);
    const [span] = select(editor, STATISTIC);
    await vscode.commands.executeCommand('sourceAnnotator.tagSelection', 'statistic');
    const hovers = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(span.start + 2));
      return found?.length ? found : undefined;
    }, 5000, 'the hover');
    const markdown = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.ok(markdown.includes('Stat'), markdown);
    assert.ok(!/(?<!\\)\[x\]\(command:/.test(markdown), `the label's link is escaped: ${markdown}`);
    assert.ok(markdown.includes('\\*\\*Stat\\*\\*'), `the label's emphasis is escaped: ${markdown}`);
    // HTML stays text too: the hover's MarkdownString never enables supportHtml.
    await closeAllEditors();
  });
});
