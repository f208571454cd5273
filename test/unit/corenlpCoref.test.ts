import assert from 'node:assert/strict';
import { corefName, parseCorenlpCoref } from '../../src/core/suggest/eval/corenlpCoref';
import { polnearGold } from '../../src/core/suggest/eval/polnearGold';

// A CoreNLP XML file in the layout CoreNLP writes, made from a text written for these tests: words
// are tokens (offsets found from the text), capitalized words inside a sentence are NNP, and each
// chain lists its mentions as [sentence, first word, last word] (1-based words, as CoreNLP counts tokens).
function corenlpXml(text: string, chains: [number, number, number][][], representative = 0): string {
  const sentences = text.split(/(?<=[.!?]["”]?)\s+/u);
  let at = 0;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<root>', '  <document>', '    <sentences>'];
  sentences.forEach((sentence, s) => {
    out.push(`      <sentence id="${s + 1}">`, '        <tokens>');
    const start = text.indexOf(sentence, at);
    at = start + sentence.length;
    [...sentence.matchAll(/[\p{L}’']+|[^\s\p{L}]/gu)].forEach((w, i) => {
      const pos = i > 0 && /^\p{Lu}/u.test(w[0]) ? 'NNP' : /^\p{L}/u.test(w[0]) ? 'NN' : '.';
      const begin = start + w.index;
      out.push(`          <token id="${i + 1}">`, `            <word>${w[0]}</word>`, `            <lemma>${w[0]}</lemma>`, `            <CharacterOffsetBegin>${begin}</CharacterOffsetBegin>`, `            <CharacterOffsetEnd>${begin + w[0].length}</CharacterOffsetEnd>`, `            <POS>${pos}</POS>`, '            <NER>O</NER>', '          </token>');
    });
    out.push('        </tokens>', '      </sentence>');
  });
  out.push('    </sentences>', '    <coreference>');
  for (const chain of chains) {
    out.push('      <coreference>');
    chain.forEach(([sentence, first, last], i) => {
      out.push(`        <mention${i === representative ? ' representative="true"' : ''}>`, `          <sentence>${sentence}</sentence>`, `          <start>${first}</start>`, `          <end>${last + 1}</end>`, `          <head>${last}</head>`, '          <text>…</text>', '        </mention>');
    });
    out.push('      </coreference>');
  }
  out.push('    </coreference>', '  </document>', '</root>');
  return out.join('\n');
}

describe('CoreNLP coreference (a second reading of pronoun sources in the PolNeAR gold)', () => {
  const text = 'On Monday Ada Holm met Tom Reyes. Reyes left early. She said the talks had failed.';
  const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });

  it("gives a pronoun the nearest named mention before it in its chain, proper nouns only", () => {
    const document = parseCorenlpCoref(corenlpXml(text, [[[1, 3, 4], [3, 1, 1]], [[1, 6, 7], [2, 1, 1]]]));
    assert.equal(document.chains.length, 2);
    assert.equal(corefName(document, text, at('She').start, at('She').end), 'Ada Holm');
    // A word in no chain, and a chain that names no one, give nothing.
    assert.equal(corefName(document, text, at('left').start, at('left').end), undefined);
    const unnamed = parseCorenlpCoref(corenlpXml(text, [[[2, 2, 2], [3, 1, 1]]]));
    assert.equal(corefName(unnamed, text, at('She').start, at('She').end), undefined);
  });

  it('takes the first named mention after the pronoun when none comes before it', () => {
    const later = 'She spoke first. Then Ada Holm left.';
    const document = parseCorenlpCoref(corenlpXml(later, [[[1, 1, 1], [2, 2, 3]]]));
    assert.equal(corefName(document, later, 0, 3), 'Ada Holm');
  });

  it('is read into the gold as the pronoun source’s second speaker, beside the nearest-source rule', () => {
    // The gold's rule gives "she" the nearest named source that agrees (Kit Reyes has no known gender); CoreNLP says Ada Holm.
    const article = 'Kit Reyes said, "The port is closed." Ada Holm stood by. She said, "We will reopen it."';
    const span = (words: string, from = 0) => {
      const start = article.indexOf(words, from);
      return `${start} ${start + words.length}`;
    };
    const brat = [
      `T1\tSource ${span('Kit Reyes')}\tKit Reyes`,
      `T2\tCue ${span('said')}\tsaid`,
      `T3\tContent ${span('The port is closed.')}\tThe port is closed.`,
      `T4\tAttribution ${span('said')}\tsaid`,
      `E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1`,
      `T5\tSource ${span('She')}\tShe`,
      `T6\tCue ${span('said', article.indexOf('She'))}\tsaid`,
      `T7\tContent ${span('We will reopen it.')}\tWe will reopen it.`,
      `T8\tAttribution ${span('said', article.indexOf('She'))}\tsaid`,
      `E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5`,
    ].join('\n');
    const coref = parseCorenlpCoref(corenlpXml(article, [[[2, 1, 2], [3, 1, 1]]]));
    const quote = polnearGold(article, brat, 'a.ann', coref).quotes.find((q) => article.slice(q.start, q.end) === 'We will reopen it.');
    assert.equal(quote?.pronounSource, true);
    assert.equal(quote?.speaker, 'Kit Reyes');
    assert.equal(quote?.corefSpeaker, 'Ada Holm');
    assert.equal(polnearGold(article, brat, 'a.ann').quotes.find((q) => q.start === quote.start)?.corefSpeaker, undefined);
  });
});
