import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { isSidecarPath } from '../sidecar/sidecarFormat';
import { describeFileError, fileKind, isFileSystemError, type FileType } from './readFiles';

/** Folders never searched: dependencies and git's own files. */
/** Folders never searched: dependencies and git's own files. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

export class PathNotFoundError extends Error {
  constructor(readonly path: string) {
    super(`no such file or directory: ${path}`);
  }
}

/** Something the search met but could not take: an unreadable folder, a FIFO named like a sidecar, … */
export interface FoundProblem {
  /** Absolute path of what was met. */
  readonly path: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** About a folder (unreadable, or named like a file), not about one of the files looked for. */
  readonly folder: boolean;
}

export interface FoundFiles {
  /** Absolute, sorted, each file once (a file reached again through a linked folder counts once). */
  readonly files: string[];
  /** Sorted by path. */
  readonly problems: FoundProblem[];
}

/**
 * The sidecar files under `paths` (files are taken as given when they are sidecars, folders are
 * searched recursively), absolute, sorted and without duplicates so that output is stable.
 */
export async function findSidecars(paths: readonly string[]): Promise<FoundFiles> {
  return findFiles(paths, (path) => isSidecarPath(path), 'a sidecar');
}

/**
 * The files under `paths` that `accept` takes (`given` tells a file named on the command line from
 * one found in a folder). Symbolic links are followed, to files and to folders (a folder reached
 * twice, through a link loop say, is searched once). What `accept` takes by name but cannot be
 * read as a file is reported, never silently skipped: a FIFO, socket or device (reading one could
 * block forever), a broken link, an unreadable folder; a folder named like one is searched and
 * reported as a warning. A path given that does not exist throws PathNotFoundError.
 */
export async function findFiles(paths: readonly string[], accept: (path: string, given: boolean) => boolean, what = 'a file'): Promise<FoundFiles> {
  const search = new Search(accept, what);
  for (const path of paths) {
    const absolute = resolve(path);
    let info: Stats;
    try {
      info = await stat(absolute);
    } catch (error) {
      if (!isFileSystemError(error)) throw error;
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw new PathNotFoundError(path);
      search.problem(absolute, 'error', `cannot read: ${describeFileError(error)}`);
      continue;
    }
    if (info.isDirectory()) await search.folder(absolute);
    else if (accept(absolute, true)) await search.file(absolute, info);
  }
  return search.result();
}

class Search {
  private readonly found = new Map<string, string>();
  private readonly problems: FoundProblem[] = [];
  /** Real paths of the folders searched, so that a link loop ends. */
  private readonly searched = new Set<string>();

  constructor(
    private readonly accept: (path: string, given: boolean) => boolean,
    private readonly what: string,
  ) {}

  problem(path: string, severity: FoundProblem['severity'], message: string, folder = false): void {
    this.problems.push({ path, severity, message, folder });
  }

  /** `realDir`: the real path of the file's folder, when the caller knows it already. */
  async file(path: string, info: FileType, realDir?: string): Promise<void> {
    // A FIFO, socket or device: reported (the reader refuses them too), never opened.
    if (!info.isFile()) {
      this.problem(path, 'error', `not a regular file (${fileKind(info)}); skipped`);
      return;
    }
    // The same file through a linked folder counts once; a link with a name of its own is another
    // sidecar (its name says which document it belongs to), so the name is part of the key.
    const key = join(realDir ?? (await realpath(dirname(path)).catch(() => dirname(path))), basename(path));
    if (!this.found.has(key)) this.found.set(key, path);
  }

  async folder(dir: string): Promise<void> {
    const real = await realpath(dir).catch(() => dir);
    if (this.searched.has(real)) return;
    this.searched.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (!isFileSystemError(error)) throw error;
      this.problem(dir, 'error', `cannot read folder: ${describeFileError(error)}; its files are not checked`, true);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      let info: FileType = entry;
      if (entry.isSymbolicLink()) {
        try {
          info = await stat(path);
        } catch (error) {
          if (!isFileSystemError(error)) throw error;
          if (this.accept(path, false)) {
            const reason = error.code === 'ENOENT' ? 'broken symbolic link (its target does not exist)' : `cannot follow symbolic link: ${describeFileError(error)}`;
            this.problem(path, 'error', `${reason}; skipped`);
          }
          continue;
        }
      }
      if (info.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name)) continue;
        if (this.accept(path, false)) this.problem(path, 'warning', `a folder named like ${this.what}; searched as a folder`, true);
        await this.folder(path);
      } else if (this.accept(path, false)) {
        await this.file(path, info, real);
      }
    }
  }

  result(): FoundFiles {
    return {
      files: [...this.found.values()].sort(),
      problems: this.problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    };
  }
}
