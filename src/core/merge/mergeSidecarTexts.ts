import { parseSidecar, type SidecarProblem } from '../sidecar/parseSidecar';
import type { SidecarFile } from '../sidecar/sidecarFormat';
import { serializeSidecar } from '../sidecar/serializeSidecar';
import { splitConflictSides } from './conflictSides';
import { mergeSidecars, type MergeConflict } from './mergeSidecars';

export type TextMerge =
  | { readonly ok: true; readonly text: string; readonly file: SidecarFile; readonly conflicts: readonly MergeConflict[] }
  | { readonly ok: false; readonly side: 'base' | 'ours' | 'theirs' | 'markers'; readonly problems: readonly SidecarProblem[] };

/**
 * Merges three sidecar texts (the git merge driver's %O %A %B). An empty base (git's way of
 * saying there is no common ancestor: a file both branches added) or an undefined one (conflict
 * markers without diff3 regions) is unknown: the sides are then united by id. A base that is not
 * a valid sidecar is refused like a side: taken as unknown, it would bring back every annotation
 * one side deleted.
 */
export function mergeSidecarTexts(baseText: string | undefined, oursText: string, theirsText: string): TextMerge {
  const ours = parseSidecar(oursText, 'any');
  if (!ours.ok) return { ok: false, side: 'ours', problems: ours.problems };
  const theirs = parseSidecar(theirsText, 'any');
  if (!theirs.ok) return { ok: false, side: 'theirs', problems: theirs.problems };
  const base = baseText?.trim() ? parseSidecar(baseText, 'any') : undefined;
  if (base && !base.ok) return { ok: false, side: 'base', problems: base.problems };
  return render(base?.sidecar, ours.sidecar, theirs.sidecar);
}

/** Resolves a sidecar that git left with conflict markers, merging its two sides by id. */
export function resolveConflictMarkers(text: string): TextMerge {
  const sides = splitConflictSides(text);
  if (!sides) {
    return { ok: false, side: 'markers', problems: [{ line: 1, column: 1, endLine: 1, endColumn: 1, message: 'the conflict markers are incomplete or not nested as git writes them' }] };
  }
  return mergeSidecarTexts(sides.base, sides.ours, sides.theirs);
}

function render(base: SidecarFile | undefined, ours: SidecarFile, theirs: SidecarFile): TextMerge {
  const { file, conflicts } = mergeSidecars(base, ours, theirs);
  return { ok: true, text: serializeSidecar(file), file, conflicts };
}
