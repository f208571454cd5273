// Agreement between two annotators: spans matched exactly and by overlap, κ and α over character
// and token labels, speaker and attribute agreement; and `source-annotator agree` over two authors
// in one sidecar, two git branches (real git) and two folders.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { authorPairs, corpusPair } from '../../src/core/agreement/agreementPairs';
import { compareAnnotators, type AgreementDocument } from '../../src/core/agreement/compareAnnotators';
import { codePointTokens, labelSegments } from '../../src/core/agreement/labelSegments';
import { krippendorffAlphaNominal, cohenKappa } from '../../src/core/agreement/reliability';
import { matchSpans } from '../../src/core/agreement/spanMatching';
import type { StoredAnnotation } from '../../src/core/sidecar/sidecarFormat';
import { run, tag } from './sidecarFixtures';
import { tempDir } from './tempDirs';

let nextId = 0;
function ann(kind: string, start: number, end: number, extra: Partial<StoredAnnotation> = {}): StoredAnnotation {
  return { id: `a${nextId++}`, kind, start, end, text: '', prefix: '', suffix: '', ...extra };
}

describe('span matching', () => {
  it('pairs exact spans of the same kind only, each once', () => {
    const a = [ann('claim', 0, 5), ann('claim', 0, 5), ann('quote', 10, 20)];
    const b = [ann('claim', 0, 5), ann('quote', 10, 19)];
    assert.equal(matchSpans(a, b, 'exact').length, 1);
    assert.equal(matchSpans(a, b, 'overlap').length, 2);
  });

  it('matches by overlap one-to-one, the largest overlap first', () => {
    // A's long span overlaps B's two; it is matched with the one it shares more with.
    const a = [ann('claim', 0, 100)];
    const b = [ann('claim', 0, 10), ann('claim', 20, 90)];
    const matches = matchSpans(a, b, 'overlap');
    assert.equal(matches.length, 1);
    assert.equal(matches[0].b.start, 20);
  });

  it('never matches more than either side has, and exact matches are overlap matches', () => {
    const spans = fc.array(fc.tuple(fc.constantFrom('claim', 'quote'), fc.nat(50), fc.integer({ min: 1, max: 20 })), { maxLength: 12 });
    fc.assert(
      fc.property(spans, spans, (xs, ys) => {
        const a = xs.map(([k, s, l]) => ann(k, s, s + l));
        const b = ys.map(([k, s, l]) => ann(k, s, s + l));
        const exact = matchSpans(a, b, 'exact').length;
        const overlap = matchSpans(a, b, 'overlap');
        assert.ok(exact <= overlap.length && overlap.length <= Math.min(a.length, b.length));
        assert.equal(new Set(overlap.map((m) => m.a)).size, overlap.length);
        assert.equal(new Set(overlap.map((m) => m.b)).size, overlap.length);
        for (const m of overlap) assert.ok(m.a.kind === m.b.kind && m.a.start < m.b.end && m.b.start < m.a.end);
      }),
    );
  });
});

describe('character and token labels', () => {
  it('labels every stretch with the kinds covering it, overlapping kinds joined', () => {
    const segments = labelSegments(10, [ann('quote', 2, 6), ann('claim', 4, 8)], [ann('claim', 0, 3)]);
    assert.deepEqual(
      segments.map((s) => [s.start, s.end, s.a, s.b]),
      [
        [0, 2, '', 'claim'],
        [2, 3, 'quote', 'claim'],
        [3, 4, 'quote', ''],
        [4, 6, 'claim+quote', ''],
        [6, 8, 'claim', ''],
        [8, 10, '', ''],
      ],
    );
  });

  it('counts characters as code points: an emoji is one unit, like the stored offsets', () => {
    const text = 'a😀 b';
    assert.equal([...text].length, 4);
    assert.deepEqual(codePointTokens(text), [
      { start: 0, end: 1 },
      { start: 1, end: 2 },
      { start: 3, end: 4 },
    ]);
  });

  it('gives κ and α over characters exactly as computed from the spelled-out label of every character', () => {
    const text = 'The mayor said the budget would rise. Critics disagreed.';
    const a = [ann('claim', 19, 36), ann('quote', 40, 55)];
    const b = [ann('claim', 15, 36), ann('claim', 38, 55)];
    const r = compareAnnotators('a', 'b', [{ path: 'x', text, a, b }]);
    const label = (xs: StoredAnnotation[], i: number): string =>
      [...new Set(xs.filter((x) => x.start <= i && i < x.end).map((x) => x.kind))].sort().join('+');
    const pairs = [...text].map((_, i) => [label(a, i), label(b, i)] as [string, string]);
    assert.equal(r.kappa, cohenKappa(pairs));
    assert.ok(Math.abs((r.alpha ?? NaN) - (krippendorffAlphaNominal(pairs) ?? NaN)) < 1e-12);
  });
});

