// `source-annotator init`: sets up a real (temporary) git repository for sidecars, never twice,
// never over someone else's hook; and the README shows exactly what it sets up.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GITATTRIBUTES_LINE, HOOK_CHECK, MERGE_DRIVER_COMMAND, MERGE_DRIVER_NAME, PRE_COMMIT_HOOK } from '../../src/cli/commands/init';
import { run } from './sidecarFixtures';
import { tempDir } from './tempDirs';

const README = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}

/** Every file under `dir` (but .git/objects) with its content and mode, and the local git config. */
function snapshot(dir: string): string {
  const entries: string[] = [];
  const walk = (d: string): void => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (p.includes(`${path.sep}objects`)) continue;
      const st = fs.statSync(p);
      if (st.isDirectory()) walk(p);
      else entries.push(`${path.relative(dir, p)} ${st.mode.toString(8)} ${st.mtimeMs} ${fs.readFileSync(p, 'utf8')}`);
    }
  };
  walk(dir);
  return entries.join('\n');
}

describe('source-annotator init', function () {
  this.timeout(20000);
  let dir: string;
  beforeEach(() => {
    dir = tempDir('init');
    git(dir, 'init', '-q');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const read = (rel: string): string => fs.readFileSync(path.join(dir, rel), 'utf8');
  const config = (key: string): string => git(dir, 'config', '--get', key).trim();

  it('sets up .gitattributes and the merge driver; the hook only with --hook', async () => {
    const r = await run(dir, 'init');
    assert.equal(r.code, 0, r.err);
    assert.equal(read('.gitattributes'), `${GITATTRIBUTES_LINE}\n`);
    assert.equal(config('merge.source-annotator.name'), MERGE_DRIVER_NAME);
    assert.equal(config('merge.source-annotator.driver'), MERGE_DRIVER_COMMAND);
    assert.ok(!fs.existsSync(path.join(dir, '.git', 'hooks', 'pre-commit')));
    assert.match(r.err, /Set up: 3 change\(s\)/);
  });

  it('with --hook writes an executable pre-commit hook', async () => {
    const r = await run(dir, 'init', '--hook');
    assert.equal(r.code, 0, r.err);
    const hook = path.join(dir, '.git', 'hooks', 'pre-commit');
    assert.equal(fs.readFileSync(hook, 'utf8'), PRE_COMMIT_HOOK);
    if (process.platform !== 'win32') assert.equal(fs.statSync(hook).mode & 0o111, 0o111);
  });

  it('is idempotent: a second run changes nothing and says so', async () => {
    assert.equal((await run(dir, 'init', '--hook')).code, 0);
    const before = snapshot(dir);
    const again = await run(dir, 'init', '--hook');
    assert.equal(again.code, 0, again.err);
    assert.match(again.err, /Already set up: nothing changed\./);
    assert.equal(snapshot(dir), before);
  });

  it('runs from a subfolder and writes .gitattributes at the top of the repository', async () => {
    fs.mkdirSync(path.join(dir, 'docs', 'a'), { recursive: true });
    const r = await run(path.join(dir, 'docs', 'a'), 'init');
    assert.equal(r.code, 0, r.err);
    assert.equal(read('.gitattributes'), `${GITATTRIBUTES_LINE}\n`);
    assert.ok(!fs.existsSync(path.join(dir, 'docs', 'a', '.gitattributes')));
  });

  it('appends to an existing .gitattributes (even without a final newline) and keeps its lines', async () => {
    fs.writeFileSync(path.join(dir, '.gitattributes'), '*.png binary');
    assert.equal((await run(dir, 'init')).code, 0);
    assert.equal(read('.gitattributes'), `*.png binary\n${GITATTRIBUTES_LINE}\n`);
  });

  it('leaves a .gitattributes that already has the attribute (other spacing, more attributes)', async () => {
    const text = '*.txt text\n*.annotations.yaml   text  merge=source-annotator\n';
    fs.writeFileSync(path.join(dir, '.gitattributes'), text);
    const r = await run(dir, 'init');
    assert.equal(r.code, 0, r.err);
    assert.equal(read('.gitattributes'), text);
    assert.match(r.err, /already sends sidecars to the merge driver/);
  });

  it('never replaces a driver configured differently', async () => {
    git(dir, 'config', 'merge.source-annotator.driver', 'node tools/cli.js merge %O %A %B');
    const r = await run(dir, 'init');
    assert.equal(r.code, 0, r.err);
    assert.equal(config('merge.source-annotator.driver'), 'node tools/cli.js merge %O %A %B');
    assert.match(r.err, /already set to "node tools\/cli.js merge %O %A %B"; left as it is/);
  });

  it('never overwrites an existing pre-commit hook: says so, prints what to add, exit 1', async () => {
    const hook = path.join(dir, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(hook, '#!/bin/sh\nnpm run lint\n', { mode: 0o755 });
    const r = await run(dir, 'init', '--hook');
    assert.equal(r.code, 1);
    assert.equal(fs.readFileSync(hook, 'utf8'), '#!/bin/sh\nnpm run lint\n');
    assert.match(r.err, /a pre-commit hook exists; it was not changed/);
    assert.ok(r.err.includes(HOOK_CHECK), r.err);
    // The rest is set up all the same.
    assert.equal(config('merge.source-annotator.driver'), MERGE_DRIVER_COMMAND);
    // Once the lines are added, init is content.
    fs.appendFileSync(hook, HOOK_CHECK);
    const again = await run(dir, 'init', '--hook');
    assert.equal(again.code, 0, again.err);
    assert.match(again.err, /already runs "source-annotator check"/);
  });

  it('honours core.hooksPath (creating the folder)', async () => {
    git(dir, 'config', 'core.hooksPath', 'githooks');
    const r = await run(dir, 'init', '--hook');
    assert.equal(r.code, 0, r.err);
    assert.equal(read('githooks/pre-commit'), PRE_COMMIT_HOOK);
    assert.ok(!fs.existsSync(path.join(dir, '.git', 'hooks', 'pre-commit')));
  });

  it('outside a git repository: a clear error, exit 1, nothing written', async () => {
    const outside = tempDir('init-outside');
    const ceiling = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = path.dirname(outside);
    try {
      const r = await run(outside, 'init', '--hook');
      assert.equal(r.code, 1);
      assert.match(r.err, /is not in a git repository \(run "git init" first/);
      assert.deepEqual(fs.readdirSync(outside), []);
    } finally {
      if (ceiling === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = ceiling;
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses paths and unknown options (exit 2)', async () => {
    assert.equal((await run(dir, 'init', 'docs')).code, 2);
    assert.equal((await run(dir, 'init', '--force')).code, 2);
  });

  it('the README shows exactly what init sets up', () => {
    assert.ok(README.includes('```sh\n' + PRE_COMMIT_HOOK + '```'), 'README pre-commit hook differs from init');
    assert.ok(README.includes('```gitattributes\n' + GITATTRIBUTES_LINE + '\n```'), 'README .gitattributes line differs from init');
    assert.ok(README.includes(`git config merge.source-annotator.name "${MERGE_DRIVER_NAME}"`), 'README driver name differs from init');
    assert.ok(README.includes(`git config merge.source-annotator.driver "${MERGE_DRIVER_COMMAND}"`), 'README driver command differs from init');
  });
});
