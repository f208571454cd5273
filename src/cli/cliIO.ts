import { relative, sep } from 'node:path';

/** Where a command writes: results to `out`, progress and summaries to `err`. Tests pass fakes. */
export interface CliIO {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
  /**
   * For tests: called when a sidecar's new content is on disk in a temp file, just before the
   * sidecar is re-read and replaced (so a test can change it "concurrently" at the worst moment).
   */
  readonly beforeReplace?: (path: string) => Promise<void> | void;
}

/**
 * The process's streams. A closed pipe (`source-annotator export | head`) is not an error: output
 * stops quietly, as with other command line tools, and the command's exit code stands.
 */
export function processIO(): CliIO {
  let outClosed = false;
  let errClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    outClosed = true;
  });
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    errClosed = true;
  });
  return {
    cwd: process.cwd(),
    out: (text) => void (outClosed || process.stdout.write(text)),
    err: (text) => void (errClosed || process.stderr.write(text)),
  };
}

/** A path as the user should see it: relative to the working directory, with `/` on every OS. */
export function displayPath(io: CliIO, path: string): string {
  const rel = relative(io.cwd, path) || '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** Exit codes are part of the interface: scripts and CI branch on them. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
/** The tool itself failed (a bug): never used for problems of the files it reads or writes. */
export const EXIT_BUG = 3;

/** A mistake in how the command was called: reported with the usage, exit code 2. */
export class UsageError extends Error {}
