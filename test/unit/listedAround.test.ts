// The Outline of a dense document lists a window of its annotations around the cursor.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { listedAround } from '../../src/core/index/listedAround';

const spansArb = fc
  .array(fc.tuple(fc.nat(500), fc.nat(60)), { maxLength: 60 })
  .map((pairs) => pairs.map(([start, length]) => ({ start, end: start + length })).sort((a, b) => a.start - b.start || a.end - b.end));

describe('listedAround', () => {
  it('lists everything that fits, whatever the cursor', () => {
    const spans = [{ start: 0, end: 4 }, { start: 10, end: 12 }];
    assert.deepEqual(listedAround(spans, 2, 11), { spans, before: 0, after: 0 });
  });

  it('centres the window on the first span ending at or after the cursor, and counts the others', () => {
    const spans = Array.from({ length: 10 }, (_, i) => ({ start: i * 10, end: i * 10 + 5 }));
    assert.deepEqual(listedAround(spans, 4, 52), { spans: spans.slice(3, 7), before: 3, after: 3 });
    // At the start, and past the last span: the window stays full.
    assert.deepEqual(listedAround(spans, 4, 0), { spans: spans.slice(0, 4), before: 0, after: 6 });
    assert.deepEqual(listedAround(spans, 4, 1000), { spans: spans.slice(6), before: 6, after: 0 });
  });

  it('property: a full window of consecutive spans that holds the cursor span, nothing lost in the counts', () => {
    fc.assert(
      fc.property(spansArb, fc.integer({ min: 1, max: 20 }), fc.nat(600), (spans, max, cursor) => {
        const { spans: listed, before, after } = listedAround(spans, max, cursor);
        assert.equal(listed.length, Math.min(max, spans.length));
        assert.equal(before + listed.length + after, spans.length);
        assert.deepEqual(listed, spans.slice(before, before + listed.length));
        const at = spans.findIndex((s) => s.end >= cursor);
        if (at >= 0) assert.ok(at >= before && at < before + listed.length, 'the span at the cursor is listed');
      }),
    );
  });
});
