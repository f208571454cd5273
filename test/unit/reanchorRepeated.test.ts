import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Annotation } from '../../src/core/annotation';
import { anchorAnnotation } from '../../src/core/anchoring/anchorAnnotation';
import { quoteErrorBudget } from '../../src/core/anchoring/anchorCandidates';
import { levenshtein } from '../../src/core/anchoring/alignment';
import { anchorDocument } from '../../src/core/anchoring/anchorDocument';
import { quoteContext } from '../../src/core/anchoring/quoteContext';
import { DocumentAnnotations, searchOrphans } from '../../src/core/documentAnnotations';
import { loadSidecar } from '../../src/core/sidecar/sidecarDocument';

const SEEDS = join(__dirname, '..', '..', '..', 'seeds');

function seed(name: string): { text: string; sidecar: string } {
  const text = readFileSync(join(SEEDS, name), 'utf8');
  return { text, sidecar: readFileSync(join(SEEDS, `${name}.annotations.yaml`), 'utf8') };
}

/** Offsets of every line (start, end without its LF) of `text`. */
function lines(text: string): { start: number; end: number; text: string }[] {
  const found: { start: number; end: number; text: string }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    found.push({ start, end: start + line.length, text: line });
    start += line.length + 1;
  }
  return found;
}

function annotationAt(text: string, start: number, end: number, id: string): Annotation {
  return { id, kind: 'advertisement', start, end, ...quoteContext(text, start, end) };
}

