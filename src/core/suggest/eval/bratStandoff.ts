import { bratArguments } from '../../interchange/brat';
import { CodePointIndex } from '../../text/codePointIndex';
import type { TextRange } from '../paragraphs';

/** A text-bound annotation of a brat standoff file (`T12<TAB>Source 10 20;25 30<TAB>…`). */
export interface BratSpan {
  readonly id: string;
  readonly type: string;
  /** Its fragments in UTF-16 offsets of the text, in order (brat counts code points). */
  readonly fragments: readonly TextRange[];
}

/** An event (`E3<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`): role → span. */
export interface BratEvent {
  readonly id: string;
  readonly type: string;
  readonly roles: ReadonlyMap<string, BratSpan>;
}

export interface BratDocument {
  readonly spans: ReadonlyMap<string, BratSpan>;
  readonly events: readonly BratEvent[];
}

/**
 * Reads the text-bound annotations and events of a brat `.ann` file (notes, relations and
 * attributes are skipped). Offsets are converted from code points to UTF-16 against `text`.
 * A malformed T or E line is an error naming its line.
 */
export function parseBratStandoff(ann: string, text: string, file = '<ann>'): BratDocument {
  const index = new CodePointIndex(text);
  const spans = new Map<string, BratSpan>();
  const eventLines: { id: string; body: string; line: number }[] = [];
  ann.split(/\r?\n/).forEach((line, i) => {
    const [id, body] = line.split('\t');
    if (!body) return;
    if (id.startsWith('T')) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body);
      if (!m) throw new Error(`${file}:${i + 1}:1: malformed text-bound annotation`);
      const fragments = m[2].split(';').map((f) => {
        const [start, end] = f.split(' ').map(Number);
        if (end < start || end > index.codePointLength) throw new Error(`${file}:${i + 1}:1: span ${f} outside the text`);
        return { start: index.toUtf16(start), end: index.toUtf16(end) };
      });
      spans.set(id, { id, type: m[1], fragments });
    } else if (id.startsWith('E')) {
      eventLines.push({ id, body, line: i + 1 });
    }
  });
  const events = eventLines.map(({ id, body, line }) => {
    const [trigger, ...args] = bratArguments(body);
    const roles = new Map<string, BratSpan>();
    for (const { role, id: ref } of args) {
      const span = spans.get(ref);
      if (!span) throw new Error(`${file}:${line}:1: event ${id} refers to unknown ${ref}`);
      roles.set(role, span);
    }
    return { id, type: trigger?.role ?? '', roles };
  });
  return { spans, events };
}
