import type { Claim } from './claims';
import { MAX_HEADER_PARAGRAPHS, MIN_BODY_PARAGRAPH_WORDS } from './headlines';
import type { NameResolver } from './nameResolution';
import { trimRange, type TextRange } from './paragraphs';
import { wordCount } from './words';

/** A headline that gives its words to a name with a colon: "Ada Brook: The Quay Must Stay Open". */
const NAME_COLON_CONTENT = /^\s*((?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]*)\s*:\s+(\S[^\n]*?)\s*[.!]?\s*$/u;

/** A headline that gives its words to a name with a verb of saying: "Ada Brook Says The Quay Must Stay Open". */
const NAME_SAYS_CONTENT = /^\s*((?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]*)\s+(Says|Said|Warns|Warned|Claims|Insists|Argues|Predicts|Admits|Vows)\s+(\S[^\n]*?)\s*[.!]?\s*$/u;

/** A headline's content has at least this many words. */
const MIN_HEADLINE_WORDS = 3;

/**
 * Claims of the headline lines before the article's body (one-line paragraphs, before the first
 * paragraph of MIN_BODY_PARAGRAPH_WORDS words or more): "Ada Brook: The Quay Must Stay Open" is Ada
 * Brook's claim that the quay must stay open, when the words before the colon resolve to a name the
 * article writes in full after the headline (not a label, "UPDATE:", "Breaking:", nor a question).
 */
export function headlineClaims(text: string, paragraphs: readonly TextRange[], resolver: NameResolver): Claim[] {
  const claims: Claim[] = [];
  for (const paragraph of paragraphs.slice(0, MAX_HEADER_PARAGRAPHS)) {
    const line = text.slice(paragraph.start, paragraph.end);
    if (wordCount(line) >= MIN_BODY_PARAGRAPH_WORDS) return claims;
    if (line.includes('\n')) continue;
    const colon = NAME_COLON_CONTENT.exec(line);
    const says = colon ? null : NAME_SAYS_CONTENT.exec(line);
    const match = colon ?? says;
    const content = says?.[3] ?? colon?.[2];
    // Not a label ("UPDATE:", "The Latest:"), a transcript's speaker in capitals, or a question ("Hale: Ready to Lead?").
    if (!match || content === undefined || !/\p{Ll}/u.test(match[1]) || /^The\s/u.test(match[1]) || /\?\s*$/u.test(content) || wordCount(content) < MIN_HEADLINE_WORDS) continue;
    const nameStart = paragraph.start + match.index + match[0].indexOf(match[1]);
    const speaker = resolver.resolve(nameStart, nameStart + match[1].length, nameStart, true);
    if (!speaker || !isPersonOfTheArticle(text, paragraph.end, speaker, match[1])) continue;
    const contentStart = paragraph.start + match[0].lastIndexOf(content);
    const range = trimRange(text, contentStart, contentStart + content.length);
    const cueStart = says ? paragraph.start + match.index + match[0].indexOf(says[2], match[1].length) : text.indexOf(':', nameStart + match[1].length);
    const verb = says?.[2] ?? ':';
    if (range) claims.push({ ...range, speaker, cue: { start: cueStart, end: cueStart + verb.length, verb, lemma: verb.toLowerCase() }, rule: 'headline attribution' });
  }
  return claims;
}

/**
 * Whether the words before a headline's colon name someone the article names in full after the
 * headline ("Brook" for "Ada Brook"): not a label ("Breaking", "Revealed", "Poll") nor a title
 * of its own ("Big Win For Hale").
 */
function isPersonOfTheArticle(text: string, after: number, speaker: string, written: string): boolean {
  const words = speaker.split(' ');
  const last = written.split(/\s+/u).pop() ?? '';
  return words.length >= 2 && words[words.length - 1] === last && text.includes(speaker, after);
}
