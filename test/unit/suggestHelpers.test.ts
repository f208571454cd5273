import assert from 'node:assert/strict';
import type { Annotation } from '../../src/core/annotation';
import type { AnnotationKind } from '../../src/core/annotationKind';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { acceptedSuggestion, SUGGESTION_AUTHOR } from '../../src/core/suggest/acceptedSuggestion';
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
