import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces `path` with `data` so that readers (git, the other editor window, a crash) see either
 * the old file or the new one, never a half-written sidecar: write a temp file in the SAME
 * directory (rename is only atomic within one file system), fsync it, then rename it over the
 * target. The temp file is removed if anything fails.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  // Dot-prefixed so editors and globbing tools ignore it; pid + random so concurrent writers never collide.
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = await existingMode(path);
  let created = false;
  try {
    const handle = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
    created = true;
    try {
      await handle.writeFile(data, typeof data === 'string' ? 'utf8' : undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(tmp, path);
  } catch (e) {
    if (created) await unlink(tmp).catch(() => undefined);
    throw e;
  }
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
