// paragraphs() parses a document's block structure with remark, in pieces cut where nothing before
// a blank line can carry over, and finds the pieces of plain paragraphs without remark at all. It
// must give exactly what remark gives on the whole text: checked here on generated documents full
// of what changes block structure (list markers, quotes, headings, fences, HTML, indentation,
// setext underlines, blank lines of spaces or no-break spaces, long lines cut at the 32-unit
// skeleton, CRLF and CR), and on every text of the repository's gold sets and seeds.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { paragraphs, type ParagraphOptions } from '../../src/core/suggest/paragraphs';

const WHOLE = { chunkChars: Infinity, plain: false } as const;

/** paragraphs() gives, with each of `options`, what remark gives on the whole text. */
function assertAsRemarkOnTheWhole(text: string, options: readonly ParagraphOptions[]): void {
  const whole = paragraphs(text, WHOLE);
  for (const option of options) assert.deepEqual(paragraphs(text, option), whole, JSON.stringify(option));
}

const lineStarts = fc.constantFrom(
  'The minister said',
  '“We will not', '"Quoted', '‘Single', "'Plain", '(Aside',
  'Élan vital', 'Ёлка',
  '1. First', '2) Second', '12 May', '- item', '* item', '+ item', '> quoted block', '>', '# Heading', '## Sub',
  '    indented code', '\tTabbed', '   three spaces', '```', '```js', '~~~', '<div>', '<!-- note', '-->', '<script>', '</script>',
  '<post id="7"><post/>.', '<p>', '</div>', '<span>', '<PRE>', '<pre', '<textarea rows=2>', '<style>', '</style>', '<scripts>',
  '<?php', '?>', '<!DOCTYPE html>', '<![CDATA[', ']]>', '>',
  '9:30 a.m.', '2016.5 percent', '2016.', '3)', '2016. Text', '10) Text', '1234567890. Ten', '$40', '…and', '| pipe', '\\escaped', '&amp;', '[note]: /x', '[1]', '!', '_x', '___.', '~ tilde', '-P', '+1', '*', '=', '-',
  '#tag', '##', '#######x', '*bold*', '**', '__init', '_ _ _', '- - -', '--', '-- x', '``x', '`code`', '~~x', '=x', '*\t', '+', '#\tx',
  '===', '---', '***', '', '   ', '\t', '\u00a0', '— dash', '• bullet', '0:00',
);
const lineEnds = fc.constantFrom('', ' ', '  ', '\t', ' and more words so that the line runs past the skeleton cut', '.', ':', '”', 'a                                   b');
const line = fc.tuple(lineStarts, lineEnds).map(([a, b]) => a + b);
const eol = fc.constantFrom('\n', '\r\n', '\r');
// Mostly lines that can only be paragraph text, so that pieces parsed without remark are common,
// with now and then a line that opens a block.
const plainStarts = fc.constantFrom('#tag', '*bold*', '__init', '-->', '``x', '~~x', '=x', '[1]', '+1', '-P', 'The minister said', '“We will', '"Quoted', "'Plain", '(Aside', 'Ёлка', '9:30 a.m.', '2016.5 percent', '1234567890. Ten', '$40', '…and', '— dash', '• bullet', '| pipe', '&amp;', '!', '0:00');
const plainLine = fc.tuple(plainStarts, fc.constantFrom('', '.', ' and more words so that the line runs past the skeleton cut', '”', ' ', '\t', '  ', 'a                                   b', ' words to the cut  ')).map(([a, b]) => a + b);
const mostlyPlainLine = fc.oneof({ arbitrary: plainLine, weight: 12 }, { arbitrary: fc.constant(''), weight: 4 }, { arbitrary: line, weight: 1 });
const mostlyPlainDocuments = fc.tuple(fc.array(mostlyPlainLine, { maxLength: 40 }), fc.array(eol, { minLength: 40, maxLength: 40 })).map(([lines, eols]) => lines.map((l, i) => l + eols[i]).join(''));
const documents = fc.tuple(fc.array(line, { maxLength: 40 }), fc.array(eol, { minLength: 40, maxLength: 40 })).map(([lines, eols]) => lines.map((l, i) => l + eols[i]).join(''));

