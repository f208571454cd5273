import type { AnchorReport } from '../anchoring/anchorDocument';
import { DocumentAnnotations } from '../documentAnnotations';
import { BUILT_IN_SCHEME, type AnnotationScheme } from '../scheme/scheme';
import { hashDocumentText } from '../text/documentText';
import { checkSidecarAgainstDocument, parseSidecar, type SidecarParseResult, type SidecarProblem } from './parseSidecar';
import { buildSidecarFile, fromStoredAnnotations } from './sidecarCodec';
import { serializeSidecar } from './serializeSidecar';
import type { SidecarBlockCache } from './sidecarBlockCache';

export type LoadedSidecar =
  | { readonly ok: true; readonly annotations: DocumentAnnotations; readonly anchoring: AnchorReport; readonly documentChanged: boolean }
  | { readonly ok: false; readonly problems: readonly SidecarProblem[] };

/**
 * Reads a sidecar against the current text of its document: validates it (against `scheme` too), converts its code-point
 * offsets, and checks every quote, re-anchoring what moved. The one entry point the extension and
 * the CLI share, so both judge a sidecar the same way.
 */
export function loadSidecar(sidecarText: string, documentText: string, scheme: AnnotationScheme = BUILT_IN_SCHEME): LoadedSidecar {
  return loadParsedSidecar(parseSidecar(sidecarText, scheme), documentText);
}

/**
 * loadSidecar for a sidecar already parsed (`parseSidecar` is nearly all of its cost, so the
 * extension runs it off the extension host thread and does the rest here): the same result.
 * `documentHash`: the text's hash, when the caller computed it already.
 */
export function loadParsedSidecar(parsed: SidecarParseResult, documentText: string, documentHash?: string): LoadedSidecar {
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const documentChanged = parsed.sidecar.documentHash !== (documentHash ?? hashDocumentText(documentText));
  // Offsets are only checked against the text they were written for; a changed document is
  // re-anchored by quote instead, so out-of-range offsets there are expected, not an error.
  if (!documentChanged) {
    const problems = checkSidecarAgainstDocument(parsed, documentText);
    if (problems.length > 0) return { ok: false, problems };
  }
  const annotations = new DocumentAnnotations(fromStoredAnnotations(parsed.sidecar.annotations, documentText));
  const anchoring = annotations.anchor(documentText);
  return { ok: true, annotations, anchoring, documentChanged };
}

/**
 * The sidecar text for the annotations of a document, quotes re-read from the text first. With the
 * document's block cache (kept between saves by the sidecar writer), annotations that did not
 * change but for their offsets are not rendered again; the text is the same either way.
 */
export function renderSidecar(annotations: DocumentAnnotations, documentText: string, cache?: SidecarBlockCache): string {
  annotations.refreshQuotes(documentText);
  // buildSidecarFile gives the annotations in canonical form and order.
  return serializeSidecar(buildSidecarFile(annotations.all, documentText), cache, { canonical: true });
}
