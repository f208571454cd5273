// An in-memory file system for the sidecar writer's tests (sidecarWriter.test.ts,
// sidecarWriterBlocks.test.ts): outside writes, late reports and pauses at any moment.
import type { SidecarRead } from '../../src/core/corpus/readFiles';
import { FileChangedError, type FileSnapshot } from '../../src/core/sidecar/atomicWrite';
import { decodeSidecarBytes } from '../../src/core/sidecar/sidecarBytes';
import type { SettleOptions } from '../../src/core/sidecar/diskVersion';
import type { SidecarFileSystem } from '../../src/core/sidecar/sidecarWriter';

export const PATH = '/corpus/doc.txt.annotations.yaml';

/** A report from disk reads the file again at once (no real pause): the tests' schedulers decide what happens between reads. */
export const QUICK_SETTLE: SettleOptions = { waitMs: 0, maxReads: 20, sleep: () => Promise.resolve() };

interface StoredFile {
  readonly bytes: Uint8Array;
  readonly snapshot: FileSnapshot;
}

/** What the writer replaced or removed, for the property's check. */
interface Overwrite {
  readonly replaced: string | undefined;
  readonly by: string | undefined;
}

/**
 * An in-memory file system with the semantics of the Node one: reads decode strictly, writes and
 * removals are a compare-and-swap on the snapshot (every write gets a new mtime and inode).
 * `pause` runs before every operation (a scheduler decides what happens meanwhile), `beforeCommit`
 * inside writes, after the writer decided and before the check, as writeFileAtomic's hook.
 */
export class MemoryFileSystem implements SidecarFileSystem {
  private readonly files = new Map<string, StoredFile>();
  private clock = 0;
  readonly overwrites: Overwrite[] = [];
  writes = 0;
  pause: () => Promise<void> = () => Promise.resolve();
  beforeCommit: ((path: string) => Promise<void> | void) | undefined;
  /** Runs when the writer's write or removal is about to take effect, with what it replaces. */
  onCommit: ((replaced: string | undefined, by: string | undefined) => void) | undefined;

  content(path = PATH): string | undefined {
    const file = this.files.get(path);
    return file && Buffer.from(file.bytes).toString('utf8');
  }

  mtime(path = PATH): number | undefined {
    return this.files.get(path)?.snapshot.mtimeMs;
  }

  /** Someone else writes the file (another editor, git, the command line). */
  outsideWrite(data: string | Uint8Array, path = PATH): void {
    this.put(path, typeof data === 'string' ? Buffer.from(data) : data);
  }

  outsideRemove(path = PATH): void {
    this.files.delete(path);
  }

  async read(path: string): Promise<SidecarRead> {
    await this.pause();
    const file = this.files.get(path);
    if (!file) return { ok: false, missing: true, problem: { line: 1, column: 1, endLine: 1, endColumn: 1, message: 'no such file or directory' } };
    const decoded = decodeSidecarBytes(file.bytes);
    return decoded.ok ? { ok: true, text: decoded.text, snapshot: file.snapshot } : { ok: false, missing: false, problem: decoded.problem, snapshot: file.snapshot };
  }

  async write(path: string, data: string | Uint8Array, expected: FileSnapshot | null | undefined): Promise<FileSnapshot> {
    await this.pause();
    await this.beforeCommit?.(path);
    if (expected !== undefined && !this.matches(path, expected)) throw new FileChangedError(path);
    const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
    this.commit(path, text);
    this.writes++;
    return this.put(path, Buffer.from(text));
  }

  async remove(path: string, expected: FileSnapshot): Promise<void> {
    await this.pause();
    await this.beforeCommit?.(path);
    if (!this.matches(path, expected)) throw new FileChangedError(path);
    this.commit(path, undefined);
    this.files.delete(path);
  }

  async isUnchanged(path: string, expected: FileSnapshot): Promise<boolean> {
    await this.pause();
    return this.matches(path, expected);
  }

  private commit(path: string, by: string | undefined): void {
    const replaced = this.content(path);
    this.overwrites.push({ replaced, by });
    this.onCommit?.(replaced, by);
  }

  private matches(path: string, expected: FileSnapshot | null): boolean {
    const file = this.files.get(path);
    if (expected === null) return file === undefined;
    return file !== undefined && file.snapshot.mtimeMs === expected.mtimeMs && file.snapshot.ino === expected.ino && Buffer.from(file.bytes).equals(expected.bytes);
  }

  private put(path: string, bytes: Uint8Array): FileSnapshot {
    const stamp = ++this.clock;
    const snapshot: FileSnapshot = { bytes, size: bytes.byteLength, mtimeMs: stamp, ino: stamp, dev: 1 };
    this.files.set(path, { bytes, snapshot });
    return snapshot;
  }
}

