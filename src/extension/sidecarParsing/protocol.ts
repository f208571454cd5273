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

/**
 * Anchor annotations (copies of a live model's) against their document's text, as DocumentAnnotations.anchor does; with
 * `orphans`, look for the lost quotes of its orphans only, as DocumentAnnotations.reanchorOrphans does (searchOrphans).
 */
export interface AnchorRequest {
  readonly id: number;
  readonly annotations: readonly Annotation[];
  readonly documentText: string;
  readonly orphans?: true;
}

/** What the worker is asked. */
export type SidecarWorkerRequest = ParseRequest | AnchorRequest;

/** DocumentAnnotations.anchor's work as data: the annotations as placed, in model order, and its report on them. */
export interface AnchoredAnnotations {
  readonly annotations: readonly Annotation[];
  readonly anchoring: AnchorReport;
}

/** loadParsedSidecar's result as data: the annotations as anchored, and the anchoring's report on them. */
export type AnchoredSidecar =
  | { readonly ok: true; readonly annotations: readonly Annotation[]; readonly anchoring: AnchorReport; readonly documentChanged: boolean }
  | { readonly ok: false; readonly problems: readonly SidecarProblem[] };

export type SidecarWorkerResponse =
  /** `result` (and `loaded` when a document's text came along) for a ParseRequest; `anchored` for an AnchorRequest. */
  | { readonly id: number; readonly ok: true; readonly result?: SidecarParseResult; readonly loaded?: AnchoredSidecar; readonly anchored?: AnchoredAnnotations }
  /** The worker itself failed (parseSidecar never throws): the caller parses in-process instead. */
  | { readonly id: number; readonly ok: false; readonly error: string };
