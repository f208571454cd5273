import type { Annotation } from '../annotation';
import type { Suggestion } from './suggestion';

/** The identity of a span for duplicate checks: same kind, same start, same end. */
function spanKey(span: Pick<Suggestion, 'kind' | 'start' | 'end'>): string {
  return `${span.kind}:${span.start}:${span.end}`;
}

/**
 * The suggestions that add something: none with the kind and span of an existing (anchored)
 * annotation, and none repeating an earlier suggestion. Shared by the editor and `suggest --write`
 * so both follow one rule. Order is kept.
 */
export function withoutDuplicates<T extends Pick<Suggestion, 'kind' | 'start' | 'end'>>(suggestions: readonly T[], annotations: readonly Annotation[]): T[] {
  const taken = new Set(annotations.filter((a) => !a.orphaned).map(spanKey));
  const kept: T[] = [];
  for (const suggestion of suggestions) {
    const key = spanKey(suggestion);
    if (taken.has(key)) continue;
    taken.add(key);
    kept.push(suggestion);
  }
  return kept;
}

