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
export function paragraphs(text: string, options: ParagraphOptions = {}): TextRange[] {
  const layout = lineLayout(text);
  const blocks: TextRange[] = [];
  for (const chunk of chunks(text, layout, options.chunkChars ?? CHUNK_CHARS)) {
    if (options.plain !== false && plainParagraphs(text, layout, chunk, blocks)) continue;
    const end = chunk.endLine < layout.skeletonStarts.length ? layout.skeletonStarts[chunk.endLine] : layout.skeleton.length;
    const tree = markdownParser().parse(layout.skeleton.slice(layout.skeletonStarts[chunk.firstLine], end));
    collectLeafBlocks(tree, layout, chunk.firstLine, text, blocks);
  }
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

/** For tests, which compare the fast paths with remark on the whole text. */
export interface ParagraphOptions {
  /** Pieces of about this many units of the skeleton are parsed apart (default CHUNK_CHARS; Infinity: the whole). */
  readonly chunkChars?: number;
  /** false: remark parses every piece, even one of plain paragraphs. */
  readonly plain?: boolean;
}

/** Lines of the skeleton, `[firstLine, endLine)`, 0-based. */
interface Chunk {
  readonly firstLine: number;
  readonly endLine: number;
}

/**
 * The skeleton is parsed in pieces of at least this many units, cut wherever `chunks` may: 0, at
 * every such place. micromark's time grows faster than the length of what it parses, and pieces
 * of plain paragraphs need no parsing at all (1 MB of news: 0.49–0.55 s whole, 0.10 s so).
 */
const CHUNK_CHARS = 0;

/**
 * A line that can only be paragraph text and may start a document of its own after a blank line:
 * unindented, and opening no block of CommonMark's: not a block quote or HTML (`>`, `<`), a heading
 * (`#` to `######` and a space), a list item (`-`, `+`, `*` or a number with `.` or `)`, and a
 * space), a rule (`***`, `- - -`, `___`), a setext underline (`===`, `--`) or a fence. A time
 * ("9:30"), a figure, a dash, a hashtag, `*emphasis*`, `___.` or a letter is.
 */
const FRESH_START = /^(?![>< ]|#{1,6}(?:[ \t]|$)|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3}|~{3}|([-*_])[ \t]*(?:\1[ \t]*){2,}$|[=-]+[ \t]*$)\S/u;
/**
 * A line that may open a block surviving blank lines and unindented text: a code fence, or an HTML
 * block that runs to its own closing text (CommonMark's kinds 1 to 5: `<pre`, `<script`, `<style`,
 * `<textarea`, `<!--`, `<?`, `<!X`, `<![CDATA[`). Other HTML (`<div>`, `<tweet …>`) ends at a blank
 * line, so a document with such lines is still cut into pieces.
 */
const LONG_BLOCK = /^\s*(?:```|~~~|<(?:[!?]|(?:pre|script|style|textarea)(?![^\s>])))/i;

/**
 * Where the skeleton may be cut so that each piece parses as it does within the whole: before a
 * line that can only be paragraph text (FRESH_START) after a blank line. Such a line closes every
 * open list, block quote and indented code block and starts a paragraph, and
 * nothing before a blank line carries over to it, unless a fenced code block or an HTML block is
 * open: from the piece holding the first line that could open one, the rest of the document is
 * parsed whole (the cuts before that line stand, as nothing after it reaches back).
 */
function chunks(text: string, layout: LineLayout, chunkChars: number): Chunk[] {
  const { skeletonStarts } = layout;
  const lineCount = skeletonStarts.length;
  const pieces: Chunk[] = [];
  let firstLine = 0;
  let previousBlank = false;
  for (let i = 0; i < lineCount; i++) {
    const line = skeletonLine(text, layout, i);
    if (LONG_BLOCK.test(line)) break;
    if (previousBlank && i > firstLine && FRESH_START.test(line) && skeletonStarts[i] - skeletonStarts[firstLine] >= chunkChars) {
      pieces.push({ firstLine, endLine: i });
      firstLine = i;
    }
    previousBlank = BLANK.test(line);
  }
  pieces.push({ firstLine, endLine: lineCount });
  return pieces;
}

/** A blank line as remark sees it: spaces and tabs only (a no-break space is text). */
const BLANK = /^[ \t]*$/;

/**
 * When every line of a piece is blank or starts a paragraph (FRESH_START), no line can be
 * anything but paragraph text (trailing spaces or tabs only make an inline break): the paragraphs are
 * the runs of non-blank lines, as remark would find them, found without it (most news text).
 * False, and nothing added, for any other piece.
 */
function plainParagraphs(text: string, layout: LineLayout, chunk: Chunk, out: TextRange[]): boolean {
  const { starts, ends } = layout;
  for (let i = chunk.firstLine; i < chunk.endLine; i++) {
    const line = skeletonLine(text, layout, i);
    if (BLANK.test(line)) continue;
    if (!FRESH_START.test(line)) return false;
  }
  let runStart = -1;
  for (let i = chunk.firstLine; i <= chunk.endLine; i++) {
    const blank = i === chunk.endLine || BLANK.test(skeletonLine(text, layout, i));
    if (!blank && runStart < 0) runStart = i;
    if (blank && runStart >= 0) {
      const range = trimRange(text, starts[runStart], ends[i - 1]);
      if (range) out.push(range);
      runStart = -1;
    }
  }
  return true;
}

/** Line `i` (0-based) as remark sees it in the skeleton, without its line ending. */
function skeletonLine(text: string, layout: LineLayout, i: number): string {
  return text.slice(layout.starts[i], Math.min(layout.ends[i], layout.starts[i] + LINE_PREFIX));
}

interface LineLayout {
  /** The text with every line cut to its first LINE_PREFIX units, line endings kept. */
  readonly skeleton: string;
  /** Offset in the skeleton where each line starts. */
  readonly skeletonStarts: number[];
  /** Offset in the text where each line starts. */
  readonly starts: number[];
  /** Offset in the text where each line's content ends (before its line ending). */
  readonly ends: number[];
}

function lineLayout(text: string): LineLayout {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const skeletonStarts: number[] = [];
  let skeletonLength = 0;
  // Line endings as remark counts them: CRLF, CR or LF.
  const lineEnding = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = lineEnding.exec(text); ; m = lineEnding.exec(text)) {
    const end = m ? m.index : text.length;
    starts.push(start);
    ends.push(end);
    skeletonStarts.push(skeletonLength);
    const cut = text.slice(start, Math.min(end, start + LINE_PREFIX));
    parts.push(cut);
    skeletonLength += cut.length;
    if (!m) break;
    parts.push(m[0]);
    skeletonLength += m[0].length;
    start = end + m[0].length;
  }
  return { skeleton: parts.join(''), skeletonStarts, starts, ends };
}

/** The text offset of a skeleton position; a column at the cut end stands for the whole line. */
function toTextOffset(layout: LineLayout, line: number, column: number): number {
  const start = layout.starts[line - 1];
  const offset = start + column - 1;
  return column - 1 >= LINE_PREFIX ? layout.ends[line - 1] : Math.min(offset, layout.ends[line - 1]);
}

/** The leaf blocks of the tree of a piece of the skeleton that starts at line `firstLine` (0-based). */
function collectLeafBlocks(node: Nodes, layout: LineLayout, firstLine: number, text: string, out: TextRange[]): void {
  if (LEAF_BLOCKS.has(node.type)) {
    if (!node.position) return;
    const { start, end } = node.position;
    const range = trimRange(text, toTextOffset(layout, firstLine + start.line, start.column), toTextOffset(layout, firstLine + end.line, end.column));
    if (range) out.push(range);
    return;
  }
  if ('children' in node) for (const child of node.children) collectLeafBlocks(child, layout, firstLine, text, out);
}

/** Longer than editors and mail wrap lines (72–80 columns, with room). */
const UNWRAPPED_LINE = 100;

/**
 * A block with a line longer than UNWRAPPED_LINE is paragraphs written one per line (news copy saved
 * as plain text, a live blog's headlines among them), not one paragraph wrapped over lines: one range
 * per line, but a line that stops mid-sentence goes on into the next when that starts in lower case.
 */
function unwrappedLines(text: string, block: TextRange): TextRange[] {
  const blockLines = lines(text, block.start, block.end);
  // A line longer than any wrapping width: the lines were not wrapped.
  if (blockLines.length < 2 || !blockLines.some((line) => line.end - line.start > UNWRAPPED_LINE)) return [block];
  // A line break ends a paragraph, unless the line stops mid-sentence and the next goes on in lower case.
  const out: TextRange[] = [];
  for (const line of blockLines) {
    const last = out[out.length - 1];
    if (last && /[,;\p{Ll}]$/u.test(text.slice(last.end - 1, last.end)) && /^\p{Ll}/u.test(text.slice(line.start, line.start + 1))) out[out.length - 1] = { start: last.start, end: line.end };
    else out.push(line);
  }
  return out;
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
