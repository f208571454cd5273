// Every folder a unit test makes lives under one root folder per run, removed when the run ends
// by the root hook below (loaded through .mocharc.json), whether the tests passed or not. Before,
// each run left some two hundred folders in the system's temporary folder.
// SOURCE_ANNOTATOR_KEEP_TEST_DIRS=1 keeps the root and prints where it is, to look at what a test wrote.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

let root: string | undefined;

/** A new empty folder whose name starts with `prefix`, removed at the end of the run. */
export function tempDir(prefix: string): string {
  if (root === undefined) {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'source-annotator-unit-'));
    // Searchable by all, as the system's temporary folder is: a test that runs a command as an
    // unprivileged user opens its own folder to that user (cliFiles.test.ts).
    fs.chmodSync(root, 0o755);
  }
  return fs.mkdtempSync(path.join(root, `${prefix}-`));
}

/** Removes this run's folders; a later `tempDir` starts a new root. */
export function removeTempDirs(): void {
  if (root === undefined) return;
  if (process.env.SOURCE_ANNOTATOR_KEEP_TEST_DIRS) process.stderr.write(`test folders kept in ${root}\n`);
  else fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  root = undefined;
}

export const mochaHooks = { afterAll: removeTempDirs };
