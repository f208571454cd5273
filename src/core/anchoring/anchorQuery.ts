// How well a place in the text matches an annotation: the recorded quote and context as a
// matching problem (Query), its score (the weights Hypothesis publishes) and what makes a place
// acceptable. The search for places is anchorCandidates.ts.
import { toLf } from '../text/lineEndings';
import type { AnchorTarget, Span } from './anchorAnnotation';
import { ContextMatcher } from './contextSimilarity';
import { CONTEXT_LENGTH } from './quoteContext';

/** A place where an annotation's quote may be now, with how well it matches. */
export interface AnchorCandidate extends Span {
  /** Edits between the recorded quote and the text at this place (0: exact). */
  readonly errors: number;
  /** 1 - errors / quote length. */
  readonly quoteSimilarity: number;
  /** Mean similarity of the recorded prefix and suffix to the text around this place. */
  readonly contextSimilarity: number;
  /** Edits between the recorded prefix and suffix and the text around this place (0: both intact). */
  readonly contextErrors: number;
  /** Of those, the edits on the prefix side (the rest are on the suffix side). */
  readonly prefixErrors: number;
  /** Weighted quote 50, prefix 20, suffix 20 (the weights Hypothesis publishes), in [0, 1]. */
  readonly score: number;
  /** The span starts and ends between words wherever the recorded one did. */
  readonly boundariesKept: boolean;
  /** Good enough to anchor to without asking. */
  readonly acceptable: boolean;
}

/**
 * How many edits a quote may have had for a place to count as the quote: one per five characters
 * (a fifth). Counted in integers, since `quote.length * (1 - 0.8)` is 0.9999… for a
 * five-character quote and would allow none.
 */
export function quoteErrorBudget(quoteLength: number): number {
  return Math.floor(quoteLength / 5);
}
/**
 * Where the recorded context holds verbatim on both sides, the place is pinned by it, and the
 * quote between may have been edited more: up to a quarter ("commodo cites" is "commodo vitae").
 */
export function pinnedQuoteErrorBudget(quoteLength: number): number {
  return Math.floor(quoteLength / 4);
}
/** Candidates whose scores differ by less than this are equally good matches. */
export const AMBIGUITY_MARGIN = 0.01;
/** Up to this far below the best, a candidate that keeps one side of the context better still contends. */
export const SPLIT_CONTEXT_MARGIN = 0.1;
/** Below this, the context disagrees too much to trust a quote found elsewhere. */
export const MIN_CONTEXT_SIMILARITY = 0.5;
/**
 * The context a quote of this length needs: `MIN_CONTEXT_SIMILARITY` from 20 characters up, more
 * for shorter ones (up to three quarters), since a few characters say little on their own: a
 * five-letter word is found in many places, and only its surroundings tell which.
 */
export function minContextSimilarity(quoteLength: number): number {
  return MIN_CONTEXT_SIMILARITY + (0.25 * Math.max(0, 20 - quoteLength)) / 20;
}
/** A quote this long (nearly) verbatim is evidence enough on its own, whatever its context. */
export const SELF_EVIDENT_QUOTE_LENGTH = 24;
/** A cap on the fuzzy error budget: the search costs one pass per 32 errors. */
const MAX_ERRORS = 128;

/** The most a recorded document edge counts against a place away from it, in edits. */
const EDGE_COST = CONTEXT_LENGTH / 2;

/** Quote 50, prefix 20, suffix 20 (the weights Hypothesis publishes), each similarity in [0, 1]: a score in [0, 1]. */
function weightedScore(quote: number, before: number, after: number): number {
  return (50 * quote + 20 * before + 20 * after) / 90;
}

const WORD = /[\p{L}\p{N}_]/u;

function isWordAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && WORD.test(text[index]);
}

/** Whether a span's edge falls between words (or at a word's edge inside the quote). */
function boundedAt(text: string, edge: number): boolean {
  return !isWordAt(text, edge - 1) || !isWordAt(text, edge);
}

/**
 * The matching problem of one annotation on the normalized text: the recorded quote and context
 * in LF form, and which of its edges sat between words, a fact a true match keeps. (A short quote
 * such as "Linus" fuzzily found inside "machines" is the classic mis-anchor this rules out.)
 */
