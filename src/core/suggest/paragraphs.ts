import type { Nodes, Root } from 'mdast';
import type { Processor } from 'unified';

/** A range `[start, end)` of the document text (UTF-16 offsets), trimmed of surrounding whitespace. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Only block structure matters here: inline constructs (emphasis, links, entities, …) are switched
 * off, which makes parsing cheaper and keeps `*` or `[` in news text from changing anything.
 */
const INLINE_CONSTRUCTS_OFF = {
  disable: {
    null: ['attention', 'autolink', 'characterEscape', 'characterReference', 'codeText', 'htmlText', 'labelStartImage', 'labelStartLink', 'labelEnd', 'hardBreakEscape', 'definition'],
  },
};

let parser: Processor<Root> | undefined;

/**
 * Built on first use: loading unified and remark takes tens of milliseconds, which the extension
 * should not pay at activation. `require` (not `import`) keeps them out of the module's load; the
 * bundler turns it into a lazy initializer.
 */
function markdownParser(): Processor<Root> {
  if (!parser) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { unified } = require('unified') as typeof import('unified');
    const remarkParse = (require('remark-parse') as typeof import('remark-parse')).default;
    /* eslint-enable @typescript-eslint/no-require-imports */
    parser = unified().use(remarkParse).data('micromarkExtensions', [INLINE_CONSTRUCTS_OFF]) as unknown as Processor<Root>;
  }
  return parser;
}

const LEAF_BLOCKS = new Set(['paragraph', 'heading', 'code', 'html', 'thematicBreak']);

/**
 * How much of each line remark sees. Block structure (paragraphs, headings, list items, indented
 * code, blank lines) is decided by how lines start; the rest of a line only matters to inline
 * parsing, which is not needed here. Parsing the line starts alone makes a 1 MB document several
 * times cheaper; offsets are mapped back through line numbers, so they stay exact.
 */
const LINE_PREFIX = 32;

/**
 * The paragraphs of a document, in order: the leaf blocks remark finds (paragraphs, headings, an
 * indented comment that remark calls code, …) with their exact offsets, trimmed, lines whole.
 * CRLF line endings count two units, as in the editor. Lines remark does not put in any leaf block
 * (an empty list item such as a lone `*`) become paragraphs of their own, so no text is lost.
 */
export function paragraphs(text: string): TextRange[] {
  const layout = lineLayout(text);
  const blocks: TextRange[] = [];
  collectLeafBlocks(markdownParser().parse(layout.skeleton), layout, text, blocks);
  blocks.sort((a, b) => a.start - b.start);
  const all: TextRange[] = [];
  let covered = 0;
  for (const block of blocks) {
    if (block.start < covered) continue;
    addUncoveredLines(text, covered, block.start, all);
    all.push(...unwrappedLines(text, block));
    covered = block.end;
  }
  addUncoveredLines(text, covered, text.length, all);
  return all;
}

interface LineLayout {
  /** The text with every line cut to its first LINE_PREFIX units, line endings kept. */
  readonly skeleton: string;
  /** Offset in the text where each line starts. */
  readonly starts: number[];
  /** Offset in the text where each line's content ends (before its line ending). */
  readonly ends: number[];
}

function lineLayout(text: string): LineLayout {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  // Line endings as remark counts them: CRLF, CR or LF.
  const lineEnding = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = lineEnding.exec(text); ; m = lineEnding.exec(text)) {
    const end = m ? m.index : text.length;
    starts.push(start);
    ends.push(end);
    parts.push(text.slice(start, Math.min(end, start + LINE_PREFIX)));
    if (!m) break;
    parts.push(m[0]);
    start = end + m[0].length;
  }
  return { skeleton: parts.join(''), starts, ends };
}

/** The text offset of a skeleton position; a column at the cut end stands for the whole line. */
function toTextOffset(layout: LineLayout, line: number, column: number): number {
  const start = layout.starts[line - 1];
  const offset = start + column - 1;
  return column - 1 >= LINE_PREFIX ? layout.ends[line - 1] : Math.min(offset, layout.ends[line - 1]);
}

function collectLeafBlocks(node: Nodes, layout: LineLayout, text: string, out: TextRange[]): void {
  if (LEAF_BLOCKS.has(node.type)) {
    if (!node.position) return;
    const { start, end } = node.position;
    const range = trimRange(text, toTextOffset(layout, start.line, start.column), toTextOffset(layout, end.line, end.column));
    if (range) out.push(range);
    return;
  }
  if ('children' in node) for (const child of node.children) collectLeafBlocks(child, layout, text, out);
}

/** Longer than editors and mail wrap lines (72–80 columns, with room). */
const UNWRAPPED_LINE = 100;

/**
 * A block with a line longer than UNWRAPPED_LINE, whose every line but the last ends a sentence, is paragraphs written one per line (news
 * copy saved as plain text), not one paragraph wrapped over lines: one range per line.
 */
function unwrappedLines(text: string, block: TextRange): TextRange[] {
  const blockLines = lines(text, block.start, block.end);
  // A line longer than any wrapping width: the lines were not wrapped.
  if (blockLines.length < 2 || !blockLines.some((line) => line.end - line.start > UNWRAPPED_LINE)) return [block];
  const ended = blockLines.slice(0, -1).every((line) => /[.!?:…]["”’)\]]*$|["”]$/u.test(text.slice(Math.max(line.start, line.end - 3), line.end)));
  return ended ? blockLines : [block];
}

function addUncoveredLines(text: string, from: number, to: number, out: TextRange[]): void {
  for (const line of lines(text, from, to)) out.push(line);
}

/** The non-blank lines of `text[from, to)`, each trimmed, without its line break. */
export function lines(text: string, from: number, to: number): TextRange[] {
  const result: TextRange[] = [];
  let lineStart = from;
  while (lineStart < to) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > to) lineEnd = to;
    const range = trimRange(text, lineStart, lineEnd);
    if (range) result.push(range);
    lineStart = lineEnd + 1;
  }
  return result;
}

/** `[start, end)` without leading and trailing whitespace (CR included); undefined when blank. */
export function trimRange(text: string, start: number, end: number): TextRange | undefined {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end } : undefined;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0xfeff;
}
