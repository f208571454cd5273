// A broken sidecar is reported at its line and column, blocks annotating, is never overwritten,
// and is picked up again once fixed on disk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotation';
import { hashDocumentText } from '../../src/core/text/documentText';
import {
  closeAllEditors,
  diagnosticsWithCode,
  getApi,
  openAnnotated,
  readSidecarBytes,
  scratchFile,
  select,
  sidecarPath,
  waitFor,
} from './helpers';

const SUITE = 'invalid';

const DOC = 'Headline\n\nThe senator said "Hello world" and left.\nSponsored: buy now.\n';
const HELLO_START = DOC.indexOf('Hello world');

function annotationLines(kindLine: string, extra: string[] = []): string[] {
  return [
    '  - id: abcd1234',
    `    ${kindLine}`,
    `    start: ${HELLO_START}`,
    ...extra,
    `    end: ${HELLO_START + 'Hello world'.length}`,
    '    text: Hello world',
    '    prefix: "The senator said \\""',
    '    suffix: "\\" and left."',
  ];
}

function sidecar(lines: string[]): string {
  return ['version: 1', `documentHash: ${hashDocumentText(DOC)}`, 'annotations:', ...lines, ''].join('\n');
}

const VALID = sidecar(annotationLines('kind: quote'));

interface Case {
  name: string;
  text: string | Buffer;
  /** Expected first diagnostic: 0-based line and character, as VS Code reports them. */
  line: number;
  character: number;
  message: RegExp;
  count?: number;
}

const CASES: Case[] = [
  {
    name: 'invalid YAML (a duplicate key)',
    // Lines: 0 version, 1 hash, 2 annotations, 3 id, 4 kind, 5 start, 6 the duplicate kind.
    text: sidecar(annotationLines('kind: quote', ['    kind: claim'])),
    line: 6,
    character: 4,
    message: /unique/i,
  },
  {
    name: 'an unknown kind',
    text: sidecar(annotationLines('kind: rumour')),
    line: 4,
    character: 10,
    message: /unknown kind "rumour"/,
  },
  {
    name: 'merge conflict markers',
    text: sidecar([
      '<<<<<<< HEAD',
      ...annotationLines('kind: quote'),
      '=======',
      ...annotationLines('kind: claim'),
      '>>>>>>> theirs',
    ]),
    line: 3,
    character: 0,
    message: /merge conflict/,
    count: 3,
  },
  {
    name: 'bytes that are not UTF-8',
    // Line 7 is the quote: a stray Latin-1 byte (0xE9) where "é" should have been UTF-8.
    text: Buffer.concat([Buffer.from(VALID.slice(0, VALID.indexOf('text: Hello') + 'text: Hello'.length)), Buffer.from([0xe9]), Buffer.from(VALID.slice(VALID.indexOf('text: Hello') + 'text: Hello'.length))]),
    line: 7,
    character: 15,
    message: /not valid UTF-8: byte 0xE9/,
  },
  {
    name: 'a sidecar over the 16 MiB limit',
    text: VALID + `# ${'padding '.repeat(127)}\n`.repeat(17 * 1024),
    line: 0,
    character: 0,
    message: /over the limit of 16\.0 MiB/,
  },
];

describe('broken sidecars', function () {
  afterEach(closeAllEditors);

  for (const c of CASES) {
    it(`reports ${c.name} at its position, refuses tagging, never overwrites it, and reloads once fixed`, async () => {
      const file = scratchFile(SUITE, 'doc.txt', DOC);
      fs.writeFileSync(sidecarPath(file), c.text);
      const bytes = readSidecarBytes(file);
      const sidecarUri = vscode.Uri.file(sidecarPath(file));

      const { editor, entry } = await openAnnotated(file);
      assert.ok(entry.problems && entry.problems.length > 0, 'entry.problems should be set');
      assert.equal(entry.annotations.size, 0);

      const diagnostics = await waitFor(() => {
        const d = diagnosticsWithCode(sidecarUri, 'invalid-sidecar');
        return d.length > 0 ? d : undefined;
      }, 3000, 'invalid-sidecar diagnostics');
      if (c.count !== undefined) assert.equal(diagnostics.length, c.count);
      const first = [...diagnostics].sort((a, b) => a.range.start.compareTo(b.range.start))[0];
      assert.equal(first.severity, vscode.DiagnosticSeverity.Error);
      assert.match(first.message, c.message);
      assert.deepEqual([first.range.start.line, first.range.start.character], [c.line, c.character], `diagnostic at ${first.range.start.line}:${first.range.start.character}`);
      assert.equal(first.source, 'Source Annotator');

      // Tagging is refused, and nothing is written.
      select(editor, 'Sponsored: buy now.');
      const added = await vscode.commands.executeCommand<Annotation[]>('sourceAnnotator.tagAsAdvertisement');
      assert.deepEqual(added, []);
      assert.equal(entry.annotations.size, 0);
      const api = await getApi();
      await api.store.flush();
      assert.deepEqual(readSidecarBytes(file), bytes, 'the sidecar changed after a refused tag');

      // Editing and saving the document leaves it alone too.
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Updated: ')));
      assert.ok(await editor.document.save());
      await api.store.flush();
      assert.deepEqual(readSidecarBytes(file), bytes, 'the sidecar changed after saving the document');

      // Fixed on disk (for the text as it is now; the hash is outdated, so it is re-anchored).
      fs.writeFileSync(sidecarPath(file), VALID);
      await waitFor(() => entry.problems === undefined && entry.annotations.size === 1, 8000, 'the fixed sidecar to load');
      await waitFor(() => diagnosticsWithCode(sidecarUri, 'invalid-sidecar').length === 0, 3000, 'the diagnostics to clear');
      const loaded = entry.annotations.all[0];
      assert.equal(loaded.id, 'abcd1234');
      assert.equal(loaded.kind, 'quote');
      assert.equal(loaded.orphaned, undefined);
      assert.equal(editor.document.getText().slice(loaded.start, loaded.end), 'Hello world');
      assert.equal(loaded.start, HELLO_START + 'Updated: '.length);

      // And annotating works again.
      select(editor, 'Sponsored: buy now.');
      const again = await vscode.commands.executeCommand<Annotation[]>('sourceAnnotator.tagAsAdvertisement');
      assert.equal(again.length, 1);
    });
  }

  it('reports offsets past the end of an unchanged document', async () => {
    const file = scratchFile(SUITE, 'range.txt', DOC);
    const text = sidecar(annotationLines('kind: quote')).replace(`end: ${HELLO_START + 11}`, 'end: 9999');
    fs.writeFileSync(sidecarPath(file), text);
    const bytes = readSidecarBytes(file);
    const { entry } = await openAnnotated(file);
    assert.ok(entry.problems, 'entry.problems should be set');
    const sidecarUri = vscode.Uri.file(sidecarPath(file));
    const [d] = await waitFor(() => {
      const found = diagnosticsWithCode(sidecarUri, 'invalid-sidecar');
      return found.length > 0 ? found : undefined;
    }, 3000, 'an invalid-sidecar diagnostic');
    // 0-based lines: version, documentHash, annotations, id, kind, start, then "    end: 9999".
    assert.deepEqual([d.range.start.line, d.range.start.character], [6, 9]);
    assert.match(d.message, /past the end/);
    await (await getApi()).store.flush();
    assert.deepEqual(readSidecarBytes(file), bytes);
  });
});
