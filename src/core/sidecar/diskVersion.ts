// What a sidecar on disk is, as read (DiskVersion), and reading it until it stops changing (readSettled): shared by the
// sidecar writer (sidecarWriter.ts), which decides on it, and by those who only look (the workspace index, the speaker
// registry).
import type { SidecarRead } from '../corpus/readFiles';
import type { FileSnapshot } from './atomicWrite';
import type { SidecarProblem } from './sourceRange';

/** Reads a sidecar the one way sidecars are read (strict UTF-8, size limit), with its snapshot. */
export interface SidecarReader {
  read(path: string): Promise<SidecarRead>;
}

/** What the writer knows the file on disk to be: what it last read there or wrote there. */
export type DiskVersion =
  | { readonly kind: 'missing' }
  | { readonly kind: 'text'; readonly text: string; readonly snapshot: FileSnapshot }
  /** Unreadable as a sidecar (too large, not UTF-8, not a regular file): never written over. */
  | { readonly kind: 'invalid'; readonly problem: SidecarProblem; readonly snapshot?: FileSnapshot };

export const MISSING: DiskVersion = { kind: 'missing' };

/** A sidecar's content without a snapshot (a DiskVersion, or the text of an editor holding it). */
export type SidecarContent = { readonly kind: 'missing' } | { readonly kind: 'invalid'; readonly problem: SidecarProblem } | { readonly kind: 'text'; readonly text: string };

/** Reads a sidecar through the core reader for someone who only looks (the workspace index, the speaker registry). */
export async function readSidecarContent(fs: SidecarReader, path: string): Promise<DiskVersion> {
  return diskVersionOf(await fs.read(path));
}

export function diskVersionOf(read: SidecarRead): DiskVersion {
  if (read.ok) return { kind: 'text', text: read.text, snapshot: read.snapshot };
  if (read.missing) return MISSING;
  return read.snapshot ? { kind: 'invalid', problem: read.problem, snapshot: read.snapshot } : { kind: 'invalid', problem: read.problem };
}

/** Whether two versions hold the same content (a missing file is one content; an unreadable one is never "the same"). */
export function sameContent(a: DiskVersion, b: DiskVersion): boolean {
  if (a.kind === 'missing' || b.kind === 'missing') return a.kind === b.kind;
  return a.kind === 'text' && b.kind === 'text' && a.text === b.text;
}

/** Two reads of the file found it the same: the same content, size and modification time (for an unreadable one, the same size and time). */
export function sameVersion(a: DiskVersion, b: DiskVersion): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'missing') return true;
  const sameSnapshot = (x: FileSnapshot | undefined, y: FileSnapshot | undefined) => x !== undefined && y !== undefined && x.size === y.size && x.mtimeMs === y.mtimeMs;
  if (a.kind === 'text' && b.kind === 'text') return a.text === b.text && sameSnapshot(a.snapshot, b.snapshot);
  return a.kind === 'invalid' && b.kind === 'invalid' && (sameSnapshot(a.snapshot, b.snapshot) || (a.snapshot === undefined && b.snapshot === undefined && a.problem.message === b.problem.message));
}

/**
 * The file once it has stopped changing. A watcher reports a file as its writer starts, so a large sidecar saved by an
 * editor or checked out by git can be read half-written: empty, or cut in the middle of a line. Unless `whole` takes a
 * read as it is (the writer's own write), the file is read again after a pause until two reads agree (sameVersion),
 * `settle.maxReads` reads at most; `first`, when given, is the first read.
 */
export async function readSettled(fs: SidecarReader, path: string, whole: (version: DiskVersion) => boolean, settle: SettleOptions = SETTLE, first?: DiskVersion): Promise<DiskVersion> {
  let now = first ?? diskVersionOf(await fs.read(path));
  for (let reads = 1; reads < settle.maxReads && !whole(now); reads++) {
    await settle.sleep(settle.waitMs);
    const again = diskVersionOf(await fs.read(path));
    if (sameVersion(now, again)) return again;
    now = again;
  }
  return now;
}

/** How a report from disk waits for the file to stop changing (readSettled). */
export interface SettleOptions {
  /** The pause between two reads. */
  readonly waitMs: number;
  /** Reads at most: a file still changing after them is taken as last read (its next report reads it again). */
  readonly maxReads: number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** 100 ms between reads, 2 s at most: a sidecar of 10,000 annotations (3 MB) is written in well under 100 ms. */
export const SETTLE: SettleOptions = { waitMs: 100, maxReads: 20, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
