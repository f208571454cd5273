import type { AnchorReport } from '../../core/anchoring/anchorDocument';
import type { Annotation } from '../../core/annotation';
import type { AnnotationScheme } from '../../core/scheme/scheme';
import type { SidecarParseResult, SidecarProblem } from '../../core/sidecar/parseSidecar';

/*
 * The messages between the extension host and the sidecar parser worker (worker.ts). Both sides
 * exchange plain data (structured clone): the parse result is data only, so it arrives as the
 * in-process parser would have returned it.
 */

/** Parse one sidecar's text. `id` pairs the response with its request. */
export interface ParseRequest {
  readonly id: number;
  readonly text: string;
  /** The workspace's annotation scheme, which the sidecar's kinds and attributes are checked against. */
  readonly scheme: AnnotationScheme;
  /** Its document's text: when given, the sidecar is also loaded against it (loadParsedSidecar), anchoring included. */
  readonly documentText?: string;
}

/** loadParsedSidecar's result as data: the annotations as anchored, and the anchoring's report on them. */
export type AnchoredSidecar =
  | { readonly ok: true; readonly annotations: readonly Annotation[]; readonly anchoring: AnchorReport; readonly documentChanged: boolean }
  | { readonly ok: false; readonly problems: readonly SidecarProblem[] };

export type ParseResponse =
  | { readonly id: number; readonly ok: true; readonly result: SidecarParseResult; readonly loaded?: AnchoredSidecar }
  /** The worker itself failed (parseSidecar never throws): the caller parses in-process instead. */
  | { readonly id: number; readonly ok: false; readonly error: string };