describe('re-anchoring: repeated lines (nothing placed on a copy of its text)', () => {
  it('never moves the second "0:00" of seed 001 onto the first when its line is changed or deleted', () => {
    const { text, sidecar } = seed('001_23f1922ff1163281.txt');
    const [first, second] = lines(text).filter((l) => l.text === '0:00');
    const before = loadSidecar(sidecar, text);
    assert.ok(before.ok);
    const own = before.annotations.all.find((a) => a.start === second.start)!;
    const other = before.annotations.all.find((a) => a.start === first.start)!;
    // Changed beyond what a four-character quote may absorb: an orphan, told where its context is.
    const changed = text.slice(0, second.start) + '1:23' + text.slice(second.end);
    const loaded = loadSidecar(sidecar, changed);
    assert.ok(loaded.ok);
    assert.equal(loaded.annotations.get(own.id)!.orphaned, true);
    assert.deepEqual(loaded.anchoring.reasons.get(own.id), { kind: 'changed', at: { start: second.start, end: second.end } });
    assert.deepEqual([loaded.annotations.get(other.id)!.start, loaded.annotations.get(other.id)!.orphaned], [first.start, undefined]);
    // One character changed, context intact on both sides: it follows the edit on its own line.
    const typo = text.slice(0, second.start) + '0:01' + text.slice(second.end);
    const followed = loadSidecar(sidecar, typo);
    assert.ok(followed.ok);
    assert.deepEqual([followed.annotations.get(own.id)!.start, followed.annotations.get(own.id)!.text], [second.start, '0:01']);
    // Its line deleted: an orphan, and the first line keeps exactly its own annotation.
    const deleted = text.slice(0, second.start) + text.slice(second.end + 1);
    const gone = loadSidecar(sidecar, deleted);
    assert.ok(gone.ok);
    assert.equal(gone.annotations.get(own.id)!.orphaned, true);
    assert.equal(gone.annotations.all.filter((a) => !a.orphaned && a.start === first.start).length, 1);
  });

  it('never doubles an annotation onto the remaining copy when one of two identical lines is deleted (seed 002, "Share This")', () => {
    const { text, sidecar } = seed('002_b08662cfda262724.txt');
    for (const line of lines(text).filter((l) => l.text === 'Share This')) {
      const edited = text.slice(0, line.start) + text.slice(line.end + 1);
      const loaded = loadSidecar(sidecar, edited);
      assert.ok(loaded.ok);
      const placed = loaded.annotations.all.filter((a) => !a.orphaned && a.text === 'Share This');
      assert.ok(placed.length <= 1, `at most one annotation on the one line left, got ${placed.length}`);
      const lost = loaded.annotations.all.filter((a) => a.orphaned);
      assert.ok(lost.length >= 1);
      for (const a of lost) assert.match(loaded.anchoring.reasons.get(a.id)?.kind ?? '', /^(contested|taken|changed|ambiguous)$/);
    }
  });

  it('keeps every annotation of repeated lines after an edit above them (no false orphans), in every seed', () => {
    for (const name of ['000_acd874037fc5962e.txt', '001_23f1922ff1163281.txt', '002_b08662cfda262724.txt', '003_5f5930664511d54e.txt', '004_ca6517b7cfd7a852.txt']) {
      const { text, sidecar } = seed(name);
      const before = loadSidecar(sidecar, text);
      assert.ok(before.ok);
      for (const insert of ['A new first line.\n', 'x ', '\n\n\n', 'Share This\n0:00\n']) {
        const loaded = loadSidecar(sidecar, insert + text);
        assert.ok(loaded.ok);
        for (const a of loaded.annotations.all) {
          const was: Annotation = before.annotations.get(a.id)!;
          assert.equal(a.orphaned, undefined, `${name}: ${a.id} “${a.text}” orphaned after inserting ${JSON.stringify(insert)} at the top`);
          assert.deepEqual([a.start, a.end], [was.start + insert.length, was.end + insert.length], `${name}: ${a.id}`);
        }
      }
    }
  });

  it('lets the context choose between exact copies: the one whose recorded context it has', () => {
    const text = 'Menu\nHome\nNews\nShare\nThe mayor said the budget is balanced.\nShare\nComments are closed.\n';
    const second = text.lastIndexOf('Share');
    const target = annotationAt(text, second, second + 5, 'a');
    // A long insertion above: the old offset is far from both copies and near neither.
    const edited = 'y'.repeat(300) + '\n' + text;
    const result = anchorAnnotation(target, edited);
    assert.equal(result.status, 'moved');
    assert.ok(result.status === 'moved');
    assert.equal(result.span.start, edited.lastIndexOf('Share'));
  });

  it('says "ambiguous" with the number of places when copies are equally good', () => {
    const block = 'Share\n';
    const text = 'Start of the article, some words here.\n' + block.repeat(1) + 'End.\n';
    const start = text.indexOf('Share');
    const annotations = [annotationAt(text, start, start + 5, 'a')];
    const pasted = 'y'.repeat(500) + '\n' + text + '\n' + 'z'.repeat(200) + '\n' + text;
    const report = anchorDocument(annotations, pasted);
    assert.equal(annotations[0].orphaned, true);
    assert.deepEqual(report.reasons.get('a'), { kind: 'ambiguous', places: 2 });
  });

  it('gives a five-character quote its one allowed error (1 - 0.8 is not 0.2 in floating point)', () => {
    assert.equal(quoteErrorBudget(5), 1);
    assert.equal(quoteErrorBudget(10), 2);
    assert.equal(quoteErrorBudget(4), 0);
    const text = 'Before this there is a sentence.\nThe word Kremlin appears once.\nAfter it comes more text.';
    const start = text.indexOf('Kreml');
    const target = annotationAt(text, start, start + 5, 'a');
    const edited = text.replace('Kremlin', 'Kremblin');
    const result = anchorAnnotation(target, edited);
    assert.equal(result.status, 'moved', JSON.stringify(result));
  });

  it('an orphan brought back by an undo does not take the place of an annotation that stayed', () => {
    const text = 'Intro line here.\nShare This\nMiddle line of text.\nShare This\nOutro line here.\n';
    const doc = new DocumentAnnotations();
    const first = doc.add({ kind: 'advertisement', start: text.indexOf('Share This'), end: text.indexOf('Share This') + 10 }, text);
    const second = doc.add({ kind: 'advertisement', start: text.lastIndexOf('Share This'), end: text.lastIndexOf('Share This') + 10 }, text);
    const edited = text.replace('Share This\nOutro', 'Outro');
    doc.anchor(edited);
    assert.equal(second.orphaned, true);
    assert.equal(first.orphaned, undefined);
    doc.reanchorOrphans(edited);
    assert.equal(second.orphaned, true, 'the remaining line stays the first annotation’s alone');
  });

  it('finds orphans again on copies (a worker) exactly as in place, and adopts only what is still an orphan', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Share This', 'The tide turned at noon.', 'Tom Hale rowed out.', 'Ada Brook stayed ashore.', '0:00'), { minLength: 6, maxLength: 24 }), fc.nat(), (lines, seed) => {
        const text = lines.join('\n') + '\n';
        const spans: { start: number; end: number }[] = [];
        let at = 0;
        for (const l of lines) {
          spans.push({ start: at, end: at + l.length });
          at += l.length + 1;
        }
        const build = () => {
          const doc = new DocumentAnnotations();
          for (const span of spans) doc.add({ kind: 'claim', ...span }, text);
          return doc;
        };
        // Lines cut out (their spans orphaned), then put back as an undo would.
        const cut = lines.map((l, i) => ((seed >> i % 30) & 1 ? '' : l)).join('\n') + '\n';
        const edited = build();
        edited.anchor(cut);
        const inPlace = new DocumentAnnotations(edited.all.map((a) => ({ ...a })));
        const onCopies = new DocumentAnnotations(edited.all.map((a) => ({ ...a })));
        // The in-place search as it was: anchorDocument on the model's own orphans, its other spans settled.
        const orphans = inPlace.orphans;
        // The lines come back with a mark before every third, so what is found has new context.
        const back = lines.map((l, i) => (i % 3 === 0 ? `— ${l}` : l)).join('\n') + '\n';
        const report = anchorDocument(orphans, back, inPlace.all.filter((a) => !a.orphaned));
        const adopted = onCopies.adoptOrphanSearch(searchOrphans(onCopies.all, back));
        const shape = (doc: DocumentAnnotations) => doc.all.map((a) => `${a.id}:${a.start}-${a.end}:${a.orphaned ?? ''}:${a.prefix}|${a.text}|${a.suffix}`);
        assert.deepEqual(shape(onCopies).sort(), shape(inPlace).sort());
        assert.deepEqual(adopted.moved.map((a) => a.id), report.moved.map((a) => a.id));
        for (const a of onCopies.all) assert.ok(!adopted.moved.includes(a) || onCopies.all.includes(a), 'the model’s own objects in the report');
      }),
      { numRuns: 200 },
    );
    // What the search found for an orphan that is no orphan any more (re-found meanwhile, or removed) is not taken.
    const text = 'Tom Hale rowed out.\nAda Brook stayed ashore.\n';
    const doc = new DocumentAnnotations();
    const hale = doc.add({ kind: 'claim', start: 0, end: 19 }, text);
    doc.anchor('Ada Brook stayed ashore.\n');
    assert.equal(hale.orphaned, true);
    const found = searchOrphans(doc.all, text);
    assert.equal(found.annotations[0].orphaned, undefined, 'found on the copy');
    doc.remove(hale.id);
    assert.deepEqual(doc.adoptOrphanSearch(found).moved, []);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: documents full of repeated lines, edited anywhere (inside spans too).

