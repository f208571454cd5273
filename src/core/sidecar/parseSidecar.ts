import { isMap, isSeq, LineCounter, type Document, type Node as YamlNode } from 'yaml';
import { CodePointIndex } from '../text/codePointIndex';
import { stripBom } from '../text/documentText';
import {
  normalizeStoredAnnotation,
  SIDECAR_KEYS,
  STORED_ANNOTATION_KEYS,
  type SidecarFile,
  type StoredAnnotation,
} from './sidecarFormat';
import { findConflictMarkers } from './conflictMarkers';
import { BUILT_IN_SCHEME, type AnnotationScheme } from '../scheme/scheme';
import { schemeErrors } from '../scheme/schemeViolations';
import { getValidator, schemaProblem } from './schemaProblems';
import { keyName, Locator, loneCrAsLf, pairRange, START, type SidecarProblem, type SourceRange } from './sourceRange';
import { parseYaml, unsupportedYaml } from './yamlSubset';
import { readCanonicalSidecar } from './fastSidecarReader';
import { withLazyLocations } from './lazyLocations';

export type { SidecarProblem, SourceRange } from './sourceRange';

export type SidecarField = (typeof SIDECAR_KEYS)[number];
export type StoredAnnotationField = (typeof STORED_ANNOTATION_KEYS)[number];

export interface AnnotationLocation {
  /** The whole annotation block. */
  range: SourceRange;
  /** Each present field's value (its key when the value is empty). */
  fields: Partial<Record<StoredAnnotationField, SourceRange>>;
  /** Each custom attribute under `attributes:`: its key and its value. */
  attributes: Record<string, { key: SourceRange; value: SourceRange }>;
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


/**
 * Reads a sidecar. Never throws: every problem is returned with its position. Checks run in
 * order (merge conflict markers, YAML syntax and YAML features a rewrite would lose, schema and
 * annotation scheme (kinds, attributes and their values), semantics) and stop at the first stage that finds something, because later stages would only
 * report noise caused by it. A lone CR ends a line, as in YAML 1.2 and VS Code.
 */
/**
 * What a sidecar's kinds and attributes are checked against: a scheme, or `'any'` for a reader
 * that must take any kind and attribute of a valid shape. The merge driver is that reader: git
 * runs it in the middle of a merge, when the scheme file may itself be changing, and refusing an
 * undeclared kind there would leave conflict markers where a merge by id was possible; `check`
 * judges the merged result against the scheme afterwards.
 */
export type SchemeCheck = AnnotationScheme | 'any';

export function parseSidecar(text: string, scheme: SchemeCheck = BUILT_IN_SCHEME): SidecarParseResult {
  return parseSafely(text, scheme, true);
}

/**
 * parseSidecar without the fast reader (fastSidecarReader.ts): always the general YAML path.
 * For tests and benchmarks, which compare the two.
 */
export function parseSidecarWithoutFastPath(text: string, scheme: SchemeCheck = BUILT_IN_SCHEME): SidecarParseResult {
  return parseSafely(text, scheme, false);
}

/**
 * parseSidecar when the fast reader recognises the text (the layout the writer produces), else
 * undefined without touching the general YAML path: the caller decides where that runs (the
 * extension sends it to a worker thread). A result is exactly what parseSidecar returns.
 */
export function parseCanonicalSidecar(text: string, scheme: SchemeCheck = BUILT_IN_SCHEME): SidecarParseResult | undefined {
  try {
    const bare = stripBom(text);
    if (findConflictMarkers(loneCrAsLf(bare)).length > 0) return undefined;
    const read = readFast(bare);
    return read && checkRead(read, scheme);
  } catch {
    // parseSidecar reports it (its reader's error becomes a problem).
    return undefined;
  }
}

function parseSafely(text: string, scheme: SchemeCheck, fast: boolean): SidecarParseResult {
  try {
    return parseUnsafe(stripBom(text), scheme, fast);
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
    for (const key of ['start', 'end'] as const) {
      if (a[key] > length) {
        // Locations are computed on first access (a second pass of the reader): only for a problem.
        const at = parsed.locations.annotations[i]?.fields[key] ?? parsed.locations.annotations[i]?.range ?? START;
        problems.push({
          ...at,
          message: `annotations[${i}].${key}: offset ${a[key]} is past the end of the document (${length} code points)`,
        });
      }
    }
  });
  return problems;
}


function fail(stage: SidecarParseFailure['stage'], problems: SidecarProblem[]): SidecarParseFailure {
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, stage, problems };
}

/**
 * The sidecar's data and where things are, or the failure that stopped reading. `canonical`: the
 * annotations are already in canonical form (the fast reader's), so normalizing them is skipped.
 */
type ReadResult = { ok: true; data: unknown; canonical: boolean; readonly locations: SidecarLocations } | SidecarParseFailure;

