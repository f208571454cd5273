import type { TextRange } from './paragraphs';
import { trimRange } from './paragraphs';
import { DASHES } from './words';

/** Text between quotation marks (marks excluded), before deciding whether it is speech. */
export interface QuoteCandidate extends TextRange {
  /** Offset of the opening mark (its first character); undefined when the source lost it (span starts at the paragraph). */
  readonly openMark?: number;
  /** Offset of the closing mark's last character; undefined when the quote runs on into the next paragraph. */
  readonly closeMark?: number;
  readonly paragraph: TextRange;
  readonly rule: 'paired marks' | 'missing opening mark' | 'quote over several paragraphs';
}

const LETTER = /[\p{L}\p{N}]/u;

/** An opening double mark as a pattern's source: curly or straight, or a typewriter pair of apostrophes (''). */
export const OPENING_MARK = String.raw`(?:[“"]|'')`;

/** What a mark may follow when it opens a quote: a space, an opening bracket or a dash. */
const OPENS_AFTER = new RegExp(String.raw`[\s([{${DASHES}-]`, 'u');

type MarkRole = 'open' | 'close' | 'either' | 'none';

/**
 * Where the typewriter double mark made of two apostrophes that the apostrophe at `i` belongs to
 * starts, or undefined. Two in a row are one mark; of three, the lone one is a quote inside the
 * quote: the first of the three when they close, the last when they open.
 */
function apostrophePairStart(text: string, i: number): number | undefined {
  if (text[i] !== "'") return undefined;
  let start = i;
  while (text[start - 1] === "'") start--;
  let end = i + 1;
  while (text[end] === "'") end++;
  if (end - start === 2) return start;
  if (end - start !== 3) return undefined;
  const pair = /\s/u.test(text[start - 1] ?? ' ') ? start : start + 1;
  return i === pair || i === pair + 1 ? pair : undefined;
}

/** How many characters the quotation mark at `i` takes: two for a typewriter double mark (''), else one. */
function markWidth(text: string, i: number): number {
  return apostrophePairStart(text, i) === i ? 2 : 1;
}

/** What a double quotation mark at `i` does; one between two letters ("Russia”s") is an apostrophe. */
function doubleMarkRole(text: string, i: number): MarkRole {
  const ch = text[i];
  const pair = ch === "'" ? apostrophePairStart(text, i) : undefined;
  if (ch === "'" && pair !== i) return 'none';
  if (pair === undefined && ch !== '"' && ch !== '“' && ch !== '”' && ch !== '„' && ch !== '«' && ch !== '»') return 'none';
  const before = text[i - 1] ?? ' ';
  const after = text[i + markWidth(text, i)] ?? ' ';
  if (LETTER.test(before) && LETTER.test(after)) return 'none';
  if (ch === '“' || ch === '„' || ch === '«') return 'open';
  if (ch === '”' || ch === '»') return 'close';
  const spaceBefore = OPENS_AFTER.test(before);
  const spaceAfter = /\s/.test(after);
  if (spaceBefore && !spaceAfter) return 'open';
  if (!spaceBefore && spaceAfter) return 'close';
  return 'either';
}

/**
 * A single mark opening a quote (‘ or ' after a space) or closing one (’ or ' not followed by a
 * letter); not an apostrophe inside a word ("don’t") nor after a plural ("the workers’ union"),
 * nor half of a typewriter double mark (''). Beside such a mark, the mark's outer side counts.
 */
function singleMarkRole(text: string, i: number): MarkRole {
  const ch = text[i];
  if (ch !== '‘' && ch !== '’' && ch !== "'") return 'none';
  if (apostrophePairStart(text, i) !== undefined) return 'none';
  let b = i - 1;
  while (text[b] === "'") b--;
  let a = i + 1;
  while (text[a] === "'") a++;
  const before = text[b] ?? ' ';
  const after = text[a] ?? ' ';
  if (LETTER.test(before) && LETTER.test(after)) return 'none';
  if (before === 's' && /^ \p{Ll}/u.test(text.slice(i + 1, i + 3))) return 'none';
  if ((ch === '‘' || ch === "'") && OPENS_AFTER.test(before) && !/\s/.test(after)) return 'open';
  if ((ch === '’' || ch === "'") && !/\s/.test(before) && !LETTER.test(after)) return 'close';
  return 'none';
}

