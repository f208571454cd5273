import { compareAnnotations, type Annotation } from './annotation';
import type { AnnotationKind } from './annotationKind';
import { sortedAttributes, type AttributeValues } from './annotationFields';
import type { AttributeValue } from './scheme/scheme';
import type { Span } from './anchoring/anchorAnnotation';
import type { AnchorCandidate } from './anchoring/anchorCandidates';
import { anchorDocument, type AnchorReport, type OrphanReason } from './anchoring/anchorDocument';
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
  /** For an adjudicated annotation: the ids it was decided from (see annotationFields.ts). */
  adjudicatedFrom?: string;
  attributes?: AttributeValues;
}

/**
 * A change to an annotation's kind, speaker, note or custom attributes. In `attributes`, a key
 * set to undefined (or an empty string) clears that attribute; keys not named are left alone.
 */
export type AnnotationPatch = Partial<Pick<Annotation, 'kind' | 'speaker' | 'note'>> & {
  attributes?: Readonly<Record<string, AttributeValue | undefined>>;
};

/**
 * The annotations of one document and every operation on them. Shared by the extension (which
 * feeds it editor changes) and the CLI (which feeds it files), so both follow the same rules.
 */
export class DocumentAnnotations {
  private readonly items: Annotation[];
  /**
   * Places offered for orphans by the last anchoring, by id. Kept in memory only: they are
   * recomputed whenever a sidecar is loaded, so the sidecar stays a record of decisions.
   */
  private readonly offered = new Map<string, readonly AnchorCandidate[]>();
  /** Why each orphan could not be placed by the last anchoring that tried it, by id. */
  private readonly reasons = new Map<string, OrphanReason>();

  constructor(annotations: Iterable<Annotation> = []) {
    this.items = [...annotations].sort(compareAnnotations);
  }

  /**
   * The model `anchor` leaves: `annotations` as anchoring `report` placed them (elsewhere: a
   * worker thread, whose answer is a copy), with the places and reasons it gave their orphans.
   */
  static anchored(annotations: Iterable<Annotation>, report: AnchorReport): DocumentAnnotations {
    const model = new DocumentAnnotations(annotations);
    model.record(report, model.items);
    return model;
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

  /** Where an orphan might belong now, best first; empty when nothing came close. */
  candidatesFor(id: string): readonly AnchorCandidate[] {
    return this.offered.get(id) ?? [];
  }

  /** Why an orphan could not be placed, as the last anchoring found; undefined for anchored annotations. */
  orphanReason(annotation: Annotation): OrphanReason | undefined {
    return annotation.orphaned ? this.reasons.get(annotation.id) : undefined;
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
    if (spec.adjudicatedFrom) annotation.adjudicatedFrom = spec.adjudicatedFrom;
    const attributes = sortedAttributes(spec.attributes);
    if (attributes) annotation.attributes = attributes;
    this.insertSorted(annotation);
    return annotation;
  }

  /** Empty strings clear `speaker`, `note` and text attributes. Returns false when nothing changed. */
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
    if (patch.attributes) {
      const next: Record<string, AttributeValue | undefined> = { ...annotation.attributes };
      for (const [id, value] of Object.entries(patch.attributes)) next[id] = typeof value === 'string' ? value.trim() || undefined : value;
      const attributes = sortedAttributes(next as AttributeValues);
      if (JSON.stringify(attributes) !== JSON.stringify(sortedAttributes(annotation.attributes))) {
        // Replaced, never changed in place: copies handed out (undo, the workspace index) keep theirs.
        if (attributes) annotation.attributes = attributes;
        else delete annotation.attributes;
        changed = true;
      }
    }
    return changed;
  }

  /** Puts back a removed annotation (undo of a removal), re-anchored to the text as it is now. */
  restore(annotation: Annotation, text: string): void {
    if (this.get(annotation.id)) return;
    this.record(anchorDocument([annotation], text, this.items), [annotation]);
    this.insertSorted(annotation);
  }

  remove(id: string): Annotation | undefined {
    const index = this.items.findIndex((a) => a.id === id);
    this.offered.delete(id);
    this.reasons.delete(id);
    return index === -1 ? undefined : this.items.splice(index, 1)[0];
  }

  /**
   * Anchors an annotation (typically an orphan) to `text[start, end)` as a person decided: an
   * offered candidate or a selection. Its quote and context are re-read from there.
   */
  relocate(id: string, span: Span, text: string): boolean {
    const annotation = this.get(id);
    if (!annotation || !(span.start >= 0 && span.end > span.start && span.end <= text.length)) return false;
    annotation.start = span.start;
    annotation.end = span.end;
    delete annotation.orphaned;
    Object.assign(annotation, quoteContext(text, span.start, span.end));
    this.offered.delete(id);
    this.reasons.delete(id);
    this.items.sort(compareAnnotations);
    return true;
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
    this.shiftCandidates(changes);
    return report;
  }

