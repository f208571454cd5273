import type { SidecarProblem } from './sourceRange';

/** `<<<<<<<`, `|||||||` (diff3 base), `=======`, `>>>>>>>` at the start of a line. */
const CONFLICT_MARKER = /^(<{7}|\|{7}|={7}|>{7})(?=[ \t\r]|$)/;

/** Every git conflict marker line, as a problem: a sidecar mid-merge must not be read. */
export function findConflictMarkers(text: string): SidecarProblem[] {
  const problems: SidecarProblem[] = [];
  // Cheap test first: the full scan only runs on files that could contain a marker.
  if (!/^(<{7}|\|{7}|={7}|>{7})/m.test(text)) return problems;
  const lines = text.split('\n');
  lines.forEach((lineText, i) => {
    const m = CONFLICT_MARKER.exec(lineText);
    if (!m) return;
    const visible = lineText.endsWith('\r') ? lineText.length - 1 : lineText.length;
    problems.push({
      message: `unresolved merge conflict: "${m[1]}" marker line; resolve the conflict and remove the markers`,
      line: i + 1,
      column: 1,
      endLine: i + 1,
      endColumn: visible + 1,
    });
  });
  return problems;
}
