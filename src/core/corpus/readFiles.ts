import { constants, type Stats } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import type { FileSnapshot } from '../sidecar/atomicWrite';
import { decodeSidecarBytes, MAX_SIDECAR_BYTES, oversizedSidecarProblem } from '../sidecar/sidecarBytes';
import type { SidecarProblem } from '../sidecar/sourceRange';
import { stripBom } from '../text/documentText';

/**
 * The largest document read, in bytes: 50 MiB, the size above which VS Code does not hand a file
 * to extensions at all ("Files above 50MB cannot be synchronized with extensions"), so nothing
 * larger can have been annotated in the editor. Documented in the README.
 */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/** Why a file could not be read; `missing` when there is nothing at the path (or a link points nowhere). */
export interface FileReadFailure {
  readonly ok: false;
  readonly missing: boolean;
  /** A short reason, e.g. "cannot read: permission denied", "not a regular file (a FIFO)". */
  readonly reason: string;
}

export type FileRead = { readonly ok: true; readonly snapshot: FileSnapshot } | FileReadFailure;

/** An error from the file system (it carries an errno code), as opposed to a bug. */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code as string);
}

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many levels of symbolic links (a link loop?)',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EBUSY: 'resource busy',
  ENAMETOOLONG: 'file name too long',
  EEXIST: 'file already exists',
  EXDEV: 'cross-device link',
  ECHANGED: 'it changed on disk since it was read',
};

/** The plain-words reason of a file system error: "permission denied", not a stack trace. */
export function describeFileError(error: NodeJS.ErrnoException): string {
  return REASONS[error.code ?? ''] ?? `${error.code}: ${error.message}`;
}

/** What stat (or a directory entry) tells about the type of a file. */
export type FileType = Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isSymbolicLink'>;

/** "a FIFO", "a directory", …: what a path is when it is not a regular file. */
export function fileKind(info: FileType): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return 'not a file';
}

/**
 * Reads a regular file whole, refusing anything else without blocking on it: the size is checked
 * from a stat before reading (a huge file is never loaded), and a FIFO, socket, device or
 * directory is reported instead of opened (opening a FIFO for reading waits for a writer forever).
 * Symbolic links are followed. File system errors become a failure with a plain reason; other
 * errors are bugs and are thrown.
 */
export async function readRegularFile(path: string, maxBytes: number, oversized: (size: number) => string): Promise<FileRead> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    if (error.code === 'ENOENT') {
      const dangling = await lstat(path).then((l) => l.isSymbolicLink(), () => false);
      return { ok: false, missing: true, reason: dangling ? 'broken symbolic link (its target does not exist)' : 'no such file or directory' };
    }
    return { ok: false, missing: error.code === 'ENOTDIR', reason: `cannot read: ${describeFileError(error)}` };
  }
  if (!info.isFile()) return { ok: false, missing: false, reason: info.isDirectory() ? 'is a directory' : `not a regular file (${fileKind(info)}); not read` };
  if (info.size > maxBytes) return { ok: false, missing: false, reason: oversized(info.size) };
  try {
    // O_NONBLOCK: should the path have become a FIFO since the stat, opening it must not hang.
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) return { ok: false, missing: false, reason: `not a regular file (${fileKind(opened)}); not read` };
      if (opened.size > maxBytes) return { ok: false, missing: false, reason: oversized(opened.size) };
      const bytes = await handle.readFile();
      // Grown while being read: the limit is about what is read, not what stat said.
      if (bytes.byteLength > maxBytes) return { ok: false, missing: false, reason: oversized(bytes.byteLength) };
      return { ok: true, snapshot: { bytes, size: opened.size, mtimeMs: opened.mtimeMs, ino: opened.ino, dev: opened.dev } };
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    return { ok: false, missing: error.code === 'ENOENT', reason: `cannot read: ${describeFileError(error)}` };
  }
}

const mib = (n: number): string => (n / (1024 * 1024)).toFixed(1);

export type DocumentRead = { readonly ok: true; readonly text: string } | FileReadFailure;

/** A document's bytes as the text offsets refer to: UTF-8 decoded as VS Code does, one leading BOM removed. */
export function documentTextOfBytes(bytes: Uint8Array): string {
  // ignoreBOM keeps the BOM in the output so that exactly one is removed here, as getText() does;
  // invalid bytes become U+FFFD, as in the editor (documents are never written back).
  return stripBom(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
}

/**
 * The one way the command line reads a document: a regular file of at most MAX_DOCUMENT_BYTES,
 * decoded to the text annotation offsets refer to (without its BOM, like VS Code's getText()),
 * so a BOM added to or removed from a document changes nothing in its sidecar.
 */
export async function readDocumentText(path: string): Promise<DocumentRead> {
  const read = await readRegularFile(path, MAX_DOCUMENT_BYTES, (size) => `${mib(size)} MiB, over the limit of ${mib(MAX_DOCUMENT_BYTES)} MiB for documents; not read`);
  return read.ok ? { ok: true, text: documentTextOfBytes(read.snapshot.bytes) } : read;
}

export type SidecarRead =
  | { readonly ok: true; readonly text: string; readonly snapshot: FileSnapshot }
  | { readonly ok: false; readonly missing: boolean; readonly problem: SidecarProblem; readonly snapshot?: FileSnapshot };

/**
 * The one way the command line reads a sidecar: a regular file (links followed), refused from its
 * size before reading when over MAX_SIDECAR_BYTES, decoded strictly by decodeSidecarBytes (bad
 * UTF-8 is reported at its line and column, never replaced), with the snapshot a later write
 * compares against. A failure is a problem at a line and column of the sidecar (1:1 when the file
 * as a whole cannot be read).
 */
export async function readSidecarFile(path: string): Promise<SidecarRead> {
  const read = await readRegularFile(path, MAX_SIDECAR_BYTES, (size) => oversizedSidecarProblem(size)?.message ?? '');
  if (!read.ok) return { ok: false, missing: read.missing, problem: { line: 1, column: 1, endLine: 1, endColumn: 1, message: read.reason } };
  const decoded = decodeSidecarBytes(read.snapshot.bytes);
  if (!decoded.ok) return { ok: false, missing: false, problem: decoded.problem, snapshot: read.snapshot };
  return { ok: true, text: decoded.text, snapshot: read.snapshot };
}
