import { subjectOf } from './cueSubject';
import { firstMatch } from './firstMatch';
import type { NameResolver } from './nameResolution';
import type { TextRange } from './paragraphs';
import type { QuoteCandidate } from './quotes';
import { mainClauseStart } from './leadingClause';
import { organisationSubject } from './organisations';
import { findCues, isThoughtCue } from './reportingCues';
import { MAX_SENTENCE_LENGTH } from './sentences';
import { wordCount } from './words';
import { sentenceStartBefore } from './speakers';

/** How far back (UTF-16 units) a speaker is carried to an uncued quote when no one else is named in between. */
const CARRY_REACH = 1500;

export interface CarriedSpeaker {
  readonly speaker: string;
  readonly rule:
    | 'cue later in the sentence'
    | 'person named earlier in the paragraph'
    | 'speaker carried from before'
    | 'speaker carried from a paragraph before'
    | 'person named since the last speaker'
    | 'subject of its own sentence';
}

/**
 * A speaker for a quote the close rules left without one: the subject of a cue later in its
 * sentence ("“…,” Valdez Anderson, who works at …, said"); else the last speaker of the document,
 * when nobody else was named since (a quote in the paragraph after the one that introduced the
 * speaker, or after "adding,"), or the person named last since then, unless boilerplate lines
 * stand in between; a speaker from a paragraph before gives way to the person or organisation that
 * opens the quote's own sentence; else the person named last before it in its paragraph. `pronoun`,
 * the "he" or "she" of the quote's own cue when it names no one, rules out whom it cannot mean.
 */
export function carriedSpeaker(text: string, quote: QuoteCandidate, resolver: NameResolver, boilerplate: readonly TextRange[] = [], pronoun?: string): CarriedSpeaker | undefined {
  if (quote.closeMark !== undefined) {
    const sentenceEnd = nextSentenceEnd(text, quote.closeMark + 1, quote.paragraph.end);
    const cue = findCues(text, quote.closeMark + 1, sentenceEnd).find((c) => !isThoughtCue(c));
    const speaker = cue ? subjectOf(text, quote.closeMark + 1, cue, resolver) : undefined;
    if (speaker) return { speaker, rule: 'cue later in the sentence' };
  }
  const open = quote.openMark ?? quote.start;
  const previous = resolver.lastSpeakerBefore(open);
  // "“…,” she said" after a man spoke, "she" nobody the text names ("his wife"): no speaker rather than the wrong one.
  if (previous && pronoun && !resolver.mayBeMeantBy(pronoun, previous.name)) return undefined;
  // Past a block of boilerplate ("Related Articles", a comments header) the article's speakers are left behind.
  if (previous && open - previous.at < CARRY_REACH && !boilerplate.some((b) => b.start > previous.at && b.end <= open)) {
    // Someone else named since: more likely the one the quote belongs to ("Jonas Pell disagreed. “…”").
    const other = resolver.otherPersonBetween(previous.name, previous.at, open);
    if (other && (!pronoun || resolver.mayBeMeantBy(pronoun, other))) return { speaker: other, rule: 'person named since the last speaker' };
    const fromAParagraphBefore = previous.at < quote.paragraph.start;
    // "Ruiz spoke first. ¶ On its website, the Harbour Trust lists “…”": a speaker from a paragraph before gives way to the
    // subject of the quote's own sentence.
    if (fromAParagraphBefore) {
      const sentenceStart = sentenceStartBefore(text, open, quote.paragraph.start);
      const subject = resolver.firstPersonBetween(sentenceStart, open) ?? organisationSubject(text.slice(mainClauseStart(text, sentenceStart, open), open));
      if (subject && subject !== previous.name) return { speaker: subject, rule: 'subject of its own sentence' };
    }
    // A speaker carried within its paragraph is right more often than one carried from a paragraph before (0.82 and 0.63 on
    // PolNeAR train): two rules, for two confidences.
    return { speaker: previous.name, rule: fromAParagraphBefore ? 'speaker carried from a paragraph before' : 'speaker carried from before' };
  }
  const named = resolver.nameBetween(Math.max(quote.paragraph.start, sentenceStartBefore(text, open, quote.paragraph.start) - 400), open);
  return named ? { speaker: named, rule: 'person named earlier in the paragraph' } : undefined;
}

/** A sentence's end or an opening mark. */
const SENTENCE_END = /[.!?…](?=\s|$)|[“„«]/gu;

function nextSentenceEnd(text: string, from: number, limit: number): number {
  limit = Math.min(limit, from + MAX_SENTENCE_LENGTH);
  let end = firstMatch(text, from, limit, SENTENCE_END);
  // "“…,” Ana Penrose, skipper of the “Kestrel” since the spring, told …": a few marked words inside the clause do not end it.
  for (let past = shortMarkedWordsEnd(text, end, limit); past !== undefined; past = shortMarkedWordsEnd(text, end, limit)) end = firstMatch(text, past, limit, SENTENCE_END);
  return end;
}

/** How many words marked words inside a clause may have and still be a name or a term in it. */
const MAX_MARKED_WORDS_INSIDE = 3;

/** After the closing mark of a few words marked at `at` (an opening mark), inside a clause that goes on; undefined otherwise. */
function shortMarkedWordsEnd(text: string, at: number, limit: number): number | undefined {
  if (at >= limit || !/[“„«]/u.test(text[at])) return undefined;
  const close = /^[^”“"»«.!?…\n]{1,40}[”"»]/u.exec(text.slice(at + 1, Math.min(limit, at + 43)));
  if (!close || wordCount(close[0]) > MAX_MARKED_WORDS_INSIDE) return undefined;
  const after = at + 1 + close[0].length;
  // The clause goes on after the marks: not the sentence's end, a colon or the paragraph's.
  return /^[^\S\n]*[\p{L}\p{N},(]/u.test(text.slice(after, after + 4)) ? after : undefined;
}

