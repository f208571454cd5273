import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajvClass } from '../lazyLibraries';
import { isMap, isSeq, type Document, type Node as YamlNode, type Pair } from 'yaml';
import schema from '../../../schemas/sidecar.schema.json';
import { SIDECAR_KEYS, STORED_ANNOTATION_KEYS } from './sidecarFormat';
import { keyName, Locator, pairRange, START, type SidecarProblem, type SourceRange } from './sourceRange';

/*
 * Schema validation against schemas/sidecar.schema.json (the same file VS Code's YAML support
 * uses), with each ajv error turned into a located, readable problem.
 */

type PathSegment = string | number;

let validator: ValidateFunction | undefined;

/** Compiled on first use: compiling costs a few milliseconds the extension need not pay at startup. */
export function getValidator(): ValidateFunction {
  validator ??= new (ajvClass())({ allErrors: true, strict: true }).compile(schema);
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

export function schemaProblem(error: ErrorObject, data: unknown, doc: Document, at: Locator): SidecarProblem {
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
      if (name === '<<') {
        return {
          ...(extra?.key ? at.node(extra.key as YamlNode) : at.head(node)),
          message: `${prefix}merge keys ("<<") are not supported: a sidecar is plain YAML 1.2 and writing it again would lose the merge; write the fields out`,
        };
      }
      return {
        ...(extra?.key ? at.node(extra.key as YamlNode) : at.head(node)),
        message: `${prefix}unexpected field "${name}"; allowed fields are ${allowed.join(', ')}`,
      };
    }
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
