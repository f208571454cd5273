import { sortedAttributes, type AnnotationFields } from '../annotationFields';
import type { Resolution } from './adjudication';
import type { DisagreementType } from './disagreements';

/** One resolution as written, to take it back: what it added (as written) and what it replaced. */
export interface LoggedResolution<T extends AnnotationFields = AnnotationFields> {
  /** The document's key (a URI string in the editor). */
  readonly document: string;
  /** The disagreement's key. */
  readonly key: string;
  /** Take A, take B, keep both or edit. */
  readonly resolution: Resolution;
  readonly type: DisagreementType;
  /** The quote of the disagreement (A's, else B's), to name it in messages. */
  readonly quote: string;
  /** Copies of the adjudicated annotations it wrote, as written. */
  readonly added: readonly T[];
  /** The earlier adjudicated annotations it replaced. */
  readonly removed: readonly T[];
  /** Whether the disagreement counted as resolved to nothing before. */
  readonly wasDecidedEmpty: boolean;
}

/**
 * The resolutions of each pair of annotators, newest last, for Undo Last Resolution. It belongs to
 * the window, not to one comparison: closing the comparison and opening it again (the same A and
 * B) can still undo what was done before.
 */
export class ResolutionLog<T extends AnnotationFields = AnnotationFields> {
  private readonly byPair = new Map<string, LoggedResolution<T>[]>();

  private entries(a: string, b: string): LoggedResolution<T>[] {
    const key = JSON.stringify([a, b]);
    let list = this.byPair.get(key);
    if (!list) this.byPair.set(key, (list = []));
    return list;
  }

  push(a: string, b: string, entry: LoggedResolution<T>): void {
    this.entries(a, b).push({ ...entry, added: entry.added.map(snapshot), removed: [...entry.removed] });
  }

  /** The resolution Undo would take back next. */
  last(a: string, b: string): LoggedResolution<T> | undefined {
    const list = this.entries(a, b);
    return list[list.length - 1];
  }

  pop(a: string, b: string): LoggedResolution<T> | undefined {
    return this.entries(a, b).pop();
  }

  size(a: string, b: string): number {
    return this.entries(a, b).length;
  }
}

/** A copy that later changes to the annotation (they happen in place) leave alone. */
function snapshot<T extends AnnotationFields>(x: T): T {
  return x.attributes ? { ...x, attributes: { ...x.attributes } } : { ...x };
}

/** What someone can change of an annotation once written: kind, speaker, note, attributes, author, provenance. */
function editableFields(x: AnnotationFields): string {
  return JSON.stringify([x.kind, x.speaker ?? '', x.note ?? '', sortedAttributes(x.attributes) ?? {}, x.author ?? '', x.adjudicatedFrom ?? '']);
}

/**
 * The annotations a resolution wrote that were changed since (Change Kind, Set Speaker, a note…),
 * as they are now: undoing the resolution would remove them and lose that work. Offsets are not
 * compared (typing moves them); annotations removed since are not listed.
 */
export function editedSince<T extends AnnotationFields>(entry: Pick<LoggedResolution, 'added'>, now: readonly T[]): T[] {
  const byId = new Map(now.map((x) => [x.id, x]));
  return entry.added.flatMap((written) => {
    const current = byId.get(written.id);
    return current && editableFields(current) !== editableFields(written) ? [current] : [];
  });
}
