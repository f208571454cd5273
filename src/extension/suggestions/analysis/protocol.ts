import type { RegisteredSpeaker } from '../../../core/speakers/speakerRegistry';
import type { Suggestion } from '../../../core/suggest/suggestion';

/*
 * The messages between the extension host and the suggestion worker (worker.ts). Both sides
 * exchange plain data (structured clone), so the suggestions arrive as the in-process analysis
 * would have returned them.
 */

/** Analyse one text. `id` pairs the response with its request. */
export interface AnalysisRequest {
  readonly id: number;
  /** The document's text, without BOM (UTF-16 offsets, as the editor counts). */
  readonly text: string;
  /** The workspace's speaker registry, which names suggested speakers. */
  readonly speakers: readonly RegisteredSpeaker[];
}

export type AnalysisResponse =
  | { readonly id: number; readonly ok: true; readonly suggestions: Suggestion[] }
  /** The analysis threw in the worker: the caller analyses in-process instead (and gets the same error there). */
  | { readonly id: number; readonly ok: false; readonly error: string };
