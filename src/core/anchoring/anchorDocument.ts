import type { Annotation } from '../annotation';
import { LfText } from '../text/lineEndings';
import { atRecordedOffsets, contendersAmong, decideAnchor, type AnchorResult, type Span } from './anchorAnnotation';
import { findAnchorCandidates, type AnchorCandidate } from './anchorCandidates';
import { quoteContext } from './quoteContext';

export interface AnchorReport {
  /** Found elsewhere than their offsets said (including orphans found again). */
  readonly moved: Annotation[];
  /** Newly lost: not found, so flagged (and kept). Orphans that stay lost are not listed. */
  readonly orphaned: Annotation[];
  /** Orphaned (newly or still) because several places matched equally well. */
  readonly ambiguous: Annotation[];
  /** For every annotation left orphaned, by id: the places offered to a person (maybe none). */
  readonly candidates: ReadonlyMap<string, readonly AnchorCandidate[]>;
  /** For every annotation left orphaned, by id: why it could not be placed. */
  readonly reasons: ReadonlyMap<string, OrphanReason>;
}

/** Why an annotation is an orphan, to be told to the person who must place it. */
export type OrphanReason =
  /** No place matches the quote and its context well enough. */
  | { readonly kind: 'gone' }
  /** `places` places match equally well, and nothing tells them apart. */
  | { readonly kind: 'ambiguous'; readonly places: number }
  /** Its context is still there, around `at`, but the text there no longer reads as the quote. */
  | { readonly kind: 'changed'; readonly at: Span }
  /** Its only match is the place of annotation `by`, which was there before or matches it clearly better. */
  | { readonly kind: 'taken'; readonly by: string }
  /** It and the annotations `with`, recorded at other places, all match only this one place, equally well. */
  | { readonly kind: 'contested'; readonly with: readonly string[] };

interface Shift {
  readonly from: number;
  readonly delta: number;
}

/**
 * Where an annotation is expected now: its old position moved by as much as the nearest
 * annotation before it (else after it) that was found without doubt. Text inserted or deleted
 * above a passage moves every annotation of it alike, so this is far better than the old offset
 * for telling a repeated paragraph from its copy.
 */
function expectedPosition(shifts: readonly Shift[], from: number): number {
  if (shifts.length === 0) return from;
  let lo = 0;
  let hi = shifts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (shifts[mid].from <= from) lo = mid + 1;
    else hi = mid;
  }
  const neighbour = shifts[lo > 0 ? lo - 1 : 0];
  return Math.max(0, from + neighbour.delta);
}

/**
 * Checks every annotation's quote against the text and re-anchors, in place. Orphans are tried
 * too, so a quote that comes back (an undo, a revert) is picked up again. `settled` are the other
 * annotations of the document, which keep their places (when only orphans are anchored again).
 *
 * Two passes: the first settles every annotation that is at its offsets or has a single good
 * candidate; the second decides the rest (equally good candidates) by the position their settled
 * neighbours predict. Then no two annotations that were at different places may end up on the
 * same place: an edit cannot merge two places into one, so one of them is a copy of the other's
 * text (see `withoutCollisions`). `exhaustive`: see `findAnchorCandidates`.
 */
export function anchorDocument(annotations: readonly Annotation[], text: string, settled: readonly Annotation[] = [], exhaustive = false): AnchorReport {
  const report: MutableReport = { moved: [], orphaned: [], ambiguous: [], candidates: new Map(), reasons: new Map() };
  const document = new LfText(text);
  const shifts: Shift[] = [];
  const decisions = new Map<Annotation, AnchorResult>();
  const undecided: { annotation: Annotation; candidates: AnchorCandidate[] }[] = [];
  for (const annotation of annotations) {
    if (atRecordedOffsets(annotation, text)) {
      shifts.push({ from: annotation.start, delta: 0 });
      decisions.set(annotation, { status: 'intact' });
      continue;
    }
    const candidates = findAnchorCandidates(annotation, document, exhaustive);
    const result = decideAnchor(annotation, candidates, annotation.start, document);
    if (result.status === 'moved' && contendersAmong(candidates).length === 1) {
      shifts.push({ from: annotation.start, delta: result.span.start - annotation.start });
      decisions.set(annotation, result);
    } else {
      undecided.push({ annotation, candidates });
    }
  }
  shifts.sort((a, b) => a.from - b.from);
  for (const { annotation, candidates } of undecided) {
    decisions.set(annotation, decideAnchor(annotation, candidates, expectedPosition(shifts, annotation.start), document));
  }
  withoutCollisions(decisions, settled);
  for (const annotation of annotations) apply(annotation, decisions.get(annotation)!, text, report);
  return report;
}