/**
 * Conflict markers, then the YAML-to-data step (the fast reader for the canonical layout, the
 * general YAML path for anything it does not recognise), then the stages both share: the annotation
 * scheme and the semantic checks. `bare` is the text without its BOM.
 */
function parseUnsafe(bare: string, scheme: SchemeCheck, fast: boolean): SidecarParseResult {
  const text = loneCrAsLf(bare);
  const conflicts = findConflictMarkers(text);
  if (conflicts.length > 0) return fail('conflict', conflicts);

  // The fast reader checks the schema's rules itself and refuses anything it is not sure of.
  const read: ReadResult = (fast ? readFast(bare) : undefined) ?? readGeneral(text);
  return read.ok ? checkRead(read, scheme) : read;
}

/** The stages after reading, which both readers share: the annotation scheme, then semantics. */
function checkRead(read: Extract<ReadResult, { ok: true }>, scheme: SchemeCheck): SidecarParseResult {
  const raw = read.data as Omit<SidecarFile, 'annotations'> & { annotations: StoredAnnotation[] | null };
  const annotations = raw.annotations ?? [];
  const sidecar: SidecarFile = {
    version: raw.version,
    documentHash: raw.documentHash,
    annotations: read.canonical ? annotations : annotations.map(normalizeStoredAnnotation),
  };
  // Locations stay lazy (see fastSidecarReader.ts): only a problem, or a caller, asks for them.
  const result = withLazyLocations({ ok: true as const, sidecar }, () => read.locations);
  // A kind, attribute or value the scheme does not declare is a schema problem of this workspace.
  const undeclared = scheme === 'any' ? [] : schemeErrors(result, scheme);
  if (undeclared.length > 0) return fail('schema', undeclared);
  const semantic = semanticProblems(sidecar, () => read.locations);
  if (semantic.length > 0) return fail('semantic', semantic);
  return result;
}

function readFast(bare: string): Extract<ReadResult, { ok: true }> | undefined {
  const canonical = readCanonicalSidecar(bare);
  return canonical && withLazyLocations({ ok: true as const, data: canonical.data, canonical: true }, () => canonical.locations);
}

/** The general path: the yaml library, YAML features a rewrite would lose, the JSON Schema. */
function readGeneral(text: string): ReadResult {
  const lineCounter = new LineCounter();
  const parsed = parseYaml(text, lineCounter);
  const { doc } = parsed;
  const at = new Locator(text, lineCounter);
  // Tags, anchors, aliases, directives: what a rewrite would lose (so no alias is ever expanded).
  // A syntax error on the same line is the tag's doing (`!!timestamp x`: "expects a date").
  const unsupported = unsupportedYaml(parsed, at);
  const lines = new Set(unsupported.map((p) => p.line));
  const syntax = doc.errors
    .map((e) => ({ ...at.range(e.pos[0], e.pos[1]), message: `YAML syntax error: ${e.message}` }))
    .filter((p) => !lines.has(p.line));
  if (syntax.length > 0 || unsupported.length > 0) return fail('syntax', [...syntax, ...unsupported]);

  const data: unknown = doc.toJS();

  const validate = getValidator();
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    // A value of the wrong type also fails its enum/pattern/minimum; the type error says it all.
    const mistyped = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
    const relevant = errors.filter((e) => e.keyword === 'type' || !mistyped.has(e.instancePath));
    return fail('schema', relevant.map((e) => schemaProblem(e, data, doc, at)));
  }
  return { ok: true, data, canonical: false, locations: collectLocations(doc, at) };
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
        const loc: AnnotationLocation = { range: at.node(node), fields: {}, attributes: {} };
        if (isMap(node)) {
          for (const field of node.items) {
            const fieldName = keyName(field);
            const fieldRange = pairRange(field, at);
            if (fieldName !== undefined && fieldRange) loc.fields[fieldName as StoredAnnotationField] = fieldRange;
            if (fieldName === 'attributes' && isMap(field.value)) {
              for (const attribute of field.value.items) {
                const name = keyName(attribute);
                const value = pairRange(attribute, at);
                if (name !== undefined && value && attribute.key) loc.attributes[name] = { key: at.node(attribute.key as YamlNode), value };
              }
            }
          }
        }
        locations.annotations.push(loc);
      }
    }
  }
  return locations;
}

/** `locations` is called only when there is a problem to place. */
function semanticProblems(sidecar: SidecarFile, locations: () => SidecarLocations): SidecarProblem[] {
  const problems: SidecarProblem[] = [];
  const firstById = new Map<string, number>();
  sidecar.annotations.forEach((a, i) => {
    const where = (field: StoredAnnotationField): SourceRange => {
      const loc = locations().annotations[i];
      return loc?.fields[field] ?? loc?.range ?? START;
    };
    const first = firstById.get(a.id);
    if (first === undefined) {
      firstById.set(a.id, i);
    } else {
      const firstLine = (locations().annotations[first]?.fields.id ?? START).line;
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

