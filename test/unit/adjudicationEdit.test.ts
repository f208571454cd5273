// Edit with a span of the adjudicator's choosing, the window's resolution log behind Undo Last
// Resolution (and its refusal to undo over a later change), and Show Annotations of… applied to the
// workspace index (the claims panel and the Go to pickers query it).
import assert from 'node:assert/strict';
import { editedResolution, editStart, fieldSources, resolveDisagreement } from '../../src/core/agreement/adjudication';
import { listDisagreements } from '../../src/core/agreement/disagreements';
import { editedSince, ResolutionLog, type LoggedResolution } from '../../src/core/agreement/resolutionLog';
import type { Annotation } from '../../src/core/annotation';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { AnnotationIndex } from '../../src/core/index/annotationIndex';

const TEXT = 'The council said the bridge would reopen in May. Engineers warned that the cracks were worse than reported.';

function at(phrase: string): { start: number; end: number } {
  const start = TEXT.indexOf(phrase);
  assert.ok(start >= 0, phrase);
  return { start, end: start + phrase.length };
}

function boundaryCase(): { doc: DocumentAnnotations; a: Annotation; b: Annotation } {
  const doc = new DocumentAnnotations();
  const a = doc.add({ kind: 'claim', ...at('the cracks were worse'), author: 'ann', speaker: 'Engineers' }, TEXT);
  const b = doc.add({ kind: 'claim', ...at('the cracks were worse than reported'), author: 'bob', note: 'whole clause' }, TEXT);
  return { doc, a, b };
}

describe('adjudication: Edit with a chosen span', () => {
  it('writes one adjudicated annotation with the span and fields chosen, decided from both sides', () => {
    const { doc, a, b } = boundaryCase();
    const [d] = listDisagreements(doc.all, 'ann', 'bob');
    assert.equal(d.type, 'boundary');
    const span = at('the cracks were worse than');
    const edit = editedResolution(d, { kind: 'speculation', ...span, speaker: 'Engineers', note: 'neither side' }, 'judge', doc.all);
    assert.deepEqual(edit.remove, []);
    assert.deepEqual(edit.add, [{ kind: 'speculation', ...span, adjudicatedFrom: `${a.id} ${b.id}`, speaker: 'Engineers', note: 'neither side', author: 'judge' }]);
  });

  it('replaces an earlier resolution of the same disagreement, like take A and take B', () => {
    const { doc } = boundaryCase();
    const [d] = listDisagreements(doc.all, 'ann', 'bob');
    const earlier = doc.add(resolveDisagreement(d, 'takeB', 'judge', doc.all).add[0], TEXT);
    const edit = editedResolution(d, { kind: 'claim', ...at('cracks') }, 'judge', doc.all);
    assert.deepEqual(edit.remove, [earlier.id]);
    assert.equal(edit.add[0].author, 'judge');
    assert.equal(edit.add[0].speaker, undefined, 'no field the adjudicator left empty');
  });

  it('starts from A (B when A has none) and offers B’s fields only when they differ', () => {
    const { doc, a } = boundaryCase();
    const [d] = listDisagreements(doc.all, 'ann', 'bob');
    assert.equal(editStart(d), a);
    assert.deepEqual(fieldSources(d), ['a', 'b'], 'speaker and note differ');
    const same = new DocumentAnnotations();
    same.add({ kind: 'claim', ...at('the cracks'), author: 'ann', attributes: { x: '1', y: '2' } }, TEXT);
    const onlyB = same.add({ kind: 'quote', ...at('Engineers warned'), author: 'bob' }, TEXT);
    same.add({ kind: 'claim', ...at('the cracks were'), author: 'bob', attributes: { y: '2', x: '1' } }, TEXT);
    const list = listDisagreements(same.all, 'ann', 'bob');
    const boundary = list.find((x) => x.type === 'boundary')!;
    assert.deepEqual(fieldSources(boundary), ['a'], 'same kind and attributes in another order');
    const alone = list.find((x) => x.type === 'onlyB')!;
    assert.equal(editStart(alone), onlyB);
    assert.deepEqual(fieldSources(alone), ['b']);
  });
});

