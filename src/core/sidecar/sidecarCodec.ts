import type { Annotation } from '../annotation';
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

/** In-memory annotations to their stored form (code point offsets, canonical fields). */
export function toStoredAnnotations(annotations: readonly Annotation[], documentText: string): StoredAnnotation[] {
  const index = new CodePointIndex(stripBom(documentText));
  return annotations.map((a) =>
    normalizeStoredAnnotation({
      ...copyFields(a),
      start: index.toCodePoint(a.start),
      end: index.toCodePoint(a.end),
    }),
  );
}

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
    return { ...copyFields(s), start, end: Math.max(start, clamp(s.end)) };
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

/** Everything but the offsets, with optional fields copied only when present. */
function copyFields(a: Annotation | StoredAnnotation): Omit<Annotation, 'start' | 'end'> {
  const out: Omit<Annotation, 'start' | 'end'> = { id: a.id, kind: a.kind, text: a.text, prefix: a.prefix, suffix: a.suffix };
  if (a.speaker !== undefined) out.speaker = a.speaker;
  if (a.note !== undefined) out.note = a.note;
  if (a.author !== undefined) out.author = a.author;
  if (a.orphaned !== undefined) out.orphaned = a.orphaned;
  return out;
}
