// Import and export in the editor: "Import Annotations…" into the sidecar of an open document (which
// reloads it) and as suggestions to review (accepted, then gone from X.suggestions.yaml), and
// "Export Annotations…" to a folder, through the same core as the command line.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ImportOutcome } from '../../src/extension/interchange/importAnnotations';
import type { ExportOutcome } from '../../src/extension/interchange/exportAnnotations';
import { closeAllEditors, openAnnotated, scratchFile, waitFor, workspaceDir } from './helpers';

const SUITE = 'interchange';
const TEXT = 'Ann said 😀 the plan works.\r\nBob disagreed.\r\n';

function codePointsOf(text: string, phrase: string): [number, number] {
  const at = text.indexOf(phrase);
  return [[...text.slice(0, at)].length, [...text.slice(0, at + phrase.length)].length];
}

describe('import and export in the editor', function () {
  afterEach(closeAllEditors);

  it('imports a brat file into the sidecar of an open document, which shows it at once; labels mapped by the setting', async () => {
    const file = scratchFile(SUITE, 'brat.txt', TEXT);
    const { editor, api } = await openAnnotated(file);
    const [start, end] = codePointsOf(TEXT, 'the plan works');
    const ann = file.replace(/\.txt$/, '.ann');
    fs.writeFileSync(ann, `T1\tStatement ${start} ${end}\tthe plan works\n#1\tSpeaker T1\tAnn\nR1\tSays Arg1:T1 Arg2:T1\n`);
    // "Statement" is no kind: the setting maps it, as `import --map Statement=claim` would.
    const settings = vscode.workspace.getConfiguration('sourceAnnotator');
    await settings.update('import.labelMap', { Statement: 'claim' }, vscode.ConfigurationTarget.Workspace);
    let outcome: ImportOutcome;
    try {
      outcome = await vscode.commands.executeCommand<ImportOutcome>('sourceAnnotator.importAnnotations', { format: 'brat', files: [vscode.Uri.file(ann)], as: 'annotations' });
    } finally {
      await settings.update('import.labelMap', undefined, vscode.ConfigurationTarget.Workspace);
    }
    assert.equal(outcome.imported, 1);
    assert.equal(outcome.skipped, 1, 'the relation is reported');
    assert.match(outcome.files[0].skipped[0].reason, /a relation \(R1\) has no counterpart/);
    const shown = await waitFor(() => api.store.get(editor.document)?.annotations.all.find((a) => a.kind === 'claim'), 10000, 'the imported claim in the open document');
    assert.equal(editor.document.getText().slice(shown.start, shown.end), 'the plan works');
    assert.equal(shown.speaker, 'Ann');
  });

  it('imports doccano lines as suggestions; an accepted one becomes an annotation and leaves X.suggestions.yaml', async () => {
    const file = scratchFile(SUITE, 'doccano.txt', TEXT);
    const { editor, api } = await openAnnotated(file);
    const [start, end] = codePointsOf(TEXT, 'Bob disagreed');
    const jsonl = file.replace(/\.txt$/, '.jsonl');
    fs.writeFileSync(jsonl, JSON.stringify({ text: TEXT, label: [[start, end, 'QUOTE']], document: path.basename(file) }) + '\n');
    const outcome = await vscode.commands.executeCommand<ImportOutcome>('sourceAnnotator.importAnnotations', { format: 'doccano', files: [vscode.Uri.file(jsonl)], as: 'suggestions' });
    assert.equal(outcome.imported, 1);
    assert.ok(fs.existsSync(`${file}.suggestions.yaml`));
    const offered = await waitFor(() => api.suggestions.get(editor.document)?.all.find((s) => s.rule === 'imported from doccano'), 10000, 'the imported suggestion in the editor');
    assert.equal(editor.document.getText().slice(offered.start, offered.end), 'Bob disagreed');
    assert.equal(api.store.get(editor.document)?.annotations.size, 0, 'nothing annotated before a decision');
    assert.ok(await api.suggestions.accept(editor.document, [offered.id]));
    assert.equal(api.store.get(editor.document)?.annotations.all[0]?.kind, 'quote');
    await waitFor(() => !fs.existsSync(`${file}.suggestions.yaml`), 10000, 'the decided suggestion leaves the file');
  });

  it('exports every format to a folder; brat writes X.txt and X.ann', async () => {
    const file = scratchFile(SUITE, 'export.txt', TEXT);
    const { editor, api } = await openAnnotated(file);
    const document = editor.document;
    await api.store.mutate(document, (annotations, text) => {
      const at = text.indexOf('the plan works');
      annotations.add({ kind: 'claim', start: at, end: at + 'the plan works'.length, speaker: 'Ann' }, text);
      return true;
    });
    await document.save();
    const folder = vscode.Uri.file(fs.mkdtempSync(path.join(workspaceDir(), 'scratch', SUITE, 'out-')));
    const brat = await vscode.commands.executeCommand<ExportOutcome>('sourceAnnotator.exportAnnotations', 'brat', folder);
    const relative = vscode.workspace.asRelativePath(file, false).replace(/\.txt$/, '');
    const annFile = path.join(folder.fsPath, `${relative}.ann`);
    assert.ok(brat.written.some((u) => u.fsPath === annFile), `${annFile} among ${brat.written.map((u) => u.fsPath).join(', ')}`);
    const [start, end] = codePointsOf(TEXT, 'the plan works');
    assert.match(fs.readFileSync(annFile, 'utf8'), new RegExp(`^T\\d+\\tclaim ${start} ${end}\\tthe plan works$`, 'm'));
    const spacy = await vscode.commands.executeCommand<ExportOutcome>('sourceAnnotator.exportAnnotations', 'spacy', folder);
    const lines = fs.readFileSync(spacy.written[0].fsPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { meta: { document: string }; spans: unknown[] });
    assert.deepEqual(lines.find((l) => l.meta.document.endsWith(path.basename(file)))?.spans, [{ start, end, label: 'claim' }]);
  });
});
