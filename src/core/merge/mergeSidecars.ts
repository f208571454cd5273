import { ANNOTATION_FIELD_NAMES, ANNOTATION_FIELDS } from '../annotationFields';
import { newAnnotationId } from '../ids';
import { normalizeStoredAnnotation, SIDECAR_VERSION, type SidecarFile, type StoredAnnotation } from '../sidecar/sidecarFormat';

/** Marks the second version of an annotation both sides changed differently. */
export const CONFLICT_NOTE_PREFIX = 'conflict: other version of ';

/** The hash written when the sides were anchored to different texts and no base says which: matches no document, so the next load re-anchors every quote. */
export const UNKNOWN_DOCUMENT_HASH = 'sha256:' + '0'.repeat(64);

export interface MergeConflict {
  readonly id: string;
  /** `changed`: both sides changed it differently, `copyId` holds the other version. `deleted`: one side deleted it, the other changed it; it is kept. */
  readonly kind: 'changed' | 'deleted';
  readonly copyId?: string;
}

export interface SidecarMerge {
  readonly file: SidecarFile;
  readonly conflicts: readonly MergeConflict[];
}

/**
 * What the merge compares and takes as one: the anchor fields together (where the annotation is),
 * every other field on its own, and every key of a per-key mapping (each custom attribute) on its
 * own, all read from the field table (annotationFields.ts), so no field or attribute can be left
 * out of the merge. Attributes the scheme has not declared are merged like the rest: the merge
 * never drops what a side wrote.
 */
type FieldGroup = { readonly read: (a: StoredAnnotation) => unknown; readonly write: (target: StoredAnnotation, from: StoredAnnotation) => void };

const ANCHOR_FIELDS = ANNOTATION_FIELD_NAMES.filter((f) => ANNOTATION_FIELDS[f].merge === 'anchor');
const SINGLE_FIELDS = ANNOTATION_FIELD_NAMES.filter((f) => ANNOTATION_FIELDS[f].merge === 'single');
const PER_KEY_FIELDS = ANNOTATION_FIELD_NAMES.filter((f) => ANNOTATION_FIELDS[f].merge === 'perKey');

function fieldGroups(...versions: (StoredAnnotation | undefined)[]): FieldGroup[] {
  const copy = (fields: readonly (keyof StoredAnnotation)[]) => (target: StoredAnnotation, from: StoredAnnotation) => {
    for (const f of fields) (target as unknown as Record<string, unknown>)[f] = from[f];
  };
  const groups: FieldGroup[] = [
    { read: (a) => ANCHOR_FIELDS.map((f) => a[f] ?? null), write: copy(ANCHOR_FIELDS) },
    ...SINGLE_FIELDS.map((f): FieldGroup => ({ read: (a) => a[f] ?? null, write: copy([f]) })),
  ];
  for (const field of PER_KEY_FIELDS) {
    const keys = new Set(versions.flatMap((v) => Object.keys((v?.[field] as Record<string, unknown> | undefined) ?? {})));
    for (const key of keys) {
      const map = (a: StoredAnnotation) => (a[field] as Record<string, unknown> | undefined) ?? {};
      groups.push({
        read: (a) => map(a)[key] ?? null,
        write: (target, from) => {
          const next: Record<string, unknown> = { ...map(target) };
          if (map(from)[key] === undefined) delete next[key];
          else next[key] = map(from)[key];
          (target as unknown as Record<string, unknown>)[field] = next;
        },
      });
    }
  }
  return groups;
}

/**
 * Three-way merge of two sidecars by annotation id, for the git merge driver and for resolving
 * conflict markers. Added on either side: kept. Deleted on one side, unchanged on the other:
 * removed. Changed on one side: that change. Changed on both: field by field (the anchor counts as
 * one field); where both changed the same field differently, ours is kept and theirs is added as a
 * copy with a new id and a note starting with CONFLICT_NOTE_PREFIX, for the user to pick.
 * Without a base (`undefined`), every annotation counts as added: a union by id.
 */
export function mergeSidecars(base: SidecarFile | undefined, ours: SidecarFile, theirs: SidecarFile): SidecarMerge {
  const baseById = byId(base?.annotations ?? []);
  const oursById = byId(ours.annotations);
  const theirsById = byId(theirs.annotations);
  const taken = new Set([...baseById.keys(), ...oursById.keys(), ...theirsById.keys()]);
  const merged: StoredAnnotation[] = [];
  const conflicts: MergeConflict[] = [];

  for (const id of new Set([...oursById.keys(), ...theirsById.keys()])) {
    const b = baseById.get(id);
    const o = oursById.get(id);
    const t = theirsById.get(id);
    if (o && t) {
      const result = mergeAnnotation(b, o, t);
      merged.push(result.merged);
      if (result.other) {
        const copyId = newAnnotationId(taken);
        taken.add(copyId);
        merged.push({ ...result.other, id: copyId, note: CONFLICT_NOTE_PREFIX + id + (result.other.note ? `. ${result.other.note}` : '') });
        conflicts.push({ id, kind: 'changed', copyId });
      }
      continue;
    }
    const only = (o ?? t) as StoredAnnotation;
    if (!b) {
      merged.push(only);
    } else if (!same(b, only)) {
      // Deleted on one side but changed on the other: keeping it loses nothing; the user decides.
      merged.push(only);
      conflicts.push({ id, kind: 'deleted' });
    }
  }
  return { file: { version: SIDECAR_VERSION, documentHash: mergeHash(base, ours, theirs), annotations: merged }, conflicts };
}

function mergeAnnotation(base: StoredAnnotation | undefined, ours: StoredAnnotation, theirs: StoredAnnotation): { merged: StoredAnnotation; other?: StoredAnnotation } {
  if (same(ours, theirs)) return { merged: ours };
  const merged: StoredAnnotation = { ...ours };
  for (const group of fieldGroups(base, ours, theirs)) {
    const o = JSON.stringify(group.read(ours));
    const t = JSON.stringify(group.read(theirs));
    if (o === t) continue;
    const b = base ? JSON.stringify(group.read(base)) : undefined;
    if (b === o) {
      group.write(merged, theirs);
    } else if (b !== t) {
      return { merged: ours, other: theirs };
    }
  }
  return { merged: normalizeStoredAnnotation(merged) };
}

function mergeHash(base: SidecarFile | undefined, ours: SidecarFile, theirs: SidecarFile): string {
  if (ours.documentHash === theirs.documentHash) return ours.documentHash;
  // The sides' offsets point into different texts. A hash matching neither makes the next load
  // check every quote against the merged document instead of trusting any offsets.
  return base?.documentHash ?? UNKNOWN_DOCUMENT_HASH;
}

function byId(annotations: readonly StoredAnnotation[]): Map<string, StoredAnnotation> {
  return new Map(annotations.map((a) => [a.id, normalizeStoredAnnotation(a)]));
}

function same(a: StoredAnnotation, b: StoredAnnotation): boolean {
  return JSON.stringify(normalizeStoredAnnotation(a)) === JSON.stringify(normalizeStoredAnnotation(b));
}