describe('adjudication: the resolution log behind undo', () => {
  const entry = (added: Annotation[], key = 'k'): LoggedResolution<Annotation> => ({ document: 'file:///d.txt', key, resolution: 'takeB', type: 'boundary', quote: 'q', added, removed: [], wasDecidedEmpty: false });

  it('keeps each pair of annotators apart, newest last, whichever comparison wrote it', () => {
    const log = new ResolutionLog<Annotation>();
    const { a, b } = boundaryCase();
    log.push('ann', 'bob', entry([a], 'first'));
    log.push('ann', 'bob', entry([b], 'second'));
    log.push('bob', 'ann', entry([], 'reversed'));
    assert.equal(log.size('ann', 'bob'), 2);
    assert.equal(log.last('ann', 'bob')?.key, 'second');
    assert.equal(log.pop('ann', 'bob')?.key, 'second');
    assert.equal(log.last('ann', 'bob')?.key, 'first');
    assert.equal(log.last('bob', 'ann')?.key, 'reversed');
    assert.equal(log.last('ann', 'cy'), undefined);
  });

  it('finds the written annotations changed since (kind, speaker, note, attributes), not those only moved or gone', () => {
    const { doc, a, b } = boundaryCase();
    const log = new ResolutionLog<Annotation>();
    log.push('ann', 'bob', entry([a, b]));
    const logged = log.last('ann', 'bob')!;
    assert.deepEqual(editedSince(logged, doc.all), []);
    // Typing before the spans moves them: not an edit of the annotation.
    doc.applyChanges([{ offset: 0, length: 0, text: 'Yesterday ' }]);
    assert.deepEqual(editedSince(logged, doc.all), []);
    // Set Speaker on the written annotation (in place, as the store does): the log kept its copy.
    doc.update(a.id, { speaker: 'The engineers' });
    assert.deepEqual(editedSince(logged, doc.all).map((x) => x.id), [a.id]);
    doc.update(b.id, { attributes: { stance: 'opposes' } });
    assert.deepEqual(editedSince(logged, doc.all).map((x) => x.id), [a.id, b.id]);
    doc.remove(a.id);
    assert.deepEqual(editedSince(logged, doc.all).map((x) => x.id), [b.id]);
  });
});

describe('Show Annotations of… in the workspace index', () => {
  it('filters queries and groups with the same predicate as the decorations', () => {
    const index = new AnnotationIndex();
    const stored = (id: string, author: string | undefined, extra: Partial<Annotation> = {}) => ({ id, kind: 'claim', start: 0, end: 5, text: id, prefix: '', suffix: '', ...(author ? { author } : {}), ...extra });
    index.setDocument('d', [stored('a1', 'ann', { speaker: 'Mayor' }), stored('b1', 'bob', { speaker: 'Mayor' }), stored('j1', 'ann', { adjudicatedFrom: 'a1 b1' }), stored('n1', undefined)]);
    const ids = (query: Parameters<AnnotationIndex['query']>[0]) => index.query(query).map((x) => x.annotation.id).sort();
    assert.deepEqual(ids({}), ['a1', 'b1', 'j1', 'n1']);
    assert.deepEqual(ids({ authors: 'all' }), ['a1', 'b1', 'j1', 'n1']);
    assert.deepEqual(ids({ authors: 'adjudicated' }), ['j1']);
    assert.deepEqual(ids({ authors: 'mine', me: 'ann' }), ['a1', 'j1'], 'mine: own, adjudicated ones included');
    assert.deepEqual(ids({ authors: 'mine' }), [], 'mine without an author: nothing is mine');
    assert.deepEqual(ids({ authors: 'author:ann' }), ['a1'], "one annotator's own, without adjudicated copies");
    assert.deepEqual(
      index.speakerGroups({ authors: 'author:bob' }).map((g) => [g.speaker, g.annotations.map((x) => x.annotation.id)]),
      [['Mayor', ['b1']]],
    );
  });
});
