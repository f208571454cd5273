import assert from 'node:assert/strict';
import type { Annotation } from '../../src/core/annotation';
import type { AnnotationKind } from '../../src/core/annotationKind';
import { adjacentAnnotation, edgeAnnotation } from '../../src/core/navigation/annotationOrder';

function a(id: string, kind: AnnotationKind, start: number, end: number, orphaned = false): Annotation {
  return { id, kind, start, end, text: '', prefix: '', suffix: '', ...(orphaned ? { orphaned } : {}) };
}

// A claim containing a quote, an identical twin of that quote, a later speculation, an orphan.
const claim = a('c1', 'claim', 10, 60);
const quote = a('q1', 'quote', 20, 30);
const twin = a('q2', 'speculation', 20, 30);
const later = a('s1', 'speculation', 80, 90);
const orphan = a('o1', 'quote', 50, 50, true);
const all = [later, twin, orphan, claim, quote];

describe('adjacentAnnotation', () => {
  it('walks overlapping, nested and identical spans in document order, skipping orphans', () => {
    const visited: string[] = [];
    let position = { start: 0, end: 0, currentId: undefined as string | undefined };
    for (;;) {
      const next = adjacentAnnotation(all, position, 'next');
      if (!next) break;
      visited.push(next.id);
      position = { start: next.start, end: next.end, currentId: next.id };
    }
    assert.deepEqual(visited, ['c1', 'q1', 'q2', 's1']);
  });

  it('walks backwards in exactly the reverse order', () => {
    const visited: string[] = [];
    let position = { start: 1000, end: 1000, currentId: undefined as string | undefined };
    for (;;) {
      const previous = adjacentAnnotation(all, position, 'previous');
      if (!previous) break;
      visited.push(previous.id);
      position = { start: previous.start, end: previous.end, currentId: previous.id };
    }
    assert.deepEqual(visited, ['s1', 'q2', 'q1', 'c1']);
  });

  it('takes an annotation starting at the cursor as the next one', () => {
    assert.equal(adjacentAnnotation(all, { start: 20, end: 20 }, 'next')?.id, 'q1');
    assert.equal(adjacentAnnotation(all, { start: 21, end: 21 }, 'next')?.id, 's1');
  });

  it('filters by kind and reports the end of the document as undefined', () => {
    assert.equal(adjacentAnnotation(all, { start: 0, end: 0 }, 'next', 'speculation')?.id, 'q2');
    assert.equal(adjacentAnnotation(all, { start: 20, end: 30, currentId: 'q2' }, 'next', 'speculation')?.id, 's1');
    assert.equal(adjacentAnnotation(all, { start: 80, end: 90, currentId: 's1' }, 'next'), undefined);
    assert.equal(adjacentAnnotation(all, { start: 5, end: 5 }, 'previous'), undefined);
    assert.equal(adjacentAnnotation(all, { start: 0, end: 0 }, 'next', 'advertisement'), undefined);
  });

  it('ignores a stale current id whose span is no longer selected', () => {
    assert.equal(adjacentAnnotation(all, { start: 31, end: 31, currentId: 'q1' }, 'next')?.id, 's1');
  });
});

describe('edgeAnnotation', () => {
  it('gives the first or last anchored annotation, optionally of a kind', () => {
    assert.equal(edgeAnnotation(all, 'next')?.id, 'c1');
    assert.equal(edgeAnnotation(all, 'previous')?.id, 's1');
    assert.equal(edgeAnnotation(all, 'previous', 'quote')?.id, 'q1');
    assert.equal(edgeAnnotation([orphan], 'next'), undefined);
  });
});
