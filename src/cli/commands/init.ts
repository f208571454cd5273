import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from '../args';
import { displayPath, EXIT_OK, EXIT_PROBLEMS, UsageError, type CliIO } from '../cliIO';

export const INIT_USAGE = `Usage: source-annotator init [--hook]

Sets up the git repository of the current folder for sidecars (see README "Merging sidecars"
and "Pre-commit hook and CI"):
  - .gitattributes (at the top of the repository): the line
      *.annotations.yaml merge=source-annotator
    appended if it is not there (commit it);
  - the repository's git configuration: the merge driver
      merge.source-annotator.name and merge.source-annotator.driver
    set if they are not set (a different driver already configured is left as it is);
  - with --hook: a pre-commit hook that runs "source-annotator check", written to the hooks
    folder (core.hooksPath if set, else .git/hooks) only if there is no pre-commit hook yet; an
    existing hook is never changed: the lines to add to it are printed instead.
Running it again changes nothing.
Exit code: 0 set up (or nothing to do), 1 not in a git repository, a file that cannot be read or
written, or an existing hook that does not run the check, 2 usage error.`;

/** The `.gitattributes` line that sends sidecars to the merge driver. */
export const GITATTRIBUTES_LINE = '*.annotations.yaml merge=source-annotator';
export const MERGE_DRIVER_NAME = 'Source Annotator sidecar merge';
/** The driver's command: git runs it at the top of the repository, where `npx` finds the local package. */
export const MERGE_DRIVER_COMMAND = 'npx --no-install source-annotator merge %O %A %B';

/** The lines a pre-commit hook needs (also what to add to an existing hook). */
export const HOOK_CHECK = `npx --no-install source-annotator check || {
  echo "Sidecar problems above; 'npx source-annotator check --fix' re-anchors moved quotes." >&2
  exit 1
}
`;
/** The pre-commit hook `init --hook` writes; README "Pre-commit hook and CI" shows exactly this. */
export const PRE_COMMIT_HOOK = `#!/bin/sh
# Check the annotation sidecars before every commit.
${HOOK_CHECK}`;

interface GitResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

class GitMissing extends Error {}

function git(cwd: string, args: readonly string[]): Promise<GitResult> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', args, { cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new GitMissing('git is not installed (or not on PATH)'));
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** Does `.gitattributes` text already send sidecars to the driver? (a line with that pattern and attribute) */
function hasAttributesLine(text: string): boolean {
  return text.split(/\r?\n/).some((line) => {
    const [pattern, ...attributes] = line.trim().split(/\s+/);
    return pattern === '*.annotations.yaml' && attributes.includes('merge=source-annotator');
  });
}

export async function init(args: readonly string[], io: CliIO): Promise<number> {
  const { positionals, options } = parseArgs(args, { flags: ['hook'] });
  if (positionals.length > 0) throw new UsageError('init takes no paths: run it inside the repository');
  const say = (message: string): void => io.err(`${message}\n`);
  try {
    return await setUp(io, options.has('hook'), say);
  } catch (error) {
    if (error instanceof GitMissing) {
      say(`source-annotator init: ${error.message}`);
      return EXIT_PROBLEMS;
    }
    const e = error as NodeJS.ErrnoException;
    if (typeof e.code === 'string' && typeof e.path === 'string') {
      say(`source-annotator init: ${displayPath(io, e.path)}: ${e.syscall ?? 'access'} failed: ${e.code}`);
      return EXIT_PROBLEMS;
    }
    throw error;
  }
}

async function setUp(io: CliIO, withHook: boolean, say: (message: string) => void): Promise<number> {
  const top = await git(io.cwd, ['rev-parse', '--show-toplevel']);
  if (top.code !== 0 || top.stdout.trim() === '') {
    const inside = await git(io.cwd, ['rev-parse', '--is-bare-repository']);
    say(
      inside.code === 0 && inside.stdout.trim() === 'true'
        ? 'source-annotator init: this is a bare repository; run init in a working tree'
        : `source-annotator init: ${io.cwd} is not in a git repository (run "git init" first, or run init inside one)`,
    );
    return EXIT_PROBLEMS;
  }
  const root = top.stdout.replace(/\r?\n$/, '');
  let changed = 0;
  let status = EXIT_OK;

  // 1. .gitattributes at the top of the working tree.
  const attributesPath = join(root, '.gitattributes');
  let attributes = '';
  try {
    attributes = await fs.readFile(attributesPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (hasAttributesLine(attributes)) {
    say(`${displayPath(io, attributesPath)}: already sends sidecars to the merge driver`);
  } else {
    const separator = attributes === '' || attributes.endsWith('\n') ? '' : '\n';
    await fs.appendFile(attributesPath, `${separator}${GITATTRIBUTES_LINE}\n`);
    say(`${displayPath(io, attributesPath)}: added "${GITATTRIBUTES_LINE}" (commit it)`);
    changed++;
  }

  // 2. The merge driver, in the repository's own configuration.
  const wanted: readonly (readonly [string, string])[] = [
    ['merge.source-annotator.name', MERGE_DRIVER_NAME],
    ['merge.source-annotator.driver', MERGE_DRIVER_COMMAND],
  ];
  for (const [key, value] of wanted) {
    const current = await git(root, ['config', '--get', key]);
    if (current.code === 0) {
      const have = current.stdout.replace(/\r?\n$/, '');
      if (have === value) say(`git config ${key}: already set`);
      else if (key.endsWith('.name')) say(`git config ${key}: already set to "${have}"; left as it is`);
      else say(`git config ${key}: already set to "${have}"; left as it is (the README's driver is "${value}")`);
      continue;
    }
    const set = await git(root, ['config', '--local', key, value]);
    if (set.code !== 0) {
      say(`source-annotator init: git config ${key} failed: ${set.stderr.trim()}`);
      return EXIT_PROBLEMS;
    }
    say(`git config ${key} "${value}"`);
    changed++;
  }

  // 3. The pre-commit hook, never over an existing one.
  if (withHook) {
    const hookPathResult = await git(root, ['rev-parse', '--git-path', 'hooks/pre-commit']);
    if (hookPathResult.code !== 0) {
      say(`source-annotator init: cannot find the hooks folder: ${hookPathResult.stderr.trim()}`);
      return EXIT_PROBLEMS;
    }
    const hookPath = resolve(root, hookPathResult.stdout.replace(/\r?\n$/, ''));
    let existing: string | undefined;
    try {
      existing = await fs.readFile(hookPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (existing === undefined) {
      await fs.mkdir(dirname(hookPath), { recursive: true });
      try {
        // 'wx': never replace a hook that appeared meanwhile.
        await fs.writeFile(hookPath, PRE_COMMIT_HOOK, { flag: 'wx', mode: 0o755 });
        await fs.chmod(hookPath, 0o755);
        say(`${displayPath(io, hookPath)}: wrote the pre-commit hook (runs "source-annotator check")`);
        changed++;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        existing = await fs.readFile(hookPath, 'utf8');
      }
    }
    if (existing !== undefined) {
      if (existing.includes('source-annotator check')) {
        say(`${displayPath(io, hookPath)}: the pre-commit hook already runs "source-annotator check"`);
      } else {
        say(
          `${displayPath(io, hookPath)}: a pre-commit hook exists; it was not changed. ` +
            `To check sidecars before every commit, add to it:\n\n${HOOK_CHECK}`,
        );
        status = EXIT_PROBLEMS;
      }
    }
  }

  say(changed === 0 ? 'Already set up: nothing changed.' : `Set up: ${changed} change(s).`);
  return status;
}
