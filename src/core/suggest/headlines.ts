import type { NameMention } from './nameRuns';
import type { TextRange } from './paragraphs';
import { firstNameGender } from './personGender';
import { wordCount } from './words';

/** The first paragraph of the article's body has at least this many words; a headline or standfirst fewer. */
export const MIN_BODY_PARAGRAPH_WORDS = 20;
/** Headlines, standfirsts, bylines and a site's header come within the first few paragraphs. */
export const MAX_HEADER_PARAGRAPHS = 12;

/**
 * The one-line paragraphs before the article's body (the first paragraph of 20 words or more)
 * that end without a full stop: title, standfirst, byline. (A first line that ends like a
 * sentence is text: a short document may open with a quote and its cue.) Quotation marks there
 * cite words the body quotes in full, and annotators do not tag them. None when no body paragraph
 * comes within the first twelve.
 */
export function headerParagraphs(text: string, paragraphs: readonly TextRange[]): Set<TextRange> {
  const header = new Set<TextRange>();
  for (const paragraph of paragraphs.slice(0, MAX_HEADER_PARAGRAPHS)) {
    const line = text.slice(paragraph.start, paragraph.end);
    if (wordCount(line) >= MIN_BODY_PARAGRAPH_WORDS) return header;
    if (!line.includes('\n') && !/[.!?…]["”’']?$/u.test(line)) header.add(paragraph);
  }
  return new Set();
}

/** A line whose common words are nearly all capitalized ("Ten Things Harbour Towns Taught Us In 2025"): its capitals mark no names. */
const TITLE_CASE_SHARE = 0.75;
/** A line longer than this is a paragraph, not a title. */
const MAX_TITLE_LINE = 250;
/** How many common words after its first a line needs to be judged. */
const TITLE_CASE_MIN_WORDS = 3;

/**
 * The lines of `text` written in title case (a headline, a section title), judged by its common
 * words (`isCommon`: words the text also writes in lower case, so names do not count): names read
 * there are as likely to be any words ("Picks Ada Brook", "Oddest Things Eastbyans"), so they are not names.
 */
export function titleCaseLines(text: string, isCommon: (word: string) => boolean): TextRange[] {
  const lines: TextRange[] = [];
  const line = /[^\n]+/gu;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    // Most of a title-case line's words are capitalized, names or not: a cheap test before the common words.
    if (m[0].length > MAX_TITLE_LINE || (m[0].match(/\s\p{Lu}/gu)?.length ?? 0) < 0.45 * (m[0].match(/\s/gu)?.length ?? 0)) continue;
    // Not the first word, capitalized in any line.
    const words = (m[0].match(/[\p{L}][\p{L}’'-]+/gu) ?? []).slice(1).filter(isCommon);
    if (words.length < TITLE_CASE_MIN_WORDS) continue;
    const capitalized = words.filter((w) => /^\p{Lu}/u.test(w)).length;
    if (capitalized >= TITLE_CASE_SHARE * words.length) lines.push({ start: m.index, end: m.index + m[0].length });
  }
  return lines;
}

/**
 * The name runs of a text, those in title-case lines (see titleCaseLines) kept from their first known
 * first name on ("Trust Picks Ada Brook" → "Ada Brook") or dropped ("Oddest Things Eastbyans").
 */
export function namesReadInTitleCase(text: string, runs: readonly NameMention[], isCommon: (word: string) => boolean): NameMention[] {
  const lines = titleCaseLines(text, isCommon);
  if (lines.length === 0) return [...runs];
  const kept: NameMention[] = [];
  for (const run of runs) {
    const inTitle = lines.some((l) => l.start <= run.start && run.end <= l.end);
    const name = inTitle ? fromFirstName(text, run) : run;
    if (name) kept.push(name);
  }
  return kept;
}

function fromFirstName(text: string, run: NameMention): NameMention | undefined {
  let first = 0;
  while (first < run.tokens.length - 1 && firstNameGender(run.tokens[first]) === undefined) first++;
  if (first === run.tokens.length - 1) return undefined;
  if (first === 0) return run;
  return { ...run, start: text.indexOf(run.tokens[first], run.start), tokens: run.tokens.slice(first) };
}
