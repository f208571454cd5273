import type { TextChange } from './textChange';

/** A span as shifting sees it. Orphans are points (start === end) that still move with the text. */
export interface ShiftableSpan {
  start: number;
  end: number;
  orphaned?: boolean;
}

/**
 * - `resized`: the change fell inside the span; the editor moves decorations the same way.
 * - `clipped`: the change crossed an edge of the span; the editor's own decoration may disagree.
 */
export type ShiftOutcome = 'unchanged' | 'moved' | 'resized' | 'clipped' | 'orphaned';

/**
 * Moves a span through one text change, in place.
 *
 * The edge rules match the `ClosedClosed` decoration behaviour the editor uses, so the model and
 * what the user sees agree:
 * - a pure insertion at either edge stays outside the span (typing next to a tag never grows it);
 * - a replacement whose deleted range starts inside the span (or at its start) puts its new text
 *   inside the span (retyping a word of a quote keeps it in the quote); one that starts before the
 *   span leaves its new text outside;
 * - a change that deletes every character of the span orphans it: the span collapses to a point
 *   at the change, is flagged, and keeps its old quote for re-anchoring.
 */
export function shiftSpan(span: ShiftableSpan, change: TextChange): ShiftOutcome {
  const a = change.offset;
  const b = a + change.length;
  const inserted = change.text.length;
  const delta = inserted - change.length;
  const { start: s, end: e } = span;

  if (span.orphaned) {
    const p = s < a ? s : s >= b ? s + delta : a;
    if (p === s) return 'unchanged';
    span.start = span.end = p;
    return 'moved';
  }

  if (change.length === 0) {
    // Pure insertion: never grows at the edges.
    if (a > e || (a === e && a !== s)) return 'unchanged';
    if (a <= s) {
      if (inserted === 0) return 'unchanged';
      span.start = s + inserted;
      span.end = e + inserted;
      return 'moved';
    }
    span.end = e + inserted;
    return inserted === 0 ? 'unchanged' : 'resized';
  }

  if (b <= s) {
    if (delta === 0) return 'unchanged';
    span.start = s + delta;
    span.end = e + delta;
    return 'moved';
  }
  if (a >= e) return 'unchanged';
  if (a <= s && b >= e) {
    span.start = span.end = a;
    span.orphaned = true;
    return 'orphaned';
  }
  // The deleted range overlaps the span without covering it.
  span.start = a < s ? a + inserted : s;
  span.end = b < e ? e + delta : a + inserted;
  return a < s || b > e ? 'clipped' : 'resized';
}
