import { readSidecarFile } from '../corpus/readFiles';
import { isFileUnchanged, removeFileIfUnchanged, writeFileAtomic } from './atomicWrite';
import type { SidecarFileSystem } from './sidecarWriter';

export interface NodeSidecarFileSystemOptions {
  /** For tests: runs when the new content is in its temp file, just before the check and the rename. */
  readonly beforeReplace?: (path: string) => Promise<void> | void;
}

/**
 * The real file system for the sidecar writer: the core reader (`readSidecarFile`), atomic writes
 * through a temp file and a rename, and the compare-and-swap check of `atomicWrite.ts`.
 */
export function nodeSidecarFileSystem(options: NodeSidecarFileSystemOptions = {}): SidecarFileSystem {
  const hook = options.beforeReplace;
  return {
    read: readSidecarFile,
    write: (path, data, expected) => writeFileAtomic(path, data, { expected, beforeCommit: hook && (() => hook(path)) }),
    remove: removeFileIfUnchanged,
    isUnchanged: isFileUnchanged,
  };
}
