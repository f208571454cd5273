import { isScalar, type LineCounter, type Node as YamlNode, type Pair } from 'yaml';

/**
 * A place in the sidecar text: 1-based lines and columns, columns in UTF-16 units (as VS Code
 * counts them), the end exclusive (just past the last character). Positions are in the text
 * without its BOM, which is also what VS Code shows.
 */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface SidecarProblem extends SourceRange {
  message: string;
}

/**
 * The text with each lone CR (old Mac line ending, alone or mixed with others) turned into LF.
 * YAML 1.2 (§5.4) and VS Code both take a lone CR for a line break, but the yaml library does
 * not: a CR-only sidecar read as one line, whose first comment hid the rest ("the sidecar is
 * empty"). One character for one, so every offset, line and column stays the same as in the
 * file, and a CR never reaches a value (the writer escapes CRs in strings as `\r`).
 */
export function loneCrAsLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** The start of the file, where problems without a better place are reported. */
export const START: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** Converts offsets in the parsed text to line/column ranges. */
export class Locator {
  constructor(
    private readonly text: string,
    private readonly lines: LineCounter,
  ) {}

  range(start: number, end: number): SourceRange {
    const s = this.lines.linePos(this.notInsideCrLf(start));
    const e = this.lines.linePos(this.notInsideCrLf(Math.max(start, end)));
    return { line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
  }

  /** A node's own text (not trailing comments). */
  node(node: YamlNode): SourceRange {
    const [start, valueEnd] = node.range ?? [0, 0];
    return this.range(start, valueEnd);
  }

  /** The first line of a node: for a block mapping, enough to point at it without painting the whole block. */
  head(node: YamlNode | null | undefined): SourceRange {
    if (!node?.range) return this.range(0, this.lineEnd(0));
    const [start, valueEnd] = node.range;
    return this.range(start, Math.min(valueEnd, this.lineEnd(start)));
  }

  /**
   * An offset between the CR and the LF of a CRLF (the yaml library ends some errors there) is
   * not a place an editor can show: it is moved past the LF, as in the same file with LF endings.
   */
  private notInsideCrLf(offset: number): number {
    return offset > 0 && this.text.charCodeAt(offset - 1) === 0x0d && this.text.charCodeAt(offset) === 0x0a ? offset + 1 : offset;
  }

  private lineEnd(offset: number): number {
    let nl = this.text.indexOf('\n', offset);
    if (nl < 0) nl = this.text.length;
    return nl > offset && this.text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
  }
}

/** The value of a pair, or its key when the value is empty (`kind:` has a zero-width null value). */
export function pairRange(pair: Pair, at: Locator): SourceRange | undefined {
  const value = pair.value as YamlNode | null;
  if (value?.range && value.range[1] > value.range[0]) return at.node(value);
  const key = pair.key as YamlNode | null;
  return key?.range ? at.node(key) : undefined;
}

/** The name of a pair's key when it is a plain scalar. */
export function keyName(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}
