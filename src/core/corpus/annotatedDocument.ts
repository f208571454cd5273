import { readFile } from 'node:fs/promises';
import { compareAnnotations } from '../annotation';
import { parseSidecar, type SidecarParseResult } from '../sidecar/parseSidecar';
import { loadSidecar, type LoadedSidecar } from '../sidecar/sidecarDocument';
import { toStoredAnnotations } from '../sidecar/sidecarCodec';
import { documentPathForSidecar, type StoredAnnotation } from '../sidecar/sidecarFormat';

/** A sidecar read from disk together with its document, for the command line tools. */
export interface AnnotatedDocument {
  readonly sidecarPath: string;
  readonly documentPath: string;
  readonly sidecarText: string;
  /** Undefined when the document is gone. */
  readonly documentText: string | undefined;
  /** The sidecar as written, with where each annotation is in it. */
  readonly parsed: SidecarParseResult;
  /** Loaded against the current document (quotes checked and re-anchored); undefined without a document. */
  readonly loaded: LoadedSidecar | undefined;
}

export async function readAnnotatedDocument(sidecarPath: string): Promise<AnnotatedDocument> {
  const documentPath = documentPathForSidecar(sidecarPath) ?? sidecarPath;
  const sidecarText = await readFile(sidecarPath, 'utf8');
  const documentText = await readFile(documentPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'EISDIR') return undefined;
    throw error;
  });
  const parsed = parseSidecar(sidecarText);
  const loaded = documentText === undefined ? undefined : loadSidecar(sidecarText, documentText);
  return { sidecarPath, documentPath, sidecarText, documentText, parsed, loaded };
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
 * exists and the sidecar loads, as stored otherwise; undefined when the sidecar is unreadable.
 */
export function corpusDocument(doc: AnnotatedDocument, displayPath: string): CorpusDocument | undefined {
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
