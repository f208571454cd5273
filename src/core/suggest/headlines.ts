import type { TextRange } from './paragraphs';
import { wordCount } from './words';

/** The first paragraph of the article's body has at least this many words; a headline or standfirst fewer. */
const MIN_BODY_PARAGRAPH_WORDS = 20;
/** Headlines, standfirsts, bylines and a site's header come within the first few paragraphs. */
const MAX_HEADER_PARAGRAPHS = 12;

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
