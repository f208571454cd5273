import { FileChangedError, type FileSnapshot } from './atomicWrite';
import { type SidecarFileSystem } from './sidecarWriter';
import { diskVersionOf } from './diskVersion';
import { stripBom } from '../text/documentText';

/**
 * Whole-text replacements of a sidecar that is not open as a document model (the speaker ledger,
 * conflict resolution, the command line, imports): plan from a strict read, then write only if the
 * file is still what was read, with the same compare-and-swap as SidecarWriter.
 */

export type ReplacementPlan =
  | { readonly action: 'write'; readonly before: string; readonly text: string; readonly expected: FileSnapshot }
  | { readonly action: 'skip'; readonly reason: 'identical' }
  | { readonly action: 'refuse'; readonly reason: 'missing' | 'sidecar-invalid'; readonly message: string };

/**
 * For whole-text rewrites of a sidecar that is not open as a document model (speaker ledger,
 * conflict resolution): reads it strictly and decides. `transform` returns the new text, or a
 * message saying why it cannot (invalid YAML, say). A plan to write carries the snapshot the
 * file must still match when the write happens (`replaceSidecar`, or `fileIsStill` before
 * another mechanism such as a WorkspaceEdit).
 */
export async function planReplacement(fs: SidecarFileSystem, path: string, transform: (text: string) => { ok: true; text: string } | { ok: false; message: string }): Promise<ReplacementPlan> {
  const disk = diskVersionOf(await fs.read(path));
  if (disk.kind === 'missing') return { action: 'refuse', reason: 'missing', message: 'the sidecar does not exist' };
  if (disk.kind === 'invalid') return { action: 'refuse', reason: 'sidecar-invalid', message: disk.problem.message };
  const result = transform(disk.text);
  if (!result.ok) return { action: 'refuse', reason: 'sidecar-invalid', message: result.message };
  if (result.text === disk.text) return { action: 'skip', reason: 'identical' };
  return { action: 'write', before: disk.text, text: result.text, expected: disk.snapshot };
}

/**
 * Whether an editor's text is the text a plan was made from: VS Code drops a BOM and may unify
 * line endings, so only those differences are allowed.
 */
export function editorHoldsText(editorText: string, diskText: string): boolean {
  const lines = (text: string) => stripBom(text).replace(/\r\n?/g, '\n');
  return lines(editorText) === lines(diskText);
}

/** Whether the file is still what a plan was made from (the check before any write). */
export function fileIsStill(fs: SidecarFileSystem, path: string, plan: { readonly expected: FileSnapshot }): Promise<boolean> {
  return fs.isUnchanged(path, plan.expected);
}

export type ReplaceResult = { readonly ok: true; readonly snapshot: FileSnapshot } | { readonly ok: false; readonly changed: true };

/**
 * Writes `data` over the file if it still is `expected` (null: if there is none): the command
 * line's write and a plan's, with the same compare-and-swap as the extension's. Other file system
 * errors are thrown.
 */
export async function replaceSidecar(fs: SidecarFileSystem, path: string, data: string | Uint8Array, expected: FileSnapshot | null | undefined): Promise<ReplaceResult> {
  try {
    return { ok: true, snapshot: await fs.write(path, data, expected) };
  } catch (error) {
    if (error instanceof FileChangedError) return { ok: false, changed: true };
    throw error;
  }
}
