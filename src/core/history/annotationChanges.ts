import { ANNOTATION_FIELD_NAMES, ANNOTATION_FIELDS } from '../annotationFields';
import type { CorpusDocument } from '../corpus/annotatedDocument';
import type { StoredAnnotation } from '../sidecar/sidecarFormat';
import { CodePointLines } from '../text/codePointLines';
import { stripBom } from '../text/documentText';

export type ChangeKind = 'added' | 'removed' | 'changed';

/** One annotation's change between two versions of a corpus, found by its id. */
export interface AnnotationChange {
  /** The document's path as shown (relative, `/`-separated). */
  readonly document: string;
  readonly id: string;
  readonly change: ChangeKind;
  /** What changed: `span`, `kind`, `speaker`, `note`, `author`, `orphaned`, `attributes.<id>`; empty unless changed. */
  readonly fields: string[];
  /** The kind now (the old one for a removed annotation). */
  readonly kind: string;
  /** The quote now (the old one for a removed annotation). */
  readonly text: string;
  /** 1-based line of the span in the document's current text; undefined for an orphan or without text. */
  readonly line: number | undefined;
  /** Code point offset of the span in the current text (where the removed one would be). */
  readonly start: number;
  /** The values before, for a changed or removed annotation (the fields that changed only). */
  readonly before?: Partial<StoredAnnotation>;
  /** The values now of the fields that changed, for a changed annotation. */
  readonly after?: Partial<StoredAnnotation>;
}

/**
 * Fields compared one by one, from the fields table: every string field but the anchor's text and
 * context (`span` stands for start and end, which they follow), and the orphaned flag; attributes
 * are compared per key.
 */
const COMPARED = ANNOTATION_FIELD_NAMES.filter((f) => {
  const spec = ANNOTATION_FIELDS[f];
  return (spec.value === 'string' && spec.merge !== 'anchor') || spec.value === 'flag';
});

/**
 * The changes from `before` to `after`, documents matched by path and annotations by id. Both sides
 * must be read against the same (current) document text, so that a span that only moved because
 * text was inserted above it is re-anchored to the same offsets and is not reported as changed.
 * Sorted by document, then place in the text, then id.
 */
export function annotationChanges(before: readonly CorpusDocument[], after: readonly CorpusDocument[]): AnnotationChange[] {
  const old = new Map(before.map((d) => [d.path, d]));
  const changes: AnnotationChange[] = [];
  const lines = new LineLookup();
  for (const doc of after) {
    const was = new Map((old.get(doc.path)?.annotations ?? []).map((a) => [a.id, a]));
    old.delete(doc.path);
    for (const now of doc.annotations) {
      const then = was.get(now.id);
      was.delete(now.id);
      if (!then) {
        changes.push({ document: doc.path, id: now.id, change: 'added', fields: [], kind: now.kind, text: now.text, line: lines.of(doc, now), start: now.start });
        continue;
      }
      const fields = changedFields(then, now);
      if (fields.length > 0) changes.push({ document: doc.path, id: now.id, change: 'changed', fields, kind: now.kind, text: now.text, line: lines.of(doc, now), start: now.start, before: valuesOf(then, fields), after: valuesOf(now, fields) });
    }
    for (const then of was.values()) changes.push(removed(doc, then, lines));
  }
  for (const doc of old.values()) for (const then of doc.annotations) changes.push(removed(doc, then, lines));
  // Orphans last in their document; ids (random) only break ties of the same place.
  const place = (c: AnnotationChange): number => (c.line === undefined ? Infinity : c.start);
  return changes.sort((x, y) => (x.document < y.document ? -1 : x.document > y.document ? 1 : place(x) - place(y) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)));
}

function removed(doc: CorpusDocument, then: StoredAnnotation, lines: LineLookup): AnnotationChange {
  return { document: doc.path, id: then.id, change: 'removed', fields: [], kind: then.kind, text: then.text, line: lines.of(doc, then), start: then.start, before: then };
}

/**
 * The fields that differ. `span` compares offsets (both read against one text); `text` compares the
 * quotes instead, for versions of a sidecar written against different texts.
 */
export function changedFields(then: StoredAnnotation, now: StoredAnnotation, where: 'span' | 'text' = 'span'): string[] {
  const fields: string[] = [];
  if (where === 'span' ? then.start !== now.start || then.end !== now.end : then.text !== now.text) fields.push(where);
  for (const f of COMPARED) if ((then[f] ?? undefined) !== (now[f] ?? undefined)) fields.push(f);
  const keys = new Set([...Object.keys(then.attributes ?? {}), ...Object.keys(now.attributes ?? {})]);
  for (const key of [...keys].sort()) if (JSON.stringify(then.attributes?.[key]) !== JSON.stringify(now.attributes?.[key])) fields.push(`attributes.${key}`);
  return fields;
}

function valuesOf(then: StoredAnnotation, fields: readonly string[]): Partial<StoredAnnotation> {
  const values: Record<string, unknown> = {};
  for (const f of fields) {
    if (f === 'span') Object.assign(values, { start: then.start, end: then.end, text: then.text });
    else if (f.startsWith('attributes.')) values.attributes = then.attributes;
    else values[f] = then[f as keyof StoredAnnotation];
  }
  return values as Partial<StoredAnnotation>;
}

/** One line index per document text, built when first asked. */
class LineLookup {
  private readonly indexes = new WeakMap<CorpusDocument, CodePointLines>();

  of(doc: CorpusDocument, annotation: StoredAnnotation): number | undefined {
    if (doc.documentText === undefined || annotation.orphaned) return undefined;
    let index = this.indexes.get(doc);
    if (!index) this.indexes.set(doc, (index = new CodePointLines(stripBom(doc.documentText))));
    return index.lineAt(annotation.start);
  }
}
