import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Annotation } from '../../src/core/annotation';
import type { AnnotationKind } from '../../src/core/annotationKind';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { adjacentAnnotation } from '../../src/core/navigation/annotationOrder';
import { acceptedSuggestion, SUGGESTION_AUTHOR } from '../../src/core/suggest/acceptedSuggestion';
import { PendingSuggestions } from '../../src/core/suggest/pendingSuggestions';
import { PronounResolver } from '../../src/core/suggest/pronounResolution';
import type { Suggestion } from '../../src/core/suggest/suggestion';
import { mayBeAPerson, SpeakerHistory } from '../../src/core/suggest/speakerHistory';
import { TitledNames } from '../../src/core/suggest/titledNames';
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

describe('SpeakerHistory', () => {
  it('keeps turns in text order whatever order they are noted in, and finds the last before an offset', () => {
    const history = new SpeakerHistory();
    history.note('Ada Brook', 50, 80);
    history.note('Harbour Board', 10, 30);
    history.note('Tom Hale', 120, 160);
    assert.equal(history.lastBefore(100)?.name, 'Ada Brook');
    assert.equal(history.lastBefore(40)?.name, 'Harbour Board');
    assert.equal(history.lastBefore(10), undefined);
    assert.equal(history.lastNameBefore(200, mayBeAPerson), 'Tom Hale');
    assert.equal(history.lastNameBefore(45, mayBeAPerson), undefined, 'an organisation is no person');
  });

  it('tells organisations and groups from people by their last word', () => {
    for (const name of ['New York Times', 'FBI', 'Brook’s campaign', 'Brook’s aides', 'State Department']) assert.equal(mayBeAPerson(name), false, name);
    for (const name of ['Ada Brook', 'Brook’s campaign manager', 'Senate Majority Whip John Cornyn']) assert.equal(mayBeAPerson(name), true, name);
  });
});

describe('TitledNames', () => {
  it('gives a title the name first written right after it, before the offset asked about', () => {
    const text = 'Mayor Ada Brook spoke. Later the mayor left. Mayor Tom Hale arrived.';
    const names = new Map([[5, 'Ada Brook'], [50, 'Tom Hale']]);
    const titled = new TitledNames(text, (after) => names.get(after));
    assert.equal(titled.first('mayor', 30), 'Ada Brook');
    assert.equal(titled.first('mayor', 0), undefined);
  });

  it('finds the same names with its common title words scanned at once as with a scan for each word (property)', () => {
    const piece = fc.constantFrom('Mayor', 'mayor', 'MAYOR', 'mayoral', 'Coach', 'coach', 'Chief', 'chiefs', 'Ada', 'Brook', 'mayorAda', 'Spokesman', 'ſpokesman', ' ', ', ', '.', 'é', 'ſ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.constantFrom('mayor', 'coach', 'chief', 'head', 'spokesman'), fc.nat(200), (pieces, head, before) => {
        const text = pieces.join('');
        // A name starts wherever "Ada" does.
        const nameAt = (after: number) => (/^\s*Ada/u.test(text.slice(after, after + 4)) ? `Ada@${after}` : undefined);
        const one = new TitledNames(text, nameAt, ['mayor', 'coach', 'chief', 'minister', 'spokesman']).first(head, before);
        assert.equal(one, new TitledNames(text, nameAt).first(head, before), JSON.stringify({ text, head, before }));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a title word written in capitals or with a letter the case-blind search folds ("ſ" for "s") in the one scan too', () => {
    for (const text of ['The MAYOR Ada spoke.', 'x ſpokesman Ada', 'A Spokesman Ada']) {
      const nameAt = (after: number) => (/^\s*Ada/u.test(text.slice(after, after + 4)) ? 'Ada' : undefined);
      const head = text.includes('MAYOR') ? 'mayor' : 'spokesman';
      assert.equal(new TitledNames(text, nameAt, ['mayor', 'spokesman']).first(head, 100), 'Ada', text);
    }
  });
});

describe('PronounResolver', () => {
  it('takes no gender from "him" in the sentence of the one person named: it is someone else ("when she called him")', () => {
    const text = 'Nerys Quill stopped me on the quay when she called him a grandpa.';
    const resolver = new PronounResolver(text, [{ start: 0, end: 11, name: 'Nerys Quill' }], [{ start: 0, end: text.length }], []);
    assert.equal(resolver.genderOfName('Nerys Quill'), 'female');
  });

  it('still takes the gender of a reflexive or a possessive in the same sentence', () => {
    const text = 'Ivo Marsh rowed the boat himself. Ivo Marsh sold his oars.';
    const resolver = new PronounResolver(text, [{ start: 0, end: 9, name: 'Ivo Marsh' }, { start: 34, end: 43, name: 'Ivo Marsh' }], [{ start: 0, end: text.length }], []);
    assert.equal(resolver.genderOfName('Ivo Marsh'), 'male');
  });

  it('reads the gender of a first name behind title words the name kept ("Senior Correspondent Marta Quell")', () => {
    const text = 'Tidewatch sent Senior Correspondent Marta Quell to the regatta.';
    const name = 'Senior Correspondent Marta Quell';
    const resolver = new PronounResolver(text, [{ start: 15, end: 15 + name.length, name }], [{ start: 0, end: text.length }], []);
    assert.equal(resolver.genderOfName(name), 'female');
  });
});
