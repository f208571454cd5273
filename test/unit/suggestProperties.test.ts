import assert from 'node:assert/strict';
import fc from 'fast-check';
import { suggestAnnotations } from '../../src/core/suggest/suggestAnnotations';
import { ABBREVIATION_AT_END } from '../../src/core/suggest/abbreviations';
import { MAX_SENTENCE_LENGTH } from '../../src/core/suggest/sentences';
import { sentenceStartBefore } from '../../src/core/suggest/speakers';

// Generated news-like texts with hostile pieces: every kind of quotation mark, missing and unbalanced marks, cues, names,
// titles and groups, CRLF and lone CR, astral characters, combining marks, sentences with no stop.
const word = fc.constantFrom('the', 'fee', 'may', 'was', 'late', 'row', 'at', 'noon', 'boats', 'tide', 'Brightwater', 'Sen.', 'U.S.', 'icon', '😀', 'é', 'e\u0301', '𝒜da', '2,000', '—', '…', 'a\u00a0b');
const content = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
const who = fc.constantFrom('Tom Hale', 'Ada Brook', 'Ben Ruiz-Penrose', 'the harbour master', 'the Harbour Trust', 'he', 'she', 'they', 'Forty percent', 'Hale', 'a source close to the board', 'Mr. Hale');
const cue = fc.constantFrom('said', 'says', 'told the Courier', 'added', 'warned', 'called', 'wrote on Monday', 'has said');
const open = fc.constantFrom('“', '"', '‘', "'", '«', '„', '');
const close = fc.constantFrom('”', '"', '’', "'", '»', '“', '');
const end = fc.constantFrom('. ', '.\n\n', '.\r\n\r\n', '? ', '', '\n', '\r', ', and ', ': ');
const sentence = fc.oneof(
  fc.tuple(open, content, close, fc.constantFrom(',', '', ' —'), who, cue, end).map(([o, c, k, s, w, q, e]) => `${o}${c}${s}${k} ${w} ${q}${e}`),
  fc.tuple(who, cue, fc.constantFrom('', 'that ', ', according to Ada Brook, '), content, end).map(([w, q, t, c, e]) => `${w} ${q} ${t}${c}${e}`),
  fc.tuple(who, cue, content, open, content, close, content, end).map(([w, q, c1, o, c2, k, c3, e]) => `${w} ${q} ${c1} ${o}${c2}${k} ${c3}${e}`),
  fc.tuple(content, fc.constantFrom(', according to Tom Hale', ', he said, ', ''), content, end).map(([c1, a, c2, e]) => `${c1}${a} ${c2}${e}`),
  fc.constantFrom('Related Articles\n', 'Share this\n', '1. Boats late\n', 'HALE: We row.\n'),
);

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

describe('suggestAnnotations on generated texts', () => {
  it('gives ranges inside the text, never inside a surrogate pair, with their text, a confidence, in order, the same each time', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 24 }), (sentences) => {
        const text = sentences.join('');
        const suggestions = suggestAnnotations(text);
        for (const s of suggestions) {
          const where = JSON.stringify({ text, s });
          assert.ok(s.start >= 0 && s.start < s.end && s.end <= text.length, where);
          assert.equal(s.text, text.slice(s.start, s.end), where);
          assert.ok(!isLowSurrogate(text.charCodeAt(s.start)) && !isLowSurrogate(text.charCodeAt(s.end)), where);
          assert.ok(['quote', 'claim', 'speculation', 'advertisement'].includes(s.kind), where);
          assert.ok(s.confidence !== undefined && s.confidence >= 0 && s.confidence <= 1, where);
          kinds.add(s.kind);
        }
        for (let i = 1; i < suggestions.length; i++) assert.ok(suggestions[i - 1].start <= suggestions[i].start, JSON.stringify({ text }));
        assert.deepEqual(suggestAnnotations(text), suggestions);
      }),
      { numRuns: 300 },
    );
    // The generator does reach every kind, so the checks above are not vacuous.
    assert.deepEqual([...kinds].sort(), ['advertisement', 'claim', 'quote', 'speculation']);
  });
});

describe('sentenceStartBefore', () => {
  // The plain reading its fast loop must agree with: a sentence starts after a space that follows a
  // sentence's end (maybe closed by a quotation mark), not after an abbreviation's period.
  function reference(text: string, at: number, limit: number): number {
    limit = Math.max(limit, at - MAX_SENTENCE_LENGTH);
    for (let i = at - 1; i > limit; i--) {
      if (!/\s/u.test(text[i]) || !/[.!?…]["”’]?$/u.test(text.slice(Math.max(limit, i - 2), i))) continue;
      if (text[i - 1] === '.' && ABBREVIATION_AT_END.test(text.slice(Math.max(limit, i - 7), i - 1))) continue;
      return i + 1;
    }
    return limit;
  }

  it('finds where the sentence starts as a test of every character would (property)', () => {
    const piece = fc.constantFrom('Hale', 'said', 'Sen.', 'Dr.', 'U.S.', ' ', '  ', '\n', '\u00a0', '\u2003', '\u3000', '.', '!', '?', '…', '”', '’', '"', '“', ',', 'x', '𝐚', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(200), fc.nat(200), (pieces, a, b) => {
        const text = pieces.join('');
        const at = Math.min(Math.max(a, b), text.length);
        const limit = Math.min(a, b, at);
        assert.equal(sentenceStartBefore(text, at, limit), reference(text, at, limit), JSON.stringify({ text, at, limit }));
      }),
      { numRuns: 3000 },
    );
  });
});
