import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CodePointIndex } from '../../src/core/text/codePointIndex';
import { hashDocumentText, stripBom } from '../../src/core/text/documentText';
import { createHash } from 'node:crypto';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Reference implementation: scan the whole prefix, rounding a split pair down. */
function naiveToCodePoint(text: string, u: number): number {
  const splitsPair = u > 0 && u < text.length && isHigh(text.charCodeAt(u - 1)) && isLow(text.charCodeAt(u));
  return Array.from(text.slice(0, splitsPair ? u - 1 : u)).length;
}

function naiveToUtf16(text: string, c: number): number {
  return Array.from(text)
    .slice(0, c)
    .reduce((n, ch) => n + ch.length, 0);
}

describe('CodePointIndex', () => {
  it('is the identity on text without astral characters (Latin, Cyrillic, CRLF)', () => {
    const text = 'Привет, мир!\r\nHello\r\n';
    const index = new CodePointIndex(text);
    assert.equal(index.codePointLength, text.length);
    assert.equal(index.astralCount, 0);
    for (let i = 0; i <= text.length; i++) {
      assert.equal(index.toCodePoint(i), i);
      assert.equal(index.toUtf16(i), i);
    }
  });

  it('counts an emoji (surrogate pair) as one code point', () => {
    // 'a' 😀 'б' 👍🏽 'c': 😀 at 1-2, б at 3, 👍 at 4-5, 🏽 at 6-7, c at 8.
    const text = 'a😀б👍🏽c';
    const index = new CodePointIndex(text);
    assert.equal(text.length, 9);
    assert.equal(index.codePointLength, 6);
    assert.deepEqual(
      [0, 1, 3, 4, 6, 8, 9].map((u) => index.toCodePoint(u)),
      [0, 1, 2, 3, 4, 5, 6],
    );
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 6].map((c) => index.toUtf16(c)),
      [0, 1, 3, 4, 6, 8, 9],
    );
  });

  it('rounds a UTF-16 offset inside a surrogate pair down to the start of the character', () => {
    const index = new CodePointIndex('a😀b');
    assert.equal(index.toCodePoint(1), 1);
    assert.equal(index.toCodePoint(2), 1); // between \uD83D and \uDE00
    assert.equal(index.toCodePoint(3), 2);
  });

  it('counts lone surrogates as one code point each, like Array.from', () => {
    const text = '\uDE00x\uD83D\uD83D\uDE00\uD83D';
    const index = new CodePointIndex(text);
    assert.equal(index.codePointLength, Array.from(text).length);
    assert.equal(index.codePointLength, 5);
  });

  it('rejects offsets outside the text', () => {
    const index = new CodePointIndex('a😀');
    assert.throws(() => index.toCodePoint(4), RangeError);
    assert.throws(() => index.toCodePoint(-1), RangeError);
    assert.throws(() => index.toUtf16(3), RangeError);
    assert.throws(() => index.toUtf16(0.5), RangeError);
  });

  it('agrees with a naive scan on arbitrary UTF-16 (including lone surrogates)', () => {
    const unit = fc.oneof(
      fc.constantFrom('a', 'я', '\r\n', '😀', '\uD83D', '\uDE00', '\uFEFF'),
      fc.string({ unit: 'binary', maxLength: 3 }),
      fc.string16bits({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const index = new CodePointIndex(text);
        assert.equal(index.codePointLength, Array.from(text).length);
        for (let u = 0; u <= text.length; u++) assert.equal(index.toCodePoint(u), naiveToCodePoint(text, u), `utf16 ${u}`);
        for (let c = 0; c <= index.codePointLength; c++) {
          const u = index.toUtf16(c);
          assert.equal(u, naiveToUtf16(text, c), `code point ${c}`);
          assert.equal(index.toCodePoint(u), c);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('documentText', () => {
  it('strips one leading BOM and nothing else', () => {
    assert.equal(stripBom('\uFEFFabc'), 'abc');
    assert.equal(stripBom('\uFEFF\uFEFFabc'), '\uFEFFabc');
    assert.equal(stripBom('a\uFEFFbc'), 'a\uFEFFbc');
    assert.equal(stripBom(''), '');
  });

  it('hashes the UTF-8 bytes of the BOM-less text, CRLF kept', () => {
    const text = 'Привет 😀\r\nмир';
    const expected = 'sha256:' + createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
    assert.equal(hashDocumentText(text), expected);
    assert.equal(hashDocumentText('\uFEFF' + text), expected);
    assert.notEqual(hashDocumentText(text.replace('\r\n', '\n')), expected);
    assert.match(hashDocumentText(''), /^sha256:[0-9a-f]{64}$/);
    assert.equal(hashDocumentText(''), 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
