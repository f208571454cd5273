import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';

/**
 * Property: edits that leave every annotated span's own text alone (insertions, deletions and
 * replacements anywhere between the spans, line-ending conversion) never make the re-anchoring
 * place an annotation anywhere but on its own text. Orphaning is allowed (context may be gone);
 * a wrong place is not.
 */
const word = fc.stringMatching(/^[a-zA-Zа-я]{1,8}$/);
const sentence = fc.array(word, { minLength: 3, maxLength: 12 }).map((w) => w.join(' ') + '.');
const documentText = fc.array(sentence, { minLength: 4, maxLength: 30 }).map((s) => s.join(' ').replace(/\. /g, (m, i: number) => (i % 3 === 0 ? '.\n\n' : m)));

interface Edit {
  /** Where, as a fraction of the free positions. */
  at: number;
  deleteUpTo: number;
  insert: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), deleteUpTo: fc.nat(40), insert: fc.oneof(sentence, word, fc.constant(''), fc.constant('\n\n')) });

describe('re-anchoring property', () => {
  it('edits outside the spans never put an annotation on other text', () => {
    fc.assert(
      fc.property(documentText, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 3, max: 30 })), { minLength: 1, maxLength: 6 }), fc.array(edit, { minLength: 1, maxLength: 8 }), fc.boolean(), (text, spanSeeds, edits, crlf) => {
        // Non-overlapping spans, in order, each with its expected place tracked through the edits.
        const spans: { start: number; end: number }[] = [];
        for (const [where, length] of spanSeeds) {
          const start = Math.floor(where * text.length);
          const end = Math.min(text.length, start + length);
          if (end > start && spans.every((s) => end <= s.start || start >= s.end)) spans.push({ start, end });
        }
        const doc = new DocumentAnnotations();
        const tracked = spans.map((s) => ({ annotation: doc.add({ kind: 'claim', ...s }, text), ...s }));
        let now = text;
        for (const e of edits) {
          // Free stretches: between spans. Pick one position in them and delete only within it.
          const gaps: [number, number][] = [];
          let from = 0;
          for (const s of [...tracked].sort((a, b) => a.start - b.start)) {
            gaps.push([from, s.start]);
            from = s.end;
          }
          gaps.push([from, now.length]);
          const free = gaps.reduce((n, [a, b]) => n + b - a + 1, 0);
          let pick = Math.floor(e.at * (free - 1));
          const gap = gaps.find(([a, b]) => (pick <= b - a ? true : ((pick -= b - a + 1), false)))!;
          const offset = gap[0] + pick;
          const length = Math.min(e.deleteUpTo, gap[1] - offset);
          now = now.slice(0, offset) + e.insert + now.slice(offset + length);
          const delta = e.insert.length - length;
          for (const t of tracked) {
            if (t.start >= offset + length) {
              t.start += delta;
              t.end += delta;
            }
          }
        }
        if (crlf) {
          for (const t of tracked) {
            const shift = (o: number) => o + (now.slice(0, o).match(/\n/g)?.length ?? 0);
            [t.start, t.end] = [shift(t.start), shift(t.end)];
          }
          now = now.replace(/\n/g, '\r\n');
        }
        doc.anchor(now);
        for (const t of tracked) {
          if (t.annotation.orphaned) continue;
          assert.deepEqual([t.annotation.start, t.annotation.end], [t.start, t.end], `"${t.annotation.text}" placed at the wrong place`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not take a letter an edit glued to the quote into the span (a counterexample the property found)', () => {
    const text = 'AаAA Aaа a A.\n\naaA Aа AAAааа Aaаа aаа AаAаaаа Aa a. аа а A а AаааAa аааa AAAAaaа AAaA.';
    const doc = new DocumentAnnotations();
    const annotation = doc.add({ kind: 'claim', start: 0, end: 10 }, text);
    // " A.\n" after the span replaced by "a а B.": the quote's last word now reads "aa".
    doc.anchor(text.slice(0, 10) + 'a а B.' + text.slice(14));
    // Before: moved to [0, 11], the quote plus the glued letter. Now a person decides.
    assert.equal(annotation.orphaned, true);
    assert.deepEqual(
      doc.candidatesFor(annotation.id).map((c) => [c.start, c.end]).sort((a, b) => a[1] - b[1]),
      [
        [0, 10],
        [0, 11],
      ],
    );
  });
});
