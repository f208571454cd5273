// Ordinary file problems (unreadable, not UTF-8, too large, not a regular file, links) are reported
// per file with a clear message and exit 1, the other files are still handled, nothing is
// rewritten that should not be, and no stack trace or exit 3 is ever shown for them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { MAX_SIDECAR_BYTES } from '../../src/core/sidecar/sidecarBytes';
import { MAX_DOCUMENT_BYTES } from '../../src/core/corpus/readFiles';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { renderSidecar } from '../../src/core/sidecar/sidecarDocument';
import { writeSidecar } from '../../src/cli/writeSidecar';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import { buildSidecarFile } from '../../src/core/sidecar/sidecarCodec';
import type { SidecarFile } from '../../src/core/sidecar/sidecarFormat';
import { ARTICLE, parsed, run, tag } from './sidecarFixtures';
import { tempDir } from './tempDirs';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const EDITED = 'A new first paragraph.\n\n' + ARTICLE;
const NO_STACK = /\n\s+at |RangeError|TypeError|internal error/;

/**
 * Runs the built CLI as a user that file permissions apply to: as root (containers, CI) it drops
 * to "nobody", since root reads and writes whatever the mode bits say.
 */
function runUnprivileged(cwd: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const asRoot = process.getuid?.() === 0;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 20_000, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('source-annotator and file problems', () => {
  let dir: string;
  const write = (name: string, content: string | Uint8Array): string => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  };
  /** A document whose sidecar needs --fix (a paragraph was added above the quote). */
  const fixable = (name: string): string => {
    write(name, EDITED);
    return write(`${name}.annotations.yaml`, tag(undefined, ARTICLE, { phrase: 'the Lisbon summit', author: 'alice' }).sidecar);
  };
  const good = (name: string): string => {
    write(name, ARTICLE);
    return write(`${name}.annotations.yaml`, tag(undefined, ARTICLE, { phrase: 'the Lisbon summit', author: 'alice' }).sidecar);
  };
  beforeEach(() => {
    dir = tempDir('files');
    fs.chmodSync(dir, 0o755);
  });
  afterEach(() => {
    // Give back permissions taken away by a test so the folder can be removed.
    const walk = (p: string): void => {
      fs.chmodSync(p, 0o755);
      if (fs.lstatSync(p).isDirectory()) for (const e of fs.readdirSync(p)) if (!fs.lstatSync(path.join(p, e)).isSymbolicLink()) walk(path.join(p, e));
    };
    walk(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('invalid UTF-8 in a sidecar', () => {
    it('is reported at its line and column by check, and --fix leaves every byte as it was', async () => {
      const file = fixable('doc.txt');
      const text = fs.readFileSync(file, 'utf8');
      const at = text.indexOf('author: alice') + 'author: '.length;
      const bytes = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xff]), Buffer.from(text.slice(at))]);
      fs.writeFileSync(file, bytes);
      const line = text.slice(0, at).split('\n').length;
      const column = at - text.lastIndexOf('\n', at - 1);
      good('other.txt');

      for (const args of [['check'], ['check', '--fix']]) {
        const r = await run(dir, ...args);
        assert.equal(r.code, 1);
        assert.equal(r.out, `doc.txt.annotations.yaml:${line}:${column}: error: the sidecar is not valid UTF-8: byte 0xFF at byte offset ${Buffer.byteLength(text.slice(0, at))}; it is not read or rewritten (re-save it as UTF-8)\n`);
        assert.match(r.err, /^Checked 2 sidecar\(s\): 1 error\(s\)/);
      }
      assert.deepEqual(fs.readFileSync(file), bytes, 'untouched by --fix');
    });

    it('is reported by export, stats and suggest --write, which go on with the other files and never rewrite it', async () => {
      const file = good('doc.txt');
      const bytes = Buffer.concat([fs.readFileSync(file), Buffer.from('# \xe9\n', 'latin1')]);
      fs.writeFileSync(file, bytes);
      good('other.txt');
      for (const args of [['export', '--format', 'json'], ['stats'], ['suggest', '--write']]) {
        const r = await run(dir, ...args);
        assert.equal(r.code, 1, args.join(' '));
        assert.match(r.err, /doc\.txt\.annotations\.yaml:\d+:3: the sidecar is not valid UTF-8: byte 0xE9|doc\.txt\.annotations\.yaml: skipped, line \d+, column 3: the sidecar is not valid UTF-8/, args.join(' '));
        assert.doesNotMatch(r.err, NO_STACK);
      }
      assert.match((await run(dir, 'export', '--format', 'json')).out, /other\.txt/);
      assert.deepEqual(fs.readFileSync(file), bytes);
    });

    // Any valid sidecar with any ill-formed UTF-8 sequence anywhere: reported where it is, never rewritten.
    it('property: any ill-formed sequence anywhere is reported at its line and column and survives --fix byte for byte', async function () {
      this.timeout(60_000);
      const sidecar = fs.readFileSync(fixable('doc.txt'), 'utf8');
      const points = [...sidecar];
      const bad = fc.constantFrom([0xff], [0xfe], [0x80], [0xc0, 0x80], [0xc3], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98]);
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: points.length }), bad, async (cut, sequence) => {
          const before = points.slice(0, cut).join('');
          const bytes = Buffer.concat([Buffer.from(before), Buffer.from(sequence), Buffer.from(points.slice(cut).join(''))]);
          const file = path.join(dir, 'doc.txt.annotations.yaml');
          fs.writeFileSync(file, bytes);
          const line = before.split('\n').length;
          const column = before.length - (before.lastIndexOf('\n') + 1) + 1;
          const r = await run(dir, 'check', '--fix');
          assert.equal(r.code, 1);
          assert.match(r.out, new RegExp(`^doc\\.txt\\.annotations\\.yaml:${line}:${column}: error: the sidecar is not valid UTF-8: byte 0x${sequence[0].toString(16).toUpperCase()} at byte offset ${Buffer.byteLength(before)};`));
          assert.deepEqual(fs.readFileSync(file), bytes);
        }),
        { numRuns: 60 },
      );
    });
  });

  describe('size limits', () => {
    it('refuses a sidecar over the limit at once, and checks the others', async function () {
      this.timeout(20_000);
      const big = good('big.txt');
      fs.truncateSync(big, MAX_SIDECAR_BYTES + 1); // sparse: no 16 MiB written
      good('small.txt');
      // The exact message proves it was refused from its size: read, its NUL bytes would be a YAML error.
      const r = await run(dir, 'check', '--fix');
      assert.equal(r.code, 1);
      assert.equal(r.out, 'big.txt.annotations.yaml:1:1: error: the sidecar is 16.0 MiB, over the limit of 16.0 MiB; it is not read (split the document, or remove annotations with another tool)\n');
      assert.match(r.err, /^Checked 2 sidecar\(s\): 1 error\(s\)/);
      assert.equal(fs.statSync(big).size, MAX_SIDECAR_BYTES + 1);
      const stats = await run(dir, 'stats', '--format', 'json');
      assert.equal(stats.code, 1);
      assert.equal((JSON.parse(stats.out) as { documents: number }).documents, 1);
    });

    it('refuses a document over the limit (50 MiB, what VS Code hands to extensions) and goes on', async () => {
      const sidecar = good('big.txt');
      const before = fs.readFileSync(sidecar, 'utf8');
      fs.truncateSync(path.join(dir, 'big.txt'), MAX_DOCUMENT_BYTES + 1);
      write('other.txt', ARTICLE);
      const check = await run(dir, 'check');
      assert.equal(check.code, 1);
      assert.equal(check.out, 'big.txt.annotations.yaml:1:1: error: its document big.txt: 50.0 MiB, over the limit of 50.0 MiB for documents; not read\n');
      const suggest = await run(dir, 'suggest', '--write');
      assert.equal(suggest.code, 1);
      assert.match(suggest.err, /big\.txt: 50\.0 MiB, over the limit of 50\.0 MiB for documents; not read/);
      assert.match(suggest.err, /other\.txt: \d+ suggestion\(s\)/);
      assert.equal(fs.readFileSync(sidecar, 'utf8'), before);
    });
  });

  describe('things that are not regular files', () => {
    it('reports a FIFO named like a sidecar (found or named) or as a document instead of hanging on it', async function () {
      if (process.platform === 'win32') this.skip();
      good('doc.txt');
      spawnSync('mkfifo', [path.join(dir, 'pipe.txt.annotations.yaml')]);
      write('fifodoc.txt.annotations.yaml', fs.readFileSync(path.join(dir, 'doc.txt.annotations.yaml')));
      spawnSync('mkfifo', [path.join(dir, 'fifodoc.txt')]);
      const r = await run(dir, 'check');
      assert.equal(r.code, 1);
      assert.equal(
        r.out,
        'fifodoc.txt.annotations.yaml:1:1: error: its document fifodoc.txt: not a regular file (a FIFO); not read\n' +
          'pipe.txt.annotations.yaml:1:1: error: not a regular file (a FIFO); skipped\n',
      );
      const named = await run(dir, 'check', 'pipe.txt.annotations.yaml');
      assert.equal(named.out, 'pipe.txt.annotations.yaml:1:1: error: not a regular file (a FIFO); skipped\n');
      const suggest = await run(dir, 'suggest', 'fifodoc.txt');
      assert.equal(suggest.code, 1);
      assert.match(suggest.err, /fifodoc\.txt: not a regular file \(a FIFO\); skipped/);
    });

    it('reports a folder named like a sidecar as a warning and searches it', async () => {
      fs.mkdirSync(path.join(dir, 'odd.txt.annotations.yaml'));
      fs.writeFileSync(path.join(dir, 'odd.txt.annotations.yaml', 'inner.txt'), ARTICLE);
      fs.writeFileSync(path.join(dir, 'odd.txt.annotations.yaml', 'inner.txt.annotations.yaml'), tag(undefined, ARTICLE, { phrase: 'the Lisbon summit' }).sidecar);
      const r = await run(dir, 'check');
      assert.equal(r.code, 0);
      assert.equal(r.out, 'odd.txt.annotations.yaml:1:1: warning: a folder named like a sidecar; searched as a folder\n');
      assert.equal(r.err, 'Checked 1 sidecar(s): 0 error(s), 1 warning(s).\n');
    });
  });

  describe('symbolic links', () => {
    it('follows a linked sidecar when searching, and --fix writes through the link, which stays a link', async function () {
      if (process.platform === 'win32') this.skip();
      // Kept elsewhere under a name that is not a sidecar's: only the link is one.
      const target = write('store/shared.yaml', tag(undefined, ARTICLE, { phrase: 'the Lisbon summit', author: 'alice' }).sidecar);
      write('doc.txt', EDITED);
      fs.symlinkSync(target, path.join(dir, 'doc.txt.annotations.yaml'));
      const before = await run(dir, 'check', 'doc.txt.annotations.yaml');
      assert.equal(before.code, 1);
      const r = await run(dir, 'check', '--fix');
      assert.equal(r.code, 0, r.out);
      assert.match(r.out, /^doc\.txt\.annotations\.yaml:\d+:\d+: fixed: /m);
      assert.ok(fs.lstatSync(path.join(dir, 'doc.txt.annotations.yaml')).isSymbolicLink(), 'still a link');
      assert.equal(fs.readlinkSync(path.join(dir, 'doc.txt.annotations.yaml')), target);
      const [stored] = parsed(fs.readFileSync(target, 'utf8')).annotations;
      assert.equal([...EDITED].slice(stored.start, stored.end).join(''), 'the Lisbon summit');
      assert.deepEqual(fs.readdirSync(path.join(dir, 'store')), ['shared.yaml'], 'no temp file left');
    });

    it('follows linked folders once (a loop ends), and reports a broken link named like a sidecar', async function () {
      if (process.platform === 'win32') this.skip();
      good('a/doc.txt');
      fs.symlinkSync(dir, path.join(dir, 'a', 'loop'));
      fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'b'));
      fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'gone.txt.annotations.yaml'));
      const r = await run(dir, 'check');
      assert.equal(r.code, 1);
      assert.equal(r.out, 'gone.txt.annotations.yaml:1:1: error: broken symbolic link (its target does not exist); skipped\n');
      assert.equal(r.err, 'Checked 2 sidecar(s): 1 error(s), 0 warning(s).\n');
    });
  });

  describe('permissions (run as an unprivileged user)', () => {
    it('check reports an unreadable sidecar, folder and document per file, checks the rest, exit 1, no stack trace', function () {
      if (process.platform === 'win32') this.skip();
      this.timeout(60_000);
      good('ok.txt');
      fs.chmodSync(good('secret.txt'), 0o000);
      fs.chmodSync(write('hidden.txt', ARTICLE), 0o000);
      fs.writeFileSync(path.join(dir, 'hidden.txt.annotations.yaml'), fs.readFileSync(path.join(dir, 'ok.txt.annotations.yaml')));
      good('locked/inner.txt');
      fs.chmodSync(path.join(dir, 'locked'), 0o000);
      const r = runUnprivileged(dir, 'check');
      assert.equal(r.code, 1, r.err);
      assert.equal(
        r.out,
        'hidden.txt.annotations.yaml:1:1: error: its document hidden.txt: cannot read: permission denied\n' +
          'locked:1:1: error: cannot read folder: permission denied; its files are not checked\n' +
          'secret.txt.annotations.yaml:1:1: error: cannot read: permission denied\n',
      );
      assert.equal(r.err, 'Checked 3 sidecar(s): 3 error(s), 0 warning(s).\n');
      for (const args of [['export', '--format', 'json'], ['stats'], ['suggest']]) {
        const other = runUnprivileged(dir, ...args);
        assert.equal(other.code, 1, args.join(' '));
        assert.match(other.err, /locked: cannot read folder: permission denied/, args.join(' '));
        assert.doesNotMatch(other.err, NO_STACK, args.join(' '));
      }
    });

    it('check --fix in a read-only folder reports "cannot write" for that file, fixes the others, exit 1', function () {
      if (process.platform === 'win32') this.skip();
      this.timeout(30_000);
      const locked = fixable('ro/doc.txt');
      const sidecar = fs.readFileSync(locked, 'utf8');
      const open = fixable('rw/doc.txt');
      fs.chmodSync(path.join(dir, 'rw'), 0o777);
      fs.chmodSync(open, 0o666);
      fs.chmodSync(path.join(dir, 'ro'), 0o555);
      const r = runUnprivileged(dir, 'check', '--fix');
      assert.equal(r.code, 1, r.err);
      assert.match(r.out, /^ro\/doc\.txt\.annotations\.yaml:1:1: error: not fixed: cannot write: permission denied$/m);
      assert.match(r.out, /^rw\/doc\.txt\.annotations\.yaml:\d+:\d+: fixed: /m);
      assert.doesNotMatch(r.err, NO_STACK);
      assert.equal(fs.readFileSync(locked, 'utf8'), sidecar);
      assert.notEqual(fs.readFileSync(open, 'utf8'), sidecar);
    });
  });

  describe('a closed standard output (… | head)', () => {
    it('stops quietly with the exit code of the command: no EPIPE error, no stack trace', function () {
      if (process.platform === 'win32') this.skip();
      this.timeout(60_000);
      // Enough annotations that the export is far larger than a pipe's buffer.
      const text = ARTICLE.repeat(4);
      const annotations = new DocumentAnnotations();
      for (let start = 0; start + 40 <= text.length; start += 25) annotations.add({ kind: 'claim', start, end: start + 40, author: 'alice' }, text);
      write('doc.txt', text);
      write('doc.txt.annotations.yaml', renderSidecar(annotations, text));
      for (const args of ['export --format json', 'export --format markdown']) {
        const r = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} ${args} | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
        assert.equal(r.stdout, '0\n', `${args}: ${r.stderr}`);
        assert.equal(r.stderr, '', args);
      }
    });
  });

  describe('merge with files that cannot be read', () => {
    it('reports a missing file or a directory with its role, writes nothing, exit 1', async () => {
      const ours = write('ours.yaml', tag(undefined, ARTICLE, { phrase: 'the Lisbon summit' }).sidecar);
      const before = fs.readFileSync(ours, 'utf8');
      fs.mkdirSync(path.join(dir, 'folder'));
      const missing = await run(dir, 'merge', 'base.yaml', 'ours.yaml', 'missing.yaml');
      assert.equal(missing.code, 1);
      assert.match(missing.err, /^source-annotator merge: base base\.yaml: no such file or directory$/m);
      assert.match(missing.err, /^source-annotator merge: theirs missing\.yaml: no such file or directory$/m);
      assert.match(missing.err, /nothing was written/);
      const folder = await run(dir, 'merge', 'ours.yaml', 'ours.yaml', 'folder');
      assert.equal(folder.code, 1);
      assert.match(folder.err, /^source-annotator merge: theirs folder: is a directory$/m);
      assert.equal(fs.readFileSync(ours, 'utf8'), before);
    });
  });
});

describe('writeSidecar: nothing that does not read back is written', () => {
  it('writeSidecar leaves the file untouched and says why when the text would not read back', async () => {
    const dir = tempDir('unsafe');
    const text = 'Russia has called on NATO.';
    const good: SidecarFile = buildSidecarFile([{ id: 'abcd1234', kind: 'claim', start: 0, end: 6, text: 'Russia', prefix: '', suffix: ' has' }], text);
    try {
      const target = path.join(dir, 'doc.txt.annotations.yaml');
      fs.writeFileSync(target, serializeSidecar(good));
      const empty: SidecarFile = { ...good, annotations: [{ ...good.annotations[0], end: 0 }] };
      const result = await writeSidecar(target, serializeSidecar(empty), { file: empty, documentText: text, expected: undefined, io: { cwd: dir, out: () => undefined, err: () => undefined } });
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.reason, /not written because it would not read back.*this is a bug/);
      assert.equal(fs.readFileSync(target, 'utf8'), serializeSidecar(good));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
