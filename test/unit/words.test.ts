import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hasAtMostWords, wordCount } from '../../src/core/suggest/words';

describe('words', () => {
  it('counts "Russia’s" and "well-known" as one word each', () => {
    assert.equal(wordCount('Russia’s well-known “fee” — 2,000 rowers'), 6);
  });

  it('tells whether a stretch has at most n words as counting its slice would, words cut by either end included', () => {
    const piece = fc.constantFrom('a', 'Ø', '7', '’', "'", '-', ' ', '“', '”', ',', '.', '\n', '😀', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(40), fc.nat(40), fc.nat(6), (pieces, a, b, max) => {
        const text = pieces.join('');
        const from = Math.min(a, b, text.length);
        const to = Math.min(Math.max(a, b), text.length);
        assert.equal(hasAtMostWords(text, from, to, max), wordCount(text.slice(from, to)) <= max, JSON.stringify({ text, from, to, max }));
      }),
      { numRuns: 2000 },
    );
  });
});
