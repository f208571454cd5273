import schema from '../../../schemas/sidecar.schema.json';
import { ANNOTATION_FIELD_NAMES, ANNOTATION_FIELDS, type AnnotationFieldName } from '../annotationFields';
import { plainIsString } from './coreSchemaScalars';
import { compareStoredAnnotations, normalizeStoredAnnotation, type SidecarFile, type StoredAnnotation } from './sidecarFormat';
import { OFFSET_FIELDS, type BlockPieces, type SidecarBlockCache } from './sidecarBlockCache';
import { escapeInvisible, groupLabel, INVISIBLE_TEST, isWellFormed, SIDECAR_HEADER } from './sidecarLayout';

/*
 * The canonical sidecar layout written by hand, byte for byte what serializeSidecar's yaml library
 * path writes (a property test compares them), at a fraction of its cost. It renders each
 * annotation as one block of lines that depends on nothing but the annotation's own fields, so a
 * SidecarBlockCache can keep blocks (without their offsets) from one save to the next. Whatever it
 * is not sure to write exactly as the library would (a value of an unexpected type, an offset that is not a safe
 * integer, an attribute key outside the schema's pattern, a hash of another form) makes it return
 * undefined, and the caller writes with the library.
 */

const HASH_PATTERN = new RegExp(schema.properties.documentHash.pattern);
const ATTRIBUTE_KEY_PATTERN = new RegExp(schema.definitions.annotation.properties.attributes.propertyNames.pattern);

/**
 * Characters that make the library double-quote a value: invisible ones (forced, see
 * sidecarLayout.ts), control characters but tab (stringifyString), line breaks (plainString).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const QUOTED_CHAR = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/;
/** First characters plainString refuses (indicators, blanks). */
const BAD_FIRST = new Set([...'\t ,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));
const SPACE = 0x20;
const TAB = 0x09;
const COLON = 0x3a;

/** Not sure: the caller writes with the library. */
class Unsure extends Error {}
const UNSURE = new Unsure();

/**
 * The sidecar text serializeSidecar writes for `file`, or undefined when this writer is not sure
 * to write the same bytes. With a cache, annotations whose fields but their offsets did not
 * change are not rendered again. `canonical`: the annotations are already in canonical form and
 * order (buildSidecarFile's output), so they are written as they are, not normalised and sorted again.
 */
export function serializeCanonicalSidecar(file: SidecarFile, cache?: SidecarBlockCache, canonical = false): string | undefined {
  cache?.begin();
  try {
    const text = write(file, cache, canonical);
    cache?.commit();
    return text;
  } catch (e) {
    // A write that did not happen commits nothing: the blocks it rendered stay, correct for their
    // fields, until the next write that succeeds drops the unused ones.
    if (e instanceof Unsure) return undefined;
    throw e;
  }
}

function write(file: SidecarFile, cache: SidecarBlockCache | undefined, canonical: boolean): string {
  if (typeof file.documentHash !== 'string' || !HASH_PATTERN.test(file.documentHash) || !Array.isArray(file.annotations)) throw UNSURE;
  const head = `# ${SIDECAR_HEADER}\n\nversion: 1\ndocumentHash: ${file.documentHash}\n`;
  if (file.annotations.length === 0) return head + 'annotations: []\n';
  const annotations = canonical ? file.annotations : file.annotations.map(normalizeStoredAnnotation).sort(compareStoredAnnotations);
  // One string grown by concatenation: V8 builds it as a rope and copies it once, when it is read
  // (faster here than collecting pieces and joining them).
  let out = head + 'annotations:\n';
  let previous = '';
  for (let i = 0; i < annotations.length; i++) {
    const a = annotations[i];
    const author = a.author ?? '';
    if (i === 0) out += `  # ${comment(groupLabel(author))}\n`;
    else if (author !== previous) out += `  # ${comment(`end of ${groupLabel(previous)}`)}\n\n  # ${comment(groupLabel(author))}\n`;
    else out += '\n';
    const pieces = cache ? cache.pieces(a, annotationPieces) : annotationPieces(a);
    out += pieces[0];
    for (let f = 0; f < OFFSET_FIELDS.length; f++) out += offset(a[OFFSET_FIELDS[f]]) + pieces[f + 1];
    previous = author;
  }
  return out + `  # ${comment(`end of ${groupLabel(previous)}`)}\n`;
}

/** A comment's text as the library writes it on one line: only plain one-line text is sure. */
function comment(text: string): string {
  // groupLabel escapes line breaks and invisible characters; trailing blanks the library may treat otherwise.
  if (/[\s]$/.test(text) || /[\n\r]/.test(text)) throw UNSURE;
  return text;
}

/** An offset as the library writes it: only a non-negative safe integer is sure. */
function offset(value: unknown): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0 || Object.is(value, -0)) throw UNSURE;
  return value as number;
}

