import type { Claim } from './claims';
import type { Cue } from './reportingCues';
import { DOCUMENT_HEAD, documentSpeaker, IN_A_POLL } from './sourceDescriptions';
import { trimRange, type TextRange } from './paragraphs';
import { wordCount } from './words';

/**
 * Records, polls and studies that show something: a claim whose source is the document ("Polls
 * show the ferry vote is close", "…, harbour board records show."). "show" alone is no reporting
 * cue ("a show of hands", "shows up"): only after a document or a plural of documents.
 */

/** The rule of a document's claim with no reporting verb, for its own confidence. */
export const DOCUMENT_SHOWS = 'what a document shows';

/** Plural words for documents, in lower case. */
const DOCUMENT_PLURALS = ['polls', 'records', 'documents', 'data', 'figures', 'surveys', 'studies', 'numbers', 'statistics', 'estimates', 'results', 'reports', 'filings', 'transcripts'];
/** An article or a possessive that may open a plural of documents ("the figures", "its records"). */
const PLURAL_DETERMINER = String.raw`(?:(?:[Tt]he|[Tt]hese|[Tt]hose|[Tt]heir|[Hh]is|[Hh]er|[Ii]ts|[Oo]ur)\s+)?`;
/** A word in either case of its first letter, as a sentence may open with it ("Polls show"). */
const eitherCase = (word: string): string => `[${word[0].toUpperCase()}${word[0]}]${word.slice(1)}`;

/** Plural documents, no article needed: "Polls", "exit polls", "the latest figures", "club records", "Polls there". */
const PLURAL_DOCUMENTS = String.raw`${PLURAL_DETERMINER}(?:[\p{L}\d’'-]+\s+){0,2}?(?:${[...DOCUMENT_PLURALS, 'e-?mails'].map(eitherCase).join('|')})(?:\s+there)?`;
/**
 * After "according to", a plural of documents with up to four words before it, names and an article too:
 * "Harbour Board records", "provisional returns", "data published by …", "the latest polling average".
 */
export const OPENS_WITH_DOCUMENTS = new RegExp(String.raw`^\s*${PLURAL_DETERMINER}(?:[\p{L}\d’'-]+\s+){0,4}?(?:${[...DOCUMENT_PLURALS, 'returns', 'tallies', 'projections', 'average'].join('|')})(?![\p{L}])`, 'u');

/** A document as a whole subject: plural, or one with an article and up to a short complement ("A new poll of harbour towns"). */
const DOCUMENT = String.raw`(?:${PLURAL_DOCUMENTS}|${DOCUMENT_HEAD}(?:\s+(?:of|from|by|for|in|on)\s+[^,;:.!?“”"]{1,40}?)?)`;
const SHOWS = String.raw`(?:(?:also|now|consistently|clearly|repeatedly)\s+)?(?:(?:has|have|had)\s+shown|show|shows|showed)`;

/** "Polls show (that) …" at the start of a sentence, maybe after a conjunction or an adverb set off by a comma. */
const LEADING = new RegExp(String.raw`^\s*(?:(?:But|And|Yet|Still|So|Now|However,|Meanwhile,|Indeed,)\s+)?(${DOCUMENT})\s+(${SHOWS})(?:\s+that)?(?![\p{L}])`, 'u');
/** "…, records show." at the end of a sentence. */
const TRAILING = new RegExp(String.raw`,\s*(?:as\s+)?(${DOCUMENT})\s+(${SHOWS})\s*$`, 'u');


/** The document claim of `text[start, end)` (a sentence without its final stop), if it has one. */
export function documentClaims(text: string, start: number, end: number): Claim[] | undefined {
  const sentence = text.slice(start, end);
  const leading = LEADING.exec(sentence);
  if (leading) {
    const content = trimRange(text, start + leading[0].length, end);
    return claim(text, content, leading[1], cueAt(start + leading.index + leading[0].lastIndexOf(leading[2]), leading[2]), DOCUMENT_SHOWS);
  }
  const poll = IN_A_POLL.exec(sentence);
  if (poll) {
    const content = trimRange(text, start + poll[0].length, end);
    const at = start + poll.index + poll[0].indexOf('In');
    const head = /(?:poll|survey|study|analysis|audit|census|average)(?![\p{L}])/u.exec(poll[1])?.[0] ?? 'poll';
    return claim(text, content, poll[1], { start: at, end: at + 2, verb: `In a ${head}`, lemma: 'in' }, 'according to');
  }
  const trailing = TRAILING.exec(sentence);
  if (trailing) {
    const content = trimRange(text, start, start + trailing.index);
    return claim(text, content, trailing[1], cueAt(start + trailing.index + trailing[0].lastIndexOf(trailing[2]), trailing[2]), DOCUMENT_SHOWS);
  }
  return undefined;
}

function cueAt(at: number, verb: string): Cue {
  const shown = verb.split(/\s+/u).pop()!;
  return { start: at, end: at + verb.length, verb: shown, lemma: shown.toLowerCase() };
}

function claim(text: string, content: TextRange | undefined, subject: string, cue: Cue, rule: string): Claim[] | undefined {
  if (!content || wordCount(text.slice(content.start, content.end)) < 3) return undefined;
  return [{ ...content, speaker: documentSpeaker(subject), cue, rule }];
}
