// @ts-check
/* global describe, it, before, after -- mocha globals */
// The command line as another repository gets it: `npm pack` here, then, in a new temporary git
// repository that cannot see this one, `npm install --save-dev <tarball>` (offline: the package has
// no dependencies, so nothing comes from the registry) and every command through `npx`, the
// pre-commit hook that `init --hook` writes, the README's CI job line by line, and a `git merge`
// that only the merge driver resolves.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const README = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');

const DOC = 'statement.txt';
const SIDECAR = `${DOC}.annotations.yaml`;
const TEXT =
  'The minister said: "We will build the bridge." Critics claimed it was too costly.\n' +
  'The mayor said the bridge would open in May. Residents may be sceptical.\n';

/**
 * The environment of every command in the temporary repository: nothing of this checkout (no
 * `npm run` variables, no node_modules/.bin on PATH), no user or system git configuration, and
 * npm offline.
 */
function isolatedEnv(home) {
  /** @type {Record<string, string>} */
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^npm_/i.test(k) || k === 'INIT_CWD' || k.startsWith('GIT_')) continue;
    env[k] = v;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((p) => p && !p.includes('node_modules') && !p.startsWith(REPO))
    .join(path.delimiter);
  Object.assign(env, {
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
    GIT_CEILING_DIRECTORIES: path.dirname(home),
    npm_config_cache: path.join(home, '.npm'),
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  });
  return env;
}

