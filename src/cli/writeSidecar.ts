import { describeFileError, isFileSystemError } from '../core/corpus/readFiles';
import { FileChangedError, writeFileAtomic, type FileSnapshot } from '../core/sidecar/atomicWrite';
import type { SidecarFile } from '../core/sidecar/sidecarFormat';
import { unsafeSidecarText } from '../core/sidecar/verifySidecarText';
import type { CliIO } from './cliIO';

export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface SidecarWrite {
  /** What `text` must read back as; without it (conflict markers for git) the text is written as is. */
  readonly file?: SidecarFile;
  /** The document the offsets refer to, to check that they are inside it. */
  readonly documentText?: string;
  /** What was read and the new text is based on (null: the sidecar did not exist); see writeFileAtomic. */
  readonly expected: FileSnapshot | null | undefined;
  readonly io: CliIO;
}

/**
 * The one way the command line writes a sidecar: only text that parses back to exactly the
 * annotations meant, atomically, through a symbolic link to its target, and only over the very
 * bytes that were read. Never throws for the file system: the reason is returned to report.
 */
export async function writeSidecar(path: string, data: string | Uint8Array, write: SidecarWrite): Promise<WriteResult> {
  if (write.file && typeof data === 'string') {
    const unsafe = unsafeSidecarText(data, write.file, write.documentText);
    if (unsafe !== undefined) return { ok: false, reason: `the new sidecar was not written because ${unsafe}; this is a bug, please report it` };
  }
  const hook = write.io.beforeReplace;
  try {
    await writeFileAtomic(path, data, { expected: write.expected, beforeCommit: hook && (() => hook(path)) });
    return { ok: true };
  } catch (error) {
    if (error instanceof FileChangedError) {
      return { ok: false, reason: 'the sidecar changed on disk while this command ran (saved in an editor?); it was not overwritten, run the command again' };
    }
    if (isFileSystemError(error)) return { ok: false, reason: `cannot write: ${describeFileError(error)}` };
    throw error;
  }
}