export class Query {
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  private readonly startBounded: boolean;
  private readonly endBounded: boolean;
  /** An empty context records the document's edge: text before (after) it now is an edit there. */
  private readonly edges: boolean;
  /** The prefix and suffix, compiled once for the many places of a common quote. */
  private readonly before: ContextMatcher;
  private readonly after: ContextMatcher;

  constructor(target: AnchorTarget) {
    this.quote = toLf(target.text);
    this.prefix = toLf(target.prefix);
    this.suffix = toLf(target.suffix);
    this.edges = !target.contextUnrecorded;
    this.before = new ContextMatcher(this.prefix, 'before');
    this.after = new ContextMatcher(this.suffix, 'after');
    const quoted = this.prefix + this.quote + this.suffix;
    // At a recorded document edge the quote began (ended) a word; with no context recorded, who knows.
    this.startBounded = this.prefix.length === 0 ? this.edges : boundedAt(quoted, this.prefix.length);
    this.endBounded = this.suffix.length === 0 ? this.edges : boundedAt(quoted, this.prefix.length + this.quote.length);
  }

  /** The fuzzy search's budget: the most edits any acceptable place can have (a pinned one). */
  get errorBudget(): number {
    const pinnable = this.prefix.length > 0 && this.suffix.length > 0;
    return Math.min(MAX_ERRORS, pinnable ? pinnedQuoteErrorBudget(this.quote.length) : quoteErrorBudget(this.quote.length));
  }

  score(text: string, start: number, end: number, errors: number): Omit<AnchorCandidate, 'start' | 'end'> {
    const quoteSimilarity = 1 - errors / this.quote.length;
    // At a recorded edge, each character now between the edge and the span is one edit (half a
    // context at most: a title added above is common): a copy further down does not inherit
    // "start of the document".
    const beforeErrors = this.prefix.length > 0 ? this.before.distance(text, start) : this.edges ? Math.min(start, EDGE_COST) : 0;
    const afterErrors = this.suffix.length > 0 ? this.after.distance(text, end) : this.edges ? Math.min(text.length - end, EDGE_COST) : 0;
    const before = 1 - beforeErrors / (this.prefix.length || CONTEXT_LENGTH);
    const after = 1 - afterErrors / (this.suffix.length || CONTEXT_LENGTH);
    const context = (before + after) / 2;
    // A character typed right against the quote ("proceedd") makes the whole word the match,
    // as typing does while the document is open: the fuzzy candidate over the word keeps the edges.
    const boundariesKept = (!this.startBounded || boundedAt(text, start)) && (!this.endBounded || boundedAt(text, end));
    return {
      errors,
      quoteSimilarity,
      contextSimilarity: context,
      contextErrors: beforeErrors + afterErrors,
      prefixErrors: beforeErrors,
      score: weightedScore(quoteSimilarity, before, after),
      boundariesKept,
      acceptable:
        boundariesKept &&
        (errors <= quoteErrorBudget(this.quote.length) ||
          (errors <= pinnedQuoteErrorBudget(this.quote.length) && this.prefix.length > 0 && this.suffix.length > 0 && beforeErrors + afterErrors === 0)) &&
        (context >= minContextSimilarity(this.quote.length) || (this.quote.length >= SELF_EVIDENT_QUOTE_LENGTH && errors * 10 <= this.quote.length)),
    };
  }

  /** The best score a place of the quote with `errors` edits can have: both sides of the context intact, or `prefixErrors` edits in the prefix. */
  bestScoreWith(errors: number, prefixErrors = 0): number {
    return weightedScore(1 - errors / this.quote.length, 1 - prefixErrors / (this.prefix.length || CONTEXT_LENGTH), 1);
  }

  /** The most edits a copy of the quote can have and still score within `margin` of `lead`. */
  editsThatContend(lead: AnchorCandidate, margin: number): number {
    let errors = 0;
    while (errors < this.errorBudget && this.bestScoreWith(errors + 1) >= lead.score - margin) errors++;
    return errors;
  }

  /** Cheap stand-in for the context score: how many characters next to the hit agree verbatim. */
  agreeingContext(text: string, start: number, end: number): number {
    let n = 0;
    while (n < this.prefix.length && text.charCodeAt(start - 1 - n) === this.prefix.charCodeAt(this.prefix.length - 1 - n)) n++;
    let m = 0;
    while (m < this.suffix.length && text.charCodeAt(end + m) === this.suffix.charCodeAt(m)) m++;
    return n + m;
  }
}
