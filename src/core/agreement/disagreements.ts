import type { AnnotationFields } from '../annotationFields';
import { adjudicatedFromIds, annotatorOf, isAdjudicated } from './annotator';
import { comparable } from './compareAnnotators';
import { matchSpans } from './spanMatching';

/**
 * Where two annotators of one document disagree, one item per annotation left unmatched or
 * matched with a difference, for adjudication. Offsets may count anything (UTF-16 units in the
 * editor, code points on disk), as long as both sides count the same.
 */
export type DisagreementType = 'onlyA' | 'onlyB' | 'kind' | 'boundary' | 'attributes';

export interface Disagreement<T extends AnnotationFields = AnnotationFields> {
  /** Stable within the document while the two annotations exist: `<id of A's>:<id of B's>`. */
  readonly key: string;
  readonly type: DisagreementType;
  /** A's annotation; absent for `onlyB`. */
  readonly a?: T;
  /** B's annotation; absent for `onlyA`. */
  readonly b?: T;
  /** For `attributes`: which fields differ (`speaker`, `attributes.<id>`), in that order. */
  readonly fields: readonly string[];
}

export { adjudicatedFromIds, isAdjudicated };

/** Every author of these annotations (adjudicated ones aside), in code unit order. */
export function annotators(annotations: Iterable<AnnotationFields>): string[] {
  const names = new Set<string>();
  for (const x of annotations) if (!isAdjudicated(x)) names.add(annotatorOf(x));
  return [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

/**
 * Whether both annotators left an annotation in the document. As in `agree`, a document only one
 * of them annotated is not compared: a sidecar does not record that someone read it and found nothing.
 */
export function bothAnnotated(annotations: readonly AnnotationFields[], a: string, b: string): boolean {
  const own = annotations.filter((x) => !isAdjudicated(x));
  return own.some((x) => annotatorOf(x) === a) && own.some((x) => annotatorOf(x) === b);
}

/**
 * The disagreements of `a` and `b` in one document, in document order (start, end, then key).
 * Adjudicated annotations and orphans are left out: they are a result, or nowhere to compare.
 * Pairs are found in this order, each annotation used once: same span and kind with a different
 * speaker or attribute (`attributes`; equal ones agree and are not listed); same kind, overlapping
 * (`boundary`); overlapping, another kind (`kind`), the largest overlap first; the rest is
 * `onlyA` / `onlyB`.
 */
export function listDisagreements<T extends AnnotationFields>(annotations: readonly T[], a: string, b: string): Disagreement<T>[] {
  const side = (name: string) => annotations.filter((x) => annotatorOf(x) === name);
  return disagreementsBetween(side(a), side(b));
}

/**
 * The disagreements of two sides given apart (the same files at a git ref and in the working
 * tree, say), paired as listDisagreements pairs them; adjudicated annotations and orphans of
 * either side are left out. An annotation both sides have unchanged (same id, span and fields)
 * is an agreement like any other.
 */
export function disagreementsBetween<T extends AnnotationFields>(sideA: readonly T[], sideB: readonly T[]): Disagreement<T>[] {
  const own = (xs: readonly T[]) => xs.filter((x) => !x.orphaned && !isAdjudicated(x));
  const ofA = own(sideA);
  const ofB = own(sideB);
  const out: Disagreement<T>[] = [];
  const used = new Set<T>();
  for (const { a: x, b: y } of matchSpans(ofA, ofB, 'exact')) {
    used.add(x).add(y);
    const fields = differingFields(x, y);
    if (fields.length > 0) out.push(item('attributes', x, y, fields));
  }
  const restA = () => ofA.filter((x) => !used.has(x));
  const restB = () => ofB.filter((y) => !used.has(y));
  for (const { a: x, b: y } of matchSpans(restA(), restB(), 'overlap')) {
    used.add(x).add(y);
    out.push(item('boundary', x, y, []));
  }
  for (const { a: x, b: y } of overlapAnyKind(restA(), restB())) {
    used.add(x).add(y);
    out.push(item('kind', x, y, []));
  }
  for (const x of restA()) out.push(item('onlyA', x, undefined, []));
  for (const y of restB()) out.push(item('onlyB', undefined, y, []));
  return out.sort(compareDisagreements);
}

function item<T extends AnnotationFields>(type: DisagreementType, a: T | undefined, b: T | undefined, fields: string[]): Disagreement<T> {
  return { key: `${a?.id ?? ''}:${b?.id ?? ''}`, type, a, b, fields };
}

/** Where a disagreement starts and ends: the union of its spans. */
export function disagreementSpan(d: Disagreement): { start: number; end: number } {
  const spans = [d.a, d.b].filter((x): x is AnnotationFields => x !== undefined);
  return { start: Math.min(...spans.map((x) => x.start)), end: Math.max(...spans.map((x) => x.end)) };
}

function compareDisagreements(p: Disagreement, q: Disagreement): number {
  const x = disagreementSpan(p);
  const y = disagreementSpan(q);
  return x.start - y.start || x.end - y.end || (p.key < q.key ? -1 : p.key > q.key ? 1 : 0);
}

/** The speaker and attributes two annotations give differently (compared as `agree` compares them: spacing and case aside). */
export function differingFields(x: AnnotationFields, y: AnnotationFields): string[] {
  const fields: string[] = [];
  if (comparable(x.speaker) !== comparable(y.speaker)) fields.push('speaker');
  const keys = [...new Set([...Object.keys(x.attributes ?? {}), ...Object.keys(y.attributes ?? {})])].sort();
  for (const k of keys) if (comparable(x.attributes?.[k]) !== comparable(y.attributes?.[k])) fields.push(`attributes.${k}`);
  return fields;
}

/** Overlapping spans of any kind, paired one-to-one, the largest overlap first (ties: earliest start). */
function overlapAnyKind<T extends AnnotationFields>(a: readonly T[], b: readonly T[]): { a: T; b: T }[] {
  const candidates: { x: T; y: T; overlap: number }[] = [];
  for (const x of a) {
    for (const y of b) {
      const overlap = Math.min(x.end, y.end) - Math.max(x.start, y.start);
      if (overlap > 0) candidates.push({ x, y, overlap });
    }
  }
  candidates.sort((p, q) => q.overlap - p.overlap || p.x.start - q.x.start || p.y.start - q.y.start);
  const used = new Set<T>();
  const pairs: { a: T; b: T }[] = [];
  for (const { x, y } of candidates) {
    if (used.has(x) || used.has(y)) continue;
    used.add(x).add(y);
    pairs.push({ a: x, b: y });
  }
  return pairs;
}