describe('compareAnnotators', () => {
  const text = 'The mayor said the budget would rise. "We will cut it," the critic said.';

  it('scores B against A per kind and overall, exact and by overlap', () => {
    const a = [ann('claim', 15, 36, { speaker: 'The mayor' }), ann('quote', 39, 53, { speaker: 'the critic' })];
    const b = [ann('claim', 15, 36, { speaker: 'the Mayor ' }), ann('quote', 39, 52, { speaker: 'Mayor' }), ann('claim', 0, 3)];
    const r = compareAnnotators('alice', 'bob', [{ path: 'doc.txt', text, a, b }]);
    assert.deepEqual(r.spans.exact, { p: 1 / 3, r: 1 / 2, f1: 0.4 });
    assert.equal(r.spans.overlap.f1, (2 * (2 / 3) * 1) / (2 / 3 + 1));
    assert.deepEqual(r.kinds.quote.exact, { p: 0, r: 0, f1: 0 });
    assert.deepEqual(r.kinds.quote.overlap, { p: 1, r: 1, f1: 1 });
    assert.deepEqual(r.speaker, { matched: 2, agree: 1 });
    assert.equal(r.documents, 1);
    assert.ok(r.kappa !== null && r.kappa > 0 && r.kappa < 1);
  });

  it('is 1 everywhere when both annotated alike, and leaves orphans out', () => {
    const a = [ann('claim', 15, 36, { attributes: { stance: 'supports' } }), ann('quote', 0, 0, { orphaned: true })];
    const b = [ann('claim', 15, 36, { attributes: { stance: 'Supports' } })];
    const r = compareAnnotators('a', 'b', [{ path: 'd', text, a, b }], 'token');
    assert.deepEqual(r.spans.exact, { p: 1, r: 1, f1: 1 });
    assert.equal(r.kappa, 1);
    assert.equal(r.alpha, 1);
    assert.deepEqual(r.attributes, { stance: { matched: 1, agree: 1 } });
  });

  it('reports null, not a made-up figure, where there is nothing to measure', () => {
    const r = compareAnnotators('a', 'b', [{ path: 'd', text: undefined, a: [], b: [ann('claim', 0, 3)] }]);
    assert.deepEqual(r.spans.exact, { p: 0, r: null, f1: null });
    assert.equal(r.kappa, null);
    assert.equal(r.alpha, null);
  });

  it('pairs authors on the documents both annotated, and folders by path', () => {
    const doc = (p: string, ...xs: StoredAnnotation[]) => ({ path: p, documentText: text, annotations: xs });
    const corpus = [doc('1', ann('claim', 0, 3, { author: 'ann' }), ann('claim', 0, 3, { author: 'bo' })), doc('2', ann('claim', 0, 3, { author: 'ann' })), doc('3', ann('quote', 4, 9))];
    const pairs = authorPairs(corpus);
    assert.deepEqual(
      pairs.map((p) => [p.a, p.b, p.documents.map((d) => d.path)]),
      [
        ['(no author)', 'ann', []],
        ['(no author)', 'bo', []],
        ['ann', 'bo', ['1']],
      ],
    );
    const { documents, onlyA, onlyB } = corpusPair([doc('1'), doc('2')], [doc('2'), doc('3')]);
    assert.deepEqual([documents.map((d: AgreementDocument) => d.path), onlyA, onlyB], [['1', '2', '3'], ['1'], ['3']]);
  });
});

