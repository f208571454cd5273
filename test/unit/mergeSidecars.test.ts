import assert from 'node:assert/strict';
import { joinConflictSides, splitConflictSides } from '../../src/core/merge/conflictSides';
import { resolveConflictMarkers } from '../../src/core/merge/mergeSidecarTexts';
import { CONFLICT_NOTE_PREFIX, mergeSidecars, UNKNOWN_DOCUMENT_HASH } from '../../src/core/merge/mergeSidecars';
import type { SidecarFile, StoredAnnotation } from '../../src/core/sidecar/sidecarFormat';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import { parsed } from './sidecarFixtures';

const HASH = 'sha256:' + 'ab'.repeat(32);
const a = (id: string, more: Partial<StoredAnnotation> = {}): StoredAnnotation => ({ id, kind: 'claim', start: 0, end: 5, text: 'Hello', prefix: '', suffix: '', ...more });
const file = (...annotations: StoredAnnotation[]): SidecarFile => ({ version: 1, documentHash: HASH, annotations });
const ids = (f: SidecarFile): string[] => f.annotations.map((x) => x.id).sort();

describe('mergeSidecars (three-way by id)', () => {
  it('keeps additions of both sides and drops what one side deleted and the other left alone', () => {
    const { file: merged, conflicts } = mergeSidecars(file(a('base1'), a('base2')), file(a('base1'), a('base2'), a('ours1')), file(a('base1'), a('theirs1')));
    assert.deepEqual(ids(merged), ['base1', 'ours1', 'theirs1']);
    assert.deepEqual(conflicts, []);
  });

  it('merges changes of different fields of one annotation, and anchors as one field', () => {
    const base = a('x', { speaker: 'A' });
    const ours = a('x', { speaker: 'B' });
    const theirs = a('x', { speaker: 'A', note: 'n', start: 6, end: 11, prefix: 'Hello ' });
    const { file: merged, conflicts } = mergeSidecars(file(base), file(ours), file(theirs));
    assert.deepEqual(merged.annotations, [{ ...theirs, speaker: 'B' }]);
    assert.deepEqual(conflicts, []);
  });

  it('keeps both versions when both sides changed the same field differently; the other gets a new id and a note', () => {
    const { file: merged, conflicts } = mergeSidecars(file(a('x')), file(a('x', { kind: 'quote' })), file(a('x', { kind: 'speculation', note: 'why' })));
    assert.equal(merged.annotations.length, 2);
    assert.equal(conflicts.length, 1);
    const copy = merged.annotations.find((m) => m.id === conflicts[0].copyId);
    assert.deepEqual(copy, { ...a('x', { kind: 'speculation' }), id: conflicts[0].copyId, note: `${CONFLICT_NOTE_PREFIX}x. why` });
    assert.equal(merged.annotations.find((m) => m.id === 'x')?.kind, 'quote');
  });

  it('keeps an annotation one side deleted and the other changed, and reports it', () => {
    const { file: merged, conflicts } = mergeSidecars(file(a('x')), file(), file(a('x', { note: 'keep me' })));
    assert.deepEqual(merged.annotations, [a('x', { note: 'keep me' })]);
    assert.deepEqual(conflicts, [{ id: 'x', kind: 'deleted' }]);
  });

  it('without a base, unites by id and keeps both versions of differing ones', () => {
    const { file: merged, conflicts } = mergeSidecars(undefined, file(a('x'), a('y')), file(a('x'), a('y', { note: 'other' }), a('z')));
    assert.equal(merged.annotations.length, 4);
    assert.deepEqual(conflicts.map((c) => c.id), ['y']);
  });

  it('writes a hash that matches no document when the sides were anchored to different texts', () => {
    const theirs = { ...file(a('x')), documentHash: 'sha256:' + 'cd'.repeat(32) };
    assert.equal(mergeSidecars(undefined, file(a('x')), theirs).file.documentHash, UNKNOWN_DOCUMENT_HASH);
    assert.equal(mergeSidecars(file(), file(a('x')), theirs).file.documentHash, HASH);
  });
});

describe('conflict markers', () => {
  it('splits and joins the two sides, with the diff3 base when present', () => {
    const text = 'a\n<<<<<<< HEAD\nb\n||||||| base\nc\n=======\nd\n>>>>>>> other\ne\n';
    assert.deepEqual(splitConflictSides(text), { ours: 'a\nb\ne\n', theirs: 'a\nd\ne\n', base: 'a\nc\ne\n' });
    assert.deepEqual(splitConflictSides(joinConflictSides('x\n', 'y')), { ours: 'x\n', theirs: 'y\n' });
    assert.equal(splitConflictSides('a\n<<<<<<< HEAD\nb\n'), undefined);
    assert.equal(splitConflictSides('no markers\n'), undefined);
  });

  it('resolves a sidecar git left with markers into a valid sidecar holding both sides', () => {
    const ours = serializeSidecar(file(a('xxxx', { author: 'al' }), a('yyyy', { author: 'al', start: 7, end: 12 })));
    const theirs = serializeSidecar(file(a('xxxx', { author: 'al', speaker: 'S' }), a('zzzz', { author: 'al', start: 9, end: 14 })));
    const conflicted = joinConflictSides(ours, theirs, 'HEAD', 'feature');
    const result = resolveConflictMarkers(conflicted);
    assert.ok(result.ok);
    const merged = parsed(result.text);
    assert.equal(ids(merged).length, 4);
    assert.deepEqual(result.conflicts.map((c) => c.id), ['xxxx']);
  });
});
