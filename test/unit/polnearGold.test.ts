import assert from 'node:assert/strict';
import { parseBratStandoff } from '../../src/core/suggest/eval/bratStandoff';
import { polnearGold } from '../../src/core/suggest/eval/polnearGold';
import { quotedRegions } from '../../src/core/suggest/eval/quotedRegions';
import { goldSpeakerName, isUnlinkedDescription, sameSpeaker } from '../../src/core/suggest/eval/sourceNames';

// Texts written for these tests; brat offsets are found from the text, not typed.
function ann(text: string, events: { source?: string; cue: string; content: string | string[] }[]): string {
  const lines: string[] = [];
  let t = 0;
  const span = (type: string, words: string | string[]) => {
    const parts = (Array.isArray(words) ? words : [words]).map((w) => {
      const start = text.indexOf(w);
      if (start < 0) throw new Error(`not in text: ${w}`);
      return `${start} ${start + w.length}`;
    });
    lines.push(`T${++t}\t${type} ${parts.join(';')}\t${Array.isArray(words) ? words.join(' ') : words}`);
    return `T${t}`;
  };
  events.forEach((e, i) => {
    const source = e.source ? span('Source', e.source) : undefined;
    const cue = span('Cue', e.cue);
    const content = span('Content', e.content);
    const trigger = span(source ? 'Attribution' : 'Attribution-no-source', e.cue);
    lines.push(`E${i + 1}\t${source ? 'Attribution' : 'Attribution-no-source'}:${trigger} Content:${content} Cue:${cue}${source ? ` Source:${source}` : ''}`);
  });
  return lines.join('\n') + '\n';
}

describe('PolNeAR gold mapping', () => {
  it('reads brat spans in code points, discontinuous fragments included, and refuses a malformed line with its line', () => {
    const text = '😀 ab cd ef';
    const doc = parseBratStandoff('T1\tSource 2 4;8 10\tab ef\n', text);
    assert.deepEqual(doc.spans.get('T1')!.fragments, [{ start: 3, end: 5 }, { start: 9, end: 11 }]);
    assert.throws(() => parseBratStandoff('x\nT1\tSource two\tab\n', text, 'a.ann'), /a\.ann:2:1/);
  });

  it('finds quoted stretches per line, marks excluded, an unclosed one to the end of its line', () => {
    const text = 'Lena Holm said: "We are ready." Then\n“First part\n“second part.”';
    const regions = quotedRegions(text).map((r) => text.slice(r.start, r.end));
    assert.deepEqual(regions, ['We are ready.', 'First part', 'second part.']);
  });

  it('maps quoted contents to quotes, reported contents to claims, and resolves pronoun and surname sources', () => {
    const text = 'Mayor Lena Holm spoke on Monday.\nHolm said the bridge will reopen in the spring next year.\n"We are ready," she said.\nThe council said "the budget is tight."';
    const gold = polnearGold(
      text,
      ann(text, [
        { source: 'Holm', cue: 'said the', content: 'the bridge will reopen in the spring next year' },
        { source: 'she', cue: 'she said', content: '"We are ready,"' },
        { source: 'The council', cue: 'said "the', content: '"the budget is tight."' },
      ]),
    );
    assert.deepEqual(
      gold.quotes.map((q) => [text.slice(q.start, q.end), q.speaker]),
      [
        ['We are ready,', 'Lena Holm'],
        ['the budget is tight.', 'The council'],
      ],
    );
    assert.deepEqual(
      gold.claims.map((c) => [text.slice(c.start, c.end), c.speaker]),
      [['the bridge will reopen in the spring next year', 'Lena Holm']],
    );
  });

  it('gives a quote under nested attributions the speaker of the innermost one', () => {
    const text = 'The agency reported that Omar Ruiz said "no deal yet" on Friday.';
    const gold = polnearGold(
      text,
      ann(text, [
        { source: 'The agency', cue: 'reported', content: 'that Omar Ruiz said "no deal yet" on Friday' },
        { source: 'Omar Ruiz', cue: 'said "', content: '"no deal yet"' },
      ]),
    );
    assert.deepEqual(gold.quotes.map((q) => q.speaker), ['Omar Ruiz']);
  });

  it('compares speakers by name, not by title or determiner, and leaves unlinked descriptions out', () => {
    assert.equal(goldSpeakerName('Senator Ada Brook met them. Later Brook spoke.', 'Sen. Brook', 30), 'Ada Brook');
    assert.ok(sameSpeaker('Ada Brook', 'Brook'));
    assert.ok(sameSpeaker('Democrat Ada Brook', 'Ada Brook'));
    assert.ok(!sameSpeaker('Ada Brook', 'Tom Brook'));
    assert.ok(sameSpeaker('a campaign aide', 'unnamed source'));
    assert.ok(!sameSpeaker('Ada Brook', 'unnamed source'));
    assert.ok(isUnlinkedDescription('the Republican nominee'));
    assert.ok(!isUnlinkedDescription('the sources'));
    assert.ok(!isUnlinkedDescription('Ada Brook'));
  });

  it('reads a source written in capitals without a comma at once (it once backtracked for hours)', () => {
    const headline = 'WHY THE NORTHERN TOWNS EXPECT ANOTHER COLD WINTER ON THE COAST';
    const text = `${headline}\n\nThe towns prepare.`;
    assert.equal(goldSpeakerName(text, headline, 0), headline);
    // A possessive before capitals that do not end the source (the other pattern that backtracked).
    assert.equal(goldSpeakerName(text, `the Mayor’s ${headline} today`, 0), `Mayor’s ${headline}`);
  });
});
