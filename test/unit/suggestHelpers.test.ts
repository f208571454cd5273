import assert from 'node:assert/strict';
import type { Annotation } from '../../src/core/annotation';
import type { AnnotationKind } from '../../src/core/annotationKind';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { adjacentAnnotation } from '../../src/core/navigation/annotationOrder';
import { acceptedSuggestion, SUGGESTION_AUTHOR } from '../../src/core/suggest/acceptedSuggestion';
import { PendingSuggestions } from '../../src/core/suggest/pendingSuggestions';
import type { Suggestion } from '../../src/core/suggest/suggestion';
import { withoutDuplicates } from '../../src/core/suggest/withoutDuplicates';

function annotation(kind: AnnotationKind, start: number, end: number, orphaned = false): Annotation {
  return { id: `a${start}${kind}`, kind, start, end, text: '', prefix: '', suffix: '', ...(orphaned ? { orphaned } : {}) };
}

function suggestion(kind: AnnotationKind, start: number, end: number, speaker?: string): Suggestion {
  return { kind, start, end, text: 'x'.repeat(end - start), rule: 'direct quote', ...(speaker ? { speaker } : {}) };
}

describe('withoutDuplicates', () => {
  it('drops a suggestion with the kind and span of an existing annotation, keeps other kinds and spans', () => {
    const existing = [annotation('quote', 10, 20)];
    const kept = withoutDuplicates([suggestion('quote', 10, 20), suggestion('claim', 10, 20), suggestion('quote', 10, 21), suggestion('quote', 30, 40)], existing);
    assert.deepEqual(
      kept.map((s) => `${s.kind}:${s.start}-${s.end}`),
      ['claim:10-20', 'quote:10-21', 'quote:30-40'],
    );
  });

  it('does not count an orphan (it marks no span) and drops repeated suggestions', () => {
    const kept = withoutDuplicates([suggestion('quote', 5, 5 + 0), suggestion('quote', 5, 9), suggestion('quote', 5, 9)], [annotation('quote', 5, 5, true)]);
    assert.deepEqual(
      kept.map((s) => `${s.start}-${s.end}`),
      ['5-5', '5-9'],
    );
  });
});

describe('acceptedSuggestion', () => {
  it('becomes an annotation with its kind, span and speaker, by "suggest" unless an author is given', () => {
    const text = 'He said: “We will see.” Then left.';
    const start = text.indexOf('We');
    const end = text.indexOf('”');
    const annotations = new DocumentAnnotations();
    const added = annotations.add(acceptedSuggestion(suggestion('quote', start, end, 'Sergey Lavrov')), text);
    assert.equal(added.text, 'We will see.');
    assert.equal(added.speaker, 'Sergey Lavrov');
    assert.equal(added.author, SUGGESTION_AUTHOR);
    assert.equal(acceptedSuggestion(suggestion('claim', 0, 2), 'alice').author, 'alice');
    assert.equal('speaker' in acceptedSuggestion(suggestion('claim', 0, 2)), false);
  });
});

describe('PendingSuggestions', () => {
  it('numbers suggestions, leaves out duplicates of annotations and keeps document order', () => {
    const pending = new PendingSuggestions([suggestion('quote', 30, 40), suggestion('claim', 0, 10), suggestion('quote', 50, 60)], [annotation('quote', 50, 60)]);
    assert.deepEqual(
      pending.all.map((s) => `${s.kind}:${s.start}`),
      ['claim:0', 'quote:30'],
    );
    assert.equal(new Set(pending.all.map((s) => s.id)).size, 2);
  });

  it('follows edits like annotations do and drops a suggestion whose text is deleted', () => {
    const pending = new PendingSuggestions([suggestion('claim', 0, 10), suggestion('quote', 30, 40)]);
    const [claim, quote] = pending.all;
    assert.equal(pending.applyChanges([{ offset: 12, length: 0, text: 'abc' }]), true);
    assert.deepEqual([quote.start, quote.end], [33, 43]);
    assert.equal(pending.applyChanges([{ offset: 0, length: 10, text: '' }]), true);
    assert.deepEqual(pending.all, [quote]);
    assert.equal(pending.get(claim.id), undefined);
    assert.equal(pending.applyChanges([{ offset: 100, length: 0, text: 'x' }]), false);
  });

  it('drops suggestions an annotation now covers, finds those at an offset, and is walked by adjacentAnnotation', () => {
    const pending = new PendingSuggestions([suggestion('claim', 0, 20), suggestion('quote', 5, 10), suggestion('quote', 30, 40)]);
    assert.deepEqual(
      pending.at(7).map((s) => s.kind),
      ['quote', 'claim'],
    );
    const first = adjacentAnnotation(pending.all, { start: 0, end: 0 }, 'next');
    assert.equal(first?.kind, 'claim');
    assert.equal(adjacentAnnotation(pending.all, { start: 30, end: 40, currentId: pending.all[2].id }, 'next'), undefined);
    assert.equal(pending.dropDuplicatesOf([annotation('quote', 30, 40)]), true);
    assert.equal(pending.size, 2);
    assert.equal(pending.dropDuplicatesOf([annotation('quote', 30, 40)]), false);
  });
});
