import assert from 'node:assert/strict';
import fc from 'fast-check';
import { shiftAnnotations } from '../../src/core/edits/shiftAnnotations';
import { applyTextChange, type TextChange } from '../../src/core/edits/textChange';

/**
 * A reference model that knows nothing about offsets: every character carries an identity, and a
 * span is the set of characters that belong to it. The shifting arithmetic must agree with it.
 */
interface Char {
  readonly ch: string;
  readonly id: number;
}

interface ModelSpan {
  members: Set<number>;
  orphaned: boolean;
}

let nextId = 0;
const toChars = (text: string): Char[] => [...text].flatMap((c) => c.split('')).map((ch) => ({ ch, id: nextId++ }));

function applyToModel(chars: Char[], spans: ModelSpan[], change: TextChange): Char[] {
  const { offset: a, length } = change;
  const deleted = chars.slice(a, a + length);
  const inserted = toChars(change.text);
  for (const span of spans) {
    if (span.orphaned) continue;
    let joins: boolean;
    if (length === 0) {
      joins = a > 0 && a < chars.length && span.members.has(chars[a - 1].id) && span.members.has(chars[a].id);
    } else {
      joins = span.members.has(deleted[0].id);
    }
    const before = span.members.size;
    for (const c of deleted) span.members.delete(c.id);
    if (before > 0 && span.members.size === 0) {
      span.orphaned = true;
      continue;
    }
    if (joins) for (const c of inserted) span.members.add(c.id);
  }
  return [...chars.slice(0, a), ...inserted, ...chars.slice(a + length)];
}

const alphabet = fc.constantFrom('a', 'b', ' ', '\r\n', '\n', 'Ж', 'я', '😀', '“', '”');
const textArb = fc.array(alphabet, { minLength: 0, maxLength: 8 }).map((parts) => parts.join(''));

describe('shifting through random edit sequences (property)', () => {
  it('keeps every span on exactly the characters that belong to it', () => {
    fc.assert(
      fc.property(
        fc.array(alphabet, { minLength: 20, maxLength: 60 }).map((p) => p.join('')),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), textArb), { minLength: 1, maxLength: 25 }),
        (initial, rawSpans, rawEdits) => {
          let text = initial;
          let chars = toChars(text);
          const spans = rawSpans
            .map(([x, y]) => {
              const s = x % text.length;
              const e = s + 1 + (y % (text.length - s));
              return { start: s, end: e } as { start: number; end: number; orphaned?: boolean };
            });
          const models: ModelSpan[] = spans.map((s) => ({ members: new Set(chars.slice(s.start, s.end).map((c) => c.id)), orphaned: false }));

          for (const [p, q, insert] of rawEdits) {
            const offset = p % (text.length + 1);
            // Mostly short edits, as people make them, sometimes long ones that swallow spans.
            const room = text.length - offset + 1;
            const length = q % 4 === 0 ? q % room : q % Math.min(room, 4);
            const change = { offset, length, text: insert };
            text = applyTextChange(text, change);
            chars = applyToModel(chars, models, change);
            shiftAnnotations(spans, [change]);
            assert.equal(chars.map((c) => c.ch).join(''), text);

            spans.forEach((span, i) => {
              const model = models[i];
              assert.equal(Boolean(span.orphaned), model.orphaned, `orphan flag of span ${i}`);
              if (model.orphaned) {
                assert.ok(span.start === span.end && span.start >= 0 && span.start <= text.length);
                return;
              }
              const indices = chars.map((c, k) => (model.members.has(c.id) ? k : -1)).filter((k) => k >= 0);
              assert.equal(span.start, indices[0], `start of span ${i}`);
              assert.equal(span.end, indices[indices.length - 1] + 1, `end of span ${i}`);
              assert.equal(indices.length, span.end - span.start, 'a span stays contiguous');
            });
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('leaves spans untouched by an edit pointing at their exact quote (multi-cursor batches, bottom to top)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(40), textArb), { minLength: 1, maxLength: 6 }), (inserts) => {
        // Three quotes separated by gaps; insertions land only in the gaps, as a multi-cursor edit would.
        let text = 'gap0 «alpha» gap1 «Жbeta😀» gap2 «gamma» gap3';
        const quotes = ['«alpha»', '«Жbeta😀»', '«gamma»'];
        const spans = quotes.map((q) => ({ start: text.indexOf(q), end: text.indexOf(q) + q.length }));
        const gaps = [0, spans[0].end + 1, spans[1].end + 1, spans[2].end + 1];
        const changes = inserts
          .map(([g, t]) => ({ offset: gaps[g % gaps.length], length: 0, text: t }))
          .sort((x, y) => y.offset - x.offset);
        for (const change of changes) text = applyTextChange(text, change);
        shiftAnnotations(spans, changes);
        spans.forEach((span, i) => assert.equal(text.slice(span.start, span.end), quotes[i]));
      }),
      { numRuns: 300 },
    );
  });
});
