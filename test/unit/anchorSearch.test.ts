import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anchorDocument } from '../../src/core/anchoring/anchorDocument';
import { ContextMatcher } from '../../src/core/anchoring/contextSimilarity';
import { LOOKUPS_BEFORE_INDEX, occurrences } from '../../src/core/anchoring/occurrences';
import type { Annotation } from '../../src/core/annotation';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { LfText } from '../../src/core/text/lineEndings';
import { annotateSpans, applyEdits, type TextEdit } from './editedTexts';

// The search behind re-anchoring, made fast enough for 10,000 annotations of a 1 MB document that
// changed on disk: the context's edit distance computed bit-parallel, exact hits found through an
// index of the text, and the search for edited copies skipped where it cannot change a decision.
// Each must answer exactly as the plain way it replaced, kept here as the reference.

/** The plain dynamic programme: edit distance anchored at the edge, free at the far end. */
function distanceByTable(context: string, text: string, edge: number, side: 'before' | 'after'): number {
  const m = context.length;
  if (m === 0) return 0;
  const window = m + Math.ceil(m / 2);
  const n = side === 'after' ? Math.min(window, text.length - edge) : Math.min(window, edge);
  const c = (i: number) => (side === 'after' ? context[i] : context[m - 1 - i]);
  const t = (j: number) => (side === 'after' ? text[edge + j] : text[edge - 1 - j]);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const current = [i];
    for (let j = 1; j <= n; j++) current[j] = Math.min(previous[j - 1] + (c(i - 1) === t(j - 1) ? 0 : 1), previous[j] + 1, current[j - 1] + 1);
    previous = current;
  }
  return Math.min(m, ...previous);
}