const SHORT_LINES = ['Share This', '0:00', 'Advertisement', 'Read more', 'Share', '28:50', '—', 'Comments', 'Tweet'];
const line = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SHORT_LINES) },
  { weight: 2, arbitrary: fc.array(fc.stringMatching(/^[a-zA-Zäö]{1,7}$/), { minLength: 2, maxLength: 6 }).map((w) => w.join(' ') + '.') },
);
const documentLines = fc.array(line, { minLength: 4, maxLength: 24 });

interface Tracked {
  readonly annotation: Annotation;
  /** Where its own text is now. */
  start: number;
  end: number;
  /** Its text was edited: it may follow the edit or become an orphan, nowhere else. */
  touched: boolean;
}

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(30)),
  insert: fc.oneof(fc.constant(''), fc.constantFrom(...SHORT_LINES.map((l) => l + '\n')), fc.constantFrom('x', '\n', '0:01'), line.map((l) => l + '\n')),
});

function applyEdits(text: string, tracked: Tracked[], edits: readonly Edit[]): string {
  let now = text;
  for (const e of edits) {
    const offset = Math.floor(e.at * now.length);
    const removed = Math.min(e.remove, now.length - offset);
    now = now.slice(0, offset) + e.insert + now.slice(offset + removed);
    const delta = e.insert.length - removed;
    for (const t of tracked) {
      // A span whose text was deleted is a point; text typed at that point takes its place.
      const point = t.start === t.end;
      if (offset + removed < t.start || (offset + removed === t.start && !point)) {
        t.start += delta;
        t.end += delta;
      } else if (offset > t.end || (offset === t.end && !point)) {
        // after the span: nothing moves
      } else {
        t.touched = true;
        t.start = Math.min(t.start, offset);
        t.end = Math.max(offset + e.insert.length, t.end + delta);
      }
    }
  }
  return now;
}

