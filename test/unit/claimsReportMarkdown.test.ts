import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { AnnotationKind } from '../../src/core/annotationKind';
import type { CorpusDocument } from '../../src/core/corpus/annotatedDocument';
import { claimsReportMarkdown } from '../../src/core/report/claimsReport';
import { visibleLine, visibleText } from '../../src/core/report/visibleText';
import type { StoredAnnotation } from '../../src/core/sidecar/sidecarFormat';

// Whatever a document or an annotator wrote, the Markdown report keeps its structure (headings,
// one list item per annotation, one quote each, nothing else), shows the text as written, and no
// invisible character can reorder or hide what is around it.

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Pieces that mean something to Markdown or to a reader, at any place in any field. */
const hostile = fc.constantFrom(
  '|', '| a | b |', '|---|', '`', '```', '~~~', '<', '>', '<b>', '<!--', '<script>', '&amp;', '&#x202E;', '[', ']', '[x](http://evil)', '![i](x.png)', '(', ')',
  '#', '# ', '## h', '\n#', '\n', '\r', '\r\n', '\n\n', '\n---\n', '\n===\n', '\n- ', '\n1. ', '\n> ', '\n    code', '*', '_', '**', '~', '\\', '\\\n', '  \n', '\t', ' ', '    ',
  '\u202E', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', '\u202A', '\u202B', '\u202C',
  '\u0000', '\u001B[31m', '\u2028', '\u2029', '\uFEFF', '\u200B', '\uD800', '😀', '👨‍👩‍👧', 'Привет', 'مرحبا', 'http://x.y', '-', '+', '1.', '=',
);
const field = fc.array(fc.oneof(hostile, fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 6 }).map((p) => p.join(''));
const nonEmpty = field.filter((s) => s.length > 0);

const annotation = fc.record({
  text: nonEmpty,
  speaker: fc.option(nonEmpty, { nil: undefined }),
  note: fc.option(nonEmpty, { nil: undefined }),
  author: fc.option(nonEmpty, { nil: undefined }),
  kind: fc.constantFrom<AnnotationKind[]>('claim', 'quote', 'speculation', 'advertisement'),
});

