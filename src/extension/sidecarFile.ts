import * as fs from 'node:fs/promises';
import { decodeSidecarBytes, oversizedSidecarProblem } from '../core/sidecar/sidecarBytes';
import type { SidecarProblem } from '../core/sidecar/sourceRange';

/**
 * A sidecar (or the speaker registry) as read from disk: missing, unreadable as a sidecar (over
 * MAX_SIDECAR_BYTES, or not valid UTF-8: a problem with its line and column, and the file must
 * then never be written over), or its text.
 */
export type SidecarRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly problem: SidecarProblem }
  | { readonly kind: 'text'; readonly text: string };

/**
 * Reads a sidecar's bytes the one way the project reads them (decodeSidecarBytes: fatal UTF-8,
 * size limit). The size is checked before reading, so a huge file is never loaded into memory.
 * Throws only for other I/O errors (permissions, a folder in its place).
 */
export async function readSidecarFile(path: string): Promise<SidecarRead> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    const tooLarge = oversizedSidecarProblem((await handle.stat()).size);
    if (tooLarge) return { kind: 'invalid', problem: tooLarge };
    const decoded = decodeSidecarBytes(await handle.readFile());
    return decoded.ok ? { kind: 'text', text: decoded.text } : { kind: 'invalid', problem: decoded.problem };
  } finally {
    await handle.close();
  }
}
