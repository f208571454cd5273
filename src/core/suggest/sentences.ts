import { isAbbreviation } from './abbreviations';
import { trimRange, type TextRange } from './paragraphs';

/**
 * How far back a sentence's start is sought, and ahead its end: a "sentence" longer than this (a
 * paragraph of quotes joined by commas, a list with no full stop) is cut here, so that each quote's
 * look-back and look-ahead are bounded and a long one stays linear in the text. News sentences are
 * far shorter.
 */
export const MAX_SENTENCE_LENGTH = 2000;

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);

/**
 * The sentences of a paragraph, with exact offsets, final punctuation and closing quotation marks
 * included. A sentence ends at `.`, `!`, `?` or `…` followed by a space and a capital, a digit or an
 * opening mark, or by a line break; not after an abbreviation ("Mr.") or an initial ("J.").
 */
export function sentences(text: string, paragraph: TextRange): TextRange[] {
  const result: TextRange[] = [];
  let start = paragraph.start;
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let end = i + 1;
    while (end < paragraph.end && (text[end] === '.' || text[end] === '!' || text[end] === '?' || CLOSERS.has(text[end]))) end++;
    if (end >= paragraph.end) break;
    if (!endsSentence(text, i, end, paragraph.end)) continue;
    const range = trimRange(text, start, end);
    if (range) result.push(range);
    start = end;
    i = end - 1;
  }
  const last = trimRange(text, start, paragraph.end);
  if (last) result.push(last);
  return result;
}

function endsSentence(text: string, mark: number, after: number, limit: number): boolean {
  const next = text[after];
  if (next === '\n' || next === '\r') return true;
  if (next !== ' ' && next !== '\t' && next !== '\u00a0') return false;
  let k = after;
  while (k < limit && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u00a0')) k++;
  const following = text[k] ?? '';
  if (!/[\p{Lu}\p{N}"“‘'«([]/u.test(following)) return false;
  if (text[mark] !== '.') return true;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, mark - 12), mark))?.[1] ?? '';
  if (isAbbreviation(word)) return false;
  // "J. Smith", "U.S. officials": a single capital before the stop is an initial.
  return !/^(?:\p{Lu}\.)*\p{Lu}$/u.test(word);
}
