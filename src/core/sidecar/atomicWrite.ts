import { nodeCrypto } from '../lazyLibraries';
import { constants } from 'node:fs';
import { link, lstat, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * A file as it was read: its bytes and what stat said about it then. A writer that was given one
 * replaces the file only if it still is exactly this (see writeFileAtomic's `expected`).
 */
export interface FileSnapshot {
  readonly bytes: Uint8Array;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly dev: number;
}

/** The file changed (or appeared, or vanished) between the read and the write: nothing was written (or removed). */
export class FileChangedError extends Error {
  readonly code = 'ECHANGED';
  constructor(readonly path: string) {
    super(`${path} changed on disk since it was read; nothing was written`);
  }
}

export interface AtomicWriteOptions {
  /**
   * What the caller read and based `data` on. Just before the rename the file is stat'ed and read
   * again, and the write is refused with FileChangedError unless size, mtime, inode and bytes are
   * all unchanged, so an edit saved meanwhile (an editor, another tool) is never overwritten.
   * `null`: the file must not exist (it is created without ever replacing one that appeared).
   * Undefined: no check.
   */
  readonly expected?: FileSnapshot | null;
  /** For tests: runs after the new content is on disk in the temp file, before the check and rename. */
  readonly beforeCommit?: () => Promise<void> | void;
}

/**
 * Replaces `path` with `data` so that readers (git, the other editor window, a crash) see either
 * the old file or the new one, never a half-written sidecar: write a temp file in the SAME
 * directory (rename is only atomic within one file system), fsync it, then rename it over the
 * target. The temp file is removed if anything fails.
 *
 * A symbolic link is written through: its target is replaced and the link stays a link.
 *
 * With `expected`, the remaining window for a lost update is the time between the final re-read
 * and the rename (no portable compare-and-swap rename exists); it is kept to one stat and one read.
 *
 * Returns the snapshot of the file as written (taken from the temp file, whose inode and
 * modification time the rename keeps), for the next write to pass as `expected`.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<FileSnapshot> {
  const target = await writeTarget(path);
  const dir = dirname(target);
  // Dot-prefixed so editors and globbing tools ignore it; pid + random so concurrent writers never collide.
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`);
  const mode = await existingMode(target);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let created = false;
  let written: FileSnapshot;
  try {
    const handle = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
    created = true;
    try {
      await handle.writeFile(bytes);
      await handle.sync();
      const info = await handle.stat();
      written = { bytes, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, dev: info.dev };
    } finally {
      await handle.close();
    }
    await options.beforeCommit?.();
    if (options.expected === null) {
      await createExclusive(tmp, target);
    } else {
      if (options.expected !== undefined) await assertUnchanged(target, options.expected);
      await renameWithRetry(tmp, target);
    }
    created = false;
  } catch (e) {
    if (created) await unlink(tmp).catch(() => undefined);
    throw e;
  }
  return written;
}

/**
 * Removes `path` only if it still is the file of `expected` (same check as writeFileAtomic's),
 * else throws FileChangedError and leaves it. A file already gone counts as changed: someone else
 * removed it, and that is theirs to report.
 */
export async function removeFileIfUnchanged(path: string, expected: FileSnapshot): Promise<void> {
  await assertUnchanged(path, expected);
  await unlink(path);
}

/**
 * Whether `path` is still exactly the file of `expected` (size, modification time, inode, device
 * and bytes): the one lost-update check, shared by every writer of sidecars.
 */
export async function isFileUnchanged(path: string, expected: FileSnapshot): Promise<boolean> {
  try {
    await assertUnchanged(path, expected);
    return true;
  } catch (e) {
    if (e instanceof FileChangedError) return false;
    throw e;
  }
}

/** The file to replace: the final target of a symbolic link, else the path itself (which may not exist yet). */
async function writeTarget(path: string): Promise<string> {
  const info = await lstat(path).catch(() => undefined);
  if (!info?.isSymbolicLink()) return path;
  // A dangling link fails here (ENOENT): writing would replace the link, so refuse instead.
  return realpath(path);
}

/** Throws FileChangedError unless `path` is still the file of `expected`. */
async function assertUnchanged(path: string, expected: FileSnapshot): Promise<void> {
  const now = await stat(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  if (!now || now.size !== expected.size || now.mtimeMs !== expected.mtimeMs || now.ino !== expected.ino || now.dev !== expected.dev) {
    throw new FileChangedError(path);
  }
  const bytes = await readFile(path);
  if (!bytes.equals(expected.bytes)) throw new FileChangedError(path);
}

/**
 * Moves `tmp` to `target` only if `target` does not exist: a hard link fails atomically when the
 * name is taken. File systems without hard links get a check right before the rename instead.
 */
async function createExclusive(tmp: string, target: string): Promise<void> {
  try {
    await link(tmp, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FileChangedError(target);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    if (await lstat(target).then(() => true, () => false)) throw new FileChangedError(target);
    await renameWithRetry(tmp, target);
    return;
  }
  // The new name is in place; a leftover temp name would be harmless, so its removal may fail.
  await unlink(tmp).catch(() => undefined);
}

/** Keep the target's permissions (e.g. a read-for-group checkout); new files get the umask default. */
async function existingMode(path: string): Promise<number> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch {
    return 0o666;
  }
}

/**
 * On Windows, renaming over a file that a virus scanner or indexer has open briefly fails with
 * EPERM/EACCES/EBUSY; a few short retries ride that out. Elsewhere the first attempt decides.
 */
async function renameWithRetry(from: string, to: string): Promise<void> {
  const attempts = process.platform === 'win32' ? 5 : 1;
  for (let i = 1; ; i++) {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (i >= attempts || !(code === 'EPERM' || code === 'EACCES' || code === 'EBUSY')) throw e;
      await new Promise((resolve) => setTimeout(resolve, 20 * i));
    }
  }
}
