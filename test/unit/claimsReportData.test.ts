import assert from 'node:assert/strict';
import type { AnnotationKind } from '../../src/core/annotationKind';
import { AnnotationIndex } from '../../src/core/index/annotationIndex';
import { claimsReportData } from '../../src/core/report/claimsReportData';
import type { StoredAnnotation } from '../../src/core/sidecar/sidecarFormat';
import { schemeOf } from './schemeFixtures';

function a(id: string, kind: AnnotationKind, start: number, speaker?: string, extra: Partial<StoredAnnotation> = {}): StoredAnnotation {
  return { id, kind, start, end: start + 5, text: `text of ${id}`, prefix: '', suffix: '', ...(speaker ? { speaker } : {}), ...extra };
}

describe('claimsReportData', () => {
  it('counts every kind per document and in all, orphans left out, and lists claims and quotes per speaker', () => {
    const index = new AnnotationIndex();
    index.setDocument('file:///w/b.txt', [a('b1', 'claim', 10, 'Lavrov', { note: '<b>n</b>' }), a('b2', 'advertisement', 40), a('b3', 'claim', 0, undefined, { orphaned: true, end: 0 })]);
    index.setDocument('file:///w/a.txt', [a('a1', 'quote', 30, 'Lavrov'), a('a2', 'speculation', 5, 'Lavrov'), a('a3', 'claim', 60)]);
    const data = claimsReportData(
      index,
      (document) => document.slice('file:///w/'.length),
      (document, codePoint) => (document.endsWith('a.txt') ? 1 + Math.floor(codePoint / 20) : undefined),
    );
    assert.deepEqual(data.kinds, [
      { kind: 'claim', count: 2 },
      { kind: 'quote', count: 1 },
      { kind: 'speculation', count: 1 },
      { kind: 'advertisement', count: 1 },
    ]);
    assert.deepEqual(data.documents, [
      { document: 'file:///w/a.txt', label: 'a.txt', counts: { claim: 1, quote: 1, speculation: 1, advertisement: 0 } },
      { document: 'file:///w/b.txt', label: 'b.txt', counts: { claim: 1, quote: 0, speculation: 0, advertisement: 1 } },
    ]);
    assert.deepEqual(data.reported, ['claim', 'quote']);
    assert.deepEqual(
      data.speakers.map((g) => [g.speaker, g.rows.map((r) => `${r.id} ${r.where}`)]),
      [
        ['Lavrov', ['a1 a.txt:2', 'b1 b.txt']],
        [undefined, ['a3 a.txt:4']],
      ],
    );
    assert.equal(data.speakers[0].rows[1].note, '<b>n</b>');
  });

  it("lists the scheme's panel kinds per speaker beside claims and quotes, and says which", () => {
    const index = new AnnotationIndex();
    index.setDocument('file:///w/a.txt', [a('a1', 'opinion', 0, 'Ng'), a('a2', 'speculation', 10, 'Ng'), a('a3', 'quote', 20, 'Ng')]);
    const scheme = schemeOf(['kinds:', '  - id: quote', '  - id: speculation', '  - id: opinion', 'panel:', '  kinds: [opinion]', ''].join('\n'));
    const data = claimsReportData(index, (document) => document, () => undefined, scheme);
    assert.deepEqual(data.reported, ['quote', 'opinion']);
    assert.deepEqual(data.speakers.map((g) => [g.speaker, g.rows.map((r) => r.id)]), [['Ng', ['a1', 'a3']]]);
  });
});
