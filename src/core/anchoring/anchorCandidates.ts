import search from 'approx-string-match';
import { LfText } from '../text/lineEndings';
import type { AnchorTarget, Span } from './anchorAnnotation';
import { alignCuts, levenshtein } from './alignment';
import { candidateStretches, searchStretches } from './gramFilter';
import { gramIndex, occurrences } from './occurrences';
import { AMBIGUITY_MARGIN, Query, SPLIT_CONTEXT_MARGIN, type AnchorCandidate } from './anchorQuery';
import { CONTEXT_LENGTH } from './quoteContext';

export {
  AMBIGUITY_MARGIN,
  MIN_CONTEXT_SIMILARITY,
  SELF_EVIDENT_QUOTE_LENGTH,
  SPLIT_CONTEXT_MARGIN,
  minContextSimilarity,
  pinnedQuoteErrorBudget,
  quoteErrorBudget,
  type AnchorCandidate,
} from './anchorQuery';

/** Exact hits of a common quote ("the") beyond this are ranked cheaply and the rest dropped. */
const MAX_EXACT_HITS = 64;
/** The fuzzy search keeps only the best matches of each chunk, so a lookalike elsewhere cannot hide the quote. */
const CHUNK = 1 << 16;
/** Around the old position, searched on their own for the same reason: a paragraph or so, and a few pages. */
const NEAR_WINDOW = 256;
const LOCAL_WINDOW = 4096;
/** Exact hits whose context agrees this well need no fuzzy search. */
const SURE_CONTEXT = 0.9;

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
 * `filtered`: only the stretches the document's gram index leaves are read (the same hits; see
 * gramFilter.ts), for ranges that together cover the whole text.
 */
function fuzzyHits(document: LfText, quote: string, budget: number, ranges: readonly [number, number][], filtered = false): Hit[] {
  const text = document.text;
  const stretches = filtered ? candidateStretches(gramIndex(document), quote, budget, text.length) : undefined;
  const hits: Hit[] = [];
  for (const [from, to] of ranges) {
    // Exact copies are candidates already; masked, they cannot crowd out the edited quote.
    const masked = () => text.slice(from, to).split(quote).join('\0'.repeat(quote.length));
    const matches = filtered ? searchStretches(stretches, from, to, masked, quote, budget) : search(masked(), quote, budget);
    for (const match of matches) hits.push({ start: from + match.start, end: from + match.end, errors: match.errors });
  }
  return hits;
}

/** The best acceptable candidate, the one contendersAmong measures the others against. */
function leaderOf(candidates: readonly AnchorCandidate[]): AnchorCandidate | undefined {
  let leader: AnchorCandidate | undefined;
  for (const c of candidates) if (c.acceptable && (!leader || c.score > leader.score)) leader = c;
  return leader;
}

/**
 * The fuzzy hits of `ranges` (the chunks of the whole text) that could contend with `lead`, the
 * best acceptable place found near the old one: each chunk's best copies, as the full search finds
 * them, where they have few enough edits to score within AMBIGUITY_MARGIN of the lead; else where
 * they could score within SPLIT_CONTEXT_MARGIN of it and keep a side of the context better than
 * it does (else the lead dominates them). Those are looked for as the recorded prefix and quote
 * together, or quote and suffix, with the side's fewer edits: a longer pattern, which the gram
 * index narrows to a few stretches. A chunk where such a passage is found is searched in full.
 * Undefined when nothing can be bounded (any copy within the budget could contend, or a context is empty).
 */
