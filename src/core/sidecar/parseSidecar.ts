import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode, type Pair } from 'yaml';
import schema from '../../../schemas/sidecar.schema.json';
import { ANNOTATION_KINDS } from '../annotationKind';
import { CodePointIndex } from '../text/codePointIndex';
import { stripBom } from '../text/documentText';
import {
  normalizeStoredAnnotation,
  SIDECAR_KEYS,
  STORED_ANNOTATION_KEYS,
  type SidecarFile,
  type StoredAnnotation,
} from './sidecarFormat';

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

export type SidecarField = (typeof SIDECAR_KEYS)[number];
export type StoredAnnotationField = (typeof STORED_ANNOTATION_KEYS)[number];

export interface AnnotationLocation {
  /** The whole annotation block. */
  range: SourceRange;
  /** Each present field's value (its key when the value is empty). */
  fields: Partial<Record<StoredAnnotationField, SourceRange>>;
}

/** Where things are in the sidecar, so later checks can report problems at the right place. */
export interface SidecarLocations {
  fields: Partial<Record<SidecarField, SourceRange>>;
  /** Parallel to `sidecar.annotations` (file order, which the parser keeps). */
  annotations: AnnotationLocation[];
}

export interface SidecarParseSuccess {
  ok: true;
  /** Annotations in file order, each in canonical form (see normalizeStoredAnnotation). */
  sidecar: SidecarFile;
  locations: SidecarLocations;
}

export interface SidecarParseFailure {
  ok: false;
  /** Which check failed; later checks did not run. */
  stage: 'conflict' | 'syntax' | 'schema' | 'semantic';
  problems: SidecarProblem[];
}

export type SidecarParseResult = SidecarParseSuccess | SidecarParseFailure;

type PathSegment = string | number;

/**
 * Reads a sidecar. Never throws: every problem is returned with its position. Checks run in
 * order (merge conflict markers, YAML syntax, schema, semantics) and stop at the first stage
 * that finds something, because later stages would only report noise caused by it.
 */
export function parseSidecar(text: string): SidecarParseResult {
  try {
    return parseUnsafe(stripBom(text));
  } catch (e) {
    // A bug here must not take the caller down; surface it like any other problem.
    return fail('syntax', [{ message: `could not read the sidecar: ${String(e)}`, line: 1, column: 1, endLine: 1, endColumn: 1 }]);
  }
}

/**
 * Problems that need the document: offsets beyond its end (in code points of the BOM-less
 * text), reported at the offending `start`/`end` field.
 */
export function checkSidecarAgainstDocument(parsed: SidecarParseSuccess, documentText: string): SidecarProblem[] {
  const length = new CodePointIndex(stripBom(documentText)).codePointLength;
  const problems: SidecarProblem[] = [];
  parsed.sidecar.annotations.forEach((a, i) => {
    const fields = parsed.locations.annotations[i]?.fields ?? {};
    for (const key of ['start', 'end'] as const) {
      if (a[key] > length) {
        const at = fields[key] ?? parsed.locations.annotations[i]?.range ?? START;
        problems.push({
          ...at,
          message: `annotations[${i}].${key}: offset ${a[key]} is past the end of the document (${length} code points)`,
        });
      }
    }
  });
  return problems;
}

const START: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function fail(stage: SidecarParseFailure['stage'], problems: SidecarProblem[]): SidecarParseFailure {
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, stage, problems };
}

function parseUnsafe(text: string): SidecarParseResult {
  const conflicts = findConflictMarkers(text);
  if (conflicts.length > 0) return fail('conflict', conflicts);

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = new Locator(text, lineCounter);
  if (doc.errors.length > 0) {
    return fail(
      'syntax',
      doc.errors.map((e) => ({ ...at.range(e.pos[0], e.pos[1]), message: `YAML syntax error: ${e.message}` })),
    );
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Unresolvable aliases and alias bombs only show up when converting.
    return fail('syntax', [{ ...aliasProblemRange(doc, at), message: `YAML error: ${e instanceof Error ? e.message : String(e)}` }]);
  }

  const validate = getValidator();
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    // A value of the wrong type also fails its enum/pattern/minimum; the type error says it all.
    const mistyped = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
    const relevant = errors.filter((e) => e.keyword === 'type' || !mistyped.has(e.instancePath));
    return fail('schema', relevant.map((e) => schemaProblem(e, data, doc, at)));
  }

  const raw = data as Omit<SidecarFile, 'annotations'> & { annotations: StoredAnnotation[] | null };
  const sidecar: SidecarFile = {
    version: raw.version,
    documentHash: raw.documentHash,
    annotations: (raw.annotations ?? []).map(normalizeStoredAnnotation),
  };
  const locations = collectLocations(doc, at);
  const semantic = semanticProblems(sidecar, locations);
  if (semantic.length > 0) return fail('semantic', semantic);
  return { ok: true, sidecar, locations };
}