const corpusArb = fc.array(fc.record({ path: nonEmpty, annotations: fc.array(annotation, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 3 }).map((docs) =>
  docs.map(({ path, annotations }, d): CorpusDocument => ({
    path,
    documentText: undefined,
    annotations: annotations.map(
      (a, i): StoredAnnotation => ({ id: `d${d}a${i}xxx`, kind: a.kind, start: i, end: i + 1, text: a.text, prefix: '', suffix: '', ...(a.speaker ? { speaker: a.speaker } : {}), ...(a.note ? { note: a.note } : {}), ...(a.author ? { author: a.author } : {}) }),
    ),
  })),
);

function count(tree: Nodes, type: string): number {
  let n = tree.type === type ? 1 : 0;
  if ('children' in tree) for (const child of tree.children) n += count(child, type);
  return n;
}

/** The text a reader sees in a node, a hard break being a line break. */
function toString(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('value' in node) return node.value;
  return 'children' in node ? node.children.map((c) => toString(c)).join('') : '';
}

/** Markdown folds runs of white space; compare text the way a reader sees it. */
const seen = (s: string) => s.replace(/[\t\n\r ]+/g, ' ').trim();

describe('claims report Markdown: structure and visibility for any input', () => {
  it('keeps its structure and shows every field as written, with hidden characters made visible (property)', () => {
    fc.assert(
      fc.property(corpusArb, (corpus) => {
        const markdown = claimsReportMarkdown(corpus);
        assert.doesNotMatch(markdown, BIDI, 'no bidi control reaches the report');
        assert.doesNotMatch(markdown, HIDDEN, 'no hidden character reaches the report');

        const all = corpus.flatMap((d) => d.annotations.map((a) => ({ d, a })));
        const speakers = new Map<string, typeof all>();
        for (const x of all) speakers.set(x.a.speaker ?? '', [...(speakers.get(x.a.speaker ?? '') ?? []), x]);

        const tree = unified().use(remarkParse).parse(markdown) as Root;
        const top = tree.children;
        // Title, summary, then a heading and a list per speaker: nothing more, nothing less.
        assert.deepEqual(top.map((n) => (n.type === 'heading' ? `h${n.depth}` : n.type)), ['h1', 'paragraph', ...[...speakers.keys()].flatMap(() => ['h2', 'list'])]);
        const headings = top.filter((n) => n.type === 'heading').slice(1).map((h) => seen(toString(h)));
        const expected = [...speakers].map(([s, xs]) => seen(`${s ? visibleLine(s) : 'Unattributed'} (${xs.length})`));
        assert.deepEqual([...headings].sort(), [...expected].sort());

        const items = top.filter((n) => n.type === 'list').flatMap((l) => (l.type === 'list' ? l.children : []));
        assert.equal(items.length, all.length);
        for (const kind of ['heading', 'list', 'thematicBreak', 'code', 'html', 'image', 'table', 'definition', 'linkReference', 'imageReference']) {
          const extra = kind === 'heading' ? speakers.size + 1 : kind === 'list' ? speakers.size : 0;
          assert.equal(count(tree, kind), extra, `${kind} nodes`);
        }
        assert.equal(count(tree, 'link'), all.length, 'one link per annotation: none from the text');
        assert.equal(count(tree, 'blockquote'), all.length);
        assert.equal(count(tree, 'inlineCode'), all.length);
        assert.equal(count(tree, 'strong'), all.length);
        assert.equal(count(tree, 'emphasis'), all.filter((x) => x.a.note).length);

        // Each item: its kind, document link, quote and note, as written.
        const quotes = items.map((item) => seen(toString(item.children.find((c) => c.type === 'blockquote') ?? { type: 'text', value: '' })));
        assert.deepEqual([...quotes].sort(), all.map((x) => seen(visibleText(x.a.text))).sort());
        for (const item of items) {
          assert.ok(item.children.length === 2 || item.children.length === 3, `list item parts: ${item.children.map((c) => c.type).join(',')}`);
          assert.equal(item.children[0].type, 'paragraph');
          assert.equal(item.children[1].type, 'blockquote');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('shows a right-to-left override in a speaker, quote, note, author or path as [U+202E]', () => {
    const markdown = claimsReportMarkdown([
      {
        path: 'docs/\u202Etxt.exe',
        documentText: undefined,
        annotations: [{ id: 'abcd1234', kind: 'quote', start: 0, end: 1, text: 'we \u2066agree\u2069', prefix: '', suffix: '', speaker: 'Lavrov\u202E (3)', note: 'n\u200F', author: 'eve\u061C' }],
      },
    ]);
    // "[" is escaped by the serializer: the reader sees [U+202E].
    assert.ok(markdown.includes('\n## Lavrov\\[U+202E] (3) (1)\n'), markdown);
    assert.ok(markdown.includes('> we \\[U+2066]agree\\[U+2069]\n'), markdown);
    assert.ok(markdown.includes('[`docs/[U+202E]txt.exe`](docs/%E2%80%AEtxt.exe), line ?, tagged by eve\\[U+061C]\n'), markdown);
    assert.ok(markdown.includes('*Note:* n\\[U+200F]\n'), markdown);
  });

  it('links documents whose names hold "#", "?", "%" or spaces to that very file', () => {
    const markdown = claimsReportMarkdown([{ path: 'a #1?x 5%.txt', documentText: undefined, annotations: [{ id: 'abcd1234', kind: 'claim', start: 0, end: 1, text: 'x', prefix: '', suffix: '' }] }]);
    const tree = unified().use(remarkParse).parse(markdown) as Root;
    let url = '';
    const find = (n: Nodes): void => {
      if (n.type === 'link') url = n.url;
      if ('children' in n) n.children.forEach(find);
    };
    find(tree);
    assert.equal(url, 'a%20%231%3Fx%205%25.txt');
  });
});
