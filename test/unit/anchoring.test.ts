import assert from 'node:assert/strict';
import { anchorAnnotation } from '../../src/core/anchoring/anchorAnnotation';
import { quoteContext } from '../../src/core/anchoring/quoteContext';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';

const TEXT = 'Intro line.\r\n“Диалог продолжается 😀 на двусторонней основе,” Лавров said.\r\nOutro.';

function targetFor(text: string, quote: string) {
  const start = text.indexOf(quote);
  return { start, end: start + quote.length, ...quoteContext(text, start, start + quote.length) };
}

describe('quoteContext', () => {
  it('never splits a surrogate pair at the context edges', () => {
    const text = '😀😀😀 quote 😀😀😀';
    const start = text.indexOf('quote');
    const context = quoteContext(text, start, start + 5, 4);
    assert.equal(context.prefix, '😀 ');
    assert.equal(context.suffix, ' 😀');
    assert.doesNotMatch(context.prefix + context.suffix, /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it('is clipped at the document edges', () => {
    assert.deepEqual(quoteContext('abc', 0, 3), { text: 'abc', prefix: '', suffix: '' });
  });
});

describe('anchorAnnotation', () => {
  const quote = 'Диалог продолжается 😀 на двусторонней основе,';
  const target = targetFor(TEXT, quote);

  it('reports an unchanged document as intact', () => {
    assert.deepEqual(anchorAnnotation(target, TEXT), { status: 'intact' });
  });

  it('re-anchors a quote whose text moved, using its context', () => {
    const edited = 'A new first paragraph.\r\n' + TEXT;
    const result = anchorAnnotation(target, edited);
    assert.equal(result.status, 'moved');
    assert.ok(result.status === 'moved');
    assert.equal(edited.slice(result.span.start, result.span.end), quote);
  });

  it('picks the occurrence nearest to the old position when the quote repeats with its context', () => {
    const block = '\r\n“Диалог продолжается 😀 на двусторонней основе,” Лавров said.\r\n';
    const text = 'Intro line.' + block + 'Outro.' + 'Intro line.' + block + 'Outro.';
    const nearSecond = { ...target, start: text.lastIndexOf(quote) - 3, end: text.lastIndexOf(quote) - 3 + quote.length };
    const result = anchorAnnotation(nearSecond, text);
    assert.ok(result.status === 'moved');
    assert.equal(result.span.start, text.lastIndexOf(quote));
  });

  it('orphans a quote whose text is gone or rewritten', () => {
    const rewritten = anchorAnnotation(target, TEXT.replace('Диалог продолжается', 'Разговор идёт'));
    // Its context still pins the place, which is offered to a person, never taken.
    assert.equal(rewritten.status, 'changed');
    assert.ok(rewritten.status === 'changed' && rewritten.candidates.every((c) => !c.acceptable));
    assert.deepEqual(anchorAnnotation(target, 'Something else entirely.'), { status: 'orphaned', candidates: [] });
  });
});

describe('DocumentAnnotations', () => {
  it('tags a span with its quote and context, and finds it at the cursor', () => {
    const doc = new DocumentAnnotations();
    const quote = 'Диалог продолжается 😀 на двусторонней основе,';
    const start = TEXT.indexOf(quote);
    const added = doc.add({ kind: 'quote', start, end: start + quote.length, speaker: 'Sergey Lavrov' }, TEXT);
    assert.equal(added.text, quote);
    assert.equal(added.prefix, 'Intro line.\r\n“');
    assert.match(added.id, /^[a-z][a-z0-9]{7}$/);
    assert.deepEqual(doc.innermostAt(start + 3), [added]);
    assert.deepEqual(doc.innermostAt(start + quote.length), [added], 'the end edge counts');
    assert.deepEqual(doc.innermostAt(2), []);
  });

  it('refuses empty spans', () => {
    assert.throws(() => new DocumentAnnotations().add({ kind: 'claim', start: 3, end: 3 }, TEXT), RangeError);
  });

  it('prefers the innermost of nested spans and offers a choice for identical or crossing ones', () => {
    const text = 'He said that the plan works and will pay off soon.';
    const doc = new DocumentAnnotations();
    const claim = doc.add({ kind: 'claim', start: 0, end: text.length }, text);
    const quote = doc.add({ kind: 'quote', start: 13, end: 27 }, text);
    assert.deepEqual(doc.innermostAt(15), [quote]);
    assert.deepEqual(doc.innermostAt(5), [claim]);
    const twin = doc.add({ kind: 'speculation', start: 13, end: 27 }, text);
    assert.deepEqual(new Set(doc.innermostAt(15)), new Set([quote, twin]));
  });

  it('keeps annotations sorted by position then id', () => {
    const text = 'one two three four';
    const doc = new DocumentAnnotations();
    doc.add({ kind: 'claim', start: 8, end: 13 }, text);
    doc.add({ kind: 'claim', start: 0, end: 3 }, text);
    doc.add({ kind: 'quote', start: 4, end: 7 }, text);
    assert.deepEqual(doc.all.map((a) => a.start), [0, 4, 8]);
    doc.applyChanges([{ offset: 0, length: 8, text: '' }]);
    assert.deepEqual(doc.all.map((a) => [a.start, a.end, Boolean(a.orphaned)]), [[0, 0, true], [0, 0, true], [0, 5, false]]);
  });

  it('updates and clears speaker and note, and reports whether anything changed', () => {
    const text = 'one two';
    const doc = new DocumentAnnotations();
    const a = doc.add({ kind: 'claim', start: 0, end: 3 }, text);
    assert.equal(doc.update(a.id, { speaker: '  Lavrov ' }), true);
    assert.equal(a.speaker, 'Lavrov');
    assert.equal(doc.update(a.id, { speaker: 'Lavrov' }), false);
    assert.equal(doc.update(a.id, { speaker: '' }), true);
    assert.equal('speaker' in a, false);
    assert.equal(doc.update('missing', { kind: 'quote' }), false);
  });

  it('brings an orphan back when its text returns (undo), by quote and context', () => {
    let text = 'before. The quoted words here. after.';
    const doc = new DocumentAnnotations();
    const a = doc.add({ kind: 'quote', start: 8, end: 29 }, text);
    const removed = text.slice(8, 29);
    text = text.slice(0, 8) + text.slice(29);
    const report = doc.applyChanges([{ offset: 8, length: 21, text: '' }]);
    assert.deepEqual(report.orphaned, [a]);
    text = text.slice(0, 8) + removed + text.slice(8);
    doc.applyChanges([{ offset: 8, length: 0, text: removed }]);
    const anchored = doc.anchor(text);
    assert.deepEqual(anchored.moved, [a]);
    assert.equal(a.orphaned, undefined);
    assert.equal(text.slice(a.start, a.end), 'The quoted words here');
  });

  it('refreshes quotes after edits inside a span', () => {
    let text = 'say hello world now';
    const doc = new DocumentAnnotations();
    const a = doc.add({ kind: 'quote', start: 4, end: 15 }, text);
    text = 'say hello big world now';
    doc.applyChanges([{ offset: 10, length: 0, text: 'big ' }]);
    doc.refreshQuotes(text);
    assert.equal(a.text, 'hello big world');
    assert.equal(a.suffix, ' now');
  });
});
