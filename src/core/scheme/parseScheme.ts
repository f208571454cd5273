import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajvClass } from '../lazyLibraries';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import schemaJson from '../../../schemas/annotation-scheme.schema.json';
import { ANNOTATION_FIELD_NAMES } from '../annotationFields';
import { loneCrAsLf, type SidecarProblem } from '../sidecar/sourceRange';
import { stripBom } from '../text/documentText';
import {
  BUILT_IN_ATTRIBUTES,
  BUILT_IN_SCHEME,
  builtInKind,
  kindOnly,
  type AnnotationScheme,
  type AttributeDefinition,
  type AttributeType,
  type KindColor,
  type KindDefinition,
  type KindStyle,
} from './scheme';

export type SchemeParse = { readonly ok: true; readonly scheme: AnnotationScheme } | { readonly ok: false; readonly problems: readonly SidecarProblem[] };

interface RawKind {
  id: string;
  label?: string;
  description?: string;
  color?: string | { light: string; dark: string; highContrast?: string };
  style?: KindStyle;
  icon?: string;
}

interface RawAttribute {
  id: string;
  label?: string;
  description?: string;
  type: AttributeType;
  values?: string[];
  kinds?: string[];
  required?: boolean;
}

interface RawScheme {
  kinds?: RawKind[];
  attributes?: RawAttribute[] | null;
  panel?: { kinds?: string[]; groupBy?: string };
}

/** Colours given to custom kinds without one, in turn: distinct from the built-in four in both themes. */
const PALETTE: readonly KindColor[] = [
  { light: '#a0522d', dark: '#e0915a', highContrast: '#ffb37a' },
  { light: '#8250df', dark: '#b08cf0', highContrast: '#d2b8ff' },
  { light: '#bf3989', dark: '#f08cc2', highContrast: '#ffb3dc' },
  { light: '#0a7d8c', dark: '#4fc3d1', highContrast: '#7ee8f5' },
  { light: '#6b7d00', dark: '#b5c93d', highContrast: '#d9ee5c' },
];

/** Field names a custom attribute may not take: they are the annotation's own fields. */
const RESERVED_ATTRIBUTE_IDS = new Set<string>([...ANNOTATION_FIELD_NAMES, ...BUILT_IN_ATTRIBUTES.map((a) => a.id)]);

let validator: ValidateFunction | undefined;

/**
 * Reads `.annotations/schema.yaml`. Never throws; every problem (YAML syntax, a field of the wrong
 * type, an id used twice, a reference to a kind or attribute that is not declared) comes back
 * with its line and column, and a scheme with problems yields no scheme at all: the caller must
 * not fall back to the built-in one silently. An empty file is the built-in scheme.
 */
