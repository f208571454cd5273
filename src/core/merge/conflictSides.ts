/** The texts on each side of git conflict markers; `base` only when every region has one (diff3). */
export interface ConflictSides {
  readonly ours: string;
  readonly theirs: string;
  readonly base?: string;
}

const MARKER = /^(<{7}|\|{7}|={7}|>{7})(?:[ \t].*)?\r?$/;

/** Whether git left conflict markers in the text (an opening `<<<<<<<` line is enough to offer a resolution). */
export function hasConflictMarkers(text: string): boolean {
  return /^<{7}(?:[ \t]|\r?$)/m.test(text);
}

/**
 * Splits a file with git conflict markers into the two versions git was merging: lines outside
 * the conflict regions belong to both, `<<<<<<<`…`=======` to ours, `=======`…`>>>>>>>` to theirs
 * (and `|||||||`…`=======` to the base in diff3 style). Returns undefined when there are no
 * markers or they are not properly nested, since a guess could silently lose annotations.
 */
export function splitConflictSides(text: string): ConflictSides | undefined {
  const ours: string[] = [];
  const theirs: string[] = [];
  const base: string[] = [];
  let state: 'common' | 'ours' | 'base' | 'theirs' = 'common';
  let regions = 0;
  let regionsWithBase = 0;
  const lines = text.split(/(?<=\n)/);
  for (const line of lines) {
    const marker = MARKER.exec(line.replace(/\n$/, ''))?.[1];
    if (marker === undefined) {
      if (state === 'common' || state === 'ours') ours.push(line);
      if (state === 'common' || state === 'theirs') theirs.push(line);
      if (state === 'common' || state === 'base') base.push(line);
      continue;
    }
    const next = transition(state, marker[0]);
    if (!next) return undefined;
    if (next === 'ours') regions++;
    if (next === 'base') regionsWithBase++;
    state = next;
  }
  if (state !== 'common' || regions === 0) return undefined;
  const result = { ours: ours.join(''), theirs: theirs.join('') };
  return regionsWithBase === regions ? { ...result, base: base.join('') } : result;
}

function transition(state: 'common' | 'ours' | 'base' | 'theirs', marker: string): 'common' | 'ours' | 'base' | 'theirs' | undefined {
  if (marker === '<' && state === 'common') return 'ours';
  if (marker === '|' && state === 'ours') return 'base';
  if (marker === '=' && (state === 'ours' || state === 'base')) return 'theirs';
  if (marker === '>' && state === 'theirs') return 'common';
  return undefined;
}

/** One conflict region holding both whole texts: what a merge falls back to when it cannot read a side. */
export function joinConflictSides(ours: string, theirs: string, oursLabel = 'ours', theirsLabel = 'theirs'): string {
  const line = (text: string): string => (text === '' || text.endsWith('\n') ? text : text + '\n');
  return `<<<<<<< ${oursLabel}\n${line(ours)}=======\n${line(theirs)}>>>>>>> ${theirsLabel}\n`;
}

/**
 * joinConflictSides on the files' bytes: for sides that cannot be decoded (not UTF-8), so that
 * falling back to conflict markers keeps every byte of both for the user to sort out.
 */
export function joinConflictSideBytes(ours: Uint8Array, theirs: Uint8Array, oursLabel = 'ours', theirsLabel = 'theirs'): Uint8Array {
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  const line = (bytes: Uint8Array): Uint8Array[] => (bytes.length === 0 || bytes[bytes.length - 1] === 0x0a ? [bytes] : [bytes, encode('\n')]);
  const parts = [encode(`<<<<<<< ${oursLabel}\n`), ...line(ours), encode('=======\n'), ...line(theirs), encode(`>>>>>>> ${theirsLabel}\n`)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
