import type { AnnotationScheme } from '../../core/scheme/scheme';
import type { SidecarParseResult } from '../../core/sidecar/parseSidecar';

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
}

export type ParseResponse =
  | { readonly id: number; readonly ok: true; readonly result: SidecarParseResult }
  /** The worker itself failed (parseSidecar never throws): the caller parses in-process instead. */
  | { readonly id: number; readonly ok: false; readonly error: string };
