import type { AnnotationFields } from '../annotationFields';
import type { NewAnnotation } from '../documentAnnotations';
import { adjudicatedFromIds, type Disagreement } from './disagreements';

/**
 * How an adjudicator settles a disagreement. `takeA` / `takeB` keep one side (which may be
 * nothing: taking B on "only in A" rejects A's span); `keepBoth` keeps both spans; `edit` keeps
 * A's (else B's) to be changed afterwards.
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
  const chosen = chosenSides(d, resolution);
  const from = sourceIds(d).join(' ');
  const add = chosen.map((x): NewAnnotation => {
    const copy: NewAnnotation = { kind: x.kind, start: x.start, end: x.end, adjudicatedFrom: from };
    if (x.speaker) copy.speaker = x.speaker;
    if (x.note) copy.note = x.note;
    if (adjudicator) copy.author = adjudicator;
    if (x.attributes) copy.attributes = { ...x.attributes };
    return copy;
  });
  return { add, remove: resolutionsOf(d, existing).map((x) => x.id) };
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
