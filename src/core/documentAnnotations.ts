import { compareAnnotations, type Annotation } from './annotation';
import type { AnnotationKind } from './annotationKind';
import { anchorDocument, type AnchorReport } from './anchoring/anchorDocument';
import { quoteContext } from './anchoring/quoteContext';
import { shiftAnnotations, type ShiftReport } from './edits/shiftAnnotations';
import type { TextChange } from './edits/textChange';
import { newAnnotationId } from './ids';

export interface NewAnnotation {
  kind: AnnotationKind;
  start: number;
  end: number;
  speaker?: string;
  note?: string;
  author?: string;
}

export type AnnotationPatch = Partial<Pick<Annotation, 'kind' | 'speaker' | 'note'>>;

/**
 * The annotations of one document and every operation on them. Shared by the extension (which
 * feeds it editor changes) and the CLI (which feeds it files), so both follow the same rules.
 */
export class DocumentAnnotations {
  private readonly items: Annotation[];

  constructor(annotations: Iterable<Annotation> = []) {
    this.items = [...annotations].sort(compareAnnotations);
  }

  /** Every annotation, orphans included, in sidecar order. */
  get all(): readonly Annotation[] {
    return this.items;
  }

  get size(): number {
    return this.items.length;
  }

  get orphans(): Annotation[] {
    return this.items.filter((a) => a.orphaned);
  }

  get(id: string): Annotation | undefined {
    return this.items.find((a) => a.id === id);
  }

  /** Tags `text[start, end)`. Empty spans are refused: there is nothing to quote. */
  add(spec: NewAnnotation, text: string): Annotation {
    if (!(spec.start >= 0 && spec.end > spec.start && spec.end <= text.length)) {
      throw new RangeError(`Cannot annotate an empty or out-of-range span [${spec.start}, ${spec.end}).`);
    }
    const context = quoteContext(text, spec.start, spec.end);
    const annotation: Annotation = {
      id: newAnnotationId(new Set(this.items.map((a) => a.id))),
      kind: spec.kind,
      start: spec.start,
      end: spec.end,
      text: context.text,
      prefix: context.prefix,
      suffix: context.suffix,
    };
    if (spec.speaker) annotation.speaker = spec.speaker;
    if (spec.note) annotation.note = spec.note;
    if (spec.author) annotation.author = spec.author;
    this.insertSorted(annotation);
    return annotation;
  }

  /** Empty strings clear `speaker` and `note`. Returns false when nothing changed. */
  update(id: string, patch: AnnotationPatch): boolean {
    const annotation = this.get(id);
    if (!annotation) return false;
    let changed = false;
    if (patch.kind !== undefined && patch.kind !== annotation.kind) {
      annotation.kind = patch.kind;
      changed = true;
    }
    for (const key of ['speaker', 'note'] as const) {
      if (!(key in patch)) continue;
      const value = patch[key]?.trim() || undefined;
      if (value === annotation[key]) continue;
      if (value === undefined) delete annotation[key];
      else annotation[key] = value;
      changed = true;
    }
    return changed;
  }

  /** Puts back a removed annotation (undo of a removal), re-anchored to the text as it is now. */
  restore(annotation: Annotation, text: string): void {
    if (this.get(annotation.id)) return;
    anchorDocument([annotation], text);
    this.insertSorted(annotation);
  }

  remove(id: string): Annotation | undefined {
    const index = this.items.findIndex((a) => a.id === id);
    return index === -1 ? undefined : this.items.splice(index, 1)[0];
  }

  /** Annotations whose span contains `offset` (its edges included), orphans excluded. */
  containing(offset: number): Annotation[] {
    return this.items.filter((a) => !a.orphaned && a.start <= offset && offset <= a.end);
  }

  /**
   * The innermost annotations at `offset`: those with no other candidate nested inside them.
   * One result is unambiguous; several (identical or crossing spans) call for a choice.
   */
  innermostAt(offset: number): Annotation[] {
    const candidates = this.containing(offset);
    return candidates.filter(
      (outer) =>
        !candidates.some(
          (inner) => inner !== outer && inner.start >= outer.start && inner.end <= outer.end && inner.end - inner.start < outer.end - outer.start,
        ),
    );
  }

  /** Follows edits of the document. The order of `items` may change, so it is re-sorted. */
  applyChanges(changes: readonly TextChange[]): ShiftReport<Annotation> {
    const report = shiftAnnotations(this.items, changes);
    if (report.changed) this.items.sort(compareAnnotations);
    return report;
  }

  /** Checks every quote against `text`, re-anchoring what moved and flagging what is lost. */
  anchor(text: string): AnchorReport {
    const report = anchorDocument(this.items, text);
    if (report.moved.length > 0 || report.orphaned.length > 0) this.items.sort(compareAnnotations);
    return report;
  }

  /** Looks for the lost quotes of orphans again (after an undo, say). Returns those found. */
  reanchorOrphans(text: string): Annotation[] {
    const orphans = this.orphans;
    if (orphans.length === 0) return [];
    const { moved } = anchorDocument(orphans, text);
    if (moved.length > 0) this.items.sort(compareAnnotations);
    return moved;
  }

  /**
   * Re-reads quote and context from the text for every anchored span, so what is written to the
   * sidecar is exactly what the offsets point at after in-span edits.
   */
  refreshQuotes(text: string): void {
    for (const annotation of this.items) {
      if (annotation.orphaned) continue;
      const context = quoteContext(text, annotation.start, annotation.end);
      annotation.text = context.text;
      annotation.prefix = context.prefix;
      annotation.suffix = context.suffix;
    }
  }

  private insertSorted(annotation: Annotation): void {
    let index = this.items.findIndex((a) => compareAnnotations(annotation, a) < 0);
    if (index === -1) index = this.items.length;
    this.items.splice(index, 0, annotation);
  }
}
