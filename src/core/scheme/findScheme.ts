import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { readSidecarFile } from '../corpus/readFiles';
import type { SidecarProblem } from '../sidecar/sourceRange';
import { parseScheme } from './parseScheme';
import { BUILT_IN_SCHEME, SCHEME_PATH, type AnnotationScheme } from './scheme';

/**
 * The scheme a corpus is checked against: the scheme file given, or the nearest
 * `.annotations/schema.yaml` found walking up from `start` (a folder or a file) to the repository
 * root (a folder holding `.git`) or the file system root; the built-in scheme when there is none.
 * A scheme file that cannot be read or parsed is a failure with its problems, never the built-in
 * scheme in its place.
 */
export type SchemeLookup =
  | { readonly ok: true; readonly scheme: AnnotationScheme; /** Absolute path, undefined for the built-in scheme. */ readonly path: string | undefined }
  | { readonly ok: false; readonly path: string; readonly problems: readonly SidecarProblem[] };

export async function findScheme(start: string): Promise<SchemeLookup> {
  const path = await nearestAnnotationsFile(resolve(start), SCHEME_PATH);
  return path === undefined ? { ok: true, scheme: BUILT_IN_SCHEME, path: undefined } : readScheme(path);
}

/** Reads and parses one scheme file (strict UTF-8, size limit, problems at their line and column). */
export async function readScheme(path: string, source = SCHEME_PATH): Promise<SchemeLookup> {
  const read = await readSidecarFile(path);
  if (!read.ok) return { ok: false, path, problems: [read.missing ? { ...read.problem, message: 'the scheme file does not exist' } : read.problem] };
  const parsed = parseScheme(read.text, source);
  return parsed.ok ? { ok: true, scheme: parsed.scheme, path } : { ok: false, path, problems: parsed.problems };
}

/**
 * The nearest `relative` file (e.g. `.annotations/schema.yaml`) walking up from `start` to the
 * repository root (a folder holding `.git`) or the file system root.
 */
export async function nearestAnnotationsFile(start: string, relative: string): Promise<string | undefined> {
  let dir = (await isDirectory(start)) ? start : dirname(start);
  for (;;) {
    const candidate = join(dir, relative);
    if (await exists(candidate)) return candidate;
    // The repository root ends the search: a file above it belongs to another project.
    if (await exists(join(dir, '.git'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
