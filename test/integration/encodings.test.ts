// Offsets across line endings, byte order marks and astral characters: the sidecar stores code
// points into the BOM-less text, the editor works in UTF-16, and a reopen maps one onto the other.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotation';
import { hashDocumentText } from '../../src/core/text/documentText';
import {
  closeAllEditors,
  closeDocument,
  codePoints,
  getApi,
  openAnnotated,
  readSidecar,
  readSidecarBytes,
  scratchFile,
  select,
  storedById,
  waitForSidecar,
} from './helpers';

const SUITE = 'encodings';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

interface EncodingCase {
  name: string;
  /** The file's bytes. */
  bytes: Buffer;
  /** The document text VS Code should show (no BOM). */
  text: string;
  phrase: string;
  eol?: vscode.EndOfLine;
}

function utf8(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

const EMOJI_TEXT = 'Заголовок: новости 🌍🚀 дня\n\nОн сказал 👋🏽: «Мы победим» — и ушёл. 😀 Then the senator promised lower taxes for everyone.\n';
const CRLF_TEXT = 'Line one\r\nLine two\r\n\r\nThe spokesman confirmed the deal\r\nwas signed.\r\n';

const CASES: EncodingCase[] = [
  { name: 'a CRLF document', bytes: utf8(CRLF_TEXT), text: CRLF_TEXT, phrase: 'confirmed the deal\r\nwas signed', eol: vscode.EndOfLine.CRLF },
  { name: 'a document with a BOM', bytes: Buffer.concat([BOM, utf8('Intro\n\nA BOM precedes this claim about prices.\n')]), text: 'Intro\n\nA BOM precedes this claim about prices.\n', phrase: 'this claim about prices' },
  { name: 'Cyrillic text and emoji before the span', bytes: utf8(EMOJI_TEXT), text: EMOJI_TEXT, phrase: 'the senator promised lower taxes' },
  { name: 'a span holding emoji itself', bytes: utf8(EMOJI_TEXT), text: EMOJI_TEXT, phrase: '«Мы победим» — и ушёл. 😀' },
  {
    name: 'BOM, CRLF and emoji together',
    bytes: Buffer.concat([BOM, utf8('🎉 Party\r\nЦитата: 🚀 «launch today» ok\r\n')]),
    text: '🎉 Party\r\nЦитата: 🚀 «launch today» ok\r\n',
    phrase: '«launch today»',
    eol: vscode.EndOfLine.CRLF,
  },
];

describe('encodings', function () {
  afterEach(closeAllEditors);

  for (const c of CASES) {
    it(`stores code point offsets for ${c.name} and restores the same range on reopen`, async () => {
      const file = scratchFile(SUITE, 'doc.txt', c.bytes);
      const first = await openAnnotated(file);
      const document = first.editor.document;
      assert.equal(document.getText(), c.text, 'VS Code should show the text without its BOM');
      if (c.eol !== undefined) assert.equal(document.eol, c.eol);

      const [span] = select(first.editor, c.phrase);
      const [added] = await vscode.commands.executeCommand<Annotation[]>('sourceAnnotator.tagAsClaim');
      assert.ok(added, 'nothing was tagged');
      assert.equal(added.start, span.start);
      assert.equal(added.text, c.phrase);

      const sidecar = await waitForSidecar(file, (s) => s.annotations.length === 1);
      const stored = storedById(sidecar, added.id);
      // Code points of the BOM-less text on disk, computed independently of the extension.
      const disk = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      assert.equal(disk, c.text);
      assert.equal(stored.start, codePoints(disk, span.start), 'start is not a code point offset');
      assert.equal(stored.end, codePoints(disk, span.end), 'end is not a code point offset');
      assert.equal([...disk].slice(stored.start, stored.end).join(''), c.phrase);
      assert.equal(stored.text, c.phrase);
      assert.equal(sidecar.documentHash, hashDocumentText(c.text));
      // The context never splits a surrogate pair.
      for (const part of [stored.prefix, stored.suffix, stored.text]) {
        assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(part), `lone surrogate in ${JSON.stringify(part)}`);
      }
      const sidecarBytes = readSidecarBytes(file);

      await closeDocument(document);
      const second = await openAnnotated(file);
      const reloaded = second.entry.annotations.get(added.id);
      assert.ok(reloaded);
      assert.equal(reloaded.orphaned, undefined);
      assert.deepEqual([reloaded.start, reloaded.end], [span.start, span.end], 'the UTF-16 range changed across a reopen');
      assert.equal(second.editor.document.getText().slice(reloaded.start, reloaded.end), c.phrase);

      // Saving the reopened document keeps the file's BOM and the sidecar as they were.
      assert.ok(await second.editor.edit((b) => b.insert(second.editor.document.positionAt(second.editor.document.getText().length), 'x')));
      assert.ok(await second.editor.edit((b) => b.delete(new vscode.Range(second.editor.document.positionAt(second.editor.document.getText().length - 1), second.editor.document.positionAt(second.editor.document.getText().length)))));
      assert.ok(await second.editor.document.save());
      await (await getApi()).store.flush();
      assert.deepEqual(fs.readFileSync(file), c.bytes, 'saving changed the document bytes');
      assert.deepEqual(readSidecarBytes(file), sidecarBytes, 'saving an unchanged document rewrote the sidecar');
      assert.equal(readSidecar(file).annotations.length, 1);
    });
  }
});
