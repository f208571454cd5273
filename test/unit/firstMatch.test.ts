import assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstMatch } from '../../src/core/suggest/firstMatch';

/** A regular expression's own search from `from`, which reads to the end of the text when nothing matches before `to`. */
function naive(text: string, from: number, to: number, pattern: RegExp): number {
  pattern.lastIndex = from;
  const m = pattern.exec(text);
  return m && m.index < to ? m.index : to;
}

describe('firstMatch', () => {
  it('finds what a search from `from` finds before `to`, with lookaheads and multi-character matches across its chunks', () => {
    // The patterns the rules search with: a sentence end or an opening mark, and where a name after a cue ends.
    const patterns = [/[.!?…](?=\s|$)|[“„«]/gu, /[,.;:!?()—–―]|\s-\s|\s(?:to|in|at|on|during|after|before|from|as|when|while|because|who|whose)\s/gu];
    const piece = fc.constantFrom('a', 'b', ' ', '.', '!', '“', ',', ' - ', ' during ', ' because ', 'x'.repeat(100), 'y '.repeat(120), '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(3000), fc.nat(3000), fc.nat(1), (pieces, a, b, which) => {
        const text = pieces.join('');
        const from = Math.min(a, b, text.length);
        const to = Math.min(Math.max(a, b), text.length);
        const pattern = patterns[which];
        assert.equal(firstMatch(text, from, to, pattern), naive(text, from, to, pattern), JSON.stringify({ text, from, to, which }));
      }),
      { numRuns: 3000 },
    );
  });
});
