import assert from 'node:assert/strict';
import fc from 'fast-check';
import { contendersAmong } from '../../src/core/anchoring/anchorAnnotation';
import { completeCandidates, findAnchorCandidates } from '../../src/core/anchoring/anchorCandidates';
import { anchorDocument } from '../../src/core/anchoring/anchorDocument';
import search from 'approx-string-match';
import { rewrap } from '../../bench/corpus';
import { ContextMatcher } from '../../src/core/anchoring/contextSimilarity';
import { candidateStretches, searchStretches } from '../../src/core/anchoring/gramFilter';
import { gramIndex, LOOKUPS_BEFORE_INDEX, occurrences } from '../../src/core/anchoring/occurrences';
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
          assert.deepEqual(anchoringOutcome(doc, edited, false), anchoringOutcome(doc, edited, true));
        },
      ),
      { numRuns: 1500 },
    );
  });

  // Words that recur, as in prose, with the hostile pieces between them; long enough that the gram
  // filter leaves stretches (and gaps) to search.
  const word = fc.constantFrom('the ', 'rate ', 'harbour ', 'board ', 'said ', 'crews ', 'at ', 'dawn. ', 'Hale ', 'rowed ', '\n', '\r\n', '😀', 'e\u0301', 'ab', 'a');
  const prose = (minLength: number, maxLength: number) => fc.array(word, { minLength, maxLength }).map((w) => w.join(''));

  it('finds the fuzzy copies a range has (fewest edits, same starts) through the gram filter as searching all of it does (property)', () => {
    fc.assert(
      fc.property(
        prose(200, 900),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 4, max: 70 }),
        fc.array(edit, { maxLength: 4 }),
        fc.nat(12),
        fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
        (haystack, where, length, edits, maxErrors, [a, b]) => {
          const document = new LfText(haystack);
          const text = document.text;
          const from = Math.floor(where * text.length);
          // The pattern: a stretch of the text, edited, as a quote recorded before the text changed.
          const pattern = applyEdits(text.slice(from, from + length), edits);
          if (pattern.length === 0) return;
          const range: [number, number] = [Math.floor(Math.min(a, b) * text.length), Math.floor(Math.max(a, b) * text.length)];
          const masked = () => text.slice(range[0], range[1]).split(pattern).join('\0'.repeat(pattern.length));
          const expected = search(masked(), pattern, maxErrors);
          // As the search uses it, and with every stretch searched on its own, however many.
          const joined = candidateStretches(gramIndex(document), pattern, maxErrors, text.length);
          assert.deepEqual(searchStretches(joined, range[0], range[1], masked, pattern, maxErrors), expected, JSON.stringify({ text, pattern, maxErrors, range }));
          const apart = candidateStretches(gramIndex(document), pattern, maxErrors, text.length, 0);
          assert.deepEqual(searchStretches(apart, range[0], range[1], masked, pattern, maxErrors, Infinity), expected, JSON.stringify({ text, pattern, maxErrors, range }));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('finds a copy that keeps only as many grams as its edits must leave (the bound of the filter, met exactly)', () => {
    // Letters drawn at random, so grams seldom recur; three changed letters four apart spoil 12 of the 13 grams of a 16-letter quote.
    const letters = 'qwertyuiopasdfghjklzxcvbnmQWERTYUIOPASDFGHJKLZXCVBNM';
    let seed = 7;
    const text = Array.from({ length: 2000 }, () => letters[(seed = (seed * 1103515245 + 12345) >>> 0) % letters.length]).join('');
    const document = new LfText(text);
    const at = 900;
    const copy = text.slice(at, at + 16);
    const quote = [...copy].map((c, i) => (i === 3 || i === 7 || i === 11 ? '#' : c)).join('');
    const stretches = candidateStretches(gramIndex(document), quote, 3, text.length, 0)!;
    assert.ok(stretches.some(([from, to]) => from <= at && at + 16 <= to), JSON.stringify(stretches));
    const found = searchStretches(stretches, 0, text.length, () => text, quote, 3, Infinity);
    assert.deepEqual(found, search(text, quote, 3));
    assert.ok(found.some((m) => m.start === at && m.end === at + 16 && m.errors === 3), JSON.stringify(found));
  });

  it('leaves the filter out where grams are too common to tell anything (one letter repeated), in time linear in the text', () => {
    const document = new LfText('a'.repeat(200_000));
    const quote = `${'a'.repeat(100)}b${'a'.repeat(100)}`;
    // Tallying every gram of the quote at every place would be 40 million steps: not done.
    assert.equal(candidateStretches(gramIndex(document), quote, 3, document.text.length), undefined);
    const range: [number, number] = [0, 5000];
    const masked = () => document.text.slice(...range);
    assert.deepEqual(searchStretches(undefined, ...range, masked, quote, 3), search(masked(), quote, 3));
  });

  it('leaves short stretches to search when a quote has few edits, and none where it is nowhere', () => {
    const document = new LfText(`${'The crews rowed at dawn and the board met at noon. '.repeat(400)}Ana Penrose said the harbour fees would double.`);
    const text = document.text;
    const near = candidateStretches(gramIndex(document), 'Ana Penrose said the harbor fees would double', 2, text.length)!;
    const covered = near.reduce((n, [from, to]) => n + to - from, 0);
    assert.ok(covered < 500, `covered ${covered} of ${text.length}`);
    assert.ok(near.some(([from, to]) => from <= text.indexOf('Ana Penrose') && text.length <= to));
    assert.deepEqual(candidateStretches(gramIndex(document), 'Nerys Quill wrote to the Kestrel yard', 2, text.length), []);
    // Too many edits for the grams to tell: undefined, the whole range is searched.
    assert.equal(candidateStretches(gramIndex(document), 'Ana Penrose said', 4, text.length), undefined);
  });

  it('places, orphans and offers candidates in re-wrapped pages of prose exactly as searching all of the text every time does (property)', () => {
    // Pages longer than the window around an annotation's old place, so the rest of the text is
    // searched only for copies that could contend; pasted passages make such copies.
    fc.assert(
      fc.property(
        prose(1500, 2500),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 90 })), { minLength: 1, maxLength: 6 }),
        fc.array(edit, { maxLength: 3 }),
        fc.integer({ min: 20, max: 90 }),
        (original, spans, edits, width) => {
          const doc = annotateSpans(original, spans);
          // Paragraphs re-wrapped whole: line breaks inside them become spaces too.
          const edited = rewrap(applyEdits(original, edits), width, /(\n\n)/u);
          assert.deepEqual(anchoringOutcome(doc, edited, false), anchoringOutcome(doc, edited, true));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finds a copy far away that keeps the context better as a contender, when the quote near its old place lost some of its own', () => {
    const quote = 'every one of the ninety crews would row through the winter';
    const passage = `At the quay on Tuesday, Ana Penrose told the board that ${quote}, and then she left.`;
    // Past the first 64 K chunk of the text, searched on its own.
    const filler = 'Nothing of note happened on the quay that week. '.repeat(1500);
    const original = `${passage}\n${filler}`;
    const doc = new DocumentAnnotations();
    const start = original.indexOf(quote);
    doc.add({ kind: 'quote', start, end: start + quote.length }, original);
    // Near the old place: a word of the quote and the end of the prefix changed. Far down: the
    // passage pasted with its context intact and more of the quote changed, scoring a little lower.
    const near = passage.replace('told the board that', 'told the boat that').replace('ninety', 'ninety-one');
    const far = passage.replace('ninety crews would', 'ninety-five crew could');
    // And further down, a copy too edited to contend, with none of the context.
    const worse = `Marsh heard from someone that every one of the nine crew would go past the winters today.`;
    const edited = `${near}\n${filler}\n${far}\n${filler}\n${worse}\n${filler.slice(0, 200)}`;
    const [annotation] = doc.all;
    const document = new LfText(edited);
    const all = findAnchorCandidates(annotation, document, true);
    const bounded = findAnchorCandidates(annotation, document);
    for (const candidates of [all, bounded]) {
      assert.deepEqual(
        contendersAmong(candidates).map((c) => [c.start, c.errors, c.contextErrors]),
        [
          [edited.indexOf('every one'), 4, 2],
          [edited.indexOf('every one', edited.indexOf(far)), 7, 0],
        ],
      );
    }
    // The bounded search left that one out; asked for every candidate (near misses to offer), it is there.
    const worseAt = edited.indexOf('every one', edited.indexOf(worse));
    assert.ok(all.some((c) => c.start === worseAt) && !bounded.some((c) => c.start === worseAt));
    assert.deepEqual(completeCandidates(annotation, document, bounded), all);
    assert.equal(completeCandidates(annotation, document, all), all);
  });
});

/** Everything anchoring copies of `doc`'s annotations in `edited` decides: places, orphans, places offered and reasons. */
function anchoringOutcome(doc: DocumentAnnotations, edited: string, exhaustive: boolean): unknown {
  const copies: Annotation[] = doc.all.map((a) => ({ ...a }));
  const report = anchorDocument(copies, edited, [], exhaustive);
  const ids = (list: readonly Annotation[]) => list.map((a) => a.id);
  return { copies, moved: ids(report.moved), orphaned: ids(report.orphaned), ambiguous: ids(report.ambiguous), candidates: [...report.candidates], reasons: [...report.reasons] };
}