function boundedFarHits(query: Query, document: LfText, lead: AnchorCandidate, budget: number, ranges: readonly [number, number][]): Hit[] | undefined {
  const text = document.text;
  const quote = query.quote;
  const close = query.editsThatContend(lead, AMBIGUITY_MARGIN);
  const split = lead.contextErrors === 0 ? close : query.editsThatContend(lead, SPLIT_CONTEXT_MARGIN);
  if (close >= budget || query.prefix.length === 0 || query.suffix.length === 0) return undefined;
  const index = gramIndex(document);
  const closeStretches = candidateStretches(index, quote, close, text.length);
  // A copy that could contend and is not close has one side of the context with fewer edits than
  // the lead's: the passage of that side and the quote has at most `split` and those edits.
  const sides: { passage: string; errors: number; stretches: [number, number][] }[] = [];
  if (split > close) {
    for (const [leadErrors, passage] of [
      [lead.prefixErrors, query.prefix + quote],
      [lead.contextErrors - lead.prefixErrors, quote + query.suffix],
    ] as const) {
      if (leadErrors === 0) continue;
      const errors = split + leadErrors - 1;
      const stretches = candidateStretches(index, passage, errors, text.length);
      if (!stretches) return undefined;
      sides.push({ passage, errors, stretches });
    }
  }
  const passageFound = (from: number, to: number) =>
    sides.some(({ passage, errors, stretches }) => {
      // The passage of a copy in the chunk may reach out of it by its context.
      const a = Math.max(0, from - passage.length - errors);
      const b = Math.min(text.length, to + passage.length + errors);
      return searchStretches(stretches, a, b, () => text.slice(a, b), passage, errors).length > 0;
    });
  const hits: Hit[] = [];
  for (const [from, to] of ranges) {
    let slice: string | undefined;
    const masked = () => (slice ??= text.slice(from, to).split(quote).join('\0'.repeat(quote.length)));
    let matches = searchStretches(closeStretches, from, to, masked, quote, close);
    // Where such a passage is, the chunk's best copies are found as the full search finds them (if within `split`).
    if (matches.length === 0 && passageFound(from, to)) matches = search(masked(), quote, split);
    for (const match of matches) hits.push({ start: from + match.start, end: from + match.end, errors: match.errors });
  }
  return hits;
}

/** Candidate lists that left out copies too edited to contend (see findAnchorCandidates). */
const bounded = new WeakSet<readonly AnchorCandidate[]>();

/**
 * How many edits a copy of the quote found in `ranges` may have and still change where the
 * annotation goes: the whole budget, unless an exact hit has the quote and both sides of the
 * context intact (the best score there is) and no other exact hit lies in the ranges. Then only a
 * copy that scores within AMBIGUITY_MARGIN of it matters, one that contends: one edit for a quote
 * of 56 to 111 characters, none for a shorter one (so no search). A copy with more edits can be
 * no rival (which must be the very quote), and could only matter by outranking an exact hit it
 * overlaps, of which there is none. The search reports only the fewest edits of each range
 * anyway, so a smaller budget finds every copy that contends. Unless the quote is very long
 * (182 characters against a 32-character prefix), a copy that contends has its prefix intact too
 * (the margin leaves no room for an edit there), so where the recorded prefix is found nowhere in
 * the ranges but before the exact hit itself, none can be there, and there is no search at all. The decision is the same: the usual case of a document
 * edited above an annotation, which is found at once, exactly.
 */