/** Every start of `needle`, overlapping ones included, by scanning. */
function scan(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

// Few letters, so quotes and contexts recur; CRLF, an astral character, a combining mark.
const piece = fc.constantFrom('a', 'b', 'ab', ' ', '\n', '\r\n', '😀', 'e\u0301', 'ba', 'the ', 'rate');
const text = (maxLength: number) => fc.array(piece, { maxLength }).map((p) => p.join(''));

const edit: fc.Arbitrary<TextEdit> = fc.record(
  {
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.nat(4),
    insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')),
    copyFrom: fc.double({ min: 0, max: 1, noNaN: true }),
  },
  { requiredKeys: ['at', 'remove', 'insert'] },
);

describe('the search behind re-anchoring', () => {
  it('measures a context against the text as the plain edit distance table does, for contexts up to 48 units (property)', () => {
    fc.assert(
      fc.property(text(30), text(60), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (context, around, where, before) => {
        const side = before ? 'before' : 'after';
        const edge = Math.floor(where * around.length);
        const expected = distanceByTable(context, around, edge, side);
        assert.equal(new ContextMatcher(context, side).distance(around, edge), expected, JSON.stringify({ context, around, edge, side }));
        // The context as it is, next to the edge: no edits.
        const placed = around.slice(0, edge) + context + around.slice(edge);
        const at = side === 'before' ? edge + context.length : edge;
        assert.equal(new ContextMatcher(context, side).distance(placed, at), 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('counts one edit per character inserted into a 32-unit context, and the whole context for nothing in common', () => {
    const context = 'the fleet sailed at dawn, slowly';
    assert.equal(context.length, 32);
    const matcher = new ContextMatcher(context, 'before');
    assert.equal(matcher.distance(`${context}|quote`, context.length), 0);
    assert.equal(matcher.distance('the fleet sailed at first dawn, slowly|quote', 38), 6);
    assert.equal(matcher.distance(`${'x'.repeat(60)}|quote`, 60), 32);
  });

  it('finds every start of a quote that scanning finds, overlapping ones included, before and after the text is indexed (property)', () => {
    fc.assert(
      fc.property(text(80), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(9)), { minLength: 12, maxLength: 24 }), (haystack, picks) => {
        const document = new LfText(haystack);
        // Half the picks are looked for by scanning, the rest once the text is indexed.
        for (let i = 0; i < LOOKUPS_BEFORE_INDEX - picks.length / 2; i++) occurrences(document, 'rate');
        for (const [where, length] of picks) {
          const from = Math.floor(where * document.text.length);
          const needle = length === 9 ? 'ab😀' : document.text.slice(from, from + length);
          assert.deepEqual(occurrences(document, needle), needle === '' ? [] : scan(document.text, needle), JSON.stringify({ text: document.text, needle }));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('finds overlapping starts and nothing for an absent quote once the text is indexed', () => {
    const document = new LfText('aaaaaaa rate rate\r\nrate');
    for (let i = 0; i <= LOOKUPS_BEFORE_INDEX; i++) occurrences(document, 'rate');
    assert.deepEqual(occurrences(document, 'aaaa'), [0, 1, 2, 3]);
    assert.deepEqual(occurrences(document, 'rate\nrate'), [13]);
    assert.deepEqual(occurrences(document, 'rates'), []);
    assert.deepEqual(occurrences(document, 'aa'), [0, 1, 2, 3, 4, 5]);
  });

  it('places a common quote at the one of a hundred copies whose context it recorded, the 90th', () => {
    const lines = Array.from({ length: 100 }, (_, i) => (i === 89 ? 'At the harbour board, Tom Hale said the rate was cut again.' : `Line ${i}: the rate was cut.`));
    const original = lines.join('\n');
    const doc = new DocumentAnnotations();
    const start = original.indexOf('the rate was cut again');
    doc.add({ kind: 'claim', start, end: start + 'the rate was cut'.length }, original);
    const edited = `A first line written in later.\n${original}`;
    const [annotation] = doc.all.map((a) => ({ ...a }));
    anchorDocument([annotation], edited);
    assert.equal(annotation.orphaned, undefined);
    assert.equal(annotation.start, edited.indexOf('the rate was cut again'));
  });

  /**
   * A passage quoted in a document that is then pasted with the words after it at the end, after
   * which the first copy is edited (`edit`): the annotation on the first copy must stay there, with
   * and without the short cuts of the search.
   */
  function assertStaysOnEditedCopy(passage: string, quote: string, edit: (text: string) => string): void {
    const filler = 'Nothing of note happened on the quay that week. '.repeat(120);
    const original = `${passage}\n${filler}\n`;
    const doc = new DocumentAnnotations();
    const start = original.indexOf(quote);
    doc.add({ kind: 'quote', start, end: start + quote.length }, original);
    const edited = `${edit(original)}\n${passage}\n${filler.slice(0, 60)}`;
    for (const exhaustive of [false, true]) {
      const [annotation] = doc.all.map((a) => ({ ...a }));
      anchorDocument([annotation], edited, [], exhaustive);
      assert.equal(annotation.orphaned, undefined);
      assert.equal(annotation.start, start, `exhaustive: ${exhaustive}`);
    }
  }

  it('keeps an annotation on its long quote edited in place, though an exact copy with its context lies further down', () => {
    const quote = 'the yard would keep every one of its ninety crews through the winter';
    assert.ok(quote.length >= 56);
    const passage = `Before the vote, Ana Penrose said ${quote} months. Then she left.`;
    // A typo in the first copy's quote.
    assertStaysOnEditedCopy(passage, quote, (text) => text.replace('ninety crews', 'ninety crew'));
  });

  it('keeps an annotation on its very long quote edited in place, its prefix edited too, though an exact copy with its context lies further down', () => {
    const quote =
      'the yard would keep every one of its ninety crews through the winter months, pay each rower the same as last year, and open the boathouse to the junior squads on every weekend from October to March';
    assert.ok(quote.length >= 182);
    const passage = `Before the vote on Tuesday night, Ana Penrose said ${quote}. Then she left the hall.`;
    // A typo in the first copy's quote, and a letter of its prefix changed ("Night").
    assertStaysOnEditedCopy(passage, quote, (text) => text.replace('ninety crews', 'ninety crew').replace('Tuesday night', 'Tuesday Night'));
  });

  it('places, orphans and offers candidates exactly as searching every time for edited copies does (property)', () => {
    fc.assert(
      fc.property(
        text(120),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 70 })), { minLength: 1, maxLength: 8 }),
        fc.array(edit, { maxLength: 4 }),
        (original, spans, edits) => {
          if (original.length === 0) return;
          const doc = annotateSpans(original, spans);
          const edited = applyEdits(original, edits);
          const outcome = (exhaustive: boolean) => {
            const copies: Annotation[] = doc.all.map((a) => ({ ...a }));
            const report = anchorDocument(copies, edited, [], exhaustive);
            const ids = (list: readonly Annotation[]) => list.map((a) => a.id);
            return { copies, moved: ids(report.moved), orphaned: ids(report.orphaned), ambiguous: ids(report.ambiguous), candidates: [...report.candidates], reasons: [...report.reasons] };
          };
          assert.deepEqual(outcome(false), outcome(true));
        },
      ),
      { numRuns: 1500 },
    );
  });
});
