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