/** Evidence against a moved annotation's place: edits in its quote and context. */
const doubt = (result: Extract<AnchorResult, { status: 'moved' }>) => result.candidate.errors + result.candidate.contextErrors;
/** How much less doubt one annotation needs to win a place over another. */
const CLEARLY_LESS_DOUBT = 3;

/**
 * Refuses places taken twice. Two annotations recorded at different spans cannot both belong on
 * one span now (a deleted line of two identical ones leaves one line, not two annotations on
 * it). An annotation that did not move, or one of `settled`, keeps its place, and those that
 * moved onto it become orphans; among moved ones only, the one with clearly the least doubt
 * keeps it, and when none has, all become orphans, for a person to decide.
 */
function withoutCollisions(decisions: Map<Annotation, AnchorResult>, settled: readonly Annotation[]): void {
  interface Claim {
    readonly id: string;
    /** The recorded span, as `start:end`. */
    readonly from: string;
    readonly moved?: { readonly annotation: Annotation; readonly result: Extract<AnchorResult, { status: 'moved' }> };
  }
  // Only an annotation that moved can lose its place: with none (a sidecar read against the text
  // it was written for), there is nothing to refuse, and no need to list 10,000 places.
  if (![...decisions.values()].some((result) => result.status === 'moved')) return;
  const places = new Map<string, Claim[]>();
  const claim = (start: number, end: number, c: Claim) => {
    const key = `${start}:${end}`;
    const list = places.get(key);
    if (list) list.push(c);
    else places.set(key, [c]);
  };
  const span = (a: Annotation) => `${a.start}:${a.end}`;
  for (const a of settled) if (!a.orphaned) claim(a.start, a.end, { id: a.id, from: span(a) });
  for (const [annotation, result] of decisions) {
    if (result.status === 'intact') claim(annotation.start, annotation.end, { id: annotation.id, from: span(annotation) });
    else if (result.status === 'moved') claim(result.span.start, result.span.end, { id: annotation.id, from: span(annotation), moved: { annotation, result } });
  }
  for (const claims of places.values()) {
    if (claims.length < 2 || new Set(claims.map((c) => c.from)).size < 2) continue;
    const holders = claims.filter((c) => !c.moved);
    const movers = claims.filter((c) => c.moved).sort((a, b) => doubt(a.moved!.result) - doubt(b.moved!.result));
    let owner: Claim | undefined = holders[0];
    if (!owner) {
      const rival = movers.find((c) => c.from !== movers[0].from);
      if (rival && doubt(rival.moved!.result) - doubt(movers[0].moved!.result) >= CLEARLY_LESS_DOUBT) owner = movers[0];
    }
    for (const c of movers) {
      if (owner && c.from === owner.from) continue;
      const { annotation, result } = c.moved!;
      const others = claims.filter((o) => o.from !== c.from).map((o) => o.id);
      decisions.set(annotation, { status: 'taken', by: owner ? [owner.id] : others, tie: !owner, candidates: [result.candidate] });
    }
  }
}

type MutableReport = AnchorReport & { readonly candidates: Map<string, readonly AnchorCandidate[]>; readonly reasons: Map<string, OrphanReason> };

function reasonOf(result: AnchorResult): OrphanReason {
  if (result.status === 'ambiguous') return { kind: 'ambiguous', places: result.places };
  if (result.status === 'changed') return { kind: 'changed', at: result.at };
  if (result.status === 'taken') return result.tie ? { kind: 'contested', with: result.by } : { kind: 'taken', by: result.by[0] };
  return { kind: 'gone' };
}

function apply(annotation: Annotation, result: AnchorResult, text: string, report: MutableReport): void {
  if (result.status === 'intact') return;
  if (result.status !== 'moved') {
    report.candidates.set(annotation.id, result.candidates);
    report.reasons.set(annotation.id, reasonOf(result));
    if (result.status === 'ambiguous') report.ambiguous.push(annotation);
    if (annotation.orphaned) return;
    annotation.end = annotation.start = Math.min(annotation.start, text.length);
    annotation.orphaned = true;
    report.orphaned.push(annotation);
    return;
  }
  annotation.start = result.span.start;
  annotation.end = result.span.end;
  delete annotation.orphaned;
  Object.assign(annotation, quoteContext(text, annotation.start, annotation.end));
  report.moved.push(annotation);
}