function editsThatMatter(query: Query, document: LfText, exact: readonly AnchorCandidate[], ranges: readonly [number, number][]): number {
  const budget = query.errorBudget;
  const perfect = exact.find((c) => c.acceptable && c.errors === 0 && c.contextErrors === 0 && c.score === 1);
  if (!perfect || exact.some((c) => c !== perfect && ranges.some(([from, to]) => c.start < to && from < c.end))) return budget;
  let contending = 0;
  while (contending < budget && query.bestScoreWith(contending + 1) >= 1 - AMBIGUITY_MARGIN) contending++;
  if (contending > 0 && query.prefix.length >= CONTEXT_LENGTH / 2 && query.bestScoreWith(1, 1) < 1 - AMBIGUITY_MARGIN) {
    // Where a copy with the prefix right before it would start.
    const own = perfect.start;
    const starts = occurrences(document, query.prefix).map((p) => p + query.prefix.length);
    if (!starts.some((s) => s !== own && ranges.some(([from, to]) => from <= s && s <= to))) return 0;
  }
  return contending;
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
 * The MAX_EXACT_HITS hits of a common quote whose context agrees most (the first in text order
 * among equal agreement), in text order: what sorting them all by agreement would keep (the order
 * does not matter, `distinct` ranks the candidates), in linear time: agreement is a small count of
 * characters, so it is tallied, not sorted.
 */
function mostAgreeing(query: Query, text: string, starts: readonly number[]): number[] {
  const agreement = new Int32Array(starts.length);
  let most = 0;
  for (let i = 0; i < starts.length; i++) {
    agreement[i] = query.agreeingContext(text, starts[i], starts[i] + query.quote.length);
    if (agreement[i] > most) most = agreement[i];
  }
  const tally = new Int32Array(most + 1);
  for (let i = 0; i < starts.length; i++) tally[agreement[i]]++;
  // The least agreement kept, and how many hits of that agreement are kept.
  let cutoff = most;
  let above = 0;
  while (above + tally[cutoff] < MAX_EXACT_HITS) above += tally[cutoff--];
  let atCutoff = MAX_EXACT_HITS - above;
  const kept: number[] = [];
  for (let i = 0; i < starts.length; i++) {
    if (agreement[i] > cutoff || (agreement[i] === cutoff && atCutoff-- > 0)) kept.push(starts[i]);
  }
  return kept;
}

/**
 * Every plausible place of an annotation's quote in `document`, best first, in offsets of the
 * original text. Exact hits of the quote come first; then edited copies (an error budget of a
 * fifth of the quote) near its old place, and in the whole text only when no exact hit has a
 * context that agrees. The search for edited copies is skipped where it cannot change the
 * decision and narrowed to the copies that can (`editsThatMatter`), so a document that merely
 * shifted hardly pays for it; and where a place near the old one is acceptable, the rest of the
 * text is searched only for copies that could contend with it (`editsThatContend`: the list is
 * then `bounded`, see completeCandidates), through the gram index. A re-wrapped document, whose
 * quotes all changed a little, is re-anchored in seconds instead of a minute.
 * `exhaustive` searches anyway (the reference the tests hold the short cuts to).
 */
export function findAnchorCandidates(target: AnchorTarget, document: LfText, exhaustive = false): AnchorCandidate[] {
  return candidatesOf(target, document, exhaustive ? 'exhaustive' : 'bounded');
}

/**
 * `candidates` with the copies a bounded search left out: what findAnchorCandidates finds without
 * the bound. Needed where more than the contenders is shown (the near misses offered with an
 * annotation whose own text changed); the decision itself is the same either way.
 */
export function completeCandidates(target: AnchorTarget, document: LfText, candidates: readonly AnchorCandidate[]): readonly AnchorCandidate[] {
  return bounded.has(candidates) ? candidatesOf(target, document, 'complete') : candidates;
}

function candidatesOf(target: AnchorTarget, document: LfText, mode: 'exhaustive' | 'complete' | 'bounded'): AnchorCandidate[] {
  const query = new Query(target);
  const text = document.text;
  if (query.quote.length === 0) return [];
  let starts = occurrences(document, query.quote);
  if (starts.length > MAX_EXACT_HITS) starts = mostAgreeing(query, text, starts);
  const hits: Hit[] = starts.map((start) => ({ start, end: start + query.quote.length, errors: 0 }));
  const score = (hit: Hit): AnchorCandidate => ({ start: hit.start, end: hit.end, ...query.score(text, hit.start, hit.end, hit.errors) });
  const fuzzy = (budget: number, ranges: readonly [number, number][], filtered = false) =>
    fuzzyHits(document, query.quote, budget, ranges, filtered && mode !== 'exhaustive')
      .filter((h) => h.errors > 0)
      .map(score);
  let candidates = hits.map(score);
  let isBounded = false;
  const near = document.fromOriginal(Math.min(target.start, document.originalLength));
  const sure = candidates.filter((c) => c.acceptable && c.contextSimilarity >= SURE_CONTEXT);
  if (query.errorBudget > 0) {
    // A quote edited in place competes with exact copies elsewhere (a pasted paragraph): always
    // look near its old place; a few pages around it when no exact hit there is convincing; the
    // whole text only when no exact hit anywhere is.
    const ranges = [localWindow(text, near, query.quote.length, NEAR_WINDOW)];
    if (sure.length === 0) ranges.push(...searchRanges(text, near, query.quote.length + query.errorBudget));
    else if (!sure.some((c) => Math.abs(c.start - near) <= LOCAL_WINDOW)) ranges.push(localWindow(text, near, query.quote.length));
    const budget = mode === 'exhaustive' ? query.errorBudget : editsThatMatter(query, document, candidates, ranges);
    if (budget > 0 && sure.length === 0) {
      // The old place and the pages around it first, then the chunks of the whole text: only for
      // copies that could contend with the best acceptable place found there (all of them when
      // nothing there is acceptable, or a copy in the chunks outdoes it).
      candidates = candidates.concat(fuzzy(budget, ranges.slice(0, 2)));
      const lead = mode === 'bounded' ? leaderOf(candidates) : undefined;
      let far = lead && boundedFarHits(query, document, lead, budget, ranges.slice(2))?.map(score);
      // A copy found far away that beats the lead: what contends with it is searched for in full.
      if (far && lead && !far.some((c) => c.acceptable && (c.score > lead.score || (c.score === lead.score && (c.start !== lead.start || c.end !== lead.end))))) isBounded = true;
      else far = fuzzy(budget, ranges.slice(2), true);
      candidates = candidates.concat(far);
    } else if (budget > 0) {
      candidates = candidates.concat(fuzzy(budget, ranges));
    }
  }
  const found = distinct(candidates).map((c) => ({ ...c, start: document.toOriginal(c.start), end: document.toOriginal(c.end) }));
  if (isBounded) bounded.add(found);
  return found;
}

/**
 * The place the recorded context points to, when it is not `candidate`: where the recorded
 * passage (prefix, quote and suffix together) matches the text better than at the candidate.
 * Then the annotation's own text was changed there, and the candidate is merely a copy of the
 * quote elsewhere (a second `0:00` line, another `Share This`): taking it would be a silent
 * mis-anchor. Looked for around `hint` (where the annotation is expected) and around the
 * candidate; a candidate whose quote and context are both intact is never doubted.
 */
export function contextPlaceElsewhere(target: AnchorTarget, document: LfText, candidate: AnchorCandidate, hint: number | null): Span | undefined {
  // The cost of the recorded passage with its quote exactly at the candidate.
  const errorsHere = candidate.errors + candidate.contextErrors;
  if (errorsHere === 0) return undefined;
  return passagePlace(target, document, hint, errorsHere - 1, candidate);
}

/**
 * Where the recorded passage (prefix, quote and suffix) best matches the text near `hint` (and
 * near `candidate`, which is not itself an answer), with at most `maxErrors` edits: the place
 * the context points to, whatever the text between now reads.
 */
export function passagePlace(target: AnchorTarget, document: LfText, hint: number | null, maxErrors: number, candidate?: Span): Span | undefined {
  const query = new Query(target);
  const text = document.text;
  if (query.quote.length === 0 || maxErrors < 0) return undefined;
  const passage = query.prefix + query.quote + query.suffix;
  const start = candidate ? document.fromOriginal(candidate.start) : -1;
  // With no expected position, the whole text.
  const windows: [number, number][] = [hint === null ? [0, text.length] : localWindow(text, document.fromOriginal(Math.min(hint, document.originalLength)), passage.length)];
  if (candidate) windows.push(localWindow(text, start, passage.length, passage.length));
  let best: (Span & { errors: number }) | undefined;
  for (const [from, to] of mergeRanges(windows)) {
    for (const match of search(text.slice(from, to), passage, maxErrors)) {
      if (best && match.errors >= best.errors) continue;
      // Where the quote lies inside the matched stretch: between the aligned prefix and suffix.
      const [quoteStart, quoteEnd] = alignCuts(passage, text.slice(from + match.start, from + match.end), [query.prefix.length, query.prefix.length + query.quote.length]).map((o) => from + match.start + o);
      // The passage itself at the candidate (cheaper only by edits at a recorded document edge).
      if (quoteStart === start) continue;
      best = { start: quoteStart, end: Math.max(quoteStart, quoteEnd), errors: match.errors };
    }
  }
  return best && { start: document.toOriginal(best.start), end: document.toOriginal(best.end) };
}

/** A candidate for exactly `span` (original offsets), scored like any other: offered to a person, not anchored to. */
export function candidateAt(target: AnchorTarget, document: LfText, span: Span): AnchorCandidate {
  const query = new Query(target);
  const start = document.fromOriginal(span.start);
  const end = document.fromOriginal(span.end);
  const found = document.text.slice(start, end);
  return { ...span, ...query.score(document.text, start, end, levenshtein(query.quote, found)) };
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [from, to] of ranges.sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}
