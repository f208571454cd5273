import assert from 'node:assert/strict';
import { anchorAnnotation, type AnchorResult } from '../../src/core/anchoring/anchorAnnotation';
import { quoteContext } from '../../src/core/anchoring/quoteContext';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { LfText } from '../../src/core/text/lineEndings';

/** What the sidecar records for `quote` at its `nth` occurrence in `text`. */
function targetFor(text: string, quote: string, nth = 0) {
  let start = text.indexOf(quote);
  for (let i = 0; i < nth; i++) start = text.indexOf(quote, start + 1);
  assert.ok(start >= 0, `"${quote}" is in the text`);
  return { start, end: start + quote.length, ...quoteContext(text, start, start + quote.length) };
}

function placed(result: AnchorResult, text: string): string {
  assert.equal(result.status, 'moved', `expected a move, got ${JSON.stringify(result)}`);
  assert.ok(result.status === 'moved');
  return text.slice(result.span.start, result.span.end);
}

const ARTICLE = [
  'Linus Torvalds released the first version of the kernel in 1991, from Helsinki.',
  'The project grew fast: within a few years it ran on machines all over the world.',
  'Companies started to contribute drivers, and the community adopted a strict review process.',
  'Today the kernel powers phones, servers and most of the supercomputers on the list.',
].join('\n\n');

