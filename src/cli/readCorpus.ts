import { resolve } from 'node:path';
import { readAnnotatedDocument, type AnnotatedDocument } from '../core/corpus/annotatedDocument';
import { findSidecars, PathNotFoundError } from '../core/corpus/findSidecars';
import { UsageError, type CliIO } from './cliIO';

/** Every sidecar under the given paths (the working directory by default), read with its document. */
export async function readCorpus(io: CliIO, paths: readonly string[]): Promise<AnnotatedDocument[]> {
  let sidecars: string[];
  try {
    sidecars = await findSidecars(paths.length > 0 ? paths.map((p) => resolve(io.cwd, p)) : [io.cwd]);
  } catch (error) {
    if (error instanceof PathNotFoundError) throw new UsageError(error.message);
    throw error;
  }
  return Promise.all(sidecars.map((path) => readAnnotatedDocument(path)));
}
