import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isSidecarPath } from '../sidecar/sidecarFormat';

/** Folders never searched: dependencies and git's own files. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export class PathNotFoundError extends Error {
  constructor(readonly path: string) {
    super(`no such file or directory: ${path}`);
  }
}

/**
 * The sidecar files under `paths` (files are taken as given when they are sidecars, folders are
 * searched recursively), absolute, sorted and without duplicates so that output is stable.
 */
export async function findSidecars(paths: readonly string[]): Promise<string[]> {
  return findFiles(paths, (path) => isSidecarPath(path));
}

/**
 * The files under `paths` that `accept` takes (`given` tells a file named on the command line from
 * one found in a folder), absolute, sorted, without duplicates.
 */
export async function findFiles(paths: readonly string[], accept: (path: string, given: boolean) => boolean): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(path);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new PathNotFoundError(path);
    if (info.isDirectory()) await walk(absolute, accept, found);
    else if (accept(absolute, true)) found.add(absolute);
  }
  return [...found].sort();
}

async function walk(dir: string, accept: (path: string, given: boolean) => boolean, found: Set<string>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await walk(path, accept, found);
    } else if (entry.isFile() && accept(path, false)) {
      found.add(path);
    }
  }
}
