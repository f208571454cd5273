// The merge driver without a usable base: git always passes a base file (empty when the sides
// have no common version). One that cannot be read, or is not a sidecar, must not be taken as
// "no base", which would bring back every annotation one side deleted.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { runCli } from '../../src/cli/main';
import { splitConflictSides } from '../../src/core/merge/conflictSides';
import { mergeSidecarTexts } from '../../src/core/merge/mergeSidecarTexts';
import { ARTICLE, parsed, remove, run, tag } from './sidecarFixtures';
import { tempDir } from './tempDirs';

const PHRASES = ['Russia has called on NATO', 'the Lisbon summit', 'Why does our enemy want to become our friend?', 'NATO'];

describe('source-annotator merge without a usable base', () => {
  let dir: string;
  let base: string;
  let ids: string[];
  beforeEach(() => {
    dir = tempDir('merge');
    ({ sidecar: base, ids } = tag(undefined, ARTICLE, ...PHRASES.map((phrase) => ({ phrase, author: 'alice' }))));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const put = (name: string, content: string | Uint8Array): string => {
    fs.writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  };

  it('with a base, an annotation deleted on one side stays deleted (exit 0)', async () => {
    put('base.yaml', base);
    const ours = put('ours.yaml', remove(base, ARTICLE, ids[0]));
    put('theirs.yaml', base);
    const r = await run(dir, 'merge', 'base.yaml', 'ours.yaml', 'theirs.yaml');
    assert.equal(r.code, 0, r.err);
    assert.ok(!parsed(fs.readFileSync(ours, 'utf8')).annotations.some((a) => a.id === ids[0]));
  });

  for (const [what, baseFile] of [
    ['missing', undefined],
    ['not a sidecar', 'base: [unclosed\n'],
    ['not UTF-8', Buffer.from([0x76, 0x65, 0x72, 0xff, 0x0a])],
    ['a directory', 'dir'],
  ] as const) {
    it(`refuses a base that is ${what}: both sides between conflict markers, nothing resurrected, exit 1`, async () => {
      if (baseFile === 'dir') fs.mkdirSync(path.join(dir, 'base.yaml'));
      else if (baseFile !== undefined) put('base.yaml', baseFile);
      const oursText = remove(base, ARTICLE, ids[0]);
      const ours = put('ours.yaml', oursText);
      put('theirs.yaml', base);
      const r = await run(dir, 'merge', 'base.yaml', 'ours.yaml', 'theirs.yaml');
      assert.equal(r.code, 1);
      assert.match(r.err, /^source-annotator merge: base base\.yaml(:\d+:\d+)?: .+$/m);
      assert.match(r.err, /without the common version|the base is not a valid sidecar/);
      assert.match(r.err, /left both versions between conflict markers/);
      assert.deepEqual(splitConflictSides(fs.readFileSync(ours, 'utf8')), { ours: oursText, theirs: base });
    });
  }

  it('an empty base file means no common version: the sides are united by id (exit 0)', async () => {
    put('base.yaml', '');
    const ours = put('ours.yaml', tag(undefined, ARTICLE, { phrase: 'NATO', author: 'alice' }).sidecar);
    put('theirs.yaml', tag(undefined, ARTICLE, { phrase: 'the Lisbon summit', author: 'bob' }).sidecar);
    const r = await run(dir, 'merge', 'base.yaml', 'ours.yaml', 'theirs.yaml');
    assert.equal(r.code, 0, r.err);
    assert.equal(parsed(fs.readFileSync(ours, 'utf8')).annotations.length, 2);
  });

  it('keeps every byte of a side that is not UTF-8 between the conflict markers', async () => {
    put('base.yaml', base);
    const bad = Buffer.concat([Buffer.from(base), Buffer.from([0xc0, 0x80, 0x0a])]);
    const ours = put('ours.yaml', bad);
    put('theirs.yaml', base);
    const r = await run(dir, 'merge', 'base.yaml', 'ours.yaml', 'theirs.yaml');
    assert.equal(r.code, 1);
    assert.match(r.err, /ours ours\.yaml:\d+:1: the sidecar is not valid UTF-8/);
    assert.deepEqual(fs.readFileSync(ours), Buffer.concat([Buffer.from('<<<<<<< ours\n'), bad, Buffer.from('=======\n'), Buffer.from(base), Buffer.from('>>>>>>> theirs\n')]));
  });

  it('does not overwrite <ours> when it changed while the merge ran', async () => {
    put('base.yaml', base);
    const ours = put('ours.yaml', remove(base, ARTICLE, ids[0]));
    put('theirs.yaml', base);
    let err = '';
    const code = await runCli(['merge', 'base.yaml', 'ours.yaml', 'theirs.yaml'], {
      cwd: dir,
      out: () => undefined,
      err: (t) => void (err += t),
      beforeReplace: (file) => fs.writeFileSync(file, 'saved meanwhile\n'),
    });
    assert.equal(code, 1);
    assert.match(err, /ours\.yaml: the sidecar changed on disk while this command ran/);
    assert.equal(fs.readFileSync(ours, 'utf8'), 'saved meanwhile\n');
  });

  it('property: a deletion on one side is never undone, whatever the base file is', async function () {
    this.timeout(60_000);
    let round = 0;
    const baseKinds = fc.constantFrom('same', 'missing', 'garbage', 'other');
    await fc.assert(
      fc.asyncProperty(fc.subarray([0, 1, 2, 3]), fc.subarray([0, 1, 2, 3]), baseKinds, async (deletedByUs, deletedByThem, baseKind) => {
        const sub = path.join(dir, `${round++}`);
        fs.mkdirSync(sub);
        let oursText = base;
        for (const i of deletedByUs) oursText = remove(oursText, ARTICLE, ids[i]);
        let theirsText = base;
        for (const i of deletedByThem) theirsText = remove(theirsText, ARTICLE, ids[i]);
        if (baseKind === 'same') fs.writeFileSync(path.join(sub, 'b'), base);
        if (baseKind === 'garbage') fs.writeFileSync(path.join(sub, 'b'), 'annotations: {\n');
        if (baseKind === 'other') fs.writeFileSync(path.join(sub, 'b'), tag(undefined, ARTICLE, { phrase: 'NATO', author: 'carol' }).sidecar);
        fs.writeFileSync(path.join(sub, 'o'), oursText);
        fs.writeFileSync(path.join(sub, 't'), theirsText);
        const r = await run(sub, 'merge', 'b', 'o', 't');
        const result = fs.readFileSync(path.join(sub, 'o'), 'utf8');
        const deleted = new Set([...deletedByUs, ...deletedByThem].map((i) => ids[i]));
        if (baseKind === 'missing' || baseKind === 'garbage') {
          assert.equal(r.code, 1);
          assert.deepEqual(splitConflictSides(result), { ours: oursText, theirs: theirsText });
        } else if (r.code === 0) {
          // With a real base, every deletion holds; with an unrelated one they are additions there.
          const kept = parsed(result).annotations.map((a) => a.id);
          if (baseKind === 'same') assert.ok(kept.every((id) => !deleted.has(id)), `resurrected: ${kept.filter((id) => deleted.has(id))}`);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('mergeSidecarTexts refuses a base that does not parse instead of uniting the sides', () => {
    const result = mergeSidecarTexts('annotations: {\n', remove(base, ARTICLE, ids[0]), base);
    assert.equal(result.ok, false);
    assert.equal(result.ok ? '' : result.side, 'base');
    assert.ok(mergeSidecarTexts('  \n', base, base).ok, 'a blank base is "no common version"');
  });
});
