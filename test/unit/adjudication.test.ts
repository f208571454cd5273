// Adjudication: the disagreements of two annotators in one document, each resolution as the
// annotations it writes, and the `adjudicatedFrom` field through the sidecar (both readers), the
// merge and the CLI's agreement (which must not count the adjudicator's copies).
import assert from 'node:assert/strict';
import { adjudicatedFromIds, annotators, isAdjudicated, listDisagreements, type Disagreement } from '../../src/core/agreement/disagreements';
import { resolveDisagreement, resolvedKeys, resolvesToNothing } from '../../src/core/agreement/adjudication';
import { authorPairs, corpusPair, NO_AUTHOR } from '../../src/core/agreement/agreementPairs';
import { ADJUDICATED } from '../../src/core/agreement/annotator';
import { authorFilterShows, parseAuthorFilter } from '../../src/core/agreement/authorFilter';
import type { Annotation } from '../../src/core/annotation';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { mergeSidecars } from '../../src/core/merge/mergeSidecars';
import { parseSidecar, parseSidecarWithoutFastPath } from '../../src/core/sidecar/parseSidecar';
import { readCanonicalSidecar } from '../../src/core/sidecar/fastSidecarReader';
import { loadSidecar, renderSidecar } from '../../src/core/sidecar/sidecarDocument';
import { parsed } from './sidecarFixtures';

let nextId = 0;
function ann(author: string | undefined, kind: string, start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  return { id: `id${String(nextId++).padStart(4, '0')}`, kind, start, end, text: '', prefix: '', suffix: '', ...(author ? { author } : {}), ...extra };
}

function types(list: readonly Disagreement[]): string[] {
  return list.map((d) => d.type);
}

describe('adjudication: disagreements of two annotators', () => {
  it('lists each type once, in document order, and leaves agreements out', () => {
    const same = [ann('ann', 'claim', 0, 10), ann('bob', 'claim', 0, 10)];
    const speaker = [ann('ann', 'quote', 20, 30, { speaker: 'Mayor' }), ann('bob', 'quote', 20, 30, { speaker: 'Clerk' })];
    const boundary = [ann('ann', 'claim', 40, 50), ann('bob', 'claim', 42, 55)];
    const kind = [ann('ann', 'claim', 60, 70), ann('bob', 'speculation', 60, 70)];
    const onlyB = ann('bob', 'quote', 80, 90);
    const onlyA = ann('ann', 'advertisement', 100, 110);
    const list = listDisagreements([onlyA, ...kind, onlyB, ...boundary, ...speaker, ...same], 'ann', 'bob');
    assert.deepEqual(types(list), ['attributes', 'boundary', 'kind', 'onlyB', 'onlyA']);
    assert.deepEqual(list[0].fields, ['speaker']);
    assert.equal(list[1].a, boundary[0]);
    assert.equal(list[1].b, boundary[1]);
    assert.equal(list[3].a, undefined);
    assert.equal(list[3].key, `:${onlyB.id}`);
    assert.equal(list[4].key, `${onlyA.id}:`);
  });

  it('names the attributes that differ, and ignores case and spacing as agree does', () => {
    const a = ann('ann', 'claim', 0, 5, { speaker: 'The  Mayor', attributes: { stance: 'supports', verified: true } });
    const b = ann('bob', 'claim', 0, 5, { speaker: 'the mayor', attributes: { stance: 'opposes', hedged: 'yes' } });
    const [d] = listDisagreements([a, b], 'ann', 'bob');
    assert.deepEqual(d.fields, ['attributes.hedged', 'attributes.stance', 'attributes.verified']);
  });

  it('pairs a boundary difference before a kind difference, and the largest overlap first', () => {
    const a = ann('ann', 'claim', 0, 20);
    const bKind = ann('bob', 'quote', 0, 20);
    const bBoundary = ann('bob', 'claim', 15, 30);
    assert.deepEqual(
      listDisagreements([a, bKind, bBoundary], 'ann', 'bob').map((d) => [d.type, d.b?.id]),
      [
        ['onlyB', bKind.id],
        ['boundary', bBoundary.id],
      ],
    );
    const small = ann('bob', 'quote', 0, 3);
    const large = ann('bob', 'speculation', 5, 19);
    assert.deepEqual(
      listDisagreements([a, small, large], 'ann', 'bob').map((d) => [d.type, d.b?.id]),
      [
        ['onlyB', small.id],
        ['kind', large.id],
      ],
    );
  });

  it('leaves out other authors, orphans and adjudicated annotations; no author is NO_AUTHOR', () => {
    const list = listDisagreements(
      [ann(undefined, 'claim', 0, 5), ann('bob', 'claim', 10, 15, { orphaned: true }), ann('carol', 'claim', 20, 25), ann('bob', 'claim', 30, 35, { adjudicatedFrom: 'x y' })],
      NO_AUTHOR,
      'bob',
    );
    assert.deepEqual(types(list), ['onlyA']);
    assert.deepEqual(annotators([ann('zed', 'claim', 0, 1), ann(undefined, 'claim', 0, 1), ann('amy', 'claim', 0, 1, { adjudicatedFrom: 'q' })]), [NO_AUTHOR, 'zed']);
  });
});

