import assert from 'node:assert/strict';
import type { AnnotationKind } from '../../src/core/annotationKind';
import { AnnotationIndex } from '../../src/core/index/annotationIndex';
import type { StoredAnnotation } from '../../src/core/sidecar/sidecarFormat';
import { parseSpeakerRegistry } from '../../src/core/speakers/speakerRegistry';

function a(id: string, kind: AnnotationKind, start: number, speaker?: string, extra: Partial<StoredAnnotation> = {}): StoredAnnotation {
  return { id, kind, start, end: start + 5, text: `text of ${id}`, prefix: '', suffix: '', ...(speaker ? { speaker } : {}), ...extra };
}

function ids(entries: readonly { annotation: StoredAnnotation }[]): string[] {
  return entries.map((e) => e.annotation.id);
}

describe('AnnotationIndex', () => {
  it('groups by speaker: most annotations first, then name, unattributed last; rows in document order', () => {
    const index = new AnnotationIndex();
    index.setDocument('b.txt', [a('b2', 'claim', 50, 'Zelensky'), a('b1', 'claim', 10, 'Lavrov'), a('b3', 'claim', 70)]);
    index.setDocument('a.txt', [a('a1', 'claim', 30, 'Lavrov'), a('a2', 'claim', 5, 'anna'), a('a3', 'quote', 1, 'Lavrov')]);
    const groups = index.speakerGroups({ kinds: ['claim'] });
    assert.deepEqual(
      groups.map((g) => [g.speaker, ids(g.annotations)]),
      [
        ['Lavrov', ['a1', 'b1']],
        ['anna', ['a2']],
        ['Zelensky', ['b2']],
        [undefined, ['b3']],
      ],
    );
  });

  it('filters by kind, text (quote, speaker, note, author; any case) and leaves orphans out', () => {
    const index = new AnnotationIndex();
    index.setDocument('d', [a('x1', 'claim', 0, 'Lavrov', { note: 'Check NATO figures' }), a('x2', 'quote', 10, 'Stoltenberg'), a('x3', 'claim', 20, undefined, { orphaned: true, end: 20 })]);
    assert.deepEqual(ids(index.query({ text: 'nato' })), ['x1']);
    assert.deepEqual(ids(index.query({ text: 'STOLT' })), ['x2']);
    assert.deepEqual(ids(index.query({ kinds: ['quote'] })), ['x2']);
    assert.deepEqual(ids(index.query()), ['x1', 'x2']);
    assert.deepEqual(ids(index.query({ includeOrphans: true })), ['x1', 'x2', 'x3']);
    assert.deepEqual(ids(index.query({ speaker: '' , includeOrphans: true })), ['x3']);
  });

  it('updates one document at a time and records invalid sidecars without their annotations', () => {
    const index = new AnnotationIndex();
    index.setDocument('d1', [a('p1', 'claim', 0, 'A')]);
    index.setDocument('d2', [a('p2', 'claim', 0, 'B')]);
    const before = index.version;
    index.setDocument('d1', [a('p1', 'claim', 0, 'B')]);
    assert.ok(index.version > before);
    assert.deepEqual([...index.speakerCounts()], [['B', 2]]);
    index.setInvalid('d2', [{ message: 'broken', line: 1, column: 1, endLine: 1, endColumn: 2 }]);
    assert.deepEqual(ids(index.query()), ['p1']);
    assert.deepEqual([...index.invalidDocuments().keys()], ['d2']);
    index.setDocument('d2', []);
    assert.equal(index.invalidDocuments().size, 0);
    index.removeDocument('d1');
    assert.deepEqual(index.documents(), ['d2']);
  });

  it('groups variants under the canonical name of the speaker registry', () => {
    const { registry, problems } = parseSpeakerRegistry('speakers:\n  - name: Sergey Lavrov\n    aliases: [Lavrov, "Russia\'s foreign minister Sergey Lavrov"]\n');
    assert.deepEqual(problems, []);
    const index = new AnnotationIndex();
    index.setSpeakerResolver((s) => registry.canonical(s));
    index.setDocument('d', [a('l1', 'claim', 0, 'Lavrov'), a('l2', 'claim', 10, "Russia's foreign minister Sergey Lavrov"), a('l3', 'claim', 20, 'Sergey Lavrov'), a('o1', 'claim', 30, 'Other')]);
    assert.deepEqual(
      index.speakerGroups().map((g) => [g.speaker, g.annotations.length]),
      [
        ['Sergey Lavrov', 3],
        ['Other', 1],
      ],
    );
    assert.deepEqual([...index.spellingsOf('Sergey Lavrov')].sort(), ['Lavrov', "Russia's foreign minister Sergey Lavrov", 'Sergey Lavrov']);
    assert.deepEqual(ids(index.query({ speaker: 'Sergey Lavrov' })), ['l1', 'l2', 'l3']);
  });

  it('answers spellings as of the latest change of the annotations and of the registry', () => {
    const index = new AnnotationIndex();
    index.setDocument('d', [a('l1', 'claim', 0, 'Lavrov'), a('l2', 'claim', 10, 'Sergey Lavrov')]);
    assert.deepEqual([...index.spellingsOf('Lavrov')], ['Lavrov']);
    index.setSpeakerResolver((s) => (s === 'Lavrov' ? 'Sergey Lavrov' : s));
    assert.deepEqual([...index.spellingsOf('Lavrov')], []);
    assert.deepEqual([...index.spellingsOf('Sergey Lavrov')].sort(), ['Lavrov', 'Sergey Lavrov']);
    index.setDocument('e', [a('e1', 'claim', 0, 'S. Lavrov')]);
    index.setSpeakerResolver((s) => (s.endsWith('Lavrov') ? 'Sergey Lavrov' : s));
    assert.deepEqual([...index.spellingsOf('Sergey Lavrov')].sort(), ['Lavrov', 'S. Lavrov', 'Sergey Lavrov']);
    index.removeDocument('d');
    assert.deepEqual([...index.spellingsOf('Sergey Lavrov')], ['S. Lavrov']);
    // What a caller does with the answer does not change the next one.
    index.spellingsOf('Sergey Lavrov').clear();
    assert.deepEqual([...index.spellingsOf('Sergey Lavrov')], ['S. Lavrov']);
  });
});