describe('source-annotator agree', () => {
  const TEXT = 'The minister said taxes would fall.\n"That is false," the opposition leader said.\n';

  function git(dir: string, ...args: string[]): void {
    execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  }

  it('compares two authors of the same sidecars (json, the issue’s shape)', async () => {
    const dir = tempDir('agree');
    let sidecar = tag(undefined, TEXT, { phrase: 'taxes would fall', author: 'ann', speaker: 'The minister' }).sidecar;
    sidecar = tag(sidecar, TEXT, { phrase: 'taxes would fall', author: 'bo', speaker: 'the minister' }, { phrase: 'That is false', kind: 'quote', author: 'bo' }).sidecar;
    fs.writeFileSync(path.join(dir, 'a.txt'), TEXT);
    fs.writeFileSync(path.join(dir, 'a.txt.annotations.yaml'), sidecar);
    const r = await run(dir, 'agree', '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const { pairs } = JSON.parse(r.out);
    assert.equal(pairs.length, 1);
    const [p] = pairs;
    assert.deepEqual([p.a, p.b, p.documents], ['ann', 'bo', 1]);
    assert.deepEqual(p.spans.exact, { p: 0.5, r: 1, f1: 2 / 3 });
    assert.deepEqual(p.kinds.claim.exact, { p: 1, r: 1, f1: 1 });
    assert.deepEqual(p.speaker, { matched: 1, agree: 1 });
    assert.equal(typeof p.kappa, 'number');
    assert.equal(typeof p.alpha, 'number');
    const text = await run(dir, 'agree', '--authors', 'ann,bo');
    assert.match(text.out, /ann ↔ bo: 1 document\(s\) compared/);
    assert.match(text.out, /speaker: 1 of 1 matched span\(s\) agree \(100\.0 %\)/);
  });

  it('compares two git branches, read against the current text of the document', async () => {
    const dir = tempDir('agree-git');
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'config', 'user.name', 'Test');
    git(dir, 'config', 'user.email', 'test@example.com');
    fs.writeFileSync(path.join(dir, 'a.txt'), TEXT);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'text');
    const write = (sidecar: string, branch: string): void => {
      git(dir, 'checkout', '-q', '-b', branch, 'main');
      fs.writeFileSync(path.join(dir, 'a.txt.annotations.yaml'), sidecar);
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', branch);
    };
    write(tag(undefined, TEXT, { phrase: 'taxes would fall' }, { phrase: 'That is false', kind: 'quote' }).sidecar, 'ann');
    write(tag(undefined, TEXT, { phrase: 'taxes would fall' }).sidecar, 'bo');
    git(dir, 'checkout', '-q', 'main');
    // The text changed since: both branches' spans are re-anchored to it before comparing.
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Update.\n' + TEXT);
    const r = await run(dir, 'agree', '--ref', 'ann', '--ref', 'bo', '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const [p] = JSON.parse(r.out).pairs;
    assert.deepEqual([p.a, p.b, p.documents], ['ann', 'bo', 1]);
    assert.deepEqual(p.spans.exact, { p: 1, r: 0.5, f1: 2 / 3 });
    const bad = await run(dir, 'agree', '--ref', 'ann', '--ref', 'no-such-branch');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /not a git ref: no-such-branch/);
  });

  it('compares two folders, a document annotated on one side only counting as nothing on the other', async () => {
    const dir = tempDir('agree-folders');
    for (const side of ['one', 'two']) fs.mkdirSync(path.join(dir, side));
    for (const side of ['one', 'two']) fs.writeFileSync(path.join(dir, side, 'a.txt'), TEXT);
    fs.writeFileSync(path.join(dir, 'one', 'b.txt'), TEXT);
    fs.writeFileSync(path.join(dir, 'one', 'a.txt.annotations.yaml'), tag(undefined, TEXT, { phrase: 'taxes would fall' }).sidecar);
    fs.writeFileSync(path.join(dir, 'two', 'a.txt.annotations.yaml'), tag(undefined, TEXT, { phrase: 'taxes would fall' }).sidecar);
    fs.writeFileSync(path.join(dir, 'one', 'b.txt.annotations.yaml'), tag(undefined, TEXT, { phrase: 'That is false', kind: 'quote' }).sidecar);
    const r = await run(dir, 'agree', '--folders', 'one', 'two', '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const [p] = JSON.parse(r.out).pairs;
    assert.equal(p.documents, 2);
    assert.deepEqual(p.spans.exact, { p: 1, r: 0.5, f1: 2 / 3 });
    assert.match(r.err, /b\.txt: annotated in one only/);
  });

  it('leaves out a document whose sidecar is invalid on one side rather than comparing it with nothing', async () => {
    const dir = tempDir('agree-invalid');
    for (const side of ['one', 'two']) {
      fs.mkdirSync(path.join(dir, side));
      fs.writeFileSync(path.join(dir, side, 'a.txt'), TEXT);
      fs.writeFileSync(path.join(dir, side, 'b.txt'), TEXT);
      fs.writeFileSync(path.join(dir, side, 'a.txt.annotations.yaml'), tag(undefined, TEXT, { phrase: 'taxes would fall' }).sidecar);
    }
    fs.writeFileSync(path.join(dir, 'one', 'b.txt.annotations.yaml'), tag(undefined, TEXT, { phrase: 'That is false', kind: 'quote' }).sidecar);
    fs.writeFileSync(path.join(dir, 'two', 'b.txt.annotations.yaml'), 'version: [1\n');
    const r = await run(dir, 'agree', '--folders', 'one', 'two', '--format', 'json');
    assert.equal(r.code, 1);
    const [p] = JSON.parse(r.out).pairs;
    assert.equal(p.documents, 1);
    assert.deepEqual(p.spans.exact, { p: 1, r: 1, f1: 1 });
  });

  it('refuses option combinations that cannot mean anything', async () => {
    const dir = tempDir('agree-usage');
    assert.equal((await run(dir, 'agree', '--ref', 'x')).code, 2);
    assert.equal((await run(dir, 'agree', '--folders', 'x')).code, 2);
    assert.equal((await run(dir, 'agree', '--authors', 'ann')).code, 2);
  });
});
