import assert from 'node:assert/strict';
import { shiftSpan, type ShiftableSpan } from '../../src/core/edits/shiftSpan';

function shift(span: ShiftableSpan, offset: number, length: number, text: string) {
  const copy = { ...span };
  const outcome = shiftSpan(copy, { offset, length, text });
  return { outcome, span: copy };
}

describe('shiftSpan', () => {
  const span = { start: 10, end: 20 };

  it('moves a span when text is inserted before it', () => {
    assert.deepEqual(shift(span, 3, 0, 'abc'), { outcome: 'moved', span: { start: 13, end: 23 } });
  });

  it('moves a span when text is deleted before it', () => {
    assert.deepEqual(shift(span, 2, 5, ''), { outcome: 'moved', span: { start: 5, end: 15 } });
  });

  it('leaves a span alone when the change is after it', () => {
    assert.deepEqual(shift(span, 25, 3, 'xy'), { outcome: 'unchanged', span });
  });

  it('does not grow when typing at either edge', () => {
    assert.deepEqual(shift(span, 10, 0, 'x'), { outcome: 'moved', span: { start: 11, end: 21 } });
    assert.deepEqual(shift(span, 20, 0, 'x'), { outcome: 'unchanged', span });
  });

  it('grows when typing inside', () => {
    assert.deepEqual(shift(span, 15, 0, 'xyz'), { outcome: 'resized', span: { start: 10, end: 23 } });
  });

  it('keeps a retyped first or last word inside the span', () => {
    assert.deepEqual(shift(span, 10, 4, 'ab'), { outcome: 'resized', span: { start: 10, end: 18 } });
    assert.deepEqual(shift(span, 16, 4, 'abcdef'), { outcome: 'resized', span: { start: 10, end: 22 } });
  });

  it('clips a span when a deletion crosses its start or end', () => {
    assert.deepEqual(shift(span, 5, 10, ''), { outcome: 'clipped', span: { start: 5, end: 10 } });
    assert.deepEqual(shift(span, 15, 10, 'Q'), { outcome: 'clipped', span: { start: 10, end: 16 } });
    assert.deepEqual(shift(span, 5, 10, 'QQ'), { outcome: 'clipped', span: { start: 7, end: 12 } });
  });

  it('orphans a span whose text is deleted entirely, keeping a point at the change', () => {
    assert.deepEqual(shift(span, 10, 10, ''), { outcome: 'orphaned', span: { start: 10, end: 10, orphaned: true } });
    assert.deepEqual(shift(span, 4, 30, 'new'), { outcome: 'orphaned', span: { start: 4, end: 4, orphaned: true } });
  });

  it('moves an orphan with the text around it', () => {
    const orphan = { start: 10, end: 10, orphaned: true };
    assert.deepEqual(shift(orphan, 0, 0, 'ab').span, { start: 12, end: 12, orphaned: true });
    assert.deepEqual(shift(orphan, 5, 10, '').span, { start: 5, end: 5, orphaned: true });
    assert.equal(shift(orphan, 11, 0, 'ab').outcome, 'unchanged');
  });
});
