import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findCues, lastCueIn } from '../../src/core/suggest/reportingCues';
import { containsWord } from '../../src/core/text/regExp';
import { hasAtMostWords, lastWordOf, LowerCaseWords, wordCount } from '../../src/core/suggest/words';

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

  it('tells whether a text also writes a word in lower case as a search of the whole text would, hyphens, apostrophes and marks included', () => {
    const piece = fc.constantFrom('ab', 'Ab', 'lacombe', 'Lacombe', 'nwosu', '-', '’', "'", ' ', '.', 'é', '\u0301', '7', 'ß', '中', '𝐚', 'a-b', 'ab-');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), fc.array(piece, { minLength: 1, maxLength: 5 }), (pieces, query) => {
        const text = pieces.join('');
        const word = query.join('');
        assert.equal(new LowerCaseWords(text).has(word), containsWord(text, word.toLowerCase()), JSON.stringify({ text, word }));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the last word of a phrase and whether it has at most two as a split at white space would (property)', () => {
    const piece = fc.constantFrom('he', 'Hale', ' ', '  ', '\n', '\u00a0', '\u2003', 'later', ',', '𝐚', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        const words = text.trim().split(/\s+/u);
        assert.deepEqual(lastWordOf(text), { word: words[words.length - 1], atMostTwo: words.length <= 2 }, JSON.stringify(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a word with a hyphen only where it stands alone, though its rarest run stands alone elsewhere', () => {
    // "cd" is the rarer run of "ab-cd"; where it stands, "ab-cd" is preceded by a letter (or an astral letter, two units).
    for (const [text, word] of [['ab ab xab-cd', 'ab-cd'], ['ab ab 𝐚ab-cd', 'ab-cd'], ['ab-cd𝐚 cd cd', 'ab-cd'], ['ab ab cd ab-cd', 'Ab-Cd'], ['ab cd ab-cdx', 'ab-cd']]) {
      assert.equal(new LowerCaseWords(text).has(word), containsWord(text, word.toLowerCase()), JSON.stringify({ text, word }));
    }
  });

  it('finds the last reporting cue of a stretch as listing them all would, a cue cut by either end included', () => {
    const piece = fc.constantFrom('said', 'Said', 'has', 'according', 'to', 'told', 'Hale', 'un', '-', ' ', ',', '.', '“', '”');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(120), fc.nat(120), (pieces, a, b) => {
        const text = pieces.join(' ').replace(/ (?=[-,.”])/gu, '');
        const from = Math.min(a, b, text.length);
        const to = Math.min(Math.max(a, b), text.length);
        assert.deepEqual(lastCueIn(text, from, to), findCues(text, from, to).pop(), JSON.stringify({ text, from, to }));
      }),
      { numRuns: 2000 },
    );
  });
});