describe('the packed command line, installed in another git repository', function () {
  /** @type {string} */ let tmp;
  /** @type {string} */ let tgz;
  /** @type {string} */ let repo;
  /** @type {Record<string, string>} */ let env;
  // `prepack` replaces dist/ with a production build; a development build (with source maps, as
  // `npm run build` makes for the later test stages) is rebuilt afterwards.
  const devBuild = fs.existsSync(path.join(REPO, 'dist', 'extension.js.map'));

  /** Runs a shell command line in the temporary repository. */
  const sh = (/** @type {string} */ line) => {
    const r = spawnSync('sh', ['-c', line], { cwd: repo, env, encoding: 'utf8' });
    return { status: r.status, out: r.stdout, err: r.stderr, all: `${r.stdout}${r.stderr}` };
  };
  /** Runs it and insists on exit 0. */
  const ok = (/** @type {string} */ line) => {
    const r = sh(line);
    assert.equal(r.status, 0, `${line} exited ${r.status}:\n${r.all}`);
    return r;
  };
  const write = (/** @type {string} */ rel, /** @type {string} */ text) => fs.writeFileSync(path.join(repo, rel), text);
  const read = (/** @type {string} */ rel) => fs.readFileSync(path.join(repo, rel), 'utf8');

  before(function () {
    this.timeout(180000);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'source-annotator-pack-'));
    fs.mkdirSync(path.join(tmp, 'home'));
    env = isolatedEnv(path.join(tmp, 'home'));
    // `npm pack` runs `prepack` (the production build) and writes the tarball outside this checkout.
    execFileSync('npm', ['pack', '--silent', '--pack-destination', tmp], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
    tgz = path.join(tmp, `${PKG.name}-${PKG.version}.tgz`);
    assert.ok(fs.existsSync(tgz), `npm pack wrote no ${tgz}`);
    repo = path.join(tmp, 'other-repo');
    fs.mkdirSync(repo);
  });

  after(function () {
    this.timeout(120000);
    if (devBuild) execFileSync('node', ['scripts/build.mjs'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
    if (tmp && !process.env.SOURCE_ANNOTATOR_KEEP_PACK_TEST) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('packs only the bundled command line, with no dependencies', () => {
    const files = execFileSync('tar', ['tzf', tgz], { encoding: 'utf8' }).trim().split('\n').sort();
    assert.deepEqual(files, ['package/LICENSE', 'package/README.md', 'package/dist/cli.js', 'package/package.json']);
    const packed = JSON.parse(execFileSync('tar', ['xzOf', tgz, 'package/package.json'], { encoding: 'utf8' }));
    assert.equal(packed.dependencies, undefined);
    assert.equal(packed.bin['source-annotator'], 'dist/cli.js');
    const cli = execFileSync('tar', ['xzOf', tgz, 'package/dist/cli.js'], { encoding: 'utf8' });
    assert.ok(cli.startsWith('#!/usr/bin/env node\n'));
  });

  it('installs as a dev dependency offline, pulling in nothing else', () => {
    ok('git init -q -b main && git config user.name Test && git config user.email test@example.com && git config commit.gpgsign false');
    ok('npm init -y');
    // As README "Command line" says: the tarball kept in the repository, so `npm ci` finds it.
    const install = `npm install --save-dev ./vendor/${path.basename(tgz)}`;
    assert.ok(README.includes('```sh\n' + install + '\nnpx source-annotator init --hook\nnpx source-annotator check\n```'), `README "Command line" does not show: ${install}`);
    fs.mkdirSync(path.join(repo, 'vendor'));
    fs.copyFileSync(tgz, path.join(repo, 'vendor', path.basename(tgz)));
    ok(install);
    assert.deepEqual(
      fs.readdirSync(path.join(repo, 'node_modules')).filter((n) => !n.startsWith('.')),
      ['source-annotator'],
    );
    assert.ok(JSON.parse(read('package.json')).devDependencies['source-annotator'].startsWith('file:'));
    assert.equal(ok('npx source-annotator --version').out.trim(), PKG.version);
    // The one this repository installed, not anything of this checkout.
    const bin = fs.realpathSync(path.join(repo, 'node_modules', '.bin', 'source-annotator'));
    assert.equal(bin, fs.realpathSync(path.join(repo, 'node_modules', 'source-annotator', 'dist', 'cli.js')));
    write('.gitignore', 'node_modules/\n');
  });

  it('init --hook sets up the repository; a second run changes nothing', () => {
    const first = ok('npx source-annotator init --hook');
    assert.match(first.err, /Set up: 4 change\(s\)/);
    assert.equal(read('.gitattributes'), '*.annotations.yaml merge=source-annotator\n');
    assert.equal(ok('git config merge.source-annotator.driver').out.trim(), 'npx --no-install source-annotator merge %O %A %B');
    const hook = read('.git/hooks/pre-commit');
    // The README's pre-commit hook is exactly what init wrote.
    assert.ok(README.includes('```sh\n' + hook + '```'), 'README "Pre-commit hook and CI" shows another hook');
    assert.match(ok('npx source-annotator init --hook').err, /Already set up: nothing changed\./);
  });

  it('suggest --write makes a sidecar; check, export --format json and stats read it', () => {
    write(DOC, TEXT);
    ok(`npx source-annotator suggest --write ${DOC}`);
    assert.match(read(SIDECAR), /^ {2}# annotations by suggest$/m);
    assert.match(ok('npx source-annotator check').err, /Checked 1 sidecar\(s\): 0 error\(s\)/);
    const exported = JSON.parse(ok('npx source-annotator export --format json').out);
    assert.equal(exported.documents[0].document, DOC);
    assert.ok(exported.documents[0].annotations.length >= 2);
    assert.match(ok('npx source-annotator stats').err + ok('npx source-annotator stats').out, /annotation\(s\) in 1 document\(s\)/);
  });

  it('a commit runs the pre-commit hook: passes with good sidecars, refused with a broken one', () => {
    const good = ok('git add -A && git commit -q -m "statement, annotated"');
    assert.match(good.all, /Checked 1 sidecar\(s\): 0 error\(s\)/);
    const sidecar = read(SIDECAR);
    write(SIDECAR, sidecar.replace(/kind: claim/, 'kind: rumour'));
    const broken = sh('git add -A && git commit -q -m "broken"');
    assert.notEqual(broken.status, 0, 'the commit of a broken sidecar went through');
    assert.match(broken.all, /statement\.txt\.annotations\.yaml:\d+:\d+: error: .*unknown kind "rumour"/);
    assert.match(broken.all, /Sidecar problems above/);
    assert.equal(ok('git log --format=%s').out.trim(), 'statement, annotated');
    ok(`git checkout HEAD -- ${SIDECAR}`);
  });

  it("runs the README's CI job, line by line", () => {
    const job = README.match(/```yaml\nannotations:\n[\s\S]*?```/);
    assert.ok(job, 'README has no CI job');
    const lines = [...job[0].matchAll(/^\s*- run: (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(lines.slice(0, 2), ['npm ci', 'npx source-annotator check']);
    for (const line of lines) ok(line);
    assert.match(read('claims-by-speaker.md'), /Claims by speaker/i);
    fs.rmSync(path.join(repo, 'claims-by-speaker.md'));
  });

  it('merges two branches that each added an annotation at the same place, through the driver', () => {
    const base = read(SIDECAR);
    const added = (/** @type {string} */ id, /** @type {string} */ author, /** @type {string} */ phrase) => {
      const start = TEXT.indexOf(phrase);
      assert.ok(start >= 0);
      const end = start + phrase.length;
      const block = [
        `  # annotations by ${author}`,
        `  - id: ${id}`,
        '    kind: claim',
        `    start: ${start}`,
        `    end: ${end}`,
        `    text: ${phrase}`,
        `    prefix: ${JSON.stringify(TEXT.slice(Math.max(0, start - 32), start))}`,
        `    suffix: ${JSON.stringify(TEXT.slice(end, end + 32))}`,
        `    author: ${author}`,
        `  # end of annotations by ${author}`,
        '',
      ].join('\n');
      // Both branches add right after `annotations:`: git's line merge alone would conflict.
      return base.replace('annotations:\n', `annotations:\n${block}\n`);
    };
    ok('git checkout -q -b alice');
    write(SIDECAR, added('alicea11', 'alice', 'the bridge would open in May'));
    ok('npx source-annotator check');
    ok('git commit -q -am "alice tags the mayor"');
    ok('git checkout -q main');
    write(SIDECAR, added('bobbb222', 'bob', 'it was too costly'));
    ok('git commit -q -am "bob tags the critics"');

    // Without the driver the same merge conflicts (checked on the three versions, nothing written).
    for (const [name, rev] of [['ours', 'main'], ['base', 'main~1'], ['theirs', 'alice']]) {
      fs.writeFileSync(path.join(tmp, name), ok(`git show ${rev}:${SIDECAR}`).out);
    }
    const lineMerge = spawnSync('git', ['merge-file', '-p', path.join(tmp, 'ours'), path.join(tmp, 'base'), path.join(tmp, 'theirs')], { encoding: 'utf8', env });
    assert.ok(lineMerge.status !== 0, 'the line merge did not conflict: this would not test the driver');

    const merged = ok('git merge --no-edit alice');
    assert.doesNotMatch(merged.all, /CONFLICT/);
    const result = read(SIDECAR);
    assert.doesNotMatch(result, /^(<<<<<<<|=======|>>>>>>>)/m);
    assert.match(result, /id: alicea11/);
    assert.match(result, /id: bobbb222/);
    assert.match(ok('npx source-annotator check').err, /0 error\(s\)/);
    assert.equal(ok('git status --porcelain').out, '');
  });
});
