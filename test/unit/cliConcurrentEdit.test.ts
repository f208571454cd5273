// A sidecar saved by someone else (the editor, a second command) while a command that rewrites it
// runs must never be overwritten: the command refuses for that file and says so (exit 1).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { runCli } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/cliIO';
import { ARTICLE, parsed, run, tag } from './sidecarFixtures';
import { tempDir } from './tempDirs';

const EDITED = 'A new first paragraph.\n\n' + ARTICLE;
const CHANGED = /^(.*):1:1: error: not fixed: the sidecar changed on disk while this command ran \(saved in an editor\?\); it was not overwritten, run the command again$/;

/** Runs the CLI in-process; `beforeReplace` runs at the worst moment of each sidecar write. */
async function runWithHook(cwd: string, beforeReplace: (file: string) => void | Promise<void>, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { cwd, out: (t) => void (out += t), err: (t) => void (err += t), beforeReplace };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/** A folder of documents whose sidecars all need `--fix` (a paragraph was added above every quote). */
function corpus(dir: string, names: readonly string[]): Map<string, string> {
  const sidecars = new Map<string, string>();
  for (const name of names) {
    fs.writeFileSync(path.join(dir, name), EDITED);
    const file = path.join(dir, `${name}.annotations.yaml`);
    const sidecar = tag(undefined, ARTICLE, { phrase: 'the Lisbon summit', author: 'alice' }).sidecar;
    fs.writeFileSync(file, sidecar);
    sidecars.set(file, sidecar);
  }
  return sidecars;
}

/** What the editor saves meanwhile: another annotation added (against the document as it is now). */
function editorSave(file: string): string {
  const text = tag(fs.readFileSync(file, 'utf8'), EDITED, { phrase: 'Russia has called on NATO', author: 'bob' }).sidecar;
  fs.writeFileSync(file, text);
  return text;
}

describe('source-annotator never overwrites a sidecar that changed while it ran', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('concurrent');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('check --fix refuses for a sidecar saved between its read and its write, keeps the saved edit, exit 1', async () => {
    const [file] = corpus(dir, ['doc.txt']).keys();
    let saved = '';
    const r = await runWithHook(dir, (f) => void (saved = editorSave(f)), 'check', '--fix');
    assert.equal(r.code, 1);
    assert.match(r.out.split('\n')[0], CHANGED);
    assert.match(r.err, /0 fixed in 0 file\(s\)/);
    assert.equal(fs.readFileSync(file, 'utf8'), saved, 'the edit saved meanwhile is kept');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['doc.txt', 'doc.txt.annotations.yaml'], 'no temp file left');
    // The next run reads the saved edit and fixes it, keeping bob's annotation.
    assert.equal((await run(dir, 'check', '--fix')).code, 0);
    assert.deepEqual(parsed(fs.readFileSync(file, 'utf8')).annotations.map((a) => a.author).sort(), ['alice', 'bob']);
  });

  it('refuses as well when the same bytes were saved again meanwhile (mtime or inode changed)', async () => {
    const [file] = corpus(dir, ['doc.txt']).keys();
    const r = await runWithHook(
      dir,
      (f) => {
        const same = fs.readFileSync(f);
        fs.writeFileSync(`${f}.new`, same);
        fs.renameSync(`${f}.new`, f);
      },
      'check',
      '--fix',
    );
    assert.equal(r.code, 1);
    assert.match(r.out, /changed on disk while this command ran/);
    assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /A new first paragraph/);
  });

  it('suggest --write does not replace a sidecar saved meanwhile, nor one created meanwhile', async () => {
    const text = '“We will not give up the talks,” Anna Berg said.\n';
    fs.writeFileSync(path.join(dir, 'a.txt'), text);
    fs.writeFileSync(path.join(dir, 'b.txt'), text);
    fs.writeFileSync(path.join(dir, 'b.txt.annotations.yaml'), tag(undefined, text, { phrase: 'Anna Berg', author: 'alice' }).sidecar);
    const r = await runWithHook(dir, (f) => void fs.writeFileSync(f, `saved meanwhile: ${path.basename(f)}\n`), 'suggest', '--write');
    assert.equal(r.code, 1);
    assert.match(r.err, /a\.txt\.annotations\.yaml: not written: the sidecar changed on disk while this command ran/);
    assert.match(r.err, /b\.txt\.annotations\.yaml: not written: the sidecar changed on disk while this command ran/);
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt.annotations.yaml'), 'utf8'), 'saved meanwhile: a.txt.annotations.yaml\n');
    assert.equal(fs.readFileSync(path.join(dir, 'b.txt.annotations.yaml'), 'utf8'), 'saved meanwhile: b.txt.annotations.yaml\n');
  });

  it('property: with any set of sidecars saved concurrently, exactly those keep their edit and are reported; the others are fixed', async function () {
    this.timeout(60_000);
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), async (editedFlags) => {
        const sub = path.join(dir, `${round++}`);
        fs.mkdirSync(sub);
        const names = editedFlags.map((_, i) => `doc${i}.txt`);
        const files = [...corpus(sub, names).keys()];
        const edited = new Set(files.filter((_, i) => editedFlags[i]));
        const saved = new Map<string, string>();
        const r = await runWithHook(sub, (f) => void (edited.has(f) && saved.set(f, editorSave(f))), 'check', '--fix');

        assert.equal(r.code, edited.size > 0 ? 1 : 0);
        const refused = r.out.split('\n').map((l) => CHANGED.exec(l)?.[1]).filter((f): f is string => f !== undefined);
        assert.deepEqual(refused, [...edited].map((f) => path.basename(f)));
        for (const file of files) {
          const now = fs.readFileSync(file, 'utf8');
          if (edited.has(file)) {
            assert.equal(now, saved.get(file));
          } else {
            const [stored] = parsed(now).annotations;
            assert.equal([...EDITED].slice(stored.start, stored.end).join(''), 'the Lisbon summit');
          }
        }
        assert.deepEqual(fs.readdirSync(sub).filter((f) => f.endsWith('.tmp')), []);
      }),
      { numRuns: 25 },
    );
  });

  it('loop: a writer saving complete sidecars while check --fix runs never leaves a broken or half-written file', async function () {
    this.timeout(60_000);
    const names = ['a.txt', 'b.txt', 'c.txt'];
    for (let round = 0; round < 15; round++) {
      const sub = path.join(dir, `loop${round}`);
      fs.mkdirSync(sub);
      const files = [...corpus(sub, names).keys()];
      const versions = new Map<string, Set<string>>(files.map((f) => [f, new Set([fs.readFileSync(f, 'utf8')])]));
      let stop = false;
      const writer = (async () => {
        for (let i = 0; !stop && i < 200; i++) {
          const file = files[i % files.length];
          const text = tag(undefined, EDITED, { phrase: 'Russia has called on NATO', author: `w${i}` }).sidecar;
          versions.get(file)?.add(text);
          // Saved the way editors save: a complete new file renamed into place.
          await fs.promises.writeFile(`${file}.w`, text);
          await fs.promises.rename(`${file}.w`, file);
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const r = await run(sub, 'check', '--fix');
      stop = true;
      await writer;
      assert.ok(r.code === 0 || r.code === 1, r.err);
      for (const line of r.out.split('\n').filter((l) => l.includes(':1:1: error: not fixed'))) assert.match(line, CHANGED);
      for (const file of files) {
        const now = fs.readFileSync(file, 'utf8');
        assert.ok(parseOk(now), `${file} is a complete sidecar`);
        // Either a version the writer saved, or a fix (the quote re-anchored in the edited document).
        if (!versions.get(file)?.has(now)) {
          const [stored] = parsed(now).annotations;
          assert.equal([...EDITED].slice(stored.start, stored.end).join(''), stored.text);
        }
      }
      assert.deepEqual(fs.readdirSync(sub).filter((f) => f.endsWith('.tmp')), []);
    }
  });
});

function parseOk(text: string): boolean {
  try {
    parsed(text);
    return true;
  } catch {
    return false;
  }
}