/**
 * `  - id: …` and the annotation's other lines, each ending in LF, in pieces around the values of
 * its offset fields (see BlockPieces): what is around them does not depend on them.
 */
function annotationPieces(a: StoredAnnotation): BlockPieces {
  const pieces: string[] = [];
  let out = '';
  for (const name of ANNOTATION_FIELD_NAMES) {
    const value = (a as unknown as Record<AnnotationFieldName, unknown>)[name];
    if (value === undefined) {
      if (ANNOTATION_FIELDS[name].required) throw UNSURE;
      continue;
    }
    const key = `${out === '' && pieces.length === 0 ? '  - ' : '    '}${name}:`;
    const kind = ANNOTATION_FIELDS[name].value;
    if (kind === 'attributes') {
      out += `${key}\n${attributeLines(value)}`;
    } else if (kind === 'offset') {
      pieces.push(`${out}${key} `);
      out = '\n';
    } else if (kind === 'flag') {
      if (typeof value !== 'boolean') throw UNSURE;
      out += `${key} ${value}\n`;
    } else {
      if (typeof value !== 'string') throw UNSURE;
      out += `${key} ${stringScalar(value)}\n`;
    }
  }
  pieces.push(out);
  if (pieces.length !== OFFSET_FIELDS.length + 1) throw UNSURE;
  return pieces;
}

function attributeLines(values: unknown): string {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) throw UNSURE;
  let out = '';
  for (const [key, value] of Object.entries(values)) {
    if (!ATTRIBUTE_KEY_PATTERN.test(key) || !plainIsString(key)) throw UNSURE;
    if (typeof value === 'boolean') out += `      ${key}: ${value}\n`;
    else if (typeof value === 'string') out += `      ${key}: ${stringScalar(value)}\n`;
    else throw UNSURE;
  }
  if (out === '') throw UNSURE;
  return out;
}

/** A string value as the library writes it with serializeSidecar's options: plain when it can be, else double-quoted. */
export function stringScalar(value: string): string {
  if (isPlain(value)) return value;
  const quoted = doubleQuoted(value);
  // Only a value with invisible characters holds any: the library escapes them in its whole output.
  return INVISIBLE_TEST.test(value) ? escapeInvisible(quoted) : quoted;
}

/**
 * Whether the library writes the value plain: plainString's pattern
 * (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/) taken apart
 * into cheaper tests, no character that forces quotes, and a string to the core schema.
 */
function isPlain(value: string): boolean {
  const length = value.length;
  if (length === 0) return false;
  const first = value.charCodeAt(0);
  if (BAD_FIRST.has(first)) return false;
  if (first === 0x3f /* ? */ || first === 0x2d /* - */) {
    const second = value.charCodeAt(1);
    if (length === 1 || second === SPACE || second === TAB) return false;
  }
  const last = value.charCodeAt(length - 1);
  if (last === SPACE || last === TAB || last === COLON) return false;
  if (QUOTED_CHAR.test(value)) return false; // line breaks included
  if (value.includes(': ') || value.includes(':\t') || value.includes(' #') || value.includes('\t#')) return false;
  return isWellFormed(value) && plainIsString(value);
}

/**
 * The library's doubleQuotedString for a value on one line (doubleQuotedMinMultiLineLength is
 * infinite): JSON's escapes, then `\xXX` and YAML's short escapes for the `\u00XX` ones, and a
 * space before an escaped line feed escaped too.
 */
function doubleQuoted(value: string): string {
  const json = JSON.stringify(value);
  if (!json.includes('\\')) return json;
  let out = '';
  let start = 0;
  for (let i = json.indexOf('\\'); i >= 0 && i < json.length; i = json.indexOf('\\', i)) {
    if (json[i + 1] === 'u') {
      out += json.slice(start, i);
      const code = json.substr(i + 2, 4);
      out += SHORT_ESCAPES[code] ?? (code.startsWith('00') ? '\\x' + code.slice(2) : json.substr(i, 6));
      i += 6;
      start = i;
    } else {
      if (json[i + 1] === 'n' && json[i - 1] === ' ') {
        out += json.slice(start, i - 1) + '\\ ';
        start = i;
      }
      i += 2;
    }
  }
  return start ? out + json.slice(start) : json;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '0000': '\\0',
  '0007': '\\a',
  '000b': '\\v',
  '001b': '\\e',
  '0085': '\\N',
  '00a0': '\\_',
  '2028': '\\L',
  '2029': '\\P',
};
