import assert from 'node:assert/strict';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';

const TEXT = 'The minister said the plan would work.';

function fresh(attributes?: Record<string, string | boolean>) {
  const doc = new DocumentAnnotations();
  const a = doc.add({ kind: 'claim', start: 4, end: 12, attributes }, TEXT);
  return { doc, id: a.id };
}

describe('DocumentAnnotations.update with attributes', () => {
  it('sets attributes, keys in code unit order', () => {
    const { doc, id } = fresh();
    assert.equal(doc.update(id, { attributes: { verified: true, stance: 'opposes' } }), true);
    assert.deepEqual(doc.get(id)?.attributes, { stance: 'opposes', verified: true });
    assert.deepEqual(Object.keys(doc.get(id)?.attributes ?? {}), ['stance', 'verified']);
  });

  it('changes one attribute and leaves the others alone', () => {
    const { doc, id } = fresh({ stance: 'opposes', verified: true });
    assert.equal(doc.update(id, { attributes: { stance: 'supports' } }), true);
    assert.deepEqual(doc.get(id)?.attributes, { stance: 'supports', verified: true });
    assert.equal(doc.update(id, { attributes: { verified: false } }), true);
    assert.deepEqual(doc.get(id)?.attributes, { stance: 'supports', verified: false });
  });

  it('clears an attribute given undefined or an empty (or blank) string, and drops the mapping when none is left', () => {
    const { doc, id } = fresh({ stance: 'opposes', source: 'p. 3', verified: true });
    assert.equal(doc.update(id, { attributes: { stance: undefined } }), true);
    assert.deepEqual(doc.get(id)?.attributes, { source: 'p. 3', verified: true });
    assert.equal(doc.update(id, { attributes: { source: '' } }), true);
    assert.deepEqual(doc.get(id)?.attributes, { verified: true });
    assert.equal(doc.update(id, { attributes: { verified: undefined } }), true);
    assert.equal(doc.get(id)?.attributes, undefined);
    assert.equal('attributes' in (doc.get(id) ?? {}), false);
    const other = fresh({ source: 'x' });
    assert.equal(other.doc.update(other.id, { attributes: { source: '   ' } }), true);
    assert.equal(other.doc.get(other.id)?.attributes, undefined);
  });

  it('trims text values, and keeps false (a value, not its absence)', () => {
    const { doc, id } = fresh();
    assert.equal(doc.update(id, { attributes: { source: '  p. 3 ', verified: false } }), true);
    assert.deepEqual(doc.get(id)?.attributes, { source: 'p. 3', verified: false });
  });

  it('returns false when nothing changes', () => {
    const { doc, id } = fresh({ stance: 'opposes', verified: true });
    const before = doc.get(id)?.attributes;
    assert.equal(doc.update(id, { attributes: { stance: 'opposes' } }), false);
    assert.equal(doc.update(id, { attributes: { verified: true, stance: ' opposes ' } }), false);
    assert.equal(doc.update(id, { attributes: { missing: undefined, other: '' } }), false);
    assert.equal(doc.update(id, { attributes: {} }), false);
    assert.equal(doc.update(id, {}), false);
    assert.equal(doc.get(id)?.attributes, before, 'not even replaced by an equal object');
    const bare = fresh();
    assert.equal(bare.doc.update(bare.id, { attributes: { stance: undefined } }), false);
    assert.equal(doc.update('no-such-id', { attributes: { stance: 'supports' } }), false);
  });

  it('replaces the attributes object instead of changing it: copies handed out keep their values', () => {
    const { doc, id } = fresh({ stance: 'opposes' });
    const held = doc.get(id)!.attributes!;
    const copy = { ...doc.get(id)! };
    assert.equal(doc.update(id, { attributes: { stance: 'supports', verified: true } }), true);
    assert.deepEqual(held, { stance: 'opposes' });
    assert.deepEqual(copy.attributes, { stance: 'opposes' });
    assert.notEqual(doc.get(id)?.attributes, held);
    assert.equal(doc.update(id, { attributes: { stance: undefined, verified: undefined } }), true);
    assert.deepEqual(held, { stance: 'opposes' });
  });

  it('does not keep the caller’s patch or attributes object', () => {
    const given = { stance: 'opposes' };
    const { doc, id } = fresh(given);
    given.stance = 'changed by the caller';
    assert.deepEqual(doc.get(id)?.attributes, { stance: 'opposes' });
    const patch = { stance: 'supports' };
    doc.update(id, { attributes: patch });
    patch.stance = 'changed again';
    assert.deepEqual(doc.get(id)?.attributes, { stance: 'supports' });
  });

  it('changes kind, speaker, note and attributes in one update', () => {
    const { doc, id } = fresh();
    assert.equal(doc.update(id, { kind: 'quote', speaker: 'Ann', note: 'n', attributes: { stance: 'opposes' } }), true);
    const a = doc.get(id);
    assert.deepEqual([a?.kind, a?.speaker, a?.note, a?.attributes], ['quote', 'Ann', 'n', { stance: 'opposes' }]);
  });
});
