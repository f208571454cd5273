import { describeFileError, isFileSystemError } from '../core/corpus/readFiles';
import type { FileSnapshot } from '../core/sidecar/atomicWrite';
import { nodeSidecarFileSystem } from '../core/sidecar/nodeSidecarFileSystem';
import type { SidecarFile } from '../core/sidecar/sidecarFormat';
import { replaceSidecar } from '../core/sidecar/sidecarReplacement';
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
 * bytes that were read (the sidecar writer's compare-and-swap, `replaceSidecar`, as in the
 * extension). Never throws for the file system: the reason is returned to report.
 */
export async function writeSidecar(path: string, data: string | Uint8Array, write: SidecarWrite): Promise<WriteResult> {
  if (write.file && typeof data === 'string') {
    const unsafe = unsafeSidecarText(data, write.file, write.documentText);
    if (unsafe !== undefined) return { ok: false, reason: `the new sidecar was not written because ${unsafe}; this is a bug, please report it` };
  }
  try {
    const written = await replaceSidecar(nodeSidecarFileSystem({ beforeReplace: write.io.beforeReplace }), path, data, write.expected);
    if (written.ok) return { ok: true };
    return { ok: false, reason: 'the sidecar changed on disk while this command ran (saved in an editor?); it was not overwritten, run the command again' };
  } catch (error) {
    if (isFileSystemError(error)) return { ok: false, reason: `cannot write: ${describeFileError(error)}` };
    throw error;
  }
}
