import { parseSidecar } from '../sidecar/parseSidecar';
import type { StoredAnnotation } from '../sidecar/sidecarFormat';
import { changedFields } from './annotationChanges';

/** One committed version of a sidecar, newest first as `git log` lists them. */
export interface SidecarVersion {
  readonly commit: string;
  readonly author: string;
  readonly date: Date | undefined;
  readonly message: string;
  /** The sidecar's text at that commit; undefined when it did not exist there. */
  readonly text: string | undefined;
}

/** What one commit did to one annotation. */
export interface HistoryEntry {
  readonly commit: string;
  readonly author: string;
  readonly date: Date | undefined;
  readonly message: string;
  readonly change: 'added' | 'changed' | 'removed';
  /** For a change: `text` (its quote), `kind`, `speaker`, `note`, `author`, `orphaned`, `attributes.<id>`. */
  readonly fields: string[];
  readonly before: StoredAnnotation | undefined;
  readonly after: StoredAnnotation | undefined;
}

/**
 * The history of one annotation (by id) over versions of its sidecar, oldest change first. A
 * version that cannot be parsed is skipped (its commit is in `unreadable`), so one bad commit does
 * not hide the rest. Offsets are not compared: they move whenever text is edited above the span; a
 * change of the span shows as a change of its quote.
 */
export function annotationHistory(id: string, versions: readonly SidecarVersion[]): { entries: HistoryEntry[]; unreadable: string[] } {
  const entries: HistoryEntry[] = [];
  const unreadable: string[] = [];
  let previous: StoredAnnotation | undefined;
  for (const version of [...versions].reverse()) {
    let current: StoredAnnotation | undefined;
    if (version.text !== undefined) {
      const parsed = parseSidecar(version.text, 'any');
      if (!parsed.ok) {
        unreadable.push(version.commit);
        continue;
      }
      current = parsed.sidecar.annotations.find((a) => a.id === id);
    }
    const base = { commit: version.commit, author: version.author, date: version.date, message: version.message, before: previous, after: current };
    if (!previous && current) entries.push({ ...base, change: 'added', fields: [] });
    else if (previous && !current) entries.push({ ...base, change: 'removed', fields: [] });
    else if (previous && current) {
      const fields = changedFields(previous, current, 'text');
      if (fields.length > 0) entries.push({ ...base, change: 'changed', fields });
    }
    previous = current;
  }
  return { entries, unreadable };
}