describe('adjudication: resolutions', () => {
  const a = ann('ann', 'claim', 0, 10, { speaker: 'Mayor', note: 'n', attributes: { stance: 'supports' } });
  const b = ann('bob', 'claim', 2, 12);
  const [d] = listDisagreements([a, b], 'ann', 'bob');
  const from = `${a.id} ${b.id}`;

  it('take A / take B copy one side as the adjudicator, with where it came from', () => {
    assert.deepEqual(resolveDisagreement(d, 'takeA', 'judge', []), {
      add: [{ kind: 'claim', start: 0, end: 10, speaker: 'Mayor', note: 'n', author: 'judge', attributes: { stance: 'supports' }, adjudicatedFrom: from }],
      remove: [],
    });
    assert.deepEqual(resolveDisagreement(d, 'takeB', 'judge', []).add, [{ kind: 'claim', start: 2, end: 12, author: 'judge', adjudicatedFrom: from }]);
  });

  it('keep both copies both; edit copies A (or B when A has none)', () => {
    assert.deepEqual(
      resolveDisagreement(d, 'keepBoth', 'judge', []).add.map((x) => [x.start, x.end]),
      [
        [0, 10],
        [2, 12],
      ],
    );
    assert.equal(resolveDisagreement(d, 'edit', 'judge', []).add[0].start, 0);
    const [onlyB] = listDisagreements([ann('bob', 'quote', 5, 6)], 'ann', 'bob');
    assert.equal(resolveDisagreement(onlyB, 'edit', 'judge', []).add[0].kind, 'quote');
  });

  it('taking the empty side writes nothing and says so', () => {
    const [onlyA] = listDisagreements([ann('ann', 'quote', 5, 6)], 'ann', 'bob');
    assert.deepEqual(resolveDisagreement(onlyA, 'takeB', 'judge', []).add, []);
    assert.equal(resolvesToNothing(onlyA, 'takeB'), true);
    assert.equal(resolvesToNothing(onlyA, 'takeA'), false);
  });

  it('resolving again replaces the earlier resolution, and progress counts resolved ones', () => {
    const text = 'x'.repeat(20);
    const doc = new DocumentAnnotations([a, b]);
    for (const spec of resolveDisagreement(d, 'keepBoth', 'judge', doc.all).add) doc.add(spec, text);
    assert.deepEqual(resolvedKeys([d], doc.all), new Set([d.key]));
    const again = resolveDisagreement(d, 'takeA', 'judge', doc.all);
    assert.equal(again.remove.length, 2);
    assert.ok(doc.all.filter((x) => isAdjudicated(x)).every((x) => again.remove.includes(x.id)));
    // The disagreement is still listed: the originals are kept, the copies are left out.
    assert.deepEqual(listDisagreements(doc.all, 'ann', 'bob'), [d]);
    const [onlyA] = listDisagreements([ann('ann', 'quote', 5, 6)], 'ann', 'bob');
    assert.equal(resolvedKeys([d, onlyA], [], new Set([onlyA.key])).size, 1);
  });
});

describe('adjudication: the adjudicatedFrom field', () => {
  const text = 'The mayor said the bridge would open in May.';

  function adjudicatedSidecar(): { sidecar: string; ids: string[] } {
    const doc = new DocumentAnnotations();
    const x = doc.add({ kind: 'claim', start: 4, end: 14, author: 'ann' }, text);
    const y = doc.add({ kind: 'claim', start: 4, end: 20, author: 'bob' }, text);
    const [d] = listDisagreements(doc.all, 'ann', 'bob');
    for (const spec of resolveDisagreement(d, 'takeB', 'judge', doc.all).add) doc.add(spec, text);
    return { sidecar: renderSidecar(doc, text), ids: [x.id, y.id] };
  }

  it('is written, read back by the fast reader and the general path alike, and loads', () => {
    const { sidecar, ids } = adjudicatedSidecar();
    assert.match(sidecar, new RegExp(`\\n    adjudicatedFrom: ${ids[0]} ${ids[1]}\\n`));
    assert.ok(readCanonicalSidecar(sidecar), 'the fast reader reads it');
    assert.deepStrictEqual(parseSidecar(sidecar), parseSidecarWithoutFastPath(sidecar));
    const loaded = loadSidecar(sidecar, text);
    assert.ok(loaded.ok);
    const copies = loaded.annotations.all.filter(isAdjudicated);
    assert.equal(copies.length, 1);
    assert.deepEqual(adjudicatedFromIds(copies[0]), ids);
    assert.equal(copies[0].author, 'judge');
  });

  it('merges like any single field: one side adjudicating is no conflict', () => {
    const base = adjudicatedSidecar();
    const ours = parsed(base.sidecar);
    const theirs = { ...ours, annotations: ours.annotations.filter((x) => !isAdjudicated(x)) };
    const baseFile = theirs;
    const { file, conflicts } = mergeSidecars(baseFile, ours, theirs);
    assert.equal(conflicts.length, 0);
    assert.equal(file.annotations.filter(isAdjudicated).length, 1);
  });
});

