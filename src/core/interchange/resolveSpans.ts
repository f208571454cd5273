import type { AttributeValues } from '../annotationFields';
import { anchorAnnotation } from '../anchoring/anchorAnnotation';
import type { NewAnnotation } from '../documentAnnotations';
import { findAttribute, appliesTo, type AnnotationScheme, type AttributeDefinition, type AttributeValue } from '../scheme/scheme';
import { valueProblem } from '../scheme/schemeViolations';
import { CodePointIndex } from '../text/codePointIndex';
import type { ImportedDocument, ImportedSpan, Skipped } from './format';
import type { LabelMap } from './labelMap';

/** What an import makes of the spans: annotations in a sidecar, or suggestions to review. */
export type ImportTarget = 'annotations' | 'suggestions';

export interface ResolvedSpan extends NewAnnotation {
  readonly where: string;
}

export interface ResolveOptions {
  readonly scheme: AnnotationScheme;
  readonly labels: LabelMap;
  readonly target: ImportTarget;
}

/**
 * The spans of one imported document as annotations of its text (UTF-16 offsets into the text
 * without BOM): labels mapped to kinds, offsets converted from the format's unit, quotes checked
 * against the text (or, for W3C, used to place the span), attributes checked against the scheme.
 * Everything left out is returned with its reason; nothing is dropped silently.
 */
export function resolveSpans(doc: ImportedDocument, text: string, hadBom: boolean, options: ResolveOptions): { spans: ResolvedSpan[]; skipped: Omit<Skipped, 'file'>[] } {
  const spans: ResolvedSpan[] = [];
  const skipped: Omit<Skipped, 'file'>[] = [];
  const index = new CodePointIndex(text);
  const length = doc.unit === 'code-point' ? index.codePointLength : text.length;
  for (const span of doc.spans) {
    const skip = (reason: string) => skipped.push({ where: span.where, reason });
    if (span.prediction && options.target === 'annotations') {
      skip('a model prediction (import with --as suggestions to review it)');
      continue;
    }
    const mapped = options.labels.kindOf(span.label, options.scheme);
    if ('reason' in mapped) {
      skip(mapped.reason);
      continue;
    }
    const place = doc.anchorByQuote ? placeByQuote(span, text, index) : placeByOffsets(span, doc, text, hadBom, index, length);
    if (typeof place === 'string') {
      skip(place);
      continue;
    }
    const resolved: ResolvedSpan = { where: span.where, kind: mapped.kind, start: place.start, end: place.end };
    if (span.speaker) resolved.speaker = span.speaker;
    if (span.note) resolved.note = span.note;
    if (span.author) resolved.author = span.author;
    const attributes = schemeAttributes(span, mapped.kind, options.scheme, skip, resolved);
    if (attributes) resolved.attributes = attributes;
    spans.push(resolved);
  }
  return { spans, skipped };
}

function placeByOffsets(span: ImportedSpan, doc: ImportedDocument, text: string, hadBom: boolean, index: CodePointIndex, length: number): { start: number; end: number } | string {
  if (span.start === undefined || span.end === undefined) return 'no offsets';
  // brat counts a byte order mark as a character of the file; offsets here do not.
  return placeAt(span, doc, text, index, length, doc.countsBom && hadBom ? 1 : 0);
}

function placeAt(span: ImportedSpan, doc: ImportedDocument, text: string, index: CodePointIndex, length: number, shift: number): { start: number; end: number } | string {
  const start = (span.start as number) - shift;
  const end = (span.end as number) - shift;
  const unit = doc.unit === 'code-point' ? 'code points' : 'UTF-16 units';
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > length) {
    return `offsets ${span.start}–${span.end} are not a span of the document (${length} ${unit}${shift ? ' after its BOM' : ''})`;
  }
  const place = doc.unit === 'code-point' ? { start: index.toUtf16(start), end: index.toUtf16(end) } : { start, end };
  if (span.quote !== undefined) {
    const found = text.slice(place.start, place.end);
    const same = doc.quoteLinesJoined ? joinLines(found) === joinLines(span.quote) : found === span.quote;
    if (!same) return `its text ${JSON.stringify(span.quote)} is not the document's text at ${span.start}–${span.end} (${JSON.stringify(found)})`;
  }
  return place;
}

/** W3C: the quote and its context place the span; the position is only the expected place. */
function placeByQuote(span: ImportedSpan, text: string, index: CodePointIndex): { start: number; end: number } | string {
  if (span.quote === undefined || span.quote === '') {
    if (span.start === undefined || span.end === undefined) return 'neither a TextQuoteSelector nor a TextPositionSelector';
    if (!(span.start >= 0 && span.end > span.start && span.end <= index.codePointLength)) return `position ${span.start}–${span.end} is not a span of the document`;
    return { start: index.toUtf16(span.start), end: index.toUtf16(span.end) };
  }
  const hasPosition = span.start !== undefined && span.end !== undefined && span.start >= 0 && span.end <= index.codePointLength && span.start < span.end;
  const hint = hasPosition ? index.toUtf16(span.start as number) : null;
  const target = {
    start: hint ?? 0,
    end: hasPosition ? index.toUtf16(span.end as number) : 0,
    text: span.quote,
    prefix: span.prefix ?? '',
    suffix: span.suffix ?? '',
    contextUnrecorded: span.prefix === undefined && span.suffix === undefined,
  };
  const result = anchorAnnotation(target, text, hint);
  switch (result.status) {
    case 'intact':
      return { start: target.start, end: target.end };
    case 'moved':
      return result.span;
    case 'ambiguous':
      return `its quote ${JSON.stringify(span.quote)} fits ${result.places} places about equally well; not placed`;
    default:
      return `its quote ${JSON.stringify(span.quote)} was not found in the document`;
  }
}

function joinLines(text: string): string {
  return text.replace(/[\r\n]/g, ' ');
}

/** The span's attributes the scheme allows for `kind`, values coerced to the attribute's type; the rest reported. */
function schemeAttributes(span: ImportedSpan, kind: string, scheme: AnnotationScheme, skip: (reason: string) => void, resolved: ResolvedSpan): AttributeValues | undefined {
  const out: Record<string, AttributeValue> = {};
  for (const [name, raw] of Object.entries(span.attributes ?? {})) {
    const attribute = findAttribute(scheme, name) ?? scheme.attributes.find((a) => a.id.toLowerCase() === name.toLowerCase() || a.label.toLowerCase() === name.toLowerCase());
    if (!attribute) {
      skip(`attribute "${name}" is not in the scheme (its annotation was imported without it)`);
      continue;
    }
    if (attribute.builtIn) {
      if (typeof raw === 'string' && raw !== '') resolved[attribute.id as 'speaker' | 'note'] = raw;
      continue;
    }
    const value = coerce(attribute, raw);
    const problem = valueProblem(attribute, value) ?? (appliesTo(attribute, kind) ? undefined : `"${attribute.id}" does not apply to ${kind}`);
    if (problem) skip(`attribute ${attribute.id}: ${problem} (its annotation was imported without it)`);
    else out[attribute.id] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function coerce(attribute: AttributeDefinition, raw: AttributeValue): AttributeValue {
  if (attribute.type === 'boolean' && typeof raw === 'string') {
    const lower = raw.toLowerCase();
    return lower === 'true' || lower === 'yes' ? true : lower === 'false' || lower === 'no' ? false : raw;
  }
  if (attribute.type === 'choice' && typeof raw === 'string') return attribute.values?.find((v) => v === raw) ?? attribute.values?.find((v) => v.toLowerCase() === raw.toLowerCase()) ?? raw;
  return raw;
}
