import { ANNOTATION_FIELD_NAMES, ANNOTATION_FIELDS, type AnnotationFieldName } from '../annotationFields';
import type { AnnotationLocation, SidecarLocations } from './parseSidecar';
import { SIDECAR_VERSION } from './sidecarFormat';
import type { SourceRange } from './sourceRange';

/*
 * A fast reader for exactly the layout serializeSidecar writes, so that reading a large sidecar
 * does not cost the general `yaml` library's price. It recognises, line by line:
 *
 *   # comment lines and blank lines (before `version`)
 *   version: 1
 *   documentHash: <scalar>
 *   annotations: []                   (then only blank lines)
 *   annotations:
 *     # comment lines, blank lines    (only between annotation blocks)
 *     - <field>: <scalar>             (fields in the field table's order, each at most once)
 *       <field>: <scalar>
 *       attributes:
 *         <key>: <scalar>             (keys in strictly increasing code unit order)
 *
 * with LF or CRLF line ends, where <scalar> is a one-line plain scalar that YAML's core schema
 * reads unambiguously, or a one-line double-quoted scalar with YAML 1.2 escapes; and the values
 * must already satisfy the sidecar JSON Schema (types, id and hash patterns, attribute key
 * pattern, required fields). Anything else, and anything it is not sure about, returns undefined
 * and the caller reads the file with the general YAML path, so every problem message and position
 * is the general path's. What it returns is what the general path would have produced before its
 * scheme and semantic checks: the plain data and the same locations.
 */

export interface CanonicalSidecarData {
  data: { version: typeof SIDECAR_VERSION; documentHash: string; annotations: Record<string, unknown>[] };
  locations: SidecarLocations;
}

/** Not recognised: the caller falls back to the general path. */
class NotCanonical extends Error {}
const NOT_CANONICAL = new NotCanonical();

const HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;
const ID_PATTERN = /^[a-z0-9]{4,32}$/;
const ATTRIBUTE_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const FIELD_KEY = /^[A-Za-z]+$/;
const OFFSET = /^(?:0|[1-9][0-9]{0,14})$/;

/**
 * Characters the reader accepts raw, in comments and double-quoted scalars: printable, no tab, no
 * C0/C1 control, no DEL, no U+2028/U+2029, no BOM, no noncharacter U+FFFE/U+FFFF, surrogates
 * only as pairs. (The writer escapes all the others in double quotes.) Plain scalars may also
 * hold tabs, as the writer leaves them there (never first or last).
 */
