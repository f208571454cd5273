import { sortedAttributes, type AnnotationFields } from '../annotationFields';
import type { NewAnnotation } from '../documentAnnotations';
import { adjudicatedFromIds, type Disagreement } from './disagreements';

/**
 * How an adjudicator settles a disagreement. `takeA` / `takeB` keep one side (which may be
 * nothing: taking B on "only in A" rejects A's span); `keepBoth` keeps both spans; `edit` keeps
 * A's (else B's) as it is (the editor's Edit lets the adjudicator choose span and fields first:
 * see `editedResolution`).
 */
export type Resolution = 'takeA' | 'takeB' | 'keepBoth' | 'edit';

export const RESOLUTIONS: readonly Resolution[] = ['takeA', 'takeB', 'keepBoth', 'edit'];

/** What a resolution writes: adjudicated annotations to add, earlier adjudicated ones to remove. */
export interface AdjudicationEdit {
  readonly add: NewAnnotation[];
  /** Ids of adjudicated annotations an earlier resolution of the same disagreement wrote. */
  readonly remove: string[];
}

/**
 * The adjudicated annotations resolving `d`: copies of the chosen spans with `author` set to the
 * adjudicator and `adjudicatedFrom` listing the ids of both sides, so the disagreement reads as
 * resolved and the originals stay as they are (agreement can still be measured). Resolving the
 * same disagreement again replaces what the earlier resolution wrote.
 */
export function resolveDisagreement(d: Disagreement, resolution: Resolution, adjudicator: string | undefined, existing: readonly AnnotationFields[]): AdjudicationEdit {
  const from = sourceIds(d).join(' ');
  return { add: chosenSides(d, resolution).map((x) => adjudicatedCopy(x, from, adjudicator)), remove: resolutionsOf(d, existing).map((x) => x.id) };
}

/** What the adjudicator settled on in Edit: the span they selected and the annotation's fields. */
export type EditedAnnotation = Pick<AnnotationFields, 'kind' | 'start' | 'end' | 'speaker' | 'note' | 'attributes'>;

/**
 * Edit: one adjudicated annotation with the span and fields the adjudicator chose (the span may
 * be neither side's), decided from both sides, replacing an earlier resolution of `d` as any
 * resolution does.
 */
export function editedResolution(d: Disagreement, edited: EditedAnnotation, adjudicator: string | undefined, existing: readonly AnnotationFields[]): AdjudicationEdit {
  return { add: [adjudicatedCopy(edited, sourceIds(d).join(' '), adjudicator)], remove: resolutionsOf(d, existing).map((x) => x.id) };
}

/** The side Edit starts from (its span selected, its fields offered first): A's, else B's. */
export function editStart<T extends AnnotationFields>(d: Disagreement<T>): T {
  return (d.a ?? d.b)!;
}

/**
 * The sides whose kind, speaker, note and attributes Edit offers to start from: both when they
 * differ there, else the one Edit starts from.
 */
export function fieldSources<T extends AnnotationFields>(d: Disagreement<T>): ('a' | 'b')[] {
  if (!d.a || !d.b) return [d.a ? 'a' : 'b'];
  const fields = (x: AnnotationFields) => JSON.stringify([x.kind, x.speaker ?? '', x.note ?? '', sortedAttributes(x.attributes) ?? {}]);
  return fields(d.a) === fields(d.b) ? ['a'] : ['a', 'b'];
}

/** A copy of `x` as the adjudicator's, recording what it was decided from. */
function adjudicatedCopy(x: EditedAnnotation, from: string, adjudicator: string | undefined): NewAnnotation {
  const copy: NewAnnotation = { kind: x.kind, start: x.start, end: x.end, adjudicatedFrom: from };
  if (x.speaker) copy.speaker = x.speaker;
  if (x.note) copy.note = x.note;
  if (adjudicator) copy.author = adjudicator;
  if (x.attributes && Object.keys(x.attributes).length > 0) copy.attributes = { ...x.attributes };
  return copy;
}

function chosenSides(d: Disagreement, resolution: Resolution): AnnotationFields[] {
  const sides = (...xs: (AnnotationFields | undefined)[]) => xs.filter((x): x is AnnotationFields => x !== undefined);
  switch (resolution) {
    case 'takeA':
      return sides(d.a);
    case 'takeB':
      return sides(d.b);
    case 'keepBoth':
      return sides(d.a, d.b);
    case 'edit':
      return sides(d.a ?? d.b);
  }
}

/** The ids of the annotations a disagreement is about (A's first). */
export function sourceIds(d: Disagreement): string[] {
  return [d.a?.id, d.b?.id].filter((x): x is string => x !== undefined);
}

/** The adjudicated annotations that resolve `d`: those decided from either of its annotations. */
export function resolutionsOf<T extends AnnotationFields>(d: Disagreement, annotations: readonly T[]): T[] {
  const ids = new Set(sourceIds(d));
  return annotations.filter((x) => adjudicatedFromIds(x).some((id) => ids.has(id)));
}

/**
 * The keys of the resolved disagreements: those with an adjudicated annotation decided from
 * them, and those in `decidedEmpty` (disagreements resolved to no annotation at all, which leaves
 * nothing in the sidecar to show it).
 */
export function resolvedKeys(disagreements: readonly Disagreement[], annotations: readonly AnnotationFields[], decidedEmpty: ReadonlySet<string> = new Set()): Set<string> {
  const from = new Set(annotations.flatMap((x) => adjudicatedFromIds(x)));
  return new Set(disagreements.filter((d) => decidedEmpty.has(d.key) || sourceIds(d).some((id) => from.has(id))).map((d) => d.key));
}

/** Whether resolving `d` this way writes no annotation (the chosen side has none). */
export function resolvesToNothing(d: Disagreement, resolution: Resolution): boolean {
  return chosenSides(d, resolution).length === 0;
}
