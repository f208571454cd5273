import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Annotation } from '../../src/core/annotation';
import { buildSidecarFile, fromStoredAnnotations, toStoredAnnotations } from '../../src/core/sidecar/sidecarCodec';
import { hashDocumentText } from '../../src/core/text/documentText';

/** A document with Cyrillic, emoji (surrogate pairs) and CRLF; offsets below are into it. */
const DOC = 'Привет 😀 мир!\r\nSecond 👍🏽 line: «цитата».';

function annotationOf(id: string, needle: string, extra: Partial<Annotation> = {}): Annotation {
  const start = DOC.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { id, kind: 'quote', start, end: start + needle.length, text: needle, prefix: '', suffix: '', ...extra };
}

/** Code point offset of a UTF-16 offset, by brute force. */
const cp = (u: number) => Array.from(DOC.slice(0, u)).length;

describe('sidecarCodec', () => {
  it('stores code point offsets: emoji count once, CRLF counts twice', () => {
    const a = annotationOf('aaaa', 'мир');
    const b = annotationOf('bbbb', 'line: «цитата»', { speaker: 'Кто-то', orphaned: false, note: '' });
    const [sa, sb] = toStoredAnnotations([a, b], DOC);
    assert.deepEqual([sa.start, sa.end], [9, 12]); // 'Привет ' 7 + 😀 1 + ' ' 1
    assert.equal(sa.start, a.start - 1);
    assert.deepEqual([sb.start, sb.end], [cp(b.start), cp(b.end)]);
    assert.equal(sb.start, b.start - 1 - 2); // 😀 before, 👍🏽 (two pairs) before
    assert.equal(Array.from(DOC).slice(sb.start, sb.end).join(''), 'line: «цитата»');
    // Canonical: empty optional strings and orphaned: false are not stored.
    assert.deepEqual(sb, { id: 'bbbb', kind: 'quote', start: sb.start, end: sb.end, text: b.text, prefix: '', suffix: '', speaker: 'Кто-то' });
  });

  it('ignores a BOM: offsets are into the text without it', () => {
    const a = annotationOf('aaaa', 'мир');
    assert.deepEqual(toStoredAnnotations([a], '\uFEFF' + DOC), toStoredAnnotations([a], DOC));
    assert.deepEqual(fromStoredAnnotations(toStoredAnnotations([a], DOC), '\uFEFF' + DOC), [a]);
  });

  it('round-trips arbitrary spans on character boundaries', () => {
    const boundaries = [0];
    for (const ch of DOC) boundaries.push(boundaries[boundaries.length - 1] + ch.length);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...boundaries), fc.constantFrom(...boundaries)), { maxLength: 20 }), (pairs) => {
        const annotations: Annotation[] = pairs.map(([x, y], i) => ({
          id: `id${i}xx`,
          kind: 'claim',
          start: Math.min(x, y),
          end: Math.max(x, y),
          text: DOC.slice(Math.min(x, y), Math.max(x, y)),
          prefix: '',
          suffix: '',
        }));
        assert.deepEqual(fromStoredAnnotations(toStoredAnnotations(annotations, DOC), DOC), annotations);
      }),
    );
  });

  it('clamps offsets past the end of the document when loading', () => {
    const [a] = fromStoredAnnotations([{ id: 'zzzz', kind: 'claim', start: 500, end: 900, text: 'x', prefix: '', suffix: '' }], DOC);
    assert.deepEqual([a.start, a.end], [DOC.length, DOC.length]);
  });

  it('builds a sorted sidecar file with the document hash', () => {
    const later = annotationOf('aaaa', 'line');
    const earlier = annotationOf('zzzz', 'Привет');
    const file = buildSidecarFile([later, earlier], DOC);
    assert.equal(file.version, 1);
    assert.equal(file.documentHash, hashDocumentText(DOC));
    assert.deepEqual(
      file.annotations.map((a) => a.id),
      ['zzzz', 'aaaa'],
    );
  });

  it('converts 10,000 annotations on a 1 MB document there and back exactly (its speed is in npm run bench)', () => {
    const chunk = 'Ein Satz. Предложение 😀 here.\r\n';
    const text = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    const annotations: Annotation[] = Array.from({ length: 10_000 }, (_, i) => {
      const start = Math.floor((i * text.length) / 10_000 / chunk.length) * chunk.length;
      return { id: `a${i}`.padEnd(4, '0'), kind: 'claim', start, end: start + 10, text: text.slice(start, start + 10), prefix: '', suffix: '' };
    });
    const back = fromStoredAnnotations(toStoredAnnotations(annotations, text), text);
    assert.deepEqual(back, annotations);
  });
});
