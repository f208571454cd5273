import approxSearch from 'approx-string-match';

/**
 * The baseline of the re-anchoring bench: Hypothesis's quote matcher (client
 * src/annotator/anchoring/match-quote.ts) written out as published: exact occurrences if there
 * are any, else approx-string-match with up to half the quote in errors; every match scored
 * quote 50, prefix 20, suffix 20, position 2, normalized; the best one taken, with no minimum
 * score and no ambiguity check. As in Hypothesis's anchoring, the recorded position is tried
 * first, when the quote is still there.
 */

interface Match {
  start: number;
  end: number;
  errors: number;
}

function search(text: string, str: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(str); at !== -1; at = text.indexOf(str, at + 1)) exact.push({ start: at, end: at + str.length, errors: 0 });
  if (exact.length > 0) return exact;
  return approxSearch(text, str, maxErrors);
}

function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const matches = search(text, str, str.length);
  return 1 - matches[0].errors / str.length;
}

export function matchQuote(text: string, quote: string, context: { prefix?: string; suffix?: string; hint?: number }): { start: number; end: number; score: number } | null {
  if (quote.length === 0) return null;
  const maxErrors = Math.min(256, quote.length / 2);
  const matches = search(text, quote, maxErrors);
  if (matches.length === 0) return null;
  const scoreMatch = (match: Match): number => {
    const quoteScore = 1 - match.errors / quote.length;
    const prefixScore = context.prefix ? textMatchScore(text.slice(Math.max(0, match.start - context.prefix.length), match.start), context.prefix) : 1;
    const suffixScore = context.suffix ? textMatchScore(text.slice(match.end, match.end + context.suffix.length), context.suffix) : 1;
    let posScore = 1;
    if (typeof context.hint === 'number') posScore = 1 - Math.abs(match.start - context.hint) / text.length;
    return (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / (50 + 20 + 20 + 2);
  };
  const scored = matches.map((m) => ({ start: m.start, end: m.end, score: scoreMatch(m) }));
  scored.sort((a, b) => b.score - a.score);
  return scored[0];
}

/** Position first (if the quote is still there), else the quote matcher. */
export function hypothesisAnchor(target: { start: number; end: number; text: string; prefix: string; suffix: string }, text: string): { start: number; end: number } | null {
  if (text.slice(target.start, target.end) === target.text) return { start: target.start, end: target.end };
  return matchQuote(text, target.text, { prefix: target.prefix, suffix: target.suffix, hint: target.start });
}
