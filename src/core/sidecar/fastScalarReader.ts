/**
 * The one-line scalars of the fast sidecar reader (fastSidecarReader.ts): a plain scalar that
 * YAML's core schema reads unambiguously, or a double-quoted one with YAML 1.2 escapes, and the
 * NOT_CANONICAL signal the reader throws at anything it does not recognise.
 */

/** Not recognised: the caller falls back to the general path. */
export class NotCanonical extends Error {}
export const NOT_CANONICAL = new NotCanonical();

/** Indicators a plain scalar may not start with (`-`, `?`, `:` only before a space or at the end). */
const PLAIN_BAD_START = /^[,[\]{}#&*!|>'"%@` \t]|^[-?:](?:[ \t]|$)/;
/** A tab that starts a comment or ends a mapping key, or ends the value: not one plain scalar. */
const PLAIN_BAD_TAB = /\t#|:\t|\t$/;
/** What ends a run of ordinary characters in a double-quoted scalar. */
const DQ_SPECIAL = /["\\\t]/g;
const HEX = /^[0-9a-fA-F]+$/;

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

/** Reads the scalars of one text, front to back. */
export class ScalarReader {
  /** Whether the last scalar read was plain (unquoted). */
  plain = false;
  /** See nextOf: the next backslash and the next tab. */
  private readonly nextSpecial = [-1, -1];

  constructor(private readonly text: string) {}

  /** A one-line scalar from `at` to `lineEnd` (the end of the line's content); sets `plain`. */
  read(at: number, lineEnd: number): string {
    const { text } = this;
    if (at >= lineEnd) throw NOT_CANONICAL;
    if (text.charCodeAt(at) === 0x22 /* " */) {
      this.plain = false;
      return this.doubleQuoted(at, lineEnd);
    }
    const raw = text.slice(at, lineEnd);
    const last = raw.charCodeAt(raw.length - 1);
    if (
      PLAIN_BAD_START.test(raw) ||
      last === 0x20 ||
      last === 0x3a /* : */ ||
      raw.includes(': ') ||
      raw.includes(' #') ||
      (raw.includes('\t') && PLAIN_BAD_TAB.test(raw))
    ) {
      throw NOT_CANONICAL;
    }
    this.plain = true;
    return raw;
  }

  /**
   * The first `char` at or after `from`, or the text's length when there is none. The reader only
   * moves forward, so the answer is kept until `from` passes it: one scan of the text in all.
   */
  private nextOf(char: '\\' | '\t', from: number): number {
    const slot = char === '\\' ? 0 : 1;
    if (this.nextSpecial[slot] < from) {
      const found = this.text.indexOf(char, from);
      this.nextSpecial[slot] = found < 0 ? this.text.length : found;
    }
    return this.nextSpecial[slot];
  }

  /** A double-quoted scalar that closes exactly at the end of the line. */
  private doubleQuoted(at: number, lineEnd: number): string {
    const { text } = this;
    // Most quoted values hold no escape and no tab: then the first quote closes the value.
    const quote = text.indexOf('"', at + 1);
    if (quote < 0 || quote >= lineEnd) throw NOT_CANONICAL;
    if (this.nextOf('\\', at + 1) > quote && this.nextOf('\t', at + 1) > quote) {
      if (quote !== lineEnd - 1) throw NOT_CANONICAL; // something after the closing quote
      return text.slice(at + 1, quote);
    }
    let out = '';
    let i = at + 1;
    for (;;) {
      DQ_SPECIAL.lastIndex = i;
      const found = DQ_SPECIAL.exec(text);
      const j = found ? found.index : -1;
      // No closing quote on this line, or a raw tab.
      if (j < 0 || j >= lineEnd || text.charCodeAt(j) === 0x09) throw NOT_CANONICAL;
      out += text.slice(i, j);
      if (text.charCodeAt(j) === 0x22) {
        if (j !== lineEnd - 1) throw NOT_CANONICAL; // something after the closing quote
        return out;
      }
      // An escape.
      if (j + 1 >= lineEnd) throw NOT_CANONICAL;
      const next = text[j + 1];
      const simple = ESCAPES[next];
      if (simple !== undefined) {
        out += simple;
        i = j + 2;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        if (j + 2 + length > lineEnd) throw NOT_CANONICAL;
        const hex = text.slice(j + 2, j + 2 + length);
        if (!HEX.test(hex)) throw NOT_CANONICAL;
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) throw NOT_CANONICAL;
        out += String.fromCodePoint(code);
        i = j + 2 + length;
      } else {
        throw NOT_CANONICAL;
      }
    }
  }
}
