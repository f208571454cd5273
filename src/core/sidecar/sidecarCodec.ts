import type { Annotation } from '../annotation';
import { copyFieldsExceptOffsets } from '../annotationFields';
import { quoteContext } from '../anchoring/quoteContext';
import { CodePointIndex } from '../text/codePointIndex';
import { hashDocumentText, stripBom } from '../text/documentText';
import {
  compareStoredAnnotations,
  normalizeStoredAnnotation,
  SIDECAR_VERSION,
  type SidecarFile,
  type StoredAnnotation,
} from './sidecarFormat';

// The sidecar boundary: in memory offsets are UTF-16 units, on disk code points. Each call
// builds ONE CodePointIndex and reuses it for every offset, so converting n annotations costs
// one scan of the text plus O(n log a), never a scan per annotation.
// `documentText` may still carry its BOM; offsets always refer to the text without it.

/**
 * In-memory annotations to their stored form (code point offsets, canonical fields).
 *
 * A span edge between the two halves of a surrogate pair (fuzzy re-anchoring works on UTF-16
 * units, and a quote may itself be half a pair) cannot be stored in code points: rounding both
 * edges down would turn a span over half an emoji into an empty one the parser rejects. Such a
 * span is widened to the whole characters it touches and its quote and context re-read there.
 */
export function toStoredAnnotations(annotations: readonly Annotation[], documentText: string): StoredAnnotation[] {
  const text = stripBom(documentText);
  const index = new CodePointIndex(text);
  return annotations.map((a) => {
    const span = wholeCharacters(text, a.start, a.end);
    // One new object per annotation: the canonical form of its fields (attributes copied, not
    // shared), then its quote re-read where the span was widened, then its offsets in code points.
    const stored = normalizeStoredAnnotation(a);
    if ((span.start !== a.start || span.end !== a.end) && !a.orphaned) Object.assign(stored, quoteContext(text, span.start, span.end));
    stored.start = index.toCodePoint(span.start);
    stored.end = index.toCodePoint(span.end);
    return stored;
  });
}

/**
 * The span [start, end) with an edge that splits a surrogate pair moved outwards to the whole
 * character (an empty span stays empty, at the character's start). Offsets outside the text are
 * left alone (the conversion reports them).
 */
export function wholeCharacters(text: string, start: number, end: number): { start: number; end: number } {
  const splits = (offset: number): boolean => offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
  const from = splits(start) ? start - 1 : start;
  if (end === start) return { start: from, end: from };
  return { start: from, end: splits(end) ? end + 1 : end };
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * Stored annotations to in-memory ones (UTF-16 offsets). Offsets past the end of the document
 * are clamped to its end rather than thrown on: checkSidecarAgainstDocument reports them, and
 * re-anchoring by text/prefix/suffix repairs them, but loading must not fail.
 */
export function fromStoredAnnotations(stored: readonly StoredAnnotation[], documentText: string): Annotation[] {
  const index = new CodePointIndex(stripBom(documentText));
  const clamp = (offset: number): number => index.toUtf16(Math.min(Math.max(0, Math.trunc(offset)), index.codePointLength));
  return stored.map((s) => {
    const start = clamp(s.start);
    // Offsets first: objects spread from the field copy and then given offsets end up with
    // shapes V8 handles slowly, and every keystroke writes the offsets of all of them (25x).
    // The fields are copied straight onto it (no intermediate copy to spread).
    return copyFieldsExceptOffsets(s, { start, end: Math.max(start, clamp(s.end)) });
  });
}

/** The complete sidecar for a document: hash of its text, annotations sorted, canonical. */
export function buildSidecarFile(annotations: readonly Annotation[], documentText: string): SidecarFile {
  return {
    version: SIDECAR_VERSION,
    documentHash: hashDocumentText(documentText),
    annotations: toStoredAnnotations(annotations, documentText).sort(compareStoredAnnotations),
  };
}
