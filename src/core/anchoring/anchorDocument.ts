import type { Annotation } from '../annotation';
import { LfText } from '../text/lineEndings';
import { atRecordedOffsets, chooseCandidate, contendersAmong, type AnchorResult } from './anchorAnnotation';
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
}

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
 * too, so a quote that comes back (an undo, a revert) is picked up again.
 *
 * Two passes: the first settles every annotation that is at its offsets or has a single good
 * candidate; the second decides the rest (equally good candidates) by the position their settled
 * neighbours predict.
 */
export function anchorDocument(annotations: readonly Annotation[], text: string): AnchorReport {
  const report: MutableReport = { moved: [], orphaned: [], ambiguous: [], candidates: new Map() };
  const document = new LfText(text);
  const shifts: Shift[] = [];
  const undecided: { annotation: Annotation; candidates: AnchorCandidate[] }[] = [];
  for (const annotation of annotations) {
    if (atRecordedOffsets(annotation, text)) {
      shifts.push({ from: annotation.start, delta: 0 });
      continue;
    }
    const candidates = findAnchorCandidates(annotation, document);
    const result = chooseCandidate(candidates, annotation.start);
    if (result.status === 'moved' && contendersAmong(candidates).length === 1) {
      shifts.push({ from: annotation.start, delta: result.span.start - annotation.start });
      apply(annotation, result, text, report);
    } else {
      undecided.push({ annotation, candidates });
    }
  }
  shifts.sort((a, b) => a.from - b.from);
  for (const { annotation, candidates } of undecided) {
    apply(annotation, chooseCandidate(candidates, expectedPosition(shifts, annotation.start)), text, report);
  }
  return report;
}

type MutableReport = AnchorReport & { readonly candidates: Map<string, readonly AnchorCandidate[]> };

function apply(annotation: Annotation, result: AnchorResult, text: string, report: MutableReport): void {
  if (result.status === 'intact') return;
  if (result.status === 'orphaned' || result.status === 'ambiguous') {
    report.candidates.set(annotation.id, result.candidates);
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
