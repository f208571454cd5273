// One annotation's history over versions of its sidecar: added, changed (which fields; a span
// that only moved is no change), removed, and a version that cannot be parsed skipped.
import assert from 'node:assert/strict';
import { annotationHistory, type SidecarVersion } from '../../src/core/history/annotationHistory';
import { remove, tag, update } from './sidecarFixtures';

const TEXT = 'The minister said taxes would fall.\n"That is false," the leader said.\n';
const MOVED = 'Breaking.\n' + TEXT;

function version(n: number, text: string | undefined): SidecarVersion {
  return { commit: `c${n}`, author: `author ${n}`, date: new Date(Date.UTC(2026, 0, n)), message: `commit ${n}`, text };
}

describe('annotationHistory', () => {
  it('follows one annotation through its sidecar’s commits, newest given first', () => {
    const first = tag(undefined, TEXT, { phrase: 'taxes would fall' });
    const [id] = first.ids;
    const other = tag(first.sidecar, TEXT, { phrase: 'That is false', kind: 'quote' }).sidecar;
    const speaker = update(other, TEXT, id, { speaker: 'The minister' });
    // The text grew above the span: the sidecar's offsets change, the annotation does not.
    const moved = tag(undefined, MOVED, { phrase: 'taxes would fall', speaker: 'The minister' }).sidecar.replace(/id: \w+/, `id: ${id}`);
    const gone = remove(speaker, TEXT, id);
    const versions = [version(6, gone), version(5, 'version: [1\n'), version(4, moved), version(3, speaker), version(2, other), version(1, first.sidecar), version(0, undefined)];
    const { entries, unreadable } = annotationHistory(id, versions);
    assert.deepEqual(
      entries.map((e) => [e.commit, e.change, e.fields]),
      [
        ['c1', 'added', []],
        ['c3', 'changed', ['speaker']],
        ['c6', 'removed', []],
      ],
    );
    assert.deepEqual(unreadable, ['c5']);
    assert.equal(entries[1].before?.speaker, undefined);
    assert.equal(entries[1].after?.speaker, 'The minister');
    assert.equal(entries[0].author, 'author 1');
  });

  it('is empty for an id no version has', () => {
    assert.deepEqual(annotationHistory('nope', [version(1, tag(undefined, TEXT, { phrase: 'taxes' }).sidecar)]).entries, []);
  });
});