/**
 * The oracle of "its own text" when lines repeat: inserting a copy of a line above it or below it
 * gives the same text, so which copy is the original is decided by no edit script in particular.
 * A place is right when some edit script from the old text to the new one, as cheap as the
 * cheapest or within two edits of it, carries the span there: prefix cost + cost of the span's
 * own text + suffix cost. Moving onto a copy of a line elsewhere costs far more than that.
 */
class Alignments {
  private readonly before: Int32Array;
  private readonly after: Int32Array;
  private readonly width: number;
  readonly distance: number;

  constructor(
    private readonly old: string,
    private readonly now: string,
  ) {
    const n = old.length;
    const m = now.length;
    this.width = m + 1;
    this.before = new Int32Array((n + 1) * (m + 1));
    this.after = new Int32Array((n + 1) * (m + 1));
    const w = this.width;
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j <= m; j++) {
        this.before[i * w + j] =
          i === 0 ? j : j === 0 ? i : Math.min(this.before[(i - 1) * w + j - 1] + (old[i - 1] === now[j - 1] ? 0 : 1), this.before[(i - 1) * w + j] + 1, this.before[i * w + j - 1] + 1);
      }
    }
    for (let i = n; i >= 0; i--) {
      for (let j = m; j >= 0; j--) {
        this.after[i * w + j] =
          i === n ? m - j : j === m ? n - i : Math.min(this.after[(i + 1) * w + j + 1] + (old[i] === now[j] ? 0 : 1), this.after[(i + 1) * w + j] + 1, this.after[i * w + j + 1] + 1);
      }
    }
    this.distance = this.before[n * w + m];
  }

  /**
   * Some edit script within `slack` edits of the cheapest carries old[s, e) onto now[p, q). (A
   * line deleted and the same word typed again nearby is explained about as cheaply either way.)
   */
  carries(s: number, e: number, p: number, q: number, slack = 2): boolean {
    return this.before[s * this.width + p] + levenshtein(this.old.slice(s, e), this.now.slice(p, q)) + this.after[e * this.width + q] <= this.distance + slack;
  }
}

/**
 * A fixed seed keeps CI deterministic; `FC_SEED=random` (or a number) explores further. Heavily
 * mangled text at a document's edge (most of the first lines deleted, a fragment left) can still
 * find a placement an edit script would not choose: see the README's limits of re-anchoring.
 */