/**
 * Every span between paired quotation marks in the paragraphs, in order. The document's speech
 * marks pair first: double marks, or single ones in a house style that quotes with them (‘…’ with
 * “…” inside); the other kind pairs only outside those (inside, it is a quote within the quote).
 * A second opening mark before a close restarts the pair (a title inside a comment header). A
 * paragraph that closes a double mark it never opened lost its opening mark: the span starts at the
 * paragraph. A paragraph that leaves a mark open, followed by a paragraph opening with one, is a
 * quote over several paragraphs: one span per paragraph.
 */
export function quoteCandidates(text: string, paragraphs: readonly TextRange[]): QuoteCandidate[] {
  const singleStyle = quotesWithSingleMarks(text, paragraphs);
  const speechMark = singleStyle ? singleMarkRole : doubleMarkRole;
  const found: QuoteCandidate[] = [];
  paragraphs.forEach((paragraph, index) => {
    let open = -1;
    let sawMark = false;
    for (let i = paragraph.start; i < paragraph.end; i++) {
      const role = speechMark(text, i);
      if (role === 'none') continue;
      if (open === -1 && (role === 'open' || role === 'either')) {
        open = i;
      } else if (open !== -1 && role === 'open') {
        open = i;
      } else if (open !== -1) {
        pushRange(found, text, open + markWidth(text, open), i, { openMark: open, closeMark: i + markWidth(text, i) - 1, paragraph, rule: 'paired marks' });
        open = -1;
      } else if (!sawMark && !singleStyle) {
        // Not for single marks: a closing one without an opening one is an apostrophe more often than not.
        pushRange(found, text, paragraph.start, i, { closeMark: i + markWidth(text, i) - 1, paragraph, rule: 'missing opening mark' });
      }
      sawMark = true;
    }
    if (open !== -1 && opensWithMark(text, paragraphs[index + 1], speechMark)) {
      pushRange(found, text, open + markWidth(text, open), paragraph.end, { openMark: open, paragraph, rule: 'quote over several paragraphs' });
    }
  });
  const speech = found.slice();
  const innerMark = singleStyle ? doubleMarkRole : singleMarkRole;
  let next = 0;
  for (const paragraph of paragraphs) {
    const first = next;
    while (next < speech.length && speech[next].paragraph === paragraph) next++;
    addOtherMarks(text, paragraph, speech.slice(first, next), innerMark, found);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether a document quotes speech with single marks: more ‘…’ pairs open than “…” ones. */
function quotesWithSingleMarks(text: string, paragraphs: readonly TextRange[]): boolean {
  let single = 0;
  let double = 0;
  for (const paragraph of paragraphs) {
    for (let i = paragraph.start; i < paragraph.end; i++) {
      if (doubleMarkRole(text, i) === 'open') double++;
      else if (singleMarkRole(text, i) === 'open') single++;
    }
  }
  return single > double;
}

function addOtherMarks(text: string, paragraph: TextRange, inside: readonly QuoteCandidate[], role: (text: string, i: number) => MarkRole, found: QuoteCandidate[]): void {
  let open = -1;
  let skip = 0;
  for (let i = paragraph.start; i < paragraph.end; i++) {
    // Inside a quoted span the other marks are a quote within the quote: jump over it.
    while (skip < inside.length && inside[skip].end <= i) skip++;
    if (skip < inside.length && i >= inside[skip].start) {
      i = inside[skip].end - 1;
      continue;
    }
    const r = role(text, i);
    if (r === 'open' || (r === 'either' && open === -1)) open = i;
    else if ((r === 'close' || r === 'either') && open !== -1) {
      pushRange(found, text, open + markWidth(text, open), i, { openMark: open, closeMark: i + markWidth(text, i) - 1, paragraph, rule: 'paired marks' });
      open = -1;
    }
  }
}

function opensWithMark(text: string, paragraph: TextRange | undefined, role: (text: string, i: number) => MarkRole): boolean {
  if (!paragraph) return false;
  const r = role(text, paragraph.start);
  return r === 'open' || r === 'either';
}

function pushRange(found: QuoteCandidate[], text: string, start: number, end: number, rest: Omit<QuoteCandidate, 'start' | 'end'>): void {
  const range = trimRange(text, start, end);
  if (range) found.push({ ...rest, ...range });
}
