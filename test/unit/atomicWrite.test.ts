import assert from 'node:assert/strict';
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileChangedError, writeFileAtomic, type FileSnapshot } from '../../src/core/sidecar/atomicWrite';

describe('writeFileAtomic', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'atomic-write-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates a new file with exactly the given UTF-8 content', async () => {
    const target = join(dir, 'a.txt.annotations.yaml');
    await writeFileAtomic(target, 'text: Привет 😀\n');
    assert.equal(await readFile(target, 'utf8'), 'text: Привет 😀\n');
    assert.deepEqual(await readdir(dir), ['a.txt.annotations.yaml']);
  });

  it('replaces existing content and leaves no temp file', async () => {
    const target = join(dir, 'doc.annotations.yaml');
    await writeFile(target, 'old content that is longer than the new one\n');
    await writeFileAtomic(target, 'new\n');
    assert.equal(await readFile(target, 'utf8'), 'new\n');
    await writeFileAtomic(target, Buffer.from('bytes\n'));
    assert.equal(await readFile(target, 'utf8'), 'bytes\n');
    assert.deepEqual(await readdir(dir), ['doc.annotations.yaml']);
  });

  it('keeps the permissions of the file it replaces', async function () {
    if (process.platform === 'win32') this.skip();
    const target = join(dir, 'mode.yaml');
    await writeFile(target, 'x');
    await chmod(target, 0o640);
    await writeFileAtomic(target, 'y');
    assert.equal((await stat(target)).mode & 0o777, 0o640);
  });

  it('ends with one complete version when writers race', async () => {
    const target = join(dir, 'race.yaml');
    const versions = Array.from({ length: 20 }, (_, i) => `version ${i}\n`.repeat(1000));
    await Promise.all(versions.map((v) => writeFileAtomic(target, v)));
    assert.ok(versions.includes(await readFile(target, 'utf8')));
    assert.deepEqual(await readdir(dir), ['race.yaml']);
  });

  it('rejects and removes its temp file when the rename fails', async () => {
    const target = join(dir, 'is-a-directory');
    await mkdir(join(target, 'child'), { recursive: true });
    await assert.rejects(writeFileAtomic(target, 'x'));
    assert.deepEqual(await readdir(dir), ['is-a-directory']);
  });

  it('rejects when the directory does not exist', async () => {
    await assert.rejects(writeFileAtomic(join(dir, 'missing', 'x.yaml'), 'x'), { code: 'ENOENT' });
  });

  it('writes through a symbolic link: the target gets the content, the link stays a link', async function () {
    if (process.platform === 'win32') this.skip();
    await mkdir(join(dir, 'store'));
    const target = join(dir, 'store', 'real.yaml');
    await writeFile(target, 'old\n');
    await symlink(target, join(dir, 'link.yaml'));
    await writeFileAtomic(join(dir, 'link.yaml'), 'new\n');
    assert.ok((await lstat(join(dir, 'link.yaml'))).isSymbolicLink());
    assert.equal(await readFile(target, 'utf8'), 'new\n');
    assert.deepEqual(await readdir(join(dir, 'store')), ['real.yaml']);
  });

  it('with `expected`, replaces the file only if it is still what was read', async () => {
    const target = join(dir, 'doc.annotations.yaml');
    await writeFile(target, 'read\n');
    const snapshot = async (): Promise<FileSnapshot> => {
      const info = await stat(target);
      return { bytes: await readFile(target), size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, dev: info.dev };
    };
    const read = await snapshot();
    await writeFileAtomic(target, 'fixed\n', { expected: read });
    assert.equal(await readFile(target, 'utf8'), 'fixed\n');

    const again = await snapshot();
    await assert.rejects(
      writeFileAtomic(target, 'stale fix\n', { expected: again, beforeCommit: () => writeFile(target, 'saved by the editor\n') }),
      (e: unknown) => e instanceof FileChangedError && e.path === target,
    );
    assert.equal(await readFile(target, 'utf8'), 'saved by the editor\n');
    assert.deepEqual(await readdir(dir), ['doc.annotations.yaml'], 'temp file removed');

    // Deleted meanwhile: not recreated either.
    const last = await snapshot();
    await assert.rejects(writeFileAtomic(target, 'x', { expected: last, beforeCommit: () => rm(target) }), FileChangedError);
    assert.deepEqual(await readdir(dir), []);
  });

  it('with `expected: null`, creates the file but never replaces one that appeared meanwhile', async () => {
    const target = join(dir, 'new.annotations.yaml');
    await writeFileAtomic(target, 'created\n', { expected: null });
    assert.equal(await readFile(target, 'utf8'), 'created\n');
    const other = join(dir, 'other.annotations.yaml');
    await assert.rejects(writeFileAtomic(other, 'mine\n', { expected: null, beforeCommit: () => writeFile(other, 'theirs\n') }), FileChangedError);
    assert.equal(await readFile(other, 'utf8'), 'theirs\n');
    assert.deepEqual((await readdir(dir)).sort(), ['new.annotations.yaml', 'other.annotations.yaml']);
  });
});
