import schema from '../../../schemas/sidecar.schema.json';
import { ANNOTATION_FIELD_NAMES, ANNOTATION_FIELDS } from '../annotationFields';
import type { AnnotationLocation, SidecarLocations } from './parseSidecar';
import { plainIsString } from './coreSchemaScalars';
import { NOT_CANONICAL, NotCanonical, ScalarReader } from './fastScalarReader';
import { withLazyLocations } from './lazyLocations';
import { isWellFormed } from './sidecarLayout';
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
 * reads unambiguously, or a one-line double-quoted scalar with YAML 1.2 escapes (both read by
 * fastScalarReader.ts); and the values must already satisfy the sidecar JSON Schema (types, id
 * and hash patterns, attribute key pattern, required fields). Anything else, and anything it is
 * not sure about, returns undefined and the caller reads the file with the general YAML path, so
 * every problem message and position is the general path's. What it returns is what the general
 * path would have produced before its scheme and semantic checks: the same data, already in
 * canonical form (an empty optional value, which the writer never writes, is left to the general
 * path), and the same locations.
 */

export interface CanonicalSidecarData {
  /** Already in canonical form (normalizeStoredAnnotation would change nothing). */
  data: { version: typeof SIDECAR_VERSION; documentHash: string; annotations: Record<string, unknown>[] };
  /**
   * Computed on first access (a second pass over the text, then kept): most reads never ask for
   * a position, and building one object per field is most of what reading costs.
   */
  readonly locations: SidecarLocations;
}

// The JSON Schema's own patterns (schemas/sidecar.schema.json); a unit test checks that the schema
// says nothing else the reader does not check itself.
const HASH_PATTERN = new RegExp(schema.properties.documentHash.pattern);
const ID_PATTERN = new RegExp(schema.definitions.annotation.properties.id.pattern);
const ATTRIBUTE_KEY_PATTERN = new RegExp(schema.definitions.annotation.properties.attributes.propertyNames.pattern);
const KIND_MIN_LENGTH = schema.definitions.annotation.properties.kind.minLength;
const OFFSET = /^(?:0|[1-9][0-9]{0,14})$/;

/**
 * Characters the reader refuses anywhere in the file: C0 controls but tab, LF and CR, DEL, C1
 * controls, U+2028/U+2029, BOM, noncharacters U+FFFE/U+FFFF. (The writer escapes all of them in
 * double quotes.) A lone surrogate is refused too, and a CR not before an LF, and a tab anywhere
 * but inside a plain scalar.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]/;
/** Plain keys that YAML reads as null or a boolean (and so a key that is not that string). */
const PLAIN_NOT_STRING_KEY = /^(?:null|true|false)$/i;

const FIELDS = ANNOTATION_FIELD_NAMES.map((name) => ({ name, key: `${name}:`, value: ANNOTATION_FIELDS[name].value, required: ANNOTATION_FIELDS[name].required }));
// One bit per field (the table has far fewer than 31).
const REQUIRED_MASK = ANNOTATION_FIELD_NAMES.reduce((mask, name, i) => (ANNOTATION_FIELDS[name].required ? mask | (1 << i) : mask), 0);

/**
 * The data and locations of a sidecar in the canonical layout, or undefined when the text is not
 * (fully) recognised. `text` is the sidecar without its BOM.
 */
