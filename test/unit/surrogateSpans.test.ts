// Offsets are UTF-16 in memory and code points on disk: a span edge between the two halves of a
// surrogate pair has no code point offset. It must never be written as a sidecar the parser rejects.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Annotation } from '../../src/core/annotation';
import { parseSidecar } from '../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import { buildSidecarFile, toStoredAnnotations, wholeCharacters } from '../../src/core/sidecar/sidecarCodec';
import { loadSidecar } from '../../src/core/sidecar/sidecarDocument';
import type { SidecarFile } from '../../src/core/sidecar/sidecarFormat';
import { unsafeSidecarText } from '../../src/core/sidecar/verifySidecarText';
import { hashDocumentText } from '../../src/core/text/documentText';
import { parsed, run } from './sidecarFixtures';
import { tempDir } from './tempDirs';

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const piece = fc.constantFrom('a', 'b', ' ', '\n', '😀', '😃', '𝔸', 'é');
const textAndSpan = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat())
  .map(([pieces, a, b]) => {
    const text = pieces.join('');
    const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
    return { text, start, end: end === start ? Math.min(text.length, start + 1) : end };
  })
  .filter(({ start, end }) => end > start);

function annotationAt(text: string, start: number, end: number): Annotation {
  return { id: 'abcd1234', kind: 'quote', start, end, text: text.slice(start, end), prefix: text.slice(Math.max(0, start - 5), start), suffix: text.slice(end, end + 5) };
}

describe('spans that split a surrogate pair', () => {
  it('wholeCharacters moves a splitting edge outwards, keeps empty spans empty and leaves whole spans alone', () => {
    const text = 'a😀b';
    assert.deepEqual(wholeCharacters(text, 1, 2), { start: 1, end: 3 });
    assert.deepEqual(wholeCharacters(text, 2, 3), { start: 1, end: 3 });
    assert.deepEqual(wholeCharacters(text, 2, 4), { start: 1, end: 4 });
    assert.deepEqual(wholeCharacters(text, 2, 2), { start: 1, end: 1 });
    assert.deepEqual(wholeCharacters(text, 0, 4), { start: 0, end: 4 });
  });

  it('property: any span is stored over whole characters, its quote re-read, and the sidecar reads back valid and intact', () => {
    fc.assert(
      fc.property(textAndSpan, ({ text, start, end }) => {
        const [stored] = toStoredAnnotations([annotationAt(text, start, end)], text);
        assert.ok(stored.start < stored.end, 'never an empty span');
        assert.equal([...text].slice(stored.start, stored.end).join(''), stored.text, 'the quote is what the code point offsets hold');
        assert.ok(!LONE.test(stored.text), 'never half a character');
        const file = buildSidecarFile([annotationAt(text, start, end)], text);
        const sidecar = serializeSidecar(file);
        assert.equal(unsafeSidecarText(sidecar, file, text), undefined);
        const loaded = loadSidecar(sidecar, text);
        assert.ok(loaded.ok);
        assert.deepEqual([loaded.anchoring.moved.length, loaded.anchoring.orphaned.length], [0, 0]);
      }),
      { numRuns: 300 },
    );
  });

  it('check --fix of a quote that is half an emoji writes the whole emoji, and the next check passes', async () => {
    const dir = tempDir('surrogate');
    try {
      const document = 'Intro.\nPrice: 😀 up.\n';
      fs.writeFileSync(path.join(dir, 'doc.txt'), document);
      // Written by hand (or by an old version): the quote is the high half of the emoji, and the
      // document changed since (another hash), so the quote is searched for and found mid-pair.
      const sidecar = [
        'version: 1',
        `documentHash: "${hashDocumentText('Price: 😀 up.\n')}"`,
        'annotations:',
        '  - id: abcd1234',
        '    kind: quote',
        '    start: 7',
        '    end: 8',
        '    text: "\\uD83D"',
        '    prefix: "Price: "',
        '    suffix: "\\uDE00 up."',
        '',
      ].join('\n');
      const file = path.join(dir, 'doc.txt.annotations.yaml');
      fs.writeFileSync(file, sidecar);
      const fix = await run(dir, 'check', '--fix');
      assert.equal(fix.code, 0, fix.out + fix.err);
      assert.match(fix.out, /: fixed: /);
      const stored = parsed(fs.readFileSync(file, 'utf8')).annotations[0];
      assert.deepEqual([stored.start, stored.end, stored.text], [14, 15, '😀']);
      assert.deepEqual(await run(dir, 'check'), { code: 0, out: '', err: 'Checked 1 sidecar(s): 0 error(s), 0 warning(s).\n' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('unsafeSidecarText and writeSidecar: nothing that does not read back is written', () => {
  const text = 'Russia has called on NATO.';
  const good: SidecarFile = buildSidecarFile([annotationAt(text, 0, 6)], text);

  it('passes a sidecar that reads back as the same annotations', () => {
    assert.equal(unsafeSidecarText(serializeSidecar(good), good, text), undefined);
  });

  it('refuses text that does not parse, has offsets past the document, or holds other annotations', () => {
    const empty: SidecarFile = { ...good, annotations: [{ ...good.annotations[0], end: 0 }] };
    assert.match(unsafeSidecarText(serializeSidecar(empty), empty, text) ?? '', /would not read back \(line \d+: annotations\[0\]: empty span/);
    const past: SidecarFile = { ...good, annotations: [{ ...good.annotations[0], end: 99 }] };
    assert.match(unsafeSidecarText(serializeSidecar(past), past, text) ?? '', /offset 99 is past the end of the document/);
    const other: SidecarFile = { ...good, annotations: [{ ...good.annotations[0], speaker: 'Lavrov' }] };
    assert.match(unsafeSidecarText(serializeSidecar(good), other, text) ?? '', /not read back as the same annotations/);
    assert.ok(parseSidecar(serializeSidecar(good)).ok);
  });
});
