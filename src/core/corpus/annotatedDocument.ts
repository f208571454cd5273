import { compareAnnotations } from '../annotation';
import { atRecordedOffsets } from '../anchoring/anchorAnnotation';
import { CodePointIndex } from '../text/codePointIndex';
import { stripBom } from '../text/documentText';
import { BUILT_IN_SCHEME, type AnnotationScheme } from '../scheme/scheme';
import type { FileSnapshot } from '../sidecar/atomicWrite';
import { parseSidecar, type SidecarParseResult, type SidecarProblem } from '../sidecar/parseSidecar';
import { loadParsedSidecar, type LoadedSidecar } from '../sidecar/sidecarDocument';
import { toStoredAnnotations } from '../sidecar/sidecarCodec';
import { documentPathForSidecar, type StoredAnnotation } from '../sidecar/sidecarFormat';
import { readDocumentText, readSidecarFile } from './readFiles';

/** A sidecar read from disk together with its document, for the command line tools. */
export interface AnnotatedDocument {
  readonly sidecarPath: string;
  readonly documentPath: string;
  readonly sidecarText: string;
  /** The sidecar's bytes and stat as read: a write replaces the file only if it is still this. */
  readonly sidecarSnapshot: FileSnapshot;
  /** Without its BOM (what offsets refer to); undefined when the document is gone or cannot be read. */
  readonly documentText: string | undefined;
  /** Why the document could not be read although something is there (permission, a FIFO, too large). */
  readonly documentProblem: string | undefined;
  /** The sidecar as written, with where each annotation is in it. */
  readonly parsed: SidecarParseResult;
  /** Loaded against the current document (quotes checked and re-anchored); undefined without a document. */
  readonly loaded: LoadedSidecar | undefined;
}

/** A sidecar that could not be read at all (I/O, not UTF-8, too large), with where the problem is. */
export interface UnreadableSidecar {
  readonly sidecarPath: string;
  readonly problem: SidecarProblem;
}

export type AnnotatedDocumentRead = { readonly ok: true; readonly doc: AnnotatedDocument } | ({ readonly ok: false } & UnreadableSidecar);

/** Reads a sidecar and its document; kinds and attributes are checked against `scheme`. */
export async function readAnnotatedDocument(sidecarPath: string, scheme: AnnotationScheme = BUILT_IN_SCHEME): Promise<AnnotatedDocumentRead> {
  const documentPath = documentPathForSidecar(sidecarPath) ?? sidecarPath;
  // Both files at once; the document's read is wasted only when the sidecar cannot be read.
  const [sidecar, document] = await Promise.all([readSidecarFile(sidecarPath), readDocumentText(documentPath)]);
  if (!sidecar.ok) return { ok: false, sidecarPath, problem: sidecar.problem };
  const documentText = document.ok ? document.text : undefined;
  const documentProblem = document.ok || document.missing ? undefined : document.reason;
  const parsed = parseSidecar(sidecar.text, scheme);
  // Loaded on first use (parsed once, the load starts from the same result): a report whose
  // quotes are all where their offsets say needs no load (see intactStoredAnnotations).
  let loaded: LoadedSidecar | undefined;
  let isLoaded = documentText === undefined;
  const doc: AnnotatedDocument = {
    sidecarPath,
    documentPath,
    sidecarText: sidecar.text,
    sidecarSnapshot: sidecar.snapshot,
    documentText,
    documentProblem,
    parsed,
    get loaded(): LoadedSidecar | undefined {
      if (!isLoaded) {
        loaded = loadParsedSidecar(parsed, documentText as string);
        isLoaded = true;
      }
      return loaded;
    },
  };
  return { ok: true, doc };
}

/** One document's annotations as the reports see them: code point offsets, in document order. */
export interface CorpusDocument {
  /** The document's path as shown in reports (relative, `/`-separated). */
  readonly path: string;
  readonly documentText: string | undefined;
  readonly annotations: readonly StoredAnnotation[];
}

/**
 * The annotations to report for a sidecar: re-anchored against the current document when it
 * exists and the sidecar loads, as stored otherwise; undefined when the sidecar is invalid or its
 * document exists but cannot be read (reporting stored offsets as current would misplace them).
 */
export function corpusDocument(doc: AnnotatedDocument, displayPath: string): CorpusDocument | undefined {
  if (doc.documentProblem !== undefined) return undefined;
  // Nothing to re-anchor when every quote is where it was stored: what the load would give.
  let annotations = doc.parsed.ok && doc.documentText !== undefined ? intactStoredAnnotations(doc.parsed.sidecar.annotations, doc.documentText) : undefined;
  if (!annotations) {
    if (doc.loaded?.ok && doc.documentText !== undefined) annotations = toStoredAnnotations(doc.loaded.annotations.all, doc.documentText);
    else if (doc.parsed.ok) annotations = [...doc.parsed.sidecar.annotations];
    else return undefined;
  }
  return { path: displayPath, documentText: doc.documentText, annotations: annotations.sort(compareAnnotations) };
}

/**
 * The stored annotations in canonical form when every one of them sits at its offsets in the
 * document, quote and context (the anchoring's first check, `atRecordedOffsets`): then loading the
 * sidecar (hash, checks, conversion to UTF-16, re-anchoring, conversion back) changes nothing but
 * their form, and this is its result without the work (the parsed objects, in canonical form). Undefined as soon as one does not (an
 * orphan, a moved quote, an offset out of range): the caller loads the sidecar instead. The
 * offsets are converted as the load converts them (against the text without a BOM).
 */
export function intactStoredAnnotations(stored: readonly StoredAnnotation[], documentText: string): StoredAnnotation[] | undefined {
  const index = new CodePointIndex(stripBom(documentText));
  const inRange = (offset: number) => Number.isInteger(offset) && offset >= 0 && offset <= index.codePointLength;
  for (const s of stored) {
    if (!inRange(s.start) || !inRange(s.end) || s.end < s.start) return undefined;
    const target = { start: index.toUtf16(s.start), end: index.toUtf16(s.end), text: s.text, prefix: s.prefix, suffix: s.suffix };
    if (!atRecordedOffsets(target, documentText)) return undefined;
  }
  // Parsed annotations are in canonical form already (see SidecarParseSuccess).
  return [...stored];
}