describe('adjudication: whose annotations are drawn', () => {
  const mine = ann('me', 'claim', 0, 1);
  const theirs = ann('bob', 'claim', 0, 1);
  const anonymous = ann(undefined, 'claim', 0, 1);
  const adjudicated = ann('me', 'claim', 0, 1, { adjudicatedFrom: 'x' });
  const all = [mine, theirs, anonymous, adjudicated];
  const shown = (value: unknown) => all.filter((x) => authorFilterShows(parseAuthorFilter(value), x, 'me'));

  it('all, mine, adjudicated, one author', () => {
    assert.deepEqual(shown('all'), all);
    assert.deepEqual(shown('mine'), [mine, adjudicated]);
    assert.deepEqual(shown('adjudicated'), [adjudicated]);
    assert.deepEqual(shown('author:bob'), [theirs]);
    assert.deepEqual(shown('author:me'), [mine]);
    assert.deepEqual(shown(`author:${NO_AUTHOR}`), [anonymous]);
  });

  it('reads anything else as all', () => {
    for (const value of [undefined, '', 'author:', 'everyone', 3]) assert.deepEqual(shown(value), all);
    assert.deepEqual(
      all.filter((x) => authorFilterShows('mine', x, undefined)),
      [],
    );
  });
});

describe('adjudication: agreement after adjudicating', () => {
  it('counts adjudicated copies as (adjudicated), never as the adjudicator\'s own, so A and B agree as before', () => {
    // ann adjudicates her own disagreement with bob: her copy of bob's span must not join her annotations.
    const a = ann('ann', 'claim', 0, 10);
    const b = ann('bob', 'claim', 2, 12);
    const copy = ann('ann', 'claim', 2, 12, { adjudicatedFrom: `${a.id} ${b.id}` });
    const corpus = [{ path: 'd.txt', documentText: 'x'.repeat(20), annotations: [a, b, copy] }];
    const pairs = authorPairs(corpus);
    // Every pair: the adjudicated annotations are the curation, not an annotator, and are left out.
    assert.deepEqual(
      pairs.map((p) => [p.a, p.b, p.documents[0]?.a.length, p.documents[0]?.b.length]),
      [['ann', 'bob', 1, 1]],
    );
    assert.deepEqual(pairs[0].documents[0].a, [a]);
    // Named, they are compared: as "(adjudicated)" or as "adjudicated".
    for (const name of [ADJUDICATED, 'adjudicated']) {
      const named = authorPairs(corpus, [name, 'bob']);
      assert.deepEqual(
        named.map((p) => [p.a, p.b, p.documents[0]?.a, p.documents[0]?.b]),
        [[ADJUDICATED, 'bob', [copy], [b]]],
      );
    }
  });

  it('leaves adjudicated annotations out of both sides of two refs or folders', () => {
    const a = ann('alice', 'claim', 0, 10);
    const b = ann('bob', 'claim', 2, 12);
    const copy = ann('judge', 'claim', 0, 10, { adjudicatedFrom: a.id });
    const text = 'x'.repeat(20);
    const { documents } = corpusPair([{ path: 'd.txt', documentText: text, annotations: [a] }], [{ path: 'd.txt', documentText: text, annotations: [b, copy] }]);
    assert.deepEqual([documents[0].a, documents[0].b], [[a], [b]]);
  });

  it('takes "adjudicated" for an author of that name when there is one', () => {
    const real = ann('adjudicated', 'claim', 0, 10);
    const b = ann('bob', 'claim', 0, 10);
    const copy = ann('ann', 'claim', 0, 10, { adjudicatedFrom: `${real.id} ${b.id}` });
    const corpus = [{ path: 'd.txt', documentText: 'x'.repeat(20), annotations: [real, b, copy] }];
    assert.deepEqual(authorPairs(corpus, ['adjudicated', 'bob'])[0].documents[0].a, [real]);
    assert.deepEqual(
      authorPairs(corpus).map((p) => [p.a, p.b]),
      [['adjudicated', 'bob']],
    );
  });

});
