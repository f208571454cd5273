import type { Annotation } from '../annotation';
import { anchorAnnotation, EXACT_STRATEGIES, type AnchorStrategy } from './anchorAnnotation';
import { quoteContext } from './quoteContext';

export interface AnchorReport {
  /** Found elsewhere than their offsets said (including orphans found again). */
  readonly moved: Annotation[];
  /** Newly lost: not found, so flagged (and kept). Orphans that stay lost are not listed. */
  readonly orphaned: Annotation[];
}

/**
 * Checks every annotation's quote against the text and re-anchors, in place. Orphans are tried
 * too, so a quote that comes back (an undo, a revert) is picked up again.
 */
export function anchorDocument(annotations: readonly Annotation[], text: string, strategies: readonly AnchorStrategy[] = EXACT_STRATEGIES): AnchorReport {
  const moved: Annotation[] = [];
  const orphaned: Annotation[] = [];
  for (const annotation of annotations) {
    const result = anchorAnnotation(annotation, text, strategies);
    if (result.status === 'orphaned') {
      if (annotation.orphaned) continue;
      annotation.end = annotation.start = Math.min(annotation.start, text.length);
      annotation.orphaned = true;
      orphaned.push(annotation);
      continue;
    }
    if (result.status === 'moved' || annotation.orphaned) {
      if (result.status === 'moved') {
        annotation.start = result.span.start;
        annotation.end = result.span.end;
      }
      delete annotation.orphaned;
      const context = quoteContext(text, annotation.start, annotation.end);
      annotation.prefix = context.prefix;
      annotation.suffix = context.suffix;
      moved.push(annotation);
    }
  }
  return { moved, orphaned };
}
