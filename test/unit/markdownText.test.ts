// Labels from a scheme file are put into Markdown the extension builds as strings (the status
// bar's table): whatever they hold must read back as the same text, never as markup.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { markdownText } from '../../src/extension/markdownText';

interface Node {
  type: string;
  value?: string;
  children?: Node[];
}

/** The node types of a parsed paragraph and its text, joined. */
function read(markdown: string): { types: Set<string>; text: string } {
  const types = new Set<string>();
  let text = '';
  const walk = (node: Node): void => {
    types.add(node.type);
    if (typeof node.value === 'string') text += node.value;
    node.children?.forEach(walk);
  };
  walk(unified().use(remarkParse).parse(markdown) as Node);
  return { types, text };
}

describe('markdownText', () => {
  it('keeps links, emphasis, code, HTML, headings and table pipes as text', () => {
    const label = '# **Claim** | [x](command:sourceAnnotator.removeAnnotation) <img src=x onerror=alert(1)> `code` _a_ $(zap) - 1. >';
    const { types, text } = read(markdownText(label));
    assert.deepEqual([...types].sort(), ['paragraph', 'root', 'text']);
    assert.equal(text, label);
  });

  it('reads back as the same text for any string (line breaks as spaces)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), (label) => {
        const expected = label.replace(/[\r\n]+/g, ' ').trim().replace(/\s+/g, ' ');
        const { types, text } = read(markdownText(label));
        for (const type of types) assert.ok(['root', 'paragraph', 'text'].includes(type), `${type} in ${JSON.stringify(label)}`);
        assert.equal(text.trim().replace(/\s+/g, ' '), expected);
      }),
      { seed: 20261204, numRuns: 500 },
    );
  });
});
