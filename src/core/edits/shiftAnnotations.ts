import type { TextChange } from './textChange';
import { shiftSpan, type ShiftableSpan } from './shiftSpan';

export interface ShiftReport<T> {
  /** Spans a change clipped or orphaned: the editor's decorations for them need a refresh. */
  readonly reshaped: T[];
  /** Spans this batch of changes orphaned (also in `reshaped`). */
  readonly orphaned: T[];
  /** True when any span moved or changed at all: the model has unsaved offsets. */
  readonly changed: boolean;
}

/**
 * Shifts every span through a batch of changes, in the order given. VS Code delivers the changes
 * of one event bottom-to-top, each offset valid in the text left by the previous one, so applying
 * them in order is exact.
 */
export function shiftAnnotations<T extends ShiftableSpan>(spans: readonly T[], changes: readonly TextChange[]): ShiftReport<T> {
  const reshaped = new Set<T>();
  const orphaned: T[] = [];
  let changed = false;
  for (const change of changes) {
    for (const span of spans) {
      const outcome = shiftSpan(span, change);
      if (outcome === 'unchanged') continue;
      changed = true;
      if (outcome === 'clipped') reshaped.add(span);
      if (outcome === 'orphaned') {
        reshaped.add(span);
        orphaned.push(span);
      }
    }
  }
  return { reshaped: [...reshaped], orphaned, changed };
}