const SAFE_TEXT = /^(?:[\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;
const SAFE_PLAIN = /^(?:[\t\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;
/** Indicators a plain scalar may not start with (`-`, `?`, `:` only before a space, tested apart). */
const PLAIN_BAD_START = /^[,[\]{}#&*!|>'"%@` \t]|^[-?:](?:[ \t]|$)/;
/** A comment or a mapping value inside, or whitespace or a colon at the end: not one plain scalar. */
const PLAIN_BAD_INSIDE = /[ \t]#|:[ \t]|[ \t:]$/;
/**
 * The core schema's resolution of plain scalars (the yaml library's own tests, in
 * yaml/dist/schema/core): a plain scalar matching one of these is not a string.
 */
const CORE_NOT_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
/** Plain keys that YAML reads as null or a boolean (and so a key that is not that string). */
const PLAIN_NOT_STRING_KEY = /^(?:null|true|false)$/i;

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

const FIELD_INDEX = new Map<string, number>(ANNOTATION_FIELD_NAMES.map((name, i) => [name, i]));
const REQUIRED_MASK = ANNOTATION_FIELD_NAMES.reduce((mask, name, i) => (ANNOTATION_FIELDS[name].required ? mask | (1 << i) : mask), 0);

/** A scalar as read: its value, and whether it was plain (unquoted). */
interface Scalar {
  value: string;
  plain: boolean;
}

/**
 * The data and locations of a sidecar in the canonical layout, or undefined when the text is not
 * (fully) recognised. `text` is the sidecar without its BOM; a lone CR (not part of CRLF) is not
 * recognised.
 */
export function readCanonicalSidecar(text: string): CanonicalSidecarData | undefined {
  try {
    return new Reader(text).read();
  } catch (e) {
    if (e instanceof NotCanonical) return undefined;
    throw e;
  }
}

class Reader {
  /** Current line: its number (1-based), start offset, end of its content (before CR LF / LF) and the start of the next line. */
  private line = 0;
  private start = 0;
  private end = 0;
  private next = 0;
  private hasNewline = false;

  constructor(private readonly text: string) {}

  /** Moves to the next line; false at the end of the text. */
  private advance(): boolean {
    const { text } = this;
    if (this.line > 0 && !this.hasNewline) return false;
    if (this.line > 0 && this.next >= text.length) {
      // The text ends with a line break: there is no further line.
      return false;
    }
    this.start = this.next;
    this.line++;
    const nl = text.indexOf('\n', this.start);
    if (nl < 0) {
      this.end = text.length;
      this.next = text.length;
      this.hasNewline = false;
    } else {
      this.end = nl > this.start && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
      this.next = nl + 1;
      this.hasNewline = true;
    }
    return true;
  }

  private range(from: number, to: number): SourceRange {
    return { line: this.line, column: from - this.start + 1, endLine: this.line, endColumn: to - this.start + 1 };
  }

  /** Where a block ending on the current line ends: just past its line break (which must exist). */
  private blockEnd(): { endLine: number; endColumn: number } {
    if (!this.hasNewline) throw NOT_CANONICAL;
    return { endLine: this.line + 1, endColumn: 1 };
  }

  private lineText(): string {
    return this.text.slice(this.start, this.end);
  }

  private isBlank(): boolean {
    return this.start === this.end;
  }

  /** A whole-line comment starting at `indent`; its text must be safe. */
  private isComment(indent: number): boolean {
    const { text } = this;
    for (let i = 0; i < indent; i++) if (text.charCodeAt(this.start + i) !== 0x20) return false;
    if (text.charCodeAt(this.start + indent) !== 0x23 /* # */) return false;
    if (!SAFE_TEXT.test(text.slice(this.start + indent, this.end))) throw NOT_CANONICAL;
    return true;
  }

  read(): CanonicalSidecarData {
    const text = this.text;
    // A CR not followed by LF: the general path's business.
    for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
      if (text.charCodeAt(i + 1) !== 0x0a) throw NOT_CANONICAL;
    }
    const locations: SidecarLocations = { fields: {}, annotations: [] };

    // Header: comments and blank lines.
    for (;;) {
      if (!this.advance()) throw NOT_CANONICAL;
      if (this.isBlank() || this.isComment(0)) continue;
      break;
    }
    if (this.lineText() !== 'version: 1') throw NOT_CANONICAL;
    locations.fields.version = this.range(this.start + 9, this.start + 10);

    if (!this.advance()) throw NOT_CANONICAL;
    const hashLine = this.lineText();
    if (!hashLine.startsWith('documentHash: ')) throw NOT_CANONICAL;
    const hashAt = this.start + 14;
    const hash = this.scalar(hashAt);
    if (!HASH_PATTERN.test(hash.value)) throw NOT_CANONICAL;
    locations.fields.documentHash = this.range(hashAt, this.end);

    if (!this.advance()) throw NOT_CANONICAL;
    const annotationsLine = this.lineText();
    const annotations: Record<string, unknown>[] = [];
    const data: CanonicalSidecarData['data'] = { version: SIDECAR_VERSION, documentHash: hash.value, annotations };
    if (annotationsLine === 'annotations: []') {
      locations.fields.annotations = this.range(this.start + 13, this.end);
      while (this.advance()) if (!this.isBlank()) throw NOT_CANONICAL;
      return { data, locations };
    }
    if (annotationsLine !== 'annotations:') throw NOT_CANONICAL;

    let seqStart: { line: number; column: number } | undefined;
    let seqEnd: { endLine: number; endColumn: number } | undefined;
    let more = this.advance();
    while (more) {
      if (this.isBlank() || this.isComment(2)) {
        more = this.advance();
        continue;
      }
      // `  - ` starts an annotation block.
      if (!text.startsWith('  - ', this.start)) throw NOT_CANONICAL;
      seqStart ??= { line: this.line, column: 3 };
      const item = this.annotation(annotations, locations.annotations);
      seqEnd = item.end;
      more = item.more;
    }
    if (!seqStart || !seqEnd) throw NOT_CANONICAL; // `annotations:` with nothing: null, left to the general path
    locations.fields.annotations = { ...seqStart, ...seqEnd };
    return { data, locations };
  }

  /**
   * One annotation block, the current line being its `  - ` line. Returns where it ends and
   * whether a line follows it (the current line is then the first line after the block).
   */
  private annotation(
    out: Record<string, unknown>[],
    locationsOut: AnnotationLocation[],
  ): { end: { endLine: number; endColumn: number }; more: boolean } {
    const value: Record<string, unknown> = {};
    const loc: AnnotationLocation = { range: START_PLACEHOLDER, fields: {}, attributes: {} };
    const rangeStart = { line: this.line, column: 5 };
    let seen = 0;
    let lastIndex = -1;
    let indent = 4; // the key of the first line starts after `  - `
    let end: { endLine: number; endColumn: number };
    let more: boolean;
    for (;;) {
      const keyAt = this.start + indent;
      const colon = this.text.indexOf(':', keyAt);
      if (colon < 0 || colon >= this.end) throw NOT_CANONICAL;
      const key = this.text.slice(keyAt, colon);
      if (!FIELD_KEY.test(key)) throw NOT_CANONICAL;
      const index = FIELD_INDEX.get(key);
      if (index === undefined || index <= lastIndex) throw NOT_CANONICAL;
      lastIndex = index;
      seen |= 1 << index;
      const name = key as AnnotationFieldName;
      const kind = ANNOTATION_FIELDS[name].value;
      if (kind === 'attributes') {
        if (colon + 1 !== this.end) throw NOT_CANONICAL;
        const attributes = this.attributes(loc);
        value[name] = attributes.values;
        loc.fields[name] = attributes.range;
        end = attributes.end;
        more = attributes.more;
      } else {
        if (this.text.charCodeAt(colon + 1) !== 0x20) throw NOT_CANONICAL;
        const valueAt = colon + 2;
        const scalar = this.scalar(valueAt);
        if (kind === 'offset') {
          if (!scalar.plain || !OFFSET.test(scalar.value)) throw NOT_CANONICAL;
          value[name] = Number(scalar.value);
        } else if (kind === 'flag') {
          if (!scalar.plain || (scalar.value !== 'true' && scalar.value !== 'false')) throw NOT_CANONICAL;
          value[name] = scalar.value === 'true';
        } else {
          if (scalar.plain && !plainIsString(scalar.value)) throw NOT_CANONICAL;
          if (kind === 'id' && !ID_PATTERN.test(scalar.value)) throw NOT_CANONICAL;
          if (name === 'kind' && scalar.value === '') throw NOT_CANONICAL; // schema: minLength 1
          value[name] = scalar.value;
        }
        loc.fields[name] = this.range(valueAt, this.end);
        end = this.blockEnd();
        more = this.advance();
      }
      // The block goes on with a `    <field>:` line.
      if (!more || !this.text.startsWith('    ', this.start) || this.text.charCodeAt(this.start + 4) === 0x20) break;
      indent = 4;
    }
    if ((seen & REQUIRED_MASK) !== REQUIRED_MASK) throw NOT_CANONICAL;
    loc.range = { ...rangeStart, ...end };
    out.push(value);
    locationsOut.push(loc);
    return { end, more };
  }

  /** The `attributes:` mapping's lines, the current line being `    attributes:`. */
  private attributes(loc: AnnotationLocation): {
    values: Record<string, unknown>;
    range: SourceRange;
    end: { endLine: number; endColumn: number };
    more: boolean;
  } {
    const values: Record<string, unknown> = {};
    let first: { line: number; column: number } | undefined;
    let previous: string | undefined;
    let end: { endLine: number; endColumn: number } | undefined;
    let more = this.advance();
    while (more && this.text.startsWith('      ', this.start) && this.text.charCodeAt(this.start + 6) !== 0x20) {
      const keyAt = this.start + 6;
      const colon = this.text.indexOf(': ', keyAt);
      if (colon < 0 || colon >= this.end) throw NOT_CANONICAL;
      const key = this.text.slice(keyAt, colon);
      if (!ATTRIBUTE_KEY_PATTERN.test(key) || PLAIN_NOT_STRING_KEY.test(key)) throw NOT_CANONICAL;
      if (previous !== undefined && !(previous < key)) throw NOT_CANONICAL;
      previous = key;
      const valueAt = colon + 2;
      const scalar = this.scalar(valueAt);
      let v: string | boolean;
      if (scalar.plain && (scalar.value === 'true' || scalar.value === 'false')) v = scalar.value === 'true';
      else if (scalar.plain && !plainIsString(scalar.value)) throw NOT_CANONICAL;
      else v = scalar.value;
      values[key] = v;
      loc.attributes[key] = { key: this.range(keyAt, colon), value: this.range(valueAt, this.end) };
      first ??= { line: this.line, column: 7 };
      end = this.blockEnd();
      more = this.advance();
    }
    if (!first || !end) throw NOT_CANONICAL; // `attributes:` with nothing: null, left to the general path
    return { values, range: { ...first, ...end }, end, more };
  }

  /** A one-line scalar from `at` to the end of the current line. */
  private scalar(at: number): Scalar {
    const { text } = this;
    const lineEnd = this.end;
    if (at >= lineEnd) throw NOT_CANONICAL;
    if (text.charCodeAt(at) === 0x22 /* " */) return { value: this.doubleQuoted(at, lineEnd), plain: false };
    const raw = text.slice(at, lineEnd);
    if (
      PLAIN_BAD_START.test(raw) ||
      PLAIN_BAD_INSIDE.test(raw) ||
      !SAFE_PLAIN.test(raw)
    ) {
      throw NOT_CANONICAL;
    }
    return { value: raw, plain: true };
  }

  /** A double-quoted scalar that closes exactly at the end of the line. */
  private doubleQuoted(at: number, lineEnd: number): string {
    const { text } = this;
    let out = '';
    let runStart = at + 1;
    let i = at + 1;
    for (;;) {
      if (i >= lineEnd) throw NOT_CANONICAL; // no closing quote on this line
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        if (i !== lineEnd - 1) throw NOT_CANONICAL; // something after the closing quote
        out += text.slice(runStart, i);
        break;
      }
      if (c === 0x5c /* \ */) {
        out += text.slice(runStart, i);
        const next = text[i + 1];
        if (i + 1 >= lineEnd || next === undefined) throw NOT_CANONICAL;
        const simple = ESCAPES[next];
        if (simple !== undefined) {
          out += simple;
          i += 2;
        } else if (next === 'x' || next === 'u' || next === 'U') {
          const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
          const hex = text.slice(i + 2, i + 2 + length);
          if (hex.length !== length || i + 2 + length > lineEnd || !/^[0-9a-fA-F]+$/.test(hex)) throw NOT_CANONICAL;
          const code = parseInt(hex, 16);
          if (code > 0x10ffff) throw NOT_CANONICAL;
          out += String.fromCodePoint(code);
          i += 2 + length;
        } else {
          throw NOT_CANONICAL;
        }
        runStart = i;
        continue;
      }
      i++;
    }
    // Raw characters (escapes aside) must be safe: check the undecoded source once.
    if (!SAFE_TEXT.test(text.slice(at, lineEnd))) throw NOT_CANONICAL;
    return out;
  }
}

const START_PLACEHOLDER: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** A plain scalar the core schema reads as a string. */
function plainIsString(value: string): boolean {
  for (const test of CORE_NOT_STRING) if (test.test(value)) return false;
  return true;
}
