import assert from 'node:assert/strict';
import fc from 'fast-check';
import { atRecordedOffsets, type AnchorTarget } from '../../src/core/anchoring/anchorAnnotation';
import { anchorDocument } from '../../src/core/anchoring/anchorDocument';
import { quoteContext } from '../../src/core/anchoring/quoteContext';
import type { Annotation } from '../../src/core/annotation';
import { annotateSpans, applyEdits, type TextEdit } from './editedTexts';

// The check every loaded annotation goes through first (is its quote, with its context, still at
// its offsets?) compares in place instead of slicing the text. It must answer exactly as the
// slicing comparison it replaced, here kept as the reference, on texts edited every way.

/** The comparison by slices, as it was. */
function bySlices(target: AnchorTarget, text: string): boolean {
  if (target.text.length === 0 || target.end > text.length || text.slice(target.start, target.end) !== target.text) return false;
  const edge = !target.contextUnrecorded;
  const prefixHolds = target.prefix.length === 0 ? edge && target.start === 0 : text.slice(Math.max(0, target.start - target.prefix.length), target.start) === target.prefix;
  const suffixHolds = target.suffix.length === 0 ? edge && target.end === text.length : text.slice(target.end, target.end + target.suffix.length) === target.suffix;
  return prefixHolds && suffixHolds;
}

// Few letters, so quotes and contexts recur; CRLF, an astral character, a combining mark.
const piece = fc.constantFrom('a', 'b', 'ab', ' ', '\n', '\r\n', '😀', 'e\u0301', 'ba');
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

const edit: fc.Arbitrary<TextEdit> = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(4), insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')) });

/** A target recorded on `original` (context as the sidecar records it), its offsets moved by up to `drift`. */
const recorded = fc.record({ text, from: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(8), drift: fc.integer({ min: -3, max: 3 }), unrecorded: fc.boolean(), edits: fc.array(edit, { maxLength: 3 }) });

describe('anchoring fast path: the quote still at its offsets', () => {
  it('answers exactly as the comparison by slices, on edited texts (property)', () => {
    fc.assert(
      fc.property(recorded, ({ text: original, from, length, drift, unrecorded, edits }) => {
        const start = Math.floor(from * original.length);
        const end = Math.min(original.length, start + length);
        const context = quoteContext(original, start, end);
        const edited = applyEdits(original, edits);
        // Offsets are never negative (clamped on load, kept so by the shifts); past the end they may be.
        const moved = { start: Math.max(0, start + drift), end: Math.max(0, end + drift) };
        for (const target of [
          { ...context, start, end },
          { ...context, ...moved },
          { ...context, ...moved, contextUnrecorded: unrecorded },
          { ...context, start, end, prefix: '', suffix: '', contextUnrecorded: unrecorded },
        ]) {
          for (const against of [original, edited]) assert.equal(atRecordedOffsets(target, against), bySlices(target, against), JSON.stringify({ target, against }));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('anchors a document as before: every annotation found at its offsets stays, the rest is searched (property)', () => {
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 6 })), { minLength: 1, maxLength: 6 }), fc.array(edit, { maxLength: 3 }), (original, spans, edits) => {
        if (original.length === 0) return;
        const doc = annotateSpans(original, spans);
        const edited = applyEdits(original, edits);
        const before = doc.all.map((a) => ({ ...a }));
        const intact = before.filter((a) => bySlices(a, edited)).map((a) => a.id);
        const copies: Annotation[] = before.map((a) => ({ ...a }));
        const report = anchorDocument(copies, edited);
        const touched = new Set([...report.moved, ...report.orphaned].map((a) => a.id));
        for (const id of intact) {
          const a = copies.find((c) => c.id === id)!;
          const b = before.find((c) => c.id === id)!;
          // Found at its offsets: kept exactly there, never moved or orphaned.
          assert.ok(!touched.has(id), id);
          assert.deepEqual(a, b);
        }
      }),
      { numRuns: 500 },
    );
  });
});
