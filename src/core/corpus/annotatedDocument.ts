import { compareAnnotations } from '../annotation';
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
  const sidecar = await readSidecarFile(sidecarPath);
  if (!sidecar.ok) return { ok: false, sidecarPath, problem: sidecar.problem };
  const document = await readDocumentText(documentPath);
  const documentText = document.ok ? document.text : undefined;
  const documentProblem = document.ok || document.missing ? undefined : document.reason;
  const parsed = parseSidecar(sidecar.text, scheme);
  // Parsed once: the load starts from the same result.
  const loaded = documentText === undefined ? undefined : loadParsedSidecar(parsed, documentText);
  return { ok: true, doc: { sidecarPath, documentPath, sidecarText: sidecar.text, sidecarSnapshot: sidecar.snapshot, documentText, documentProblem, parsed, loaded } };
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
  let annotations: StoredAnnotation[];
  if (doc.loaded?.ok && doc.documentText !== undefined) {
    annotations = toStoredAnnotations(doc.loaded.annotations.all, doc.documentText);
  } else if (doc.parsed.ok) {
    annotations = [...doc.parsed.sidecar.annotations];
  } else {
    return undefined;
  }
  return { path: displayPath, documentText: doc.documentText, annotations: annotations.sort(compareAnnotations) };
}