describe('re-anchoring: known failure modes', () => {
  it('never places a short quote fuzzily inside another word ("Linus" is not in "machines")', () => {
    const target = targetFor(ARTICLE, 'Linus');
    const edited = ARTICLE.replace('Linus Torvalds released', 'A Finnish student released');
    const result = anchorAnnotation(target, edited);
    // An orphan, told where its context still is: "A Finnish student", offered, never taken.
    assert.equal(result.status, 'changed');
    assert.ok(result.status === 'changed');
    assert.ok(result.at.end <= edited.indexOf(' released'), `its context points into the changed words, got “${edited.slice(result.at.start, result.at.end)}”`);
    for (const c of result.candidates) assert.notEqual(edited.slice(c.start, c.end), 'ines');
  });

  it('does not take a short quote found elsewhere with a different context', () => {
    const target = targetFor(ARTICLE, 'kernel', 1);
    const edited = ARTICLE.replace('Today the kernel powers', 'Today it powers');
    const result = anchorAnnotation(target, edited);
    assert.ok(result.status === 'changed', `an orphan, got ${result.status}`);
    assert.equal(edited.slice(result.at.start, result.at.end), 'it');
  });

  it('follows a quote whose own text was edited (a typo fixed inside it)', () => {
    const text = ARTICLE.replace('adopted a strict review', 'adopted a strcit reveiw');
    const target = targetFor(text, 'the community adopted a strcit reveiw process');
    const result = anchorAnnotation(target, ARTICLE);
    assert.equal(placed(result, ARTICLE), 'the community adopted a strict review process');
    assert.ok(result.status === 'moved' && result.strategy === 'fuzzy');
  });

  it('follows quotes of a reordered document', () => {
    const paragraphs = ARTICLE.split('\n\n');
    const reordered = [paragraphs[3], paragraphs[1], paragraphs[0], paragraphs[2]].join('\n\n');
    const doc = new DocumentAnnotations();
    for (const quote of ['released the first version', 'within a few years', 'strict review process', 'most of the supercomputers']) {
      const start = ARTICLE.indexOf(quote);
      doc.add({ kind: 'claim', start, end: start + quote.length }, ARTICLE);
    }
    const report = doc.anchor(reordered);
    assert.equal(report.orphaned.length, 0);
    for (const a of doc.all) assert.equal(reordered.slice(a.start, a.end), a.text);
    assert.deepEqual(doc.all.map((a) => a.text), ['most of the supercomputers', 'within a few years', 'released the first version', 'strict review process']);
  });

  it('follows every span when text is inserted before each of them', () => {
    const doc = new DocumentAnnotations();
    const quotes = ['first version of the kernel', 'grew fast', 'contribute drivers', 'phones, servers'];
    for (const quote of quotes) {
      const start = ARTICLE.indexOf(quote);
      doc.add({ kind: 'quote', start, end: start + quote.length }, ARTICLE);
    }
    const edited = ARTICLE.split('\n\n')
      .map((p) => 'Update: ' + p)
      .join('\n\n');
    doc.anchor(edited);
    assert.deepEqual(
      doc.all.map((a) => [edited.slice(a.start, a.end), Boolean(a.orphaned)]),
      quotes.map((q) => [q, false]),
    );
  });

  describe('a repeated paragraph', () => {
    // The quote sits mid-paragraph, so its recorded context lies wholly inside the paragraph and
    // a pasted copy has exactly the same context: only the position can tell them apart.
    const paragraph = 'The minister said on Tuesday that the talks would continue on a bilateral basis when both delegations return next week.';
    const original = `Intro.\n\n${paragraph}\n\nMiddle part of the story.\n\nEnd.`;
    const quote = 'talks would continue';
    // Text inserted above moves the original about half a paragraph: both copies are equally plausible.
    const pasted = 'x'.repeat(70) + original.replace(paragraph, `${paragraph}\n\n${paragraph}`);

    it('offers both copies instead of guessing when the position cannot tell them apart', () => {
      const target = targetFor(original, quote);
      const result = anchorAnnotation(target, pasted);
      assert.equal(result.status, 'ambiguous');
      assert.ok(result.status === 'ambiguous');
      assert.equal(result.places, 2);
      assert.deepEqual(
        result.candidates.map((c) => pasted.slice(c.start, c.end)),
        [quote, quote],
      );
      assert.notEqual(result.candidates[0].start, result.candidates[1].start);
    });

    it('lets the context decide when it differs: the copy with the recorded surroundings', () => {
      const short = 'The minister said the talks would continue on a bilateral basis next week.';
      const text = `Intro.\n\n${short}\n\nMiddle part of the story.\n\nEnd.`;
      const target = targetFor(text, quote);
      // The recorded prefix reaches back into "Intro.", which only the first copy still follows.
      const edited = 'x'.repeat(40) + text.replace(short, `${short}\n\n${short}`);
      assert.equal(placed(anchorAnnotation(target, edited), edited), quote);
      const result = anchorAnnotation(target, edited);
      assert.ok(result.status === 'moved' && result.span.start === edited.indexOf(quote));
    });

    it('the orphan keeps its candidates in the model', () => {
      const doc = new DocumentAnnotations();
      const start = original.indexOf(quote);
      const a = doc.add({ kind: 'quote', start, end: start + quote.length }, original);
      const report = doc.anchor(pasted);
      assert.deepEqual(report.ambiguous, [a]);
      assert.equal(a.orphaned, true);
      assert.equal(doc.candidatesFor(a.id).length, 2);
      assert.deepEqual(doc.orphanReason(a), { kind: 'ambiguous', places: 2 });
    });

    it('is told apart by how its settled neighbours moved', () => {
      const doc = new DocumentAnnotations();
      const start = original.indexOf(quote);
      const a = doc.add({ kind: 'quote', start, end: start + quote.length }, original);
      const intro = doc.add({ kind: 'claim', start: 0, end: 6 }, original);
      const edited = 'A line of forty characters added above\n' + original.replace(paragraph, `${paragraph}\n\n${paragraph}`);
      doc.anchor(edited);
      assert.equal(intro.start, edited.indexOf('Intro.'));
      assert.equal(a.orphaned, undefined);
      assert.equal(a.start, edited.indexOf(quote), 'the first copy, which moved as the intro did');
    });
  });

  describe('line endings converted by git', () => {
    const lf = 'First line of the text.\nSecond line, with the quoted\nwords across a break.\nThird line.\n';
    const crlf = lf.replace(/\n/g, '\r\n');

    it('LF to CRLF: quotes within and across lines land on the same characters', () => {
      for (const quote of ['Second line', 'quoted\nwords across', 'Third line.']) {
        const result = anchorAnnotation(targetFor(lf, quote), crlf);
        assert.equal(placed(result, crlf), quote.replace(/\n/g, '\r\n'));
      }
    });

    it('CRLF to LF', () => {
      for (const quote of ['Second line', 'quoted\r\nwords across', 'Third line.']) {
        const result = anchorAnnotation(targetFor(crlf, quote), lf);
        assert.equal(placed(result, lf), quote.replace(/\r\n/g, '\n'));
      }
    });

    it('re-reads quote and context in the new line endings', () => {
      const doc = new DocumentAnnotations();
      const start = lf.indexOf('quoted');
      const a = doc.add({ kind: 'quote', start, end: start + 'quoted\nwords'.length }, lf);
      doc.anchor(crlf);
      assert.equal(a.text, 'quoted\r\nwords');
      assert.equal(a.prefix, lf.slice(0, start).replace(/\n/g, '\r\n').slice(-32));
    });

    it('maps offsets between the normalized and the original text, never between CR and LF', () => {
      const text = 'a\r\nb\r\n\r\nc';
      const norm = new LfText(text);
      assert.equal(norm.text, 'a\nb\n\nc');
      assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((n) => norm.toOriginal(n)), [0, 1, 3, 4, 6, 8, 9]);
      assert.deepEqual([0, 1, 2, 3, 4, 6, 8, 9].map((o) => norm.fromOriginal(o)), [0, 1, 1, 2, 3, 4, 5, 6]);
    });
  });

  it('finds a quote that moved far when a lookalike with fewer differences sits elsewhere', () => {
    const lookalike = 'The committee approved the budget for the coming year without changes.';
    const filler = 'Unrelated filler sentence number {n} keeps these two passages far apart. ';
    const original = 'Opening remarks by the chair. The committee approved the budget for the next year after changes. Closing.';
    const target = targetFor(original, 'The committee approved the budget for the next year after changes.');
    const edited = lookalike + '\n' + Array.from({ length: 2000 }, (_, n) => filler.replace('{n}', String(n))).join('') + '\n' + original.replace('next year after', 'next year, after');
    const result = anchorAnnotation(target, edited);
    assert.equal(placed(result, edited), 'The committee approved the budget for the next year, after changes.');
  });
});