/** `<<<<<<<`, `|||||||` (diff3 base), `=======`, `>>>>>>>` at the start of a line. */
const CONFLICT_MARKER = /^(<{7}|\|{7}|={7}|>{7})(?=[ \t\r]|$)/;

function findConflictMarkers(text: string): SidecarProblem[] {
  const problems: SidecarProblem[] = [];
  // Cheap test first: the full scan only runs on files that could contain a marker.
  if (!/^(<{7}|\|{7}|={7}|>{7})/m.test(text)) return problems;
  const lines = text.split('\n');
  lines.forEach((lineText, i) => {
    const m = CONFLICT_MARKER.exec(lineText);
    if (!m) return;
    const visible = lineText.endsWith('\r') ? lineText.length - 1 : lineText.length;
    problems.push({
      message: `unresolved merge conflict: "${m[1]}" marker line; resolve the conflict and remove the markers`,
      line: i + 1,
      column: 1,
      endLine: i + 1,
      endColumn: visible + 1,
    });
  });
  return problems;
}

/** Converts offsets in the parsed text to line/column ranges. */
class Locator {
  constructor(
    private readonly text: string,
    private readonly lines: LineCounter,
  ) {}

  range(start: number, end: number): SourceRange {
    const s = this.lines.linePos(start);
    const e = this.lines.linePos(Math.max(start, end));
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

  private lineEnd(offset: number): number {
    let nl = this.text.indexOf('\n', offset);
    if (nl < 0) nl = this.text.length;
    return nl > offset && this.text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
  }
}

/** The value of a pair, or its key when the value is empty (`kind:` has a zero-width null value). */
function pairRange(pair: Pair, at: Locator): SourceRange | undefined {
  const value = pair.value as YamlNode | null;
  if (value?.range && value.range[1] > value.range[0]) return at.node(value);
  const key = pair.key as YamlNode | null;
  return key?.range ? at.node(key) : undefined;
}

function keyName(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function collectLocations(doc: Document, at: Locator): SidecarLocations {
  const locations: SidecarLocations = { fields: {}, annotations: [] };
  const root = doc.contents;
  if (!isMap(root)) return locations;
  for (const pair of root.items) {
    const name = keyName(pair);
    const range = pairRange(pair, at);
    if (name !== undefined && range && (SIDECAR_KEYS as readonly string[]).includes(name)) {
      locations.fields[name as SidecarField] = range;
    }
    if (name === 'annotations' && isSeq(pair.value)) {
      for (const item of pair.value.items) {
        const node = item as YamlNode;
        const loc: AnnotationLocation = { range: at.node(node), fields: {} };
        if (isMap(node)) {
          for (const field of node.items) {
            const fieldName = keyName(field);
            const fieldRange = pairRange(field, at);
            if (fieldName !== undefined && fieldRange) loc.fields[fieldName as StoredAnnotationField] = fieldRange;
          }
        }
        locations.annotations.push(loc);
      }
    }
  }
  return locations;
}

function semanticProblems(sidecar: SidecarFile, locations: SidecarLocations): SidecarProblem[] {
  const problems: SidecarProblem[] = [];
  const firstById = new Map<string, number>();
  sidecar.annotations.forEach((a, i) => {
    const loc = locations.annotations[i];
    const where = (field: StoredAnnotationField): SourceRange => loc?.fields[field] ?? loc?.range ?? START;
    const first = firstById.get(a.id);
    if (first === undefined) {
      firstById.set(a.id, i);
    } else {
      const firstLine = (locations.annotations[first]?.fields.id ?? START).line;
      problems.push({
        ...where('id'),
        message: `annotations[${i}].id: duplicate id "${a.id}"; first used by annotations[${first}] on line ${firstLine}`,
      });
    }
    if (a.start > a.end) {
      problems.push({ ...where('start'), message: `annotations[${i}]: start ${a.start} is after end ${a.end}` });
    } else if (a.start === a.end && a.orphaned !== true) {
      problems.push({
        ...where('end'),
        message: `annotations[${i}]: empty span (start = end = ${a.start}); only an orphaned annotation may be empty`,
      });
    }
  });
  return problems;
}

// ---- schema validation -------------------------------------------------------------------

let validator: ValidateFunction | undefined;

/** Compiled on first use: compiling costs a few milliseconds the extension need not pay at startup. */
function getValidator(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: true }).compile(schema);
  return validator;
}

