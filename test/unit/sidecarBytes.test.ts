import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeSidecarBytes, firstInvalidUtf8, MAX_SIDECAR_BYTES } from '../../src/core/sidecar/sidecarBytes';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeSidecarBytes', () => {
  it('decodes valid UTF-8, astral characters and a BOM included', () => {
    const text = '\uFEFFversion: 1\nannotations:\n  - text: "Привет 😀"\n';
    assert.deepEqual(decodeSidecarBytes(utf8(text)), { ok: true, text });
  });

  it('refuses invalid UTF-8 at the line and column of the first bad byte', () => {
    const good = utf8('version: 1\nannotations:\n  - text: é');
    const bytes = new Uint8Array([...good, 0xff, ...utf8('x\n')]);
    const result = decodeSidecarBytes(bytes);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.problem.line, 3);
    assert.equal(result.problem.column, 12);
    assert.match(result.problem.message, /not valid UTF-8: byte 0xFF at byte offset/);
  });

  it('does not count a BOM in the column of a bad byte on the first line', () => {
    const result = decodeSidecarBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc0, 0x80]));
    assert.equal(result.ok, false);
    if (!result.ok) assert.deepEqual([result.problem.line, result.problem.column], [1, 2]);
  });

  it('refuses encoded surrogates, overlong forms and truncated sequences', () => {
    for (const bad of [[0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
      const result = decodeSidecarBytes(new Uint8Array([0x61, ...bad]));
      assert.equal(result.ok, false, `bytes ${bad.map((b) => b.toString(16)).join(' ')}`);
    }
  });

  it('refuses a sidecar over the size limit without decoding it', () => {
    const result = decodeSidecarBytes(new Uint8Array(MAX_SIDECAR_BYTES + 1));
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.problem.message, /over the limit of 16\.0 MiB/);
  });

  it('agrees with the platform decoder on which byte strings are UTF-8 (property)', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), fc.string({ unit: 'binary', maxLength: 8 }), (noise, text) => {
        const bytes = new Uint8Array([...utf8(text), ...noise]);
        let valid = true;
        try {
          fatal.decode(bytes);
        } catch {
          valid = false;
        }
        assert.equal(firstInvalidUtf8(bytes) === bytes.length, valid);
        assert.equal(decodeSidecarBytes(bytes).ok, valid);
      }),
      { numRuns: 2000 },
    );
  });
});