describe('re-anchoring: the recorded offsets alone are not proof', () => {
  it('does not keep a one-character quote on a lookalike that an edit moved under its old offsets', () => {
    // Found by the property test: a final full stop; text inserted above moves it, and another
    // full stop lands exactly on its old offset.
    const text = 'First sentence here. Second one follows. The last one ends.';
    const doc = new DocumentAnnotations();
    const stop = doc.add({ kind: 'claim', start: text.length - 1, end: text.length }, text);
    const inserted = 'Words put above it ';
    const now = inserted + text;
    assert.equal(now[text.length - 1], '.', 'a lookalike sits at the old offset');
    doc.anchor(now);
    // Placed on its own full stop, or an orphan (with candidates); never left on the lookalike.
    if (!stop.orphaned) assert.deepEqual([stop.start, stop.end], [now.length - 1, now.length]);
    else assert.ok(doc.candidatesFor(stop.id).some((c) => c.start === now.length - 1), 'its real place is offered');
  });
});

describe('DocumentAnnotations.relocate', () => {
  it('anchors an orphan where a person says, re-reading its quote and context, and drops its candidates', () => {
    const text = 'one two three two one';
    const doc = new DocumentAnnotations();
    const a = doc.add({ kind: 'claim', start: 4, end: 7 }, text);
    doc.applyChanges([{ offset: 4, length: 3, text: '' }]);
    assert.equal(a.orphaned, true);
    const now = 'one  three two one';
    assert.equal(doc.relocate(a.id, { start: 11, end: 14 }, now), true);
    assert.deepEqual([a.start, a.end, a.text, a.orphaned], [11, 14, 'two', undefined]);
    assert.equal(a.prefix, 'one  three ');
    assert.equal(doc.relocate(a.id, { start: 3, end: 3 }, now), false, 'empty spans are refused');
  });

  it('moves offered candidates along with edits and withdraws those whose text is deleted', () => {
    const paragraph = 'The minister said on Tuesday that the talks would continue on a bilateral basis when both delegations return next week.';
    const original = `Intro.\n\n${paragraph}\n\nEnd.`;
    const doc = new DocumentAnnotations();
    const start = original.indexOf('talks would');
    const a = doc.add({ kind: 'quote', start, end: start + 'talks would'.length }, original);
    const edited = 'x'.repeat(70) + original.replace(paragraph, `${paragraph}\n\n${paragraph}`);
    doc.anchor(edited);
    const [first, second] = doc.candidatesFor(a.id);
    doc.applyChanges([{ offset: 0, length: 0, text: 'yy' }]);
    assert.deepEqual(
      doc.candidatesFor(a.id).map((c) => c.start),
      [first.start + 2, second.start + 2],
    );
    doc.applyChanges([{ offset: first.start + 2, length: first.end - first.start, text: '' }]);
    assert.deepEqual(
      doc.candidatesFor(a.id).map((c) => c.start),
      [second.start + 2 - (first.end - first.start)],
    );
  });
});
