// The `check` command's output lines and exit codes are an interface for scripts and CI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTICLE, parsed, run, tag } from './sidecarFixtures';
import { tempDir } from './tempDirs';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');

describe('source-annotator check', () => {
  let dir: string;
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  beforeEach(() => {
    dir = tempDir('check');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 0 with no output on stdout for valid sidecars, searching folders recursively but not node_modules', async () => {
    write('a/doc.txt', ARTICLE);
    write('a/doc.txt.annotations.yaml', tag(undefined, ARTICLE, { phrase: 'Russia has called on NATO', author: 'alice' }).sidecar);
    write('node_modules/x/doc.txt.annotations.yaml', 'broken: [');
    const r = await run(dir, 'check');
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
    assert.equal(r.err, 'Checked 1 sidecar(s): 0 error(s), 0 warning(s).\n');
  });

  it('reports schema problems, duplicate ids, conflict markers and missing documents as file:line:col lines, exit 1', async () => {
    write('doc.txt', ARTICLE);
    const good = tag(undefined, ARTICLE, { phrase: 'Russia has called on NATO', author: 'alice' }).sidecar;
    write('doc.txt.annotations.yaml', good.replace('kind: claim', 'kind: rumour'));
    write('gone.txt.annotations.yaml', good);
    write('conflict.txt', ARTICLE);
    write('conflict.txt.annotations.yaml', good.replace('    author: alice\n', '<<<<<<< HEAD\n    author: alice\n=======\n    author: bob\n>>>>>>> other\n'));
    const r = await run(dir, 'check');
    assert.equal(r.code, 1);
    const lines = r.out.trimEnd().split('\n');
    const kindLine = good.split('\n').findIndex((l) => l.includes('kind: claim')) + 1;
    const markerLine = good.split('\n').findIndex((l) => l.includes('author: alice')) + 1;
    assert.deepEqual(
      lines.map((l) => l.replace(/: (error|warning): .*/, ': $1')),
      [
        `conflict.txt.annotations.yaml:${markerLine}:1: error`,
        `conflict.txt.annotations.yaml:${markerLine + 2}:1: error`,
        `conflict.txt.annotations.yaml:${markerLine + 4}:1: error`,
        `doc.txt.annotations.yaml:${kindLine}:11: error`,
        'gone.txt.annotations.yaml:1:1: error',
      ],
    );
    assert.match(lines[3], /unknown kind "rumour"/);
    assert.match(lines[4], /document of this sidecar does not exist/);
    assert.equal(r.err, 'Checked 3 sidecar(s): 5 error(s), 0 warning(s).\n');
  });

  it('reports a quote that moved at the sidecar line of its annotation, and --fix re-anchors it atomically', async () => {
    const sidecar = tag(undefined, ARTICLE, { phrase: 'the Lisbon summit', author: 'alice' }).sidecar;
    const edited = 'A new first paragraph.\n\n' + ARTICLE;
    write('doc.txt', edited);
    const file = write('doc.txt.annotations.yaml', sidecar);
    const idLine = sidecar.split('\n').findIndex((l) => l.includes('- id:')) + 1;
    const docLine = edited.slice(0, edited.indexOf('the Lisbon summit')).split('\n').length;

    const before = await run(dir, 'check', 'doc.txt.annotations.yaml');
    assert.equal(before.code, 1);
    assert.match(before.out, new RegExp(`^doc\\.txt\\.annotations\\.yaml:${idLine}:9: error: annotations\\[0\\] \\(\\w+\\): quote “the Lisbon summit” is not at offsets \\d+-\\d+ any more; found at line ${docLine}, column \\d+ of the document; --fix re-anchors it\\n$`));
    assert.match(before.err, /1 fixable with --fix/);
    assert.equal(fs.readFileSync(file, 'utf8'), sidecar, 'check without --fix writes nothing');

    const fixed = await run(dir, 'check', '--fix');
    assert.equal(fixed.code, 0);
    assert.match(fixed.out, /: fixed: /);
    assert.match(fixed.err, /1 fixed in 1 file\(s\)/);
    const stored = parsed(fs.readFileSync(file, 'utf8')).annotations[0];
    assert.equal([...edited].slice(stored.start, stored.end).join(''), 'the Lisbon summit');

    const after = await run(dir, 'check');
    assert.deepEqual([after.code, after.out], [0, '']);
  });

  it('reports a quote that is gone and leaves it alone with --fix; never touches an invalid sidecar', async () => {
    const sidecar = tag(undefined, ARTICLE, { phrase: 'the Lisbon summit', author: 'alice' }, { phrase: 'Russia has called on NATO', author: 'alice' }).sidecar;
    write('doc.txt', ARTICLE.replace('the Lisbon summit', 'the summit in Lisbon') + '\nmore\n');
    const file = write('doc.txt.annotations.yaml', sidecar);
    const broken = write('bad.txt.annotations.yaml', sidecar.replace('version: 1', 'version: 7'));
    write('bad.txt', 'x');
    const r = await run(dir, 'check', '--fix', '--format', 'json');
    assert.equal(r.code, 1);
    const report = JSON.parse(r.out) as { files: { sidecar: string; fixed: boolean; problems: { severity: string; message: string; fixed: boolean; line: number }[] }[]; summary: Record<string, number> };
    assert.deepEqual(report.files.map((f) => [f.sidecar, f.fixed]), [['bad.txt.annotations.yaml', false], ['doc.txt.annotations.yaml', false]]);
    assert.match(report.files[1].problems[0].message, /“the Lisbon summit” was changed: its context is still at line 11, column 75, where the text now reads “the summit in Lisbon”; it will be kept as an orphan/);
    assert.deepEqual(report.summary, { sidecars: 2, errors: 2, warnings: 0, fixed: 0, fixedFiles: 0 });
    assert.equal(fs.readFileSync(file, 'utf8'), sidecar);
    assert.equal(fs.readFileSync(broken, 'utf8'), sidecar.replace('version: 1', 'version: 7'));
  });

  it('exits 2 on usage errors', async () => {
    assert.equal((await run(dir, 'check', '--format', 'xml')).code, 2);
    assert.equal((await run(dir, 'check', '--frobnicate')).code, 2);
    assert.equal((await run(dir, 'check', 'no/such/path')).code, 2);
    assert.equal((await run(dir, 'unknown')).code, 2);
    // Commands are looked up among the CLI's own, never on the object's prototype.
    for (const name of ['toString', 'constructor', '__proto__']) assert.match((await run(dir, name)).err, new RegExp(`unknown command "${name}"`));
    assert.equal((await run(dir)).code, 2);
  });

  it('runs as the built bin: shebang, --version, --help, exit codes through the process', () => {
    assert.ok(fs.readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n'));
    const version = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    const help = spawnSync(process.execPath, [CLI, 'check', '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: source-annotator check/);
    // Each command's module is loaded when it runs: every one's --help through the bundle.
    for (const name of ['export', 'import', 'stats', 'merge', 'suggest', 'agree', 'diff', 'init']) {
      assert.match(spawnSync(process.execPath, [CLI, name, '--help'], { encoding: 'utf8' }).stdout, new RegExp(`^Usage: source-annotator ${name}`));
    }
    write('doc.txt.annotations.yaml', 'version: 1\n');
    const bad = spawnSync(process.execPath, [CLI, 'check', dir], { encoding: 'utf8', cwd: dir });
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /^doc\.txt\.annotations\.yaml:1:1: error: /m);
    assert.match(bad.stderr, /^Checked 1 sidecar\(s\): [1-9]\d* error\(s\), 0 warning\(s\)\.\n$/);
  });
});