function parsePointer(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** `annotations[3].kind`, the way a user would point at it. */
function formatPath(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** The deepest YAML node along `path`, with the pair holding it when there is one. */
function nodeAt(doc: Document, path: readonly PathSegment[]): { node: YamlNode | null; pair?: Pair } {
  let node = doc.contents as YamlNode | null;
  let pair: Pair | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const found = node.items.find((p) => keyName(p) === String(seg));
      if (!found) break;
      pair = found;
      node = found.value as YamlNode | null;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      pair = undefined;
      node = node.items[seg] as YamlNode | null;
    } else {
      break;
    }
  }
  return { node, pair };
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  'array,null': 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
};

function schemaProblem(error: ErrorObject, data: unknown, doc: Document, at: Locator): SidecarProblem {
  const path = parsePointer(error.instancePath);
  const label = formatPath(path);
  const prefix = label ? `${label}: ` : '';
  const value = valueAt(data, path);
  const { node, pair } = nodeAt(doc, path);
  const valueRange = (): SourceRange => (pair ? (pairRange(pair, at) ?? at.head(node)) : at.head(node));
  const params = error.params as Record<string, unknown>;
  const last = path[path.length - 1];

  switch (error.keyword) {
    case 'required': {
      const root = path.length === 0;
      if (root && (value === null || value === undefined)) {
        return { ...START, message: 'the sidecar is empty; expected version, documentHash and annotations' };
      }
      return { ...at.head(node), message: `${prefix}missing required field "${String(params.missingProperty)}"` };
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const extra = isMap(node) ? node.items.find((p) => keyName(p) === name) : undefined;
      const allowed = path.length === 0 ? SIDECAR_KEYS : STORED_ANNOTATION_KEYS;
      return {
        ...(extra?.key ? at.node(extra.key as YamlNode) : at.head(node)),
        message: `${prefix}unexpected field "${name}"; allowed fields are ${allowed.join(', ')}`,
      };
    }
    case 'enum':
      if (last === 'kind') {
        return {
          ...valueRange(),
          message: `${prefix}unknown kind ${JSON.stringify(value)}; expected one of ${ANNOTATION_KINDS.join(', ')}`,
        };
      }
      break;
    case 'const':
      if (last === 'version') {
        return { ...valueRange(), message: `${prefix}unsupported version ${JSON.stringify(value)}; this extension reads version 1` };
      }
      break;
    case 'type': {
      if (path.length === 0) {
        const message =
          value === null || value === undefined
            ? 'the sidecar is empty; expected version, documentHash and annotations'
            : `the sidecar must be a mapping with version, documentHash and annotations, not ${describeValue(value)}`;
        return { ...(value === null || value === undefined ? START : at.head(node)), message };
      }
      const expected = TYPE_NAMES[String(params.type)] ?? String(params.type);
      return { ...valueRange(), message: `${prefix}expected ${expected}, got ${describeValue(value)}` };
    }
    case 'minimum':
      return { ...valueRange(), message: `${prefix}must be ${String(params.limit)} or more, got ${String(value)}` };
    case 'pattern':
      if (last === 'id') {
        return { ...valueRange(), message: `${prefix}invalid id ${JSON.stringify(value)}; ids are 4-32 lowercase letters or digits` };
      }
      if (last === 'documentHash') {
        return {
          ...valueRange(),
          message: `${prefix}invalid hash ${JSON.stringify(value)}; expected "sha256:" followed by 64 lowercase hex digits`,
        };
      }
      break;
  }
  return { ...valueRange(), message: `${prefix}${error.message ?? 'invalid value'}` };
}

/** Where to report an alias that could not be resolved: the first such alias, else the start. */
function aliasProblemRange(doc: Document, at: Locator): SourceRange {
  let found: SourceRange | undefined;
  visit(doc, {
    Alias(_key, alias) {
      if (alias.resolve(doc) === undefined && alias.range) {
        found = at.node(alias);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found ?? START;
}
