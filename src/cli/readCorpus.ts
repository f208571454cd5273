import { resolve } from 'node:path';
import { readAnnotatedDocument, type AnnotatedDocument } from '../core/corpus/annotatedDocument';
import { BUILT_IN_SCHEME, type AnnotationScheme } from '../core/scheme/scheme';
import { findSidecars, PathNotFoundError, type FoundFiles } from '../core/corpus/findSidecars';
import { displayPath, UsageError, type CliIO } from './cliIO';
import { orderedMap, READ_CONCURRENCY } from './orderedMap';

/** A file that could not be taken as it is: at a line and column of it (1:1 for the whole file). */
export interface CorpusProblem {
  /** Absolute path. */
  readonly path: string;
  readonly severity: 'error' | 'warning';
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** About a folder rather than a sidecar (not counted as a sidecar). */
  readonly folder: boolean;
}

export interface Corpus {
  /** The sidecars read, with their documents, sorted by path. */
  readonly documents: AnnotatedDocument[];
  /** What was found but could not be read (unreadable folders and files, FIFOs, invalid UTF-8, too large), sorted by path. */
  readonly problems: CorpusProblem[];
}

/**
 * Every sidecar under the given paths (the working directory by default), read with its document
 * and checked against the annotation scheme.
 * A file or folder that cannot be read is a problem of its own; the others are still read.
 */
export async function readCorpus(io: CliIO, paths: readonly string[], scheme: AnnotationScheme = BUILT_IN_SCHEME): Promise<Corpus> {
  const found = await search(io, paths, findSidecars);
  const problems: CorpusProblem[] = found.problems.map(folderProblem);
  const documents: AnnotatedDocument[] = [];
  for await (const read of readSidecars(found.files, scheme)) {
    if (read.ok) documents.push(read.doc);
    else problems.push(read.problem);
  }
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { documents, problems };
}

export type SidecarReadResult = { readonly ok: true; readonly doc: AnnotatedDocument } | { readonly ok: false; readonly problem: CorpusProblem };

/**
 * The sidecars at `paths` read with their documents, in the order given, as each is ready: a few
 * files at a time (READ_CONCURRENCY), never thousands of files open at once.
 */
export function readSidecars(paths: readonly string[], scheme: AnnotationScheme): AsyncGenerator<SidecarReadResult> {
  return orderedMap(paths, READ_CONCURRENCY, async (path): Promise<SidecarReadResult> => {
    const read = await readAnnotatedDocument(path, scheme);
    if (read.ok) return read;
    return { ok: false, problem: { path, severity: 'error', line: read.problem.line, column: read.problem.column, message: read.problem.message, folder: false } };
  });
}

/** A problem met while searching (a folder, a file that is no regular file) as a corpus problem, at 1:1. */
export function folderProblem(p: FoundFiles['problems'][number]): CorpusProblem {
  return { ...p, line: 1, column: 1 };
}

/** Runs a search of the paths given (the working directory by default); a path that does not exist is a usage error. */
export async function search(io: CliIO, paths: readonly string[], find: (paths: readonly string[]) => Promise<FoundFiles>): Promise<FoundFiles> {
  try {
    return await find(paths.length > 0 ? paths.map((p) => resolve(io.cwd, p)) : [io.cwd]);
  } catch (error) {
    if (error instanceof PathNotFoundError) throw new UsageError(error.message);
    throw error;
  }
}

/** A problem as a line for stderr: `path: message`, or `path:line:col: message` when it has a place in the file. */
export function problemLine(io: CliIO, problem: Pick<CorpusProblem, 'path' | 'line' | 'column' | 'message'>): string {
  const at = problem.line === 1 && problem.column === 1 ? '' : `:${problem.line}:${problem.column}`;
  return `${displayPath(io, problem.path)}${at}: ${problem.message}\n`;
}