export function parseScheme(text: string, source?: string): SchemeParse {
  const lineCounter = new LineCounter();
  const doc = parseDocument(loneCrAsLf(stripBom(text)), { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false });
  const locate = (path: readonly (string | number)[], key = false): Omit<SidecarProblem, 'message'> => rangeAt(doc, lineCounter, path, key);
  const failed = (problems: SidecarProblem[]): SchemeParse => ({ ok: false, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) });

  if (doc.errors.length > 0) {
    return failed(
      doc.errors.map((e) => {
        const s = lineCounter.linePos(e.pos[0]);
        const end = lineCounter.linePos(Math.max(e.pos[0], e.pos[1]));
        return { line: s.line, column: s.col, endLine: end.line, endColumn: end.col, message: `YAML syntax error: ${e.message}` };
      }),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return failed([{ ...locate([]), message: `YAML error: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  if (data === null || data === undefined) return { ok: true, scheme: { ...BUILT_IN_SCHEME, source } };

  validator ??= new (ajvClass())({ allErrors: true, strict: true, verbose: true }).compile(schemaJson);
  if (!validator(data)) return failed(relevantErrors(validator.errors ?? []).map((e) => schemaProblem(e, locate)));

  const raw = data as RawScheme;
  const problems: SidecarProblem[] = [];
  const kinds = buildKinds(raw.kinds, problems, locate);
  const kindIds = kinds.map((k) => k.id);
  const attributes = [...BUILT_IN_ATTRIBUTES, ...buildAttributes(raw.attributes ?? [], kindIds, problems, locate)];

  const panelKinds = raw.panel?.kinds ?? (kindIds.includes('claim') ? ['claim'] : kindIds.slice(0, 1));
  (raw.panel?.kinds ?? []).forEach((id, i) => {
    if (!kindIds.includes(id)) problems.push({ ...locate(['panel', 'kinds', i]), message: `panel.kinds: unknown kind "${id}"; the scheme declares ${kindIds.join(', ')}` });
  });
  const groupBy = raw.panel?.groupBy ?? 'speaker';
  const grouping = attributes.find((a) => a.id === groupBy);
  if (!grouping) {
    problems.push({ ...locate(['panel', 'groupBy']), message: `panel.groupBy: unknown attribute "${groupBy}"; group by speaker or an attribute of type person or choice` });
  } else if (grouping.type !== 'person' && grouping.type !== 'choice') {
    problems.push({ ...locate(['panel', 'groupBy']), message: `panel.groupBy: "${groupBy}" is a ${grouping.type} attribute; the panel groups by a person or choice attribute` });
  }
  if (problems.length > 0) return failed(problems);
  return { ok: true, scheme: { kinds, attributes, panel: { kinds: panelKinds, groupBy }, source } };
}

function buildKinds(raw: readonly RawKind[] | undefined, problems: SidecarProblem[], locate: Locate): KindDefinition[] {
  if (raw === undefined) return [...BUILT_IN_SCHEME.kinds];
  const seen = new Map<string, number>();
  let custom = 0;
  return raw.map((k, i) => {
    const first = seen.get(k.id);
    if (first !== undefined) problems.push({ ...locate(['kinds', i, 'id']), message: `kinds[${i}].id: "${k.id}" is already declared by kinds[${first}]` });
    else seen.set(k.id, i);
    const builtIn = builtInKind(k.id);
    const base: KindDefinition = builtIn ? kindOnly(builtIn) : { id: k.id, label: capitalize(k.id), style: 'underline', icon: 'tag', builtIn: false, color: PALETTE[custom++ % PALETTE.length] };
    const color = k.color === undefined ? base.color : typeof k.color === 'string' ? { light: k.color, dark: k.color, highContrast: k.color } : { light: k.color.light, dark: k.color.dark, highContrast: k.color.highContrast ?? k.color.dark };
    return {
      id: k.id,
      label: k.label ?? base.label,
      description: k.description ?? base.description,
      color,
      style: k.style ?? base.style,
      icon: k.icon ?? base.icon,
      builtIn: base.builtIn,
    };
  });
}

function buildAttributes(raw: readonly RawAttribute[], kindIds: readonly string[], problems: SidecarProblem[], locate: Locate): AttributeDefinition[] {
  const seen = new Map<string, number>();
  return raw.map((a, i) => {
    const at = `attributes[${i}]`;
    if (RESERVED_ATTRIBUTE_IDS.has(a.id)) {
      const builtIn = BUILT_IN_ATTRIBUTES.some((b) => b.id === a.id);
      problems.push({ ...locate(['attributes', i, 'id']), message: `${at}.id: "${a.id}" is ${builtIn ? 'a built-in attribute (every scheme has speaker and note)' : 'a field of every annotation'}; choose another id` });
    }
    const first = seen.get(a.id);
    if (first !== undefined) problems.push({ ...locate(['attributes', i, 'id']), message: `${at}.id: "${a.id}" is already declared by attributes[${first}]` });
    else seen.set(a.id, i);
    if (a.type === 'choice' && a.values === undefined) {
      problems.push({ ...locate(['attributes', i, 'type']), message: `${at}: a choice attribute needs its values (values: [a, b, …])` });
    }
    if (a.type !== 'choice' && a.values !== undefined) {
      problems.push({ ...locate(['attributes', i, 'values'], true), message: `${at}.values: only a choice attribute has values; "${a.id}" is ${a.type}` });
    }
    const values = new Map<string, number>();
    (a.values ?? []).forEach((v, j) => {
      if (values.has(v)) problems.push({ ...locate(['attributes', i, 'values', j]), message: `${at}.values[${j}]: "${v}" is listed twice` });
      values.set(v, j);
    });
    (a.kinds ?? []).forEach((kind, j) => {
      if (!kindIds.includes(kind)) problems.push({ ...locate(['attributes', i, 'kinds', j]), message: `${at}.kinds[${j}]: unknown kind "${kind}"; the scheme declares ${kindIds.join(', ')}` });
    });
    return {
      id: a.id,
      label: a.label ?? capitalize(a.id),
      description: a.description,
      type: a.type,
      values: a.values,
      kinds: a.kinds,
      required: a.required ?? false,
      builtIn: false,
    };
  });
}

function capitalize(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type Locate = (path: readonly (string | number)[], key?: boolean) => Omit<SidecarProblem, 'message'>;

/** The range of the node at `path` (its key with `key`), or of the deepest node on the way. */
function rangeAt(doc: Document, lines: LineCounter, path: readonly (string | number)[], key: boolean): Omit<SidecarProblem, 'message'> {
  let range: readonly number[] | null | undefined;
  for (let n = path.length; n >= 0 && !range; n--) {
    const prefix = path.slice(0, n);
    if (key && n === path.length && prefix.length > 0) {
      const parent = prefix.length > 1 ? doc.getIn(prefix.slice(0, -1), true) : doc.contents;
      const pair = isNode(parent) && 'items' in parent ? (parent.items as { key?: unknown }[]).find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === prefix[prefix.length - 1]) : undefined;
      if (pair && isNode(pair.key)) range = pair.key.range;
      continue;
    }
    const node = prefix.length === 0 ? doc.contents : doc.getIn(prefix, true);
    if (isNode(node)) range = node.range;
  }
  const [start, end] = range ?? [0, 0];
  const s = lines.linePos(start);
  const e = lines.linePos(Math.max(start, end));
  return { line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
}

/** A value of the wrong type also fails its pattern or enum, and `oneOf` repeats its branches' errors: keep what says most. */
function relevantErrors(all: readonly ErrorObject[]): ErrorObject[] {
  // A mapping where a colour or a mapping is expected: what is wrong inside it says most, not
  // that it is neither (nor that it is not a string).
  const mappings = new Set(all.filter((e) => e.keyword === 'oneOf' && typeof e.data === 'object' && e.data !== null && !Array.isArray(e.data)).map((e) => e.instancePath));
  const errors = all.filter((e) => !(mappings.has(e.instancePath) && (e.keyword === 'oneOf' || (e.keyword === 'type' && (e.params as { type?: unknown }).type === 'string'))));
  const mistyped = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const oneOfs = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  return errors.filter((e) => {
    if (e.keyword === 'oneOf') return true;
    if (oneOfs.has(e.instancePath) || [...oneOfs].some((p) => e.instancePath.startsWith(p + '/'))) return false;
    return e.keyword === 'type' || !mistyped.has(e.instancePath);
  });
}

function schemaProblem(error: ErrorObject, locate: Locate): SidecarProblem {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
  const label = path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
  const prefix = label ? `${label}: ` : '';
  const params = error.params as Record<string, unknown>;
  const last = path[path.length - 1];
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const allowed = allowedFields(path);
      return { ...locate([...path, name], true), message: `${prefix}unexpected field "${name}"${allowed ? `; allowed fields are ${allowed}` : ''}` };
    }
    case 'required':
      return { ...locate(path), message: `${prefix}missing required field "${String(params.missingProperty)}"` };
    case 'enum':
      return { ...locate(path), message: `${prefix}${JSON.stringify(valueOf(error))} is not allowed; expected one of ${(params.allowedValues as unknown[]).join(', ')}` };
    case 'pattern':
      if (last === 'id') return { ...locate(path), message: `${prefix}invalid id ${JSON.stringify(valueOf(error))}; ids are 1-40 lowercase letters, digits, - or _, starting with a letter` };
      if (last === 'icon') return { ...locate(path), message: `${prefix}invalid icon ${JSON.stringify(valueOf(error))}; expected a codicon id such as graph or megaphone` };
      return { ...locate(path), message: `${prefix}invalid colour ${JSON.stringify(valueOf(error))}; expected #rgb, #rrggbb, #rrggbbaa or a theme colour id such as charts.orange` };
    case 'oneOf':
      return { ...locate(path), message: `${prefix}expected a colour (#rrggbb or a theme colour id) or a mapping with light, dark and optionally highContrast` };
    case 'type':
      return { ...locate(path), message: `${prefix}expected ${describeType(String(params.type))}` };
    case 'minItems':
      return { ...locate(path), message: `${prefix}must list at least one entry` };
    case 'minLength':
      return { ...locate(path), message: `${prefix}must not be empty` };
  }
  return { ...locate(path), message: `${prefix}${error.message ?? 'invalid value'}` };
}

function valueOf(error: ErrorObject): unknown {
  return error.data;
}

function allowedFields(path: readonly (string | number)[]): string | undefined {
  if (path.length === 0) return 'kinds, attributes, panel';
  if (path[0] === 'panel') return 'kinds, groupBy';
  if (path[0] === 'kinds' && path.length === 2) return 'id, label, description, color, style, icon';
  if (path[0] === 'kinds' && path.length === 3) return 'light, dark, highContrast';
  if (path[0] === 'attributes') return 'id, label, description, type, values, kinds, required';
  return undefined;
}

function describeType(type: string): string {
  const names: Record<string, string> = { object: 'a mapping', 'object,null': 'a mapping', array: 'a list', 'array,null': 'a list', string: 'a string', boolean: 'true or false' };
  return names[type] ?? type;
}