  /** Checks every quote against `text`, re-anchoring what moved and flagging what is lost. */
  anchor(text: string): AnchorReport {
    const report = anchorDocument(this.items, text);
    this.record(report, this.items);
    if (report.moved.length > 0 || report.orphaned.length > 0) this.items.sort(compareAnnotations);
    return report;
  }

  /**
   * What `anchor` would have done, done elsewhere on copies of this model's annotations (a worker
   * thread; the caller makes sure the model and text did not change since): each annotation takes
   * its copy's place and context, and orphans its reason and places. The report, on this model's
   * own annotations.
   */
  adoptAnchoring(anchored: readonly Annotation[], report: AnchorReport): AnchorReport {
    const { adopted } = this.adoptPlaces(anchored, report, () => true);
    this.record(adopted, this.items);
    if (adopted.moved.length > 0 || adopted.orphaned.length > 0) this.items.sort(compareAnnotations);
    return adopted;
  }

  /** Looks for the lost quotes of orphans again (after an undo, say). Returns those found. */
  reanchorOrphans(text: string): Annotation[] {
    if (this.orphans.length === 0) return [];
    return this.adoptOrphanSearch(searchOrphans(this.items, text)).moved;
  }

  /**
   * Takes what searchOrphans found (made on copies, maybe in a worker while the model stayed as it was) for the orphans
   * it searched that are still orphans here; returns the report on them, this model's objects in it.
   */
  adoptOrphanSearch(found: OrphanSearch): AnchorReport {
    const { adopted, taken } = this.adoptPlaces(found.annotations, found.anchoring, (own) => own.orphaned === true);
    this.record(adopted, taken);
    if (adopted.moved.length > 0) this.items.sort(compareAnnotations);
    return adopted;
  }

  /**
   * Gives this model's annotations the places their copies were given elsewhere (`copies`, placed by an anchoring whose
   * report is `report`), those `takes` accepts; returns them and the report on them, this model's objects in it.
   */
  private adoptPlaces(copies: readonly Annotation[], report: AnchorReport, takes: (own: Annotation) => boolean): { adopted: AnchorReport; taken: Annotation[] } {
    const byId = new Map(this.items.map((a) => [a.id, a]));
    const taken: Annotation[] = [];
    for (const copy of copies) {
      const own = byId.get(copy.id);
      if (!own || !takes(own)) continue;
      takePlace(own, copy);
      taken.push(own);
    }
    const ids = new Set(taken.map((a) => a.id));
    const mine = (list: readonly Annotation[]) => list.filter((a) => ids.has(a.id)).map((a) => byId.get(a.id)!);
    return { adopted: { ...report, moved: mine(report.moved), orphaned: mine(report.orphaned), ambiguous: mine(report.ambiguous) }, taken };
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

  private record(report: AnchorReport, anchored: readonly Annotation[]): void {
    for (const annotation of anchored) {
      const candidates = report.candidates.get(annotation.id);
      if (candidates && candidates.length > 0) this.offered.set(annotation.id, candidates);
      else this.offered.delete(annotation.id);
      const reason = report.reasons.get(annotation.id);
      if (reason) this.reasons.set(annotation.id, reason);
      else if (!annotation.orphaned) this.reasons.delete(annotation.id);
    }
  }

  /** Offered places follow edits like spans do; one whose text is deleted is withdrawn. */
  private shiftCandidates(changes: readonly TextChange[]): void {
    for (const [id, candidates] of this.offered) {
      const spans = candidates.map((c) => ({ ...c }));
      const { orphaned } = shiftAnnotations(spans, changes);
      const kept = spans.filter((s) => !orphaned.includes(s));
      if (kept.length > 0) this.offered.set(id, kept);
      else this.offered.delete(id);
    }
  }

  private insertSorted(annotation: Annotation): void {
    let index = this.items.findIndex((a) => compareAnnotations(annotation, a) < 0);
    if (index === -1) index = this.items.length;
    this.items.splice(index, 0, annotation);
  }
}

/** What searchOrphans found: copies of the orphans it searched, as placed (or still orphaned), and its report on them. */
export interface OrphanSearch {
  readonly annotations: readonly Annotation[];
  readonly anchoring: AnchorReport;
}

/**
 * The search reanchorOrphans makes, on copies of the orphans among `annotations` against `text` (the others, read only,
 * are spans the orphans must not collide with): plain data in and out, so a worker can make it for a large document.
 */
export function searchOrphans(annotations: readonly Annotation[], text: string): OrphanSearch {
  const orphans = annotations.filter((a) => a.orphaned).map((a) => ({ ...a }));
  const anchoring = anchorDocument(
    orphans,
    text,
    annotations.filter((a) => !a.orphaned),
  );
  return { annotations: orphans, anchoring };
}

/** Gives `own` the place a copy of it was given elsewhere (a worker): offsets, quote and context, orphan or not. */
function takePlace(own: Annotation, copy: Annotation): void {
  own.start = copy.start;
  own.end = copy.end;
  own.text = copy.text;
  own.prefix = copy.prefix;
  own.suffix = copy.suffix;
  if (copy.orphaned) own.orphaned = true;
  else delete own.orphaned;
}