export function readCanonicalSidecar(text: string): CanonicalSidecarData | undefined {
  try {
    const { data } = new Reader(text, false).read();
    return withLazyLocations({ data }, () => {
      const { locations } = new Reader(text, true).read();
      if (!locations) throw new Error('the fast sidecar reader found no locations on its second pass');
      return locations;
    });
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
  /** Reads the values (fastScalarReader.ts), and says whether the last one was plain. */
  private readonly scalars: ScalarReader;

  /** `locate`: also collect where everything is (the first pass does not). */
  constructor(
    private readonly text: string,
    private readonly locate: boolean,
  ) {
    this.scalars = new ScalarReader(text);
  }

  /** Moves to the next line; false at the end of the text. */
  private advance(): boolean {
    const { text } = this;
    // The text ends without a line break, or with one: there is no further line.
    if (this.line > 0 && (!this.hasNewline || this.next >= text.length)) return false;
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

  /** The line where a block ending on the current line ends (column 1): just past its line break, which must exist. */
  private blockEndLine(): number {
    if (!this.hasNewline) throw NOT_CANONICAL;
    return this.line + 1;
  }

  /** A one-line scalar from `at` to the end of the current line. */
  private scalar(at: number): string {
    return this.scalars.read(at, this.end);
  }

  private lineText(): string {
    return this.text.slice(this.start, this.end);
  }

  private isBlank(): boolean {
    return this.start === this.end;
  }

  /** A whole-line comment starting at `indent`, without tabs. */
  private isComment(indent: number): boolean {
    const { text } = this;
    for (let i = 0; i < indent; i++) if (text.charCodeAt(this.start + i) !== 0x20) return false;
    if (text.charCodeAt(this.start + indent) !== 0x23 /* # */) return false;
    const tab = text.indexOf('\t', this.start);
    if (tab >= 0 && tab < this.end) throw NOT_CANONICAL;
    return true;
  }

  read(): { data: CanonicalSidecarData['data']; locations?: SidecarLocations } {
    const text = this.text;
    if (UNSAFE_CHAR.test(text) || !isWellFormed(text)) throw NOT_CANONICAL;
    // A CR not followed by LF: the general path's business.
    for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
      if (text.charCodeAt(i + 1) !== 0x0a) throw NOT_CANONICAL;
    }
    const locations: SidecarLocations | undefined = this.locate ? { fields: {}, annotations: [] } : undefined;

    // Header: comments and blank lines.
    for (;;) {
      if (!this.advance()) throw NOT_CANONICAL;
      if (this.isBlank() || this.isComment(0)) continue;
      break;
    }
    if (this.lineText() !== 'version: 1') throw NOT_CANONICAL;
    if (locations) locations.fields.version = this.range(this.start + 9, this.start + 10);

    if (!this.advance()) throw NOT_CANONICAL;
    if (!text.startsWith('documentHash: ', this.start)) throw NOT_CANONICAL;
    const hashAt = this.start + 14;
    const hash = this.scalar(hashAt);
    if (!HASH_PATTERN.test(hash)) throw NOT_CANONICAL;
    if (locations) locations.fields.documentHash = this.range(hashAt, this.end);

    if (!this.advance()) throw NOT_CANONICAL;
    const annotationsLine = this.lineText();
    const annotations: Record<string, unknown>[] = [];
    const data: CanonicalSidecarData['data'] = { version: SIDECAR_VERSION, documentHash: hash, annotations };
    if (annotationsLine === 'annotations: []') {
      if (locations) locations.fields.annotations = this.range(this.start + 13, this.end);
      while (this.advance()) if (!this.isBlank()) throw NOT_CANONICAL;
      return { data, locations };
    }
    if (annotationsLine !== 'annotations:') throw NOT_CANONICAL;

    let seqLine = 0;
    let endLine = 0;
    let more = this.advance();
    while (more) {
      if (this.isBlank() || this.isComment(2)) {
        more = this.advance();
        continue;
      }
      // `  - ` starts an annotation block.
      if (!text.startsWith('  - ', this.start)) throw NOT_CANONICAL;
      if (seqLine === 0) seqLine = this.line;
      endLine = this.annotation(annotations, locations?.annotations);
      more = this.line === endLine;
    }
    // `annotations:` with nothing after it is null: left to the general path.
    if (seqLine === 0) throw NOT_CANONICAL;
    if (locations) locations.fields.annotations = { line: seqLine, column: 3, endLine, endColumn: 1 };
    return { data, locations };
  }

  /**
   * One annotation block, the current line being its `  - ` line. Returns the line where it ends
   * (column 1); when a line follows the block, it is the current line.
   */
  private annotation(out: Record<string, unknown>[], locationsOut: AnnotationLocation[] | undefined): number {
    const { text } = this;
    const value: Record<string, unknown> = {};
    const loc: AnnotationLocation | undefined = locationsOut && { range: START_PLACEHOLDER, fields: {}, attributes: {} };
    const startLine = this.line;
    let seen = 0;
    let index = 0; // fields come in table order, each at most once
    let keyAt = this.start + 4; // after `  - `
    let endLine: number;
    for (;;) {
      while (index < FIELDS.length && !text.startsWith(FIELDS[index].key, keyAt)) index++;
      if (index >= FIELDS.length) throw NOT_CANONICAL;
      const field = FIELDS[index];
      const name = field.name;
      seen |= 1 << index;
      index++;
      const colon = keyAt + name.length;
      if (field.value === 'attributes') {
        if (colon + 1 !== this.end) throw NOT_CANONICAL;
        const values: Record<string, unknown> = {};
        const firstLine = this.line + 1;
        endLine = this.attributes(values, loc);
        value[name] = values;
        if (loc) loc.fields[name] = { line: firstLine, column: 7, endLine, endColumn: 1 };
      } else {
        if (text.charCodeAt(colon + 1) !== 0x20) throw NOT_CANONICAL;
        const valueAt = colon + 2;
        const scalar = this.scalar(valueAt);
        const kind = field.value;
        if (kind === 'offset') {
          if (!this.scalars.plain || !OFFSET.test(scalar)) throw NOT_CANONICAL;
          value[name] = Number(scalar);
        } else if (kind === 'flag') {
          if (!this.scalars.plain || (scalar !== 'true' && scalar !== 'false')) throw NOT_CANONICAL;
          // An optional flag is written only when true (normalizeFields drops it otherwise).
          if (!field.required && scalar !== 'true') throw NOT_CANONICAL;
          value[name] = scalar === 'true';
        } else if (kind === 'string' || kind === 'id') {
          if (this.scalars.plain && !plainIsString(scalar)) throw NOT_CANONICAL;
          if (kind === 'id' && !ID_PATTERN.test(scalar)) throw NOT_CANONICAL;
          if (name === 'kind' && scalar.length < KIND_MIN_LENGTH) throw NOT_CANONICAL;
          // An optional string is written only when not empty (normalizeFields drops it otherwise).
          if (!field.required && scalar === '') throw NOT_CANONICAL;
          value[name] = scalar;
        } else {
          throw NOT_CANONICAL; // a kind of value this reader does not know
        }
        if (loc) loc.fields[name] = this.range(valueAt, this.end);
        endLine = this.blockEndLine();
        if (!this.advance()) break;
      }
      if (this.line < endLine) break; // attributes ran to the end of the text
      // The block goes on with a `    <field>:` line.
      if (!text.startsWith('    ', this.start) || text.charCodeAt(this.start + 4) === 0x20) break;
      keyAt = this.start + 4;
    }
    if ((seen & REQUIRED_MASK) !== REQUIRED_MASK) throw NOT_CANONICAL;
    out.push(value);
    if (loc && locationsOut) {
      loc.range = { line: startLine, column: 5, endLine, endColumn: 1 };
      locationsOut.push(loc);
    }
    return endLine;
  }

  /**
   * The `attributes:` mapping's lines, the current line being `    attributes:`. Returns the line
   * where the mapping ends (column 1); when a line follows it, it is the current line.
   */
  private attributes(values: Record<string, unknown>, loc: AnnotationLocation | undefined): number {
    const { text } = this;
    let previous: string | undefined;
    let endLine = 0;
    while (this.advance() && text.startsWith('      ', this.start) && text.charCodeAt(this.start + 6) !== 0x20) {
      const keyAt = this.start + 6;
      const colon = text.indexOf(': ', keyAt);
      if (colon < 0 || colon >= this.end) throw NOT_CANONICAL;
      const key = text.slice(keyAt, colon);
      if (!ATTRIBUTE_KEY_PATTERN.test(key) || PLAIN_NOT_STRING_KEY.test(key)) throw NOT_CANONICAL;
      // Code unit order, each key once: what the writer does, and no duplicate to think about.
      if (previous !== undefined && !(previous < key)) throw NOT_CANONICAL;
      previous = key;
      const valueAt = colon + 2;
      const scalar = this.scalar(valueAt);
      let v: string | boolean = scalar;
      // An empty value is dropped by normalizeFields: not the canonical form.
      if (scalar === '') throw NOT_CANONICAL;
      if (this.scalars.plain) {
        if (scalar === 'true' || scalar === 'false') v = scalar === 'true';
        else if (!plainIsString(scalar)) throw NOT_CANONICAL;
      }
      values[key] = v;
      if (loc) loc.attributes[key] = { key: this.range(keyAt, colon), value: this.range(valueAt, this.end) };
      endLine = this.blockEndLine();
    }
    // `attributes:` with nothing under it is null: left to the general path.
    if (endLine === 0) throw NOT_CANONICAL;
    return endLine;
  }
}

const START_PLACEHOLDER: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };
