import type { Skipped } from './format';

/**
 * The reasons things were skipped, counted: each reason with its particulars (quoted text,
 * numbers, ids) replaced by placeholders, most frequent first, so thousands of lines read as a
 * few kinds of reason.
 */
export function summarizeSkipped(skipped: readonly Skipped[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of skipped) {
    const general = s.reason
      .replace(/\d+ \d+(?:;\d+ \d+)+/g, 'N N;…')
      .replace(/(?<!label )"(?:[^"\\]|\\.)*"/g, '"…"')
      .replace(/\(([A-Z*#]\d*)\)/g, '(…)')
      .replace(/\b[TAERMN#]\d+\b/g, 'X')
      .replace(/\d+/g, 'N');
    counts.set(general, (counts.get(general) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
