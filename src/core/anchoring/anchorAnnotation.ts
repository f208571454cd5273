import type { Annotation } from '../annotation';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What is known about where an annotation was: enough for any strategy to look for it again. */
export type AnchorTarget = Pick<Annotation, 'start' | 'end' | 'text' | 'prefix' | 'suffix'>;

/**
 * One way of finding a quote in a text. Strategies run in order, cheapest and surest first;
 * the first that answers wins. Fuzzy matching slots in as a later strategy.
 */
export interface AnchorStrategy {
  readonly name: string;
  locate(target: AnchorTarget, text: string): Span | undefined;
}

export type AnchorResult =
  | { readonly status: 'intact' }
  | { readonly status: 'moved'; readonly span: Span; readonly strategy: string }
  | { readonly status: 'orphaned' };

/** The quote still sits at its offsets. */
export const atRecordedOffsets: AnchorStrategy = {
  name: 'offsets',
  locate(target, text) {
    if (target.text.length === 0) return undefined;
    return text.slice(target.start, target.end) === target.text ? { start: target.start, end: target.end } : undefined;
  },
};

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

function nearest(candidates: number[], to: number): number {
  return candidates.reduce((best, c) => (Math.abs(c - to) < Math.abs(best - to) ? c : best));
}

/**
 * The quote with its full prefix and suffix appears verbatim elsewhere: the text around it moved.
 * Among several such places the one nearest the old position wins, because documents mostly
 * change by insertions and deletions that shift text a little.
 */
export const exactQuoteInContext: AnchorStrategy = {
  name: 'exact-context',
  locate(target, text) {
    if (target.text.length === 0) return undefined;
    const hits = occurrences(text, target.prefix + target.text + target.suffix);
    if (hits.length === 0) return undefined;
    const start = nearest(hits, target.start - target.prefix.length) + target.prefix.length;
    return { start, end: start + target.text.length };
  },
};

export const EXACT_STRATEGIES: readonly AnchorStrategy[] = [atRecordedOffsets, exactQuoteInContext];

/** Finds where an annotation belongs in `text` now. Never guesses: no answer means orphan. */
export function anchorAnnotation(target: AnchorTarget, text: string, strategies: readonly AnchorStrategy[] = EXACT_STRATEGIES): AnchorResult {
  for (const strategy of strategies) {
    const span = strategy.locate(target, text);
    if (!span) continue;
    if (span.start === target.start && span.end === target.end) return { status: 'intact' };
    return { status: 'moved', span, strategy: strategy.name };
  }
  return { status: 'orphaned' };
}
