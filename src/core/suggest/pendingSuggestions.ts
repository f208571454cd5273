import { compareAnnotations } from '../annotation';
import type { Annotation } from '../annotation';
import { shiftAnnotations } from '../edits/shiftAnnotations';
import type { TextChange } from '../edits/textChange';
import type { Suggestion } from './suggestion';
import { withoutDuplicates } from './withoutDuplicates';

/** A suggestion waiting for a decision, with an id so hovers and commands can name it. */
export interface PendingSuggestion extends Suggestion {
  readonly id: string;
  start: number;
  end: number;
  orphaned?: boolean;
}

/**
 * The undecided suggestions of one document, in memory only. They follow edits with the same
 * shifting as annotations; one whose text is deleted is dropped rather than orphaned, because a
 * suggestion is only worth anything at its text.
 */
export class PendingSuggestions {
  private items: PendingSuggestion[] = [];
  private nextId = 1;

  constructor(suggestions: readonly Suggestion[] = [], annotations: readonly Annotation[] = []) {
    this.replace(suggestions, annotations);
  }

  /** In document order (start, end, id). */
  get all(): readonly PendingSuggestion[] {
    return this.items;
  }

  get size(): number {
    return this.items.length;
  }

  get(id: string): PendingSuggestion | undefined {
    return this.items.find((s) => s.id === id);
  }

  /** A fresh analysis replaces the previous one; what duplicates an annotation is left out. */
  replace(suggestions: readonly Suggestion[], annotations: readonly Annotation[]): void {
    this.items = withoutDuplicates(suggestions, annotations)
      .map((s) => ({ ...s, id: `s${this.nextId++}` }))
      .sort(compareAnnotations);
  }

  remove(id: string): PendingSuggestion | undefined {
    const index = this.items.findIndex((s) => s.id === id);
    return index === -1 ? undefined : this.items.splice(index, 1)[0];
  }

  /** Drops the suggestions an annotation now covers with the same kind. Returns true if any. */
  dropDuplicatesOf(annotations: readonly Annotation[]): boolean {
    const before = this.items.length;
    this.items = withoutDuplicates(this.items, annotations);
    return this.items.length !== before;
  }

  /** Suggestions whose span contains `offset` (edges included), smallest first. */
  at(offset: number): PendingSuggestion[] {
    return this.items.filter((s) => s.start <= offset && offset <= s.end).sort((a, b) => a.end - a.start - (b.end - b.start));
  }

  /** Follows edits of the document. Returns true when any suggestion moved or was dropped. */
  applyChanges(changes: readonly TextChange[]): boolean {
    const report = shiftAnnotations(this.items, changes);
    if (!report.changed) return false;
    this.items = this.items.filter((s) => !s.orphaned).sort(compareAnnotations);
    return true;
  }
}
