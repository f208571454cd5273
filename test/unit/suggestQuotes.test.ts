import assert from 'node:assert/strict';
import { suggestAnnotations } from '../../src/core/suggest/suggestAnnotations';

/** The suggested quotes' texts and speakers, in order. */
function quotes(text: string): { text: string; speaker?: string }[] {
  return suggestAnnotations(text)
    .filter((s) => s.kind === 'quote')
    .map((s) => ({ text: s.text, ...(s.speaker ? { speaker: s.speaker } : {}) }));
}

describe('suggestAnnotations on news: quotation marks', () => {
  it('reads two apostrophes as one double mark, a lone one inside as a quote within the quote', () => {
    const text = "''The ferry will not run on Sundays,'' said Ada Okafor. ''Riders told us 'never again,''' she added.\n";
    assert.deepEqual(quotes(text), [
      { text: 'The ferry will not run on Sundays,', speaker: 'Ada Okafor' },
      { text: "Riders told us 'never again,'", speaker: 'Ada Okafor' },
    ]);
  });
});

describe('suggestAnnotations on news: which marked words are quotes', () => {
  it('keeps a few cued words even when the cue names nobody it can resolve', () => {
    const body = 'The council met on Tuesday evening to discuss the new parking rules for the harbour district and the market square.';
    const text = `${body}\n\nThe chair said they had "moved too slowly" on the plan.\n`;
    assert.deepEqual(quotes(text).map((q) => q.text), ['moved too slowly']);
  });

  it('keeps shorter marked words in lower case as maybe a partial quote, with their own rule and confidence; not titles, terms or data', () => {
    const text = [
      'Ada Okafor said the plan was "overambitious".',
      '',
      'Tom Weller wants to stay "in the fight" until spring.',
      '',
      'Then Lena Holm attacked Tom Weller for being a "failed candidate".',
      '',
      'She was defending the harbour board against Weller, but spoke of "one or two mistakes" in May.',
      '',
      'The mayor read "Ports of the Future" aloud, and the so-called "slow lane" stayed shut.',
      '',
      'It was "late" again.',
      '',
      '{"name": "a value"}',
    ].join('\n');
    const found = suggestAnnotations(text).filter((s) => s.kind === 'quote');
    assert.deepEqual(found.map((q) => [q.text, q.speaker, q.rule]), [
      ['overambitious', 'Ada Okafor', 'short marked words'],
      ['in the fight', 'Tom Weller', 'short marked words'],
      ['failed candidate', 'Lena Holm', 'short marked words'],
      ['one or two mistakes', 'Lena Holm', 'short marked words'],
    ]);
    const paired = suggestAnnotations('"We will not give up the talks," Ada Okafor said on Monday.').find((s) => s.kind === 'quote')!;
    assert.ok(found.every((q) => q.confidence! < paired.confidence!), 'less sure than a quotation');
    assert.match(found[0].why!, /partial quote, or a term/);
  });

  it('gives a few marked words whose speaker is only a guess from the sentences before a rule and a confidence of their own', () => {
    const text = 'Ada Okafor spoke at the quay on Monday. “We will not give up the talks,” she said.\n\nThe harbour board still runs the quay as “a closed shop” for its friends.';
    const [, guessed] = suggestAnnotations(text).filter((s) => s.kind === 'quote');
    assert.deepEqual([guessed.text, guessed.speaker, guessed.rule], ['a closed shop', 'Ada Okafor', 'short marked words, speaker guessed']);
    const subject = suggestAnnotations('Ada Okafor spoke at the quay on Monday. Tom Weller wants to stay "in the fight" until spring.').find((s) => s.kind === 'quote')!;
    assert.equal(subject.rule, 'short marked words');
    assert.ok(guessed.confidence! < 0.5 && guessed.confidence! < subject.confidence!, `${guessed.confidence} ${subject.confidence}`);
    assert.match(guessed.why!, /guess from the sentences before/);
  });

  it('does not suggest marked words in the headline or standfirst above the body', () => {
    const text = 'Mayor vows "no more delays" on ferry\n\nResidents say the service is "a daily lottery"\n\nThe mayor of Porthaven promised on Monday that the ferry would run on time from next month, after a winter of cancelled crossings and long queues at the quay.\n\n"There will be no more delays," said Mayor Ada Okafor.\n';
    assert.deepEqual(quotes(text).map((q) => q.text), ['There will be no more delays,']);
  });

  it('takes marks after "is called" for a term', () => {
    const text = 'The method is called "slow planning, fast building" by its fans in the ministry.\n';
    assert.deepEqual(quotes(text), []);
  });

  it('reads a long quote full of capitalized names as speech, not a title', () => {
    const text = 'Voters were split.\n\n"Both Anna Berg and Tomas Lindqvist Worry Me About Taxes," Jonas Ekdahl, 41, a baker, who came with his wife.\n';
    assert.deepEqual(quotes(text).map((q) => q.text), ['Both Anna Berg and Tomas Lindqvist Worry Me About Taxes,']);
  });
});

describe('suggestAnnotations on news: short quotes that go on', () => {
  it('keeps a short whole sentence in marks after a quote of the same paragraph, with its speaker', () => {
    const text = '"The harbour wall held through the worst of the storm last night," said Ada Okafor. "That was close."\n';
    assert.deepEqual(quotes(text), [
      { text: 'The harbour wall held through the worst of the storm last night,', speaker: 'Ada Okafor' },
      { text: 'That was close.', speaker: 'Ada Okafor' },
    ]);
  });
});

describe('suggestAnnotations on news: titles of works', () => {
  it('does not take a programme or book title after its outlet or author for a quote, nor an attribute value', () => {
    const text = [
      '"We will rebuild the pier before the summer season begins," Ada Okafor said on Harbour Radio’s "Morning Tide." She wrote about it in her memoir, "Salt and Stone."',
      '',
      '<post author="@porthaven" date="2024-05-01">The pier reopens in June.</post>',
    ].join('\n');
    assert.deepEqual(quotes(text).map((q) => q.text), ['We will rebuild the pier before the summer season begins,']);
  });
});