const SEED = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261204);

describe('re-anchoring properties with repeated lines', () => {
  it('never places an annotation on anything but its own text, and never two recorded apart on one span', () => {
    // (An untagged copy of a deleted line's text is, to any anchoring that knows only the quote
    // and 32 characters around it, the text moved; tagged copies are what it must never take.)
    fc.assert(
      fc.property(documentLines, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.array(edit, { minLength: 1, maxLength: 5 }), (docLines, picks, edits) => {
        const text = docLines.join('\n') + '\n';
        const all = lines(text).filter((l) => l.text.length > 0);
        // Repeated lines are tagged alike (boilerplate is): every copy of a picked line is annotated.
        const picked = new Set(picks.map((p) => all[p % all.length].text));
        const chosen = all.filter((l) => picked.has(l.text));
        const tracked: Tracked[] = chosen.map((l, i) => ({ annotation: annotationAt(text, l.start, l.end, `a${i}`), start: l.start, end: l.end, touched: false }));
        const edited = applyEdits(text, tracked, edits);
        const recorded = tracked.map((t) => ({ start: t.annotation.start, end: t.annotation.end }));
        anchorDocument(
          tracked.map((t) => t.annotation),
          edited,
        );
        const oracle = new Alignments(text, edited);
        const spans = new Map<string, string>();
        tracked.forEach((t, i) => {
          const a = t.annotation;
          if (a.orphaned) return;
          const was = recorded[i];
          // Its own text: where it was tracked (overlapping that place if edited inside), or
          // wherever an equally cheap explanation of the edits carries it.
          const own = t.touched ? a.start < t.end && t.start < a.end : a.start === t.start && a.end === t.end;
          assert.ok(
            own || oracle.carries(was.start, was.end, a.start, a.end),
            `“${text.slice(was.start, was.end)}” at ${was.start}-${was.end} placed at ${a.start}-${a.end} (“${a.text}”), where no (nearly) cheapest edit script carries it`,
          );
          const key = `${a.start}:${a.end}`;
          assert.equal(spans.get(key), undefined, `two annotations recorded at different lines share ${key}`);
          spans.set(key, a.id);
        });
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it('places every annotation whose recorded context singles out one copy, after edits away from it', () => {
    fc.assert(
      fc.property(documentLines, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.array(edit, { minLength: 1, maxLength: 5 }), (docLines, picks, edits) => {
        const text = docLines.join('\n') + '\n';
        const all = lines(text).filter((l) => l.text.length > 0);
        const chosen = [...new Set(picks.map((p) => p % all.length))].map((i) => all[i]);
        const tracked: Tracked[] = chosen.map((l, i) => ({ annotation: annotationAt(text, l.start, l.end, `a${i}`), start: l.start, end: l.end, touched: false }));
        // Edits only well away from every recorded passage (quote and context), so each passage is intact.
        let edited = text;
        for (const e of edits) {
          const offset = Math.floor(e.at * edited.length);
          const removed = Math.min(e.remove, edited.length - offset);
          const clear = tracked.every((t) => offset + removed < t.start - 40 || offset > t.end + 40);
          if (!clear) continue;
          edited = applyEdits(edited, tracked, [{ at: offset / edited.length, remove: removed, insert: e.insert }]);
        }
        anchorDocument(
          tracked.map((t) => t.annotation),
          edited,
        );
        for (const t of tracked) {
          const a = t.annotation;
          const passage = a.prefix + a.text + a.suffix;
          const first = edited.indexOf(passage);
          const unique = first !== -1 && edited.indexOf(passage, first + 1) === -1;
          if (!unique) continue;
          assert.equal(a.orphaned, undefined, `“${a.text}” orphaned although its recorded context occurs once`);
          assert.deepEqual([a.start, a.end], [t.start, t.end]);
        }
      }),
      { numRuns: 400, seed: SEED },
    );
  });
});