describe('paragraphs: pieces and plain paragraphs', function () {
  this.timeout(120_000);

  it('finds what remark finds on the whole text, on generated documents (property)', () => {
    fc.assert(
      fc.property(documents, (text) => assertAsRemarkOnTheWhole(text, [{}, { plain: false }, { chunkChars: Infinity }])),
      { numRuns: 800 },
    );
  });

  it('finds what remark finds on the whole text, on generated documents mostly of plain paragraphs (property)', () => {
    fc.assert(
      fc.property(mostlyPlainDocuments, (text) => assertAsRemarkOnTheWhole(text, [{}, { plain: false }])),
      { numRuns: 800 },
    );
  });

  it('finds what remark finds on the whole text, on every seed and gold text', () => {
    const root = join(__dirname, '..', '..', '..');
    let checked = 0;
    for (const folder of ['seeds', 'test/gold', 'test/gold/heldout']) {
      for (const name of readdirSync(join(root, folder)).filter((n) => /\.(txt|md)$/.test(n))) {
        const text = readFileSync(join(root, folder, name), 'utf8');
        assert.deepEqual(paragraphs(text), paragraphs(text, WHOLE), name);
        checked++;
      }
    }
    assert.ok(checked >= 10, `${checked} texts`);
  });

  it('keeps a fenced code block with blank lines and unindented text in it whole', () => {
    const text = 'Intro line.\n\n```\ncode\n\nNot a paragraph\n```\n\nAfter it.\n';
    const found = paragraphs(text).map((r) => text.slice(r.start, r.end));
    assert.deepEqual(found, ['Intro line.', '```\ncode\n\nNot a paragraph\n```', 'After it.']);
  });

  it('keeps an HTML block that runs to its closing text whole, and cuts after one that ends at a blank line', () => {
    // CommonMark's HTML kinds 1 to 5 run past blank lines to their closing text (or the end);
    // the others (any tag, `<div>`, an embed's `<post …>`) end at a blank line.
    const openers = ['<script>', '<SCRIPT type="x">', '<pre', '<style>', '<textarea rows="2">', '<!-- note', '<?php', '<!DOCTYPE html>', '<![CDATA[', '```', '~~~', '  ```js'];
    const enders = ['<div>', '<post id="7"><post/>.', '<scripts>', '<span>', '</div>', '<p class="x">', '<prefix>'];
    for (const opener of [...openers, ...enders]) {
      for (const text of [`Intro line.\n\n${opener}\nbody\n\nAfter it.\n\nLast one.\n`, `${opener}\n\nAfter it.\n`, `Intro.\n\n${opener} tail\n\n\nAfter it.\n-->\n?>\n]]>\n</script>\n\nLast.\n`]) {
        assert.deepEqual(paragraphs(text), paragraphs(text, WHOLE), JSON.stringify(text));
      }
    }
    const text = 'Intro.\n\n<script>\n\nStill script.\n';
    assert.deepEqual(paragraphs(text).map((r) => text.slice(r.start, r.end)), ['Intro.', '<script>\n\nStill script.']);
  });

  it('ends a paragraph where a line that opens a block interrupts it, and reads a line that cannot as its text', () => {
    const lines = ['***', '___', '* * *', '- - -', '```', '~~~', '# H', '#', '> q', '- x', '* x', '+ x', '1. x', '1) x', '<div>', '<!-- c', '===', '---', '--', '#tag', '*bold*', '___.', '-P', '2016.5', '10:30', '[1]', '~x', '``x'];
    for (const line of lines) {
      for (const text of [`Intro line\n${line}\nMore text\n\nAfter.\n`, `Intro.\n\n${line}\nMore text\n\nAfter.\n`]) {
        assert.deepEqual(paragraphs(text), paragraphs(text, WHOLE), JSON.stringify(text));
      }
    }
  });

  it('takes lines written one per line for paragraphs, a headline among them, and joins a line that goes on in lower case', () => {
    const long = 'The crowd went quiet when the mayor stood up to speak about the harbour, the ferries and the fishing fleet.';
    const text = `${long}\nHarbour Board Rejects The Plan\n“We will not give up,” said Ada Brook, who leads the campaign,\nand who has done so for years.\n`;
    const found = paragraphs(text).map((r) => text.slice(r.start, r.end));
    assert.deepEqual(found, [long, 'Harbour Board Rejects The Plan', '“We will not give up,” said Ada Brook, who leads the campaign,\nand who has done so for years.']);
  });
});
