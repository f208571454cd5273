import type { AttributeValues } from '../annotationFields';
import type { StoredAnnotation } from '../sidecar/sidecarFormat';

/**
 * The fields beside kind and span that a format without a place of its own for them carries in
 * an extra record (doccano's `source_annotator` key): speaker, note, author and attributes.
 */
export interface CarriedFields {
  speaker?: string;
  note?: string;
  author?: string;
  attributes?: AttributeValues;
}

export function carriedFields(a: StoredAnnotation): CarriedFields | undefined {
  const out: CarriedFields = {};
  if (a.speaker) out.speaker = a.speaker;
  if (a.note) out.note = a.note;
  if (a.author) out.author = a.author;
  if (a.attributes) out.attributes = { ...a.attributes };
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Reads carried fields back, keeping only values of the right type. */
export function readCarriedFields(value: unknown): CarriedFields {
  if (!value || typeof value !== 'object') return {};
  const v = value as Record<string, unknown>;
  const out: CarriedFields = {};
  for (const key of ['speaker', 'note', 'author'] as const) if (typeof v[key] === 'string') out[key] = v[key];
  if (v.attributes && typeof v.attributes === 'object') {
    const attributes: Record<string, string | boolean> = {};
    for (const [k, x] of Object.entries(v.attributes as Record<string, unknown>)) if (typeof x === 'string' || typeof x === 'boolean') attributes[k] = x;
    out.attributes = attributes;
  }
  return out;
}

/** JSON.parse that reports where: `line N: message`. */
export function parseJson(text: string, where: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: `${where}: not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}
