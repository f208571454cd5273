import type { AttributeValue } from './scheme/scheme';

/**
 * The fields of an annotation: ONE definition for the in-memory annotation (UTF-16 offsets, see
 * annotation.ts) and the stored one (code point offsets, see sidecar/sidecarFormat.ts), which
 * differ only in what their offsets count. ANNOTATION_FIELDS below says, per field, how it is
 * stored, copied, compared and merged; sidecar writing, reading, validation, copying, the merge
 * and search all go through it, so a new field is one entry here (and its JSON Schema property,
 * which a unit test keeps in step).
 */
export interface AnnotationFields {
  /** Stable, random id: never derived from position, so two branches never mint the same one. */
  readonly id: string;
  /** One of the scheme's kind ids (see scheme/scheme.ts). */
  kind: string;
  /** Inclusive start (UTF-16 units in memory, code points on disk). */
  start: number;
  /** Exclusive end. Equal to `start` only for an orphan. */
  end: number;
  /** The exact text the span covered when it was last anchored. */
  text: string;
  /** Up to a few dozen characters of text before the span, for re-anchoring. */
  prefix: string;
  /** Up to a few dozen characters of text after the span, for re-anchoring. */
  suffix: string;
  speaker?: string;
  note?: string;
  author?: string;
  /**
   * Set on an adjudicated annotation: the ids of the annotations it was decided from (the two
   * annotators' disagreeing spans), separated by single spaces. Its `author` is the adjudicator.
   */
  adjudicatedFrom?: string;
  /** Values of the scheme's own attributes, by attribute id (`stance: opposes`). */
  attributes?: AttributeValues;
  /** True when the span's text could not be found: kept, reported, never dropped. */
  orphaned?: boolean;
}

/** A custom attribute's values, by attribute id. Replaced as a whole, never changed in place. */
export type AttributeValues = Readonly<Record<string, AttributeValue>>;

export type AnnotationFieldName = keyof AnnotationFields;

/**
 * How the merge treats a field: `identity` is the key it merges by; `anchor` fields change
 * together (where the annotation is); a `single` field is merged on its own (one side changing
 * the speaker, the other the note, is no conflict); `perKey` merges each key of a mapping on its
 * own (one attribute each side).
 */
export type MergeRule = 'identity' | 'anchor' | 'single' | 'perKey';

export interface FieldSpec {
  /** Present in every annotation; optional fields are left out when empty. */
  readonly required: boolean;
  readonly value: 'id' | 'string' | 'offset' | 'flag' | 'attributes';
  readonly merge: MergeRule;
  /** Its text is searched by the panel's text filter. */
  readonly searchable: boolean;
}

/**
 * Every field, in the order a sidecar writes them. The mapped type makes a field missing here a
 * compile error.
 */
export const ANNOTATION_FIELDS: { readonly [F in AnnotationFieldName]-?: FieldSpec } = {
  id: { required: true, value: 'id', merge: 'identity', searchable: false },
  kind: { required: true, value: 'string', merge: 'single', searchable: false },
  start: { required: true, value: 'offset', merge: 'anchor', searchable: false },
  end: { required: true, value: 'offset', merge: 'anchor', searchable: false },
  text: { required: true, value: 'string', merge: 'anchor', searchable: true },
  prefix: { required: true, value: 'string', merge: 'anchor', searchable: false },
  suffix: { required: true, value: 'string', merge: 'anchor', searchable: false },
  speaker: { required: false, value: 'string', merge: 'single', searchable: true },
  note: { required: false, value: 'string', merge: 'single', searchable: true },
  author: { required: false, value: 'string', merge: 'single', searchable: false },
  adjudicatedFrom: { required: false, value: 'string', merge: 'single', searchable: false },
  attributes: { required: false, value: 'attributes', merge: 'perKey', searchable: true },
  orphaned: { required: false, value: 'flag', merge: 'anchor', searchable: false },
};

export const ANNOTATION_FIELD_NAMES = Object.keys(ANNOTATION_FIELDS) as AnnotationFieldName[];

export const REQUIRED_FIELD_NAMES = ANNOTATION_FIELD_NAMES.filter((f) => ANNOTATION_FIELDS[f].required);

/**
 * The canonical form: keys in output order, optional strings dropped when empty, `orphaned`
 * dropped unless true, `attributes` dropped when empty and its keys sorted (code unit order, the
 * same on every machine). Writing and reading agree on it, so parse(serialize(x)) equals
 * normalizeFields(x). Offsets are left as they are (whatever they count).
 */
export function normalizeFields<T extends AnnotationFields>(a: T): AnnotationFields {
  const out: Record<string, unknown> = {};
  for (const name of ANNOTATION_FIELD_NAMES) {
    const spec = ANNOTATION_FIELDS[name];
    const value = a[name];
    if (spec.required) out[name] = value;
    else if (spec.value === 'flag') {
      if (value === true) out[name] = true;
    } else if (spec.value === 'attributes') {
      const sorted = sortedAttributes(value as AttributeValues | undefined);
      if (sorted) out[name] = sorted;
    } else if (typeof value === 'string' && value !== '') out[name] = value;
  }
  return out as unknown as AnnotationFields;
}

/** Attribute values with keys in code unit order, or undefined when there are none. */
export function sortedAttributes(values: AttributeValues | undefined): AttributeValues | undefined {
  if (!values) return undefined;
  const keys = Object.keys(values).filter((k) => values[k] !== undefined && values[k] !== '');
  if (keys.length === 0) return undefined;
  keys.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const out: Record<string, AttributeValue> = {};
  for (const k of keys) out[k] = values[k];
  return out;
}

/** Every field but the offsets, optional ones copied only when present (attributes copied, not shared). */
export function copyFieldsExceptOffsets(a: AnnotationFields): Omit<AnnotationFields, 'start' | 'end'>;
/** The same copy, made onto `into` (an object that already has the offsets, so they come first in its shape). */
export function copyFieldsExceptOffsets<T extends object>(a: AnnotationFields, into: T): T & Omit<AnnotationFields, 'start' | 'end'>;
export function copyFieldsExceptOffsets(a: AnnotationFields, into: object = {}): Omit<AnnotationFields, 'start' | 'end'> {
  const out = into as Record<string, unknown>;
  for (const name of ANNOTATION_FIELD_NAMES) {
    if (name === 'start' || name === 'end') continue;
    const value = a[name];
    if (value === undefined) continue;
    out[name] = ANNOTATION_FIELDS[name].value === 'attributes' ? { ...(value as AttributeValues) } : value;
  }
  return out as Omit<AnnotationFields, 'start' | 'end'>;
}

/** The text of the fields a text filter searches, joined by newlines. */
export function searchableText(a: AnnotationFields): string {
  const parts: string[] = [];
  for (const name of ANNOTATION_FIELD_NAMES) {
    if (!ANNOTATION_FIELDS[name].searchable) continue;
    const value = a[name];
    if (typeof value === 'string') parts.push(value);
    else if (value && typeof value === 'object') {
      for (const v of Object.values(value as AttributeValues)) if (typeof v === 'string') parts.push(v);
    }
  }
  return parts.join('\n');
}
