import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paragraphs } from '../src/core/suggest/paragraphs';
import { suggestAnnotations } from '../src/core/suggest/suggestAnnotations';
import { generateDocument, mulberry32 } from './corpus';
import type { BenchSuite } from './run';

const TARGET_CHARS = 1_000_000;

/** ~1 MB of real news text: the seed and gold articles, repeated, so names, quotes and boilerplate recur as in a corpus. */
function newsDocument(): string {
  const root = join(__dirname, '..', '..');
  const articles: string[] = [];
  for (const folder of ['seeds', join('test', 'gold')]) {
    for (const name of readdirSync(join(root, folder)).sort()) {
      if (name.endsWith('.txt')) articles.push(readFileSync(join(root, folder, name), 'utf8'));
    }
  }
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < TARGET_CHARS; i++) {
    const article = articles[i % articles.length];
    parts.push(article);
    length += article.length + 2;
  }
  return parts.join('\n\n');
}

/**
 * What pre-annotating a 1 MB document costs: the whole analysis on news text and on the bench
 * corpus' word soup (quotation marks, emoji, CRLF), with remark's paragraph parse alone as the floor.
 */
export function createSuite(): BenchSuite {
  const news = newsDocument();
  const soup = generateDocument(mulberry32(7));
  // One sentence of 20,000 quotes, each cued by a pronoun and joined by "and": no full stop to bound any look-back.
  const endless = Array.from({ length: 20_000 }, (_, i) => `“row ${i},” he said, and`).join(' ');
  // One sentence of 2,000 short marked words, each followed by "and" and a cue: most are terms, not suggested, so the last
  // quote suggested lies ever further back.
  const marked = 'Ada Brook backs ' + Array.from({ length: 2_000 }, (_, i) => `“fee ${i}” and warned`).join(' ');
  // 1 MB that names one person 40,000 times, by full name and by surname (a long transcript, a year of one beat): every
  // mention of a surname is resolved against every earlier one unless the forms of a name are kept.
  const oneName = 'Tom Hale runs the quay.\n\n' + Array.from({ length: 16_000 }, () => 'Tom Hale met Ada Brook at noon. Hale said the boats were late.').join(' ');
  // One 0.5 MB paragraph of 8,000 sentences, each with a quote: each sentence's claims after a quote looked at every quote of the paragraph.
  const paragraph = Array.from({ length: 8_000 }, (_, i) => `The harbour master said “row ${i}” and the Harbour Master agreed.`).join(' ');
  // Hostile shapes found by timing generated texts, each quadratic before: reported speech whose sentences start in lower
  // case (one "sentence" of 9,000 cues), thousands of hyphenated surnames never written in full, and "she said" after
  // speakers she cannot be (an organisation), each about 0.5 MB.
  const lowerCase = Array.from({ length: 9_000 }, (_, i) => `tom hale said the boats in bay ${i} were late.`).join(' ');
  const coined = (i: number) => 'Q' + (i * 7919 + 13).toString(26).replace(/[0-9]/gu, (d) => 'qrstuvwxyz'[Number(d)]) + 'ner';
  const hyphenated = Array.from({ length: 12_000 }, (_, i) => `“We row at ${i},” ${coined(i)}-${coined(i + 1)} said.`).join(' ');
  const mismatched = Array.from({ length: 8_000 }, (_, i) => `“We row at ${i},” the Harbour Trust said. “Row,” she said.`).join('\n\n');
  // A cue's subject that describes no one and ends in one long word (about 0.6 MB): the pattern for described people once
  // split such a word every way it could before failing (20 of these took over a minute).
  const longWord = (i: number) => 'abcdefghij'.repeat(20) + i;
  const longSubjects = Array.from({ length: 2_000 }, (_, i) => `“We row at ${i},” Tom Hale said.\n\nLeaders of ${longWord(i)}/x have said they want “a fair start at ${i}.”`).join('\n\n');
  // One 0.3 MB paragraph where one person says "she said" 8,000 times: each pronoun read the leading clauses of the same
  // sentences before it anew (57 s per MB before they were kept per sentence).
  const oneSpeaker = Array.from({ length: 8_000 }, (_, i) => `Ada Hale rows. She said “we row ${i}.”`).join(' ');
  return {
    name: 'suggest',
    description: `news text ${news.length} units, generated text ${soup.length} units`,
    cases: [
      { name: 'paragraphs, news (floor)', run: () => paragraphs(news), runs: 2 },
      { name: 'suggestAnnotations, 1 MB news', run: () => suggestAnnotations(news), floor: 'paragraphs, news (floor)', runs: 2 },
      { name: 'suggestAnnotations, 1 MB generated', run: () => suggestAnnotations(soup), runs: 2 },
      { name: 'suggestAnnotations, one 0.5 MB sentence', run: () => suggestAnnotations(endless), runs: 2 },
      { name: 'suggestAnnotations, one sentence of 2,000 marked words', run: () => suggestAnnotations(marked), runs: 2 },
      // The hostile shapes run once each: what they guard against is a time that grows with the square of the text.
      { name: 'suggestAnnotations, 1 MB naming one person 32,000 times', run: () => suggestAnnotations(oneName), runs: 1 },
      { name: 'suggestAnnotations, one 0.5 MB paragraph of 8,000 quotes', run: () => suggestAnnotations(paragraph), runs: 1 },
      { name: 'suggestAnnotations, a 0.4 MB lower-case "sentence" of 9,000 cues', run: () => suggestAnnotations(lowerCase), runs: 1 },
      { name: 'suggestAnnotations, 12,000 quotes by hyphenated surnames', run: () => suggestAnnotations(hyphenated), runs: 1 },
      { name: 'suggestAnnotations, 8,000 “she said” after an organisation', run: () => suggestAnnotations(mismatched), runs: 1 },
      { name: 'suggestAnnotations, 2,000 cue subjects ending in a 200-letter word', run: () => suggestAnnotations(longSubjects), runs: 1 },
      { name: 'suggestAnnotations, one paragraph of 8,000 “she said” after one name', run: () => suggestAnnotations(oneSpeaker), runs: 1 },
    ],
  };
}
