/** Spans listed in part: a window of them, and how many are left out on either side. */
export interface Listed<T> {
  readonly spans: readonly T[];
  /** How many spans come before the window, and after it. */
  readonly before: number;
  readonly after: number;
}

/**
 * Which of `spans` (sorted by start) a list of at most `max` shows: all of them when they fit;
 * else `max` consecutive ones around `cursor`: half the window before the first span that ends at
 * or after the cursor, where there are that many, the rest from it on.
 */
export function listedAround<T extends { readonly end: number }>(spans: readonly T[], max: number, cursor: number): Listed<T> {
  if (spans.length <= max) return { spans, before: 0, after: 0 };
  let at = spans.findIndex((span) => span.end >= cursor);
  if (at < 0) at = spans.length;
  const from = Math.min(Math.max(0, at - Math.floor(max / 2)), spans.length - max);
  return { spans: spans.slice(from, from + max), before: from, after: spans.length - from - max };
}
