import search from 'approx-string-match';
import { LfText, toLf } from '../text/lineEndings';
import type { AnchorTarget, Span } from './anchorAnnotation';
import { contextSimilarity } from './contextSimilarity';

/** A place where an annotation's quote may be now, with how well it matches. */
export interface AnchorCandidate extends Span {
  /** Edits between the recorded quote and the text at this place (0: exact). */
  readonly errors: number;
  /** 1 - errors / quote length. */
  readonly quoteSimilarity: number;
  /** Mean similarity of the recorded prefix and suffix to the text around this place. */
  readonly contextSimilarity: number;
  /** Weighted quote 50, prefix 20, suffix 20 (the weights Hypothesis publishes), in [0, 1]. */
  readonly score: number;
  /** The span starts and ends between words wherever the recorded one did. */
  readonly boundariesKept: boolean;
  /** Good enough to anchor to without asking. */
  readonly acceptable: boolean;
}

/** At most this share of a quote may have been edited for a place to count as the quote. */
export const MIN_QUOTE_SIMILARITY = 0.8;
/** Below this, the context disagrees too much to trust a quote found elsewhere. */
export const MIN_CONTEXT_SIMILARITY = 0.5;
/** A quote this long (nearly) verbatim is evidence enough on its own, whatever its context. */
export const SELF_EVIDENT_QUOTE_LENGTH = 24;
/** A cap on the fuzzy error budget: the search costs one pass per 32 errors. */
const MAX_ERRORS = 128;
/** Exact hits of a common quote ("the") beyond this are ranked cheaply and the rest dropped. */
const MAX_EXACT_HITS = 64;
/** The fuzzy search keeps only the best matches of each chunk, so a lookalike elsewhere cannot hide the quote. */
const CHUNK = 1 << 16;
/** Around the old position, searched on their own for the same reason: a paragraph or so, and a few pages. */
const NEAR_WINDOW = 256;
const LOCAL_WINDOW = 4096;
/** Exact hits whose context agrees this well need no fuzzy search. */
const SURE_CONTEXT = 0.9;

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
class Query {
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  private readonly startBounded: boolean;
  private readonly endBounded: boolean;

  constructor(target: AnchorTarget) {
    this.quote = toLf(target.text);
    this.prefix = toLf(target.prefix);
    this.suffix = toLf(target.suffix);
    const quoted = this.prefix + this.quote + this.suffix;
    this.startBounded = this.prefix.length === 0 || boundedAt(quoted, this.prefix.length);
    this.endBounded = this.suffix.length === 0 || boundedAt(quoted, this.prefix.length + this.quote.length);
  }

  get errorBudget(): number {
    return Math.min(MAX_ERRORS, Math.floor(this.quote.length * (1 - MIN_QUOTE_SIMILARITY)));
  }

  score(text: string, start: number, end: number, errors: number): Omit<AnchorCandidate, 'start' | 'end'> {
    const quoteSimilarity = 1 - errors / this.quote.length;
    const before = contextSimilarity(this.prefix, text, start, 'before');
    const after = contextSimilarity(this.suffix, text, end, 'after');
    const context = (before + after) / 2;
    const boundariesKept = (!this.startBounded || boundedAt(text, start)) && (!this.endBounded || boundedAt(text, end));
    return {
      errors,
      quoteSimilarity,
      contextSimilarity: context,
      score: (50 * quoteSimilarity + 20 * before + 20 * after) / 90,
      boundariesKept,
      acceptable: boundariesKept && quoteSimilarity >= MIN_QUOTE_SIMILARITY && (context >= MIN_CONTEXT_SIMILARITY || (this.quote.length >= SELF_EVIDENT_QUOTE_LENGTH && quoteSimilarity >= 0.9)),
    };
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

function exactHits(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly errors: number;
}

function localWindow(text: string, near: number, length: number, radius = LOCAL_WINDOW): [number, number] {
  return [Math.max(0, near - radius), Math.min(text.length, near + length + radius)];
}

/** The window around the old position and every chunk of the text, overlapping by `overlap`. */
function searchRanges(text: string, near: number, overlap: number): [number, number][] {
  const ranges = [localWindow(text, near, overlap)];
  for (let from = 0; from < text.length; from += CHUNK) ranges.push([from, Math.min(text.length, from + CHUNK + overlap)]);
  return ranges;
}

/**
 * Fuzzy hits in each range, searched on its own: approx-string-match returns only the best
 * matches of the text it is given, so a lookalike elsewhere cannot hide the quote near its place.
 */
function fuzzyHits(text: string, quote: string, budget: number, ranges: readonly [number, number][]): Hit[] {
  const hits: Hit[] = [];
  for (const [from, to] of ranges) {
    // Exact copies are candidates already; masked, they cannot crowd out the edited quote.
    const slice = text.slice(from, to).split(quote).join('\0'.repeat(quote.length));
    for (const match of search(slice, quote, budget)) hits.push({ start: from + match.start, end: from + match.end, errors: match.errors });
  }
  return hits;
}

/** Keeps the best of overlapping candidates: one place, one candidate. */
function distinct(candidates: AnchorCandidate[]): AnchorCandidate[] {
  const kept: AnchorCandidate[] = [];
  for (const c of [...candidates].sort((a, b) => b.score - a.score || a.start - b.start)) {
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  }
  return kept;
}

/**
 * Every plausible place of an annotation's quote in `document`, best first, in offsets of the
 * original text. Exact hits of the quote come first; the fuzzy search (bounded by an error budget
 * of a fifth of the quote) runs only when no exact hit has a context that agrees, so a document
 * that merely shifted never pays for it.
 */
export function findAnchorCandidates(target: AnchorTarget, document: LfText): AnchorCandidate[] {
  const query = new Query(target);
  const text = document.text;
  if (query.quote.length === 0) return [];
  let starts = exactHits(text, query.quote);
  if (starts.length > MAX_EXACT_HITS) {
    const agreement = new Map(starts.map((s) => [s, query.agreeingContext(text, s, s + query.quote.length)]));
    starts = starts.sort((a, b) => agreement.get(b)! - agreement.get(a)!).slice(0, MAX_EXACT_HITS);
  }
  const hits: Hit[] = starts.map((start) => ({ start, end: start + query.quote.length, errors: 0 }));
  const score = (hit: Hit): AnchorCandidate => ({ start: hit.start, end: hit.end, ...query.score(text, hit.start, hit.end, hit.errors) });
  let candidates = hits.map(score);
  const near = document.fromOriginal(Math.min(target.start, document.originalLength));
  const sure = candidates.filter((c) => c.acceptable && c.contextSimilarity >= SURE_CONTEXT);
  if (query.errorBudget > 0) {
    // A quote edited in place competes with exact copies elsewhere (a pasted paragraph): always
    // look near its old place; a few pages around it when no exact hit there is convincing; the
    // whole text only when no exact hit anywhere is.
    const ranges = [localWindow(text, near, query.quote.length, NEAR_WINDOW)];
    if (sure.length === 0) ranges.push(...searchRanges(text, near, query.quote.length + query.errorBudget));
    else if (!sure.some((c) => Math.abs(c.start - near) <= LOCAL_WINDOW)) ranges.push(localWindow(text, near, query.quote.length));
    candidates = candidates.concat(fuzzyHits(text, query.quote, query.errorBudget, ranges).filter((h) => h.errors > 0).map(score));
  }
  return distinct(candidates).map((c) => ({ ...c, start: document.toOriginal(c.start), end: document.toOriginal(c.end) }));
}
