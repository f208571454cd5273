import { STOP_OF_NO_ABBREVIATION } from './abbreviations';
import { firstIndex } from './firstIndex';
import type { NameResolver } from './nameResolution';
import { trimRange, type TextRange } from './paragraphs';
import { findCues, HEARER_CUES, isContentCue, isPassive, isReportNoun, reportsHere, type Cue } from './reportingCues';
import { lastComma, subjectOf } from './cueSubject';
import { MAX_SENTENCE_LENGTH } from './sentences';
import { documentClaims, OPENS_WITH_DOCUMENTS } from './documentClaims';
import { describedOrganisation, describedPerson, describedSubject, documentSpeaker, LEADING_ADVERBIAL, OPENS_WITH_A_DOCUMENT, withoutLeadingPhrase } from './sourceDescriptions';
import { wordCount } from './words';

/** Reported (indirect) speech: the content, who said it, and the cue. */
export interface Claim extends TextRange {
  readonly speaker: string;
  readonly cue: Cue;
  readonly rule: string;
}

/** Words that may follow a cue when the attribution trails its content (", Lavrov stated during …"). */
const ATTRIBUTION_TAIL = /^(?:$|,|(?:during|in|at|on|after|before|to|from|while|when|as|by|for|last|this|yesterday|today|earlier|later|recently)(?![\p{L}]))/iu;

/** What may follow the cue of a trailing attribution: nothing, a time or place, or for "told" its hearer first ("told staff on Wednesday"). */
function attributionTail(after: string, cue: Cue): boolean {
  // "…, he hoped, would open …": a comma and the content's own verb after the cue make it a parenthetical, not a tail.
  if (after.startsWith(',') && !APPOSITION_AFTER_TAIL.test(after)) return false;
  if (ATTRIBUTION_TAIL.test(after)) return true;
  return HEARER_CUES.has(cue.lemma) && (wordCount(after) <= 3 || HEARER_THEN_TAIL.test(after));
}

/** After a trailing attribution's comma: an apposition or another attribution (", the harbour master", ", adding …"), not a verb. */
const APPOSITION_AFTER_TAIL = /^,\s*(?:$|the\s|a\s|an\s|his\s|her\s|their\s|its\s|who\s|which\s|adding|saying|according|noting|citing|in\s|at\s|on\s|during\s|\p{Lu})/u;

const HEARER_THEN_CLAUSE = /^\s+(?:the\s+|a\s+)?[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,2},?\s+(?=(?:he|she|they|it|we|i|there|his|her|their|its|the|a|an)\s)/u;

const HEARER_THEN_TAIL = /^(?:[\p{L}’'-]+\s+){1,3}(?:during|in|at|on|after|before|this|last|yesterday|today|earlier|later)(?![\p{L}])/iu;

/** What follows the cue in ", said Lavrov" / ", said the minister": a capitalized word or a determiner. */
const INVERTED_SUBJECT = /^\s+(?:\p{Lu}|(?:the|a|an|one|another)\s)/u;
/** The end of a content, then a description set off by commas before the name that follows it (", a spokeswoman" of ", a spokeswoman, Ana Penrose, said"). */
const DESCRIPTION_BEFORE_NAME = /,\s*(?:a|an|the|his|her|its|their)\s[^,;.!?“”"]{1,60}$/u;
/** Between a comma and a trailing cue: a name alone (", Ana Penrose, said"). */
const NAME_ONLY = /^\s*(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]*,?\s*$/u;
/**
 * An inverted subject after a cue, then where it ends: the sentence's end, a comma, or a word that opens what follows
 * (", said Tom Hale in a statement", ", said the harbour master at Eastby", ", said Hale, who …"), not a verb of its own
 * (", said Kestrel crews expect to …": a clause the cue reports).
 */
const INVERTED_SUBJECT_ENDS = new RegExp(
  String.raw`^\s+(?:(?:(?:\p{Lu}[\p{L}.’'-]*|of|de|van|von|der|al)\s+){0,5}?\p{Lu}[\p{L}.’'-]*|(?:the|a|an|his|her|its|their|one|another|\p{Lu}[\p{L}.'-]*[’']s)\s+(?:[\p{L}.’'-]+\s+){0,4}?[\p{L}.’'-]+)\s*` +
    // The full stop of "Mr." or "J." is no end (", said Mr. Hale wanted …" reports a clause).
    String.raw`(?:$|[,;:(—–―]|${STOP_OF_NO_ABBREVIATION}|\s(?:in|at|on|during|after|before|to|from|of|for|with|who|whose|when|while|as|and|last|this|yesterday|today|earlier|later|recently|told|adding|saying|according)(?![\p{L}]))`,
  'u',
);
/** After a cue: a subject and a finite verb, so a clause the cue reports ("…, said Tom Hale had left"), not its inverted subject. */
const CLAUSE_AFTER_CUE = /^\s+(?:(?!(?:who|whom|which|that)\s)[\p{L}.’'-]+\s+){1,4}?(?:had|has|have|was|were|is|are|would|will|could|can|should|may|might|must|did|does|do)\s/u;

/** ", as quoted by the agency", ", according to …": attribution trailing a content, not part of it. */
const TRAILING_SOURCE = /,\s+(?:as\s+(?:quoted|reported|cited)\s+by|according\s+to)\s[^,]*$/iu;

/** A second content joined to the first: "said that A, and said B". */
const SECOND_CONTENT = /,?\s+(?:and|but)\s+(?:(?:(?:has|have|had)\s+)?(?:said|added|stated|noted|stressed|warned|argued|insisted|cautioned)\s+(?:that\s+)?|that\s+)/iu;

/** A coordinated clause with its own verb after the content ("…, but no date has been fixed"). */
const COORDINATED_CLAUSE = /,\s+(?:but\s+(?=(?:\S+\s+){0,4}(?:has|have|had|is|are|was|were|will|would|can|could|did|does|do)(?:\s|$))|(?:but|and)\s+(?:also\s+)?(?=(?:declined|refused|denied|added|accused|urged|called|warned|insisted|stressed|admitted|conceded|promised|vowed|acknowledged)\s))/iu;

/**
 * The claims of one sentence, tried in this order: "According to X, …"; content first with a
 * trailing attribution (", Russian Foreign Minister Sergey Lavrov stated …", ", told X …", ", according to X"); then
 * "X said (that) …", "X called on …", "X thinks …". The speaker must resolve to a person, an
 * organisation, an unnamed source or a document ("according to a new poll"); a country speaks only as
 * the one word that opens the sentence right before the cue ("Russia noted …": its government).
 */
export function sentenceClaims(text: string, sentence: TextRange, resolver: NameResolver): Claim[] {
  const end = contentEnd(text, sentence);
  // "Hale has been asked about the fees": a cue in the passive reports nothing its subject said.
  const cues = findCues(text, sentence.start, end).filter((c) => isContentCue(c) && !isPassive(text, c) && reportsHere(text, c));
  const claims = cues.length === 0 ? [] : (accordingTo(text, sentence.start, end, cues, resolver) ?? trailingAttribution(text, sentence.start, end, resolver) ?? leadingAttribution(text, sentence.start, end, cues, resolver));
  // "Polls show …", "…, records show": a document's claim, with no reporting cue.
  return claims.length > 0 ? claims : (documentClaims(text, sentence.start, end) ?? []);
}

/**
 * "… said the slipway was “long overdue.”", "… “long overdue. Ask any crew.”": a content that opens a quote it
 * does not close (the sentence's stop and closing mark were trimmed, or the quote runs on past the sentence) takes the
 * rest of the quote, up to its closing mark in the same paragraph.
 */
export function withClosingMark(text: string, claim: TextRange): TextRange {
  const content = text.slice(claim.start, claim.end);
  const opens = content.split('“').length - 1;
  if (opens === 0 || opens <= content.split('”').length - 1) return claim;
  // Looked for no further than a sentence's length, so that thousands of claims in one paragraph stay linear.
  const rest = text.slice(claim.end, claim.end + MAX_SENTENCE_LENGTH);
  const close = rest.indexOf('”');
  const paragraphEnd = rest.indexOf('\n');
  return close !== -1 && (paragraphEnd === -1 || close < paragraphEnd) ? { start: claim.start, end: claim.end + close + 1 } : claim;
}

function accordingTo(text: string, start: number, end: number, cues: readonly Cue[], resolver: NameResolver): Claim[] | undefined {
  const inside = accordingToInside(text, start, end, cues, resolver);
  if (inside) return inside;
  const cue = cues[0];
  if (cue.lemma !== 'according to' || wordCount(text.slice(start, cue.start)) > 1) return undefined;
  let comma = commaAfterSource(text, cue, end, end - cue.end);
  if (comma === undefined) return undefined;
  let speaker = sourceAccordingTo(text, cue, comma, resolver);
  // "According to the film’s producer, Daniel Okoro-Hess, …": the name is in the apposition.
  const next = speaker ? -1 : text.indexOf(',', comma + 1);
  if (!speaker && next !== -1 && next < end && wordCount(text.slice(comma + 1, next)) <= 4) {
    speaker = resolver.nameBetween(comma + 1, next);
    comma = next;
  }
  if (!speaker) return undefined;
  const content = text.slice(comma + 1, end);
  const tail = TRAILING_SOURCE.exec(content);
  return claimsFrom(text, comma + 1, tail ? comma + 1 + tail.index : end, speaker, cue, 'according to');
}

/**
 * "The new fee, according to Tom Hale, will hurt the small clubs": an "according to" set off by commas inside its content;
 * the content is the whole sentence.
 */
function accordingToInside(text: string, start: number, end: number, cues: readonly Cue[], resolver: NameResolver): Claim[] | undefined {
  for (const cue of cues) {
    if (cue.lemma !== 'according to' || !/\S\s*,\s*$/u.test(text.slice(start, cue.start))) continue;
    const comma = commaAfterSource(text, cue, end, MAX_SOURCE_LENGTH);
    if (comma === undefined || wordCount(text.slice(comma + 1, end)) < MIN_CONTENT_WORDS - 1) continue;
    const speaker = sourceAccordingTo(text, cue, comma, resolver);
    if (speaker) return claimsFrom(text, start, end, speaker, cue, 'according to');
  }
  return undefined;
}

/** The first comma after an "according to" and before `end`, at most `limit` characters after it: where its source ends. */
function commaAfterSource(text: string, cue: Cue, end: number, limit: number): number | undefined {
  for (let at = cue.end; at < end && at - cue.end <= limit; at++) if (text[at] === ',') return at;
  return undefined;
}

/**
 * Who `text[cue.end, to)` after "according to" names: a person, an unnamed source, or a document as the text describes it
 * ("according to a study published in the Harbour Journal": the study, not the names inside its description).
 */
function sourceAccordingTo(text: string, cue: Cue, to: number, resolver: NameResolver): string | undefined {
  const phrase = text.slice(cue.end, to);
  if (!OPENS_WITH_A_DOCUMENT.test(phrase) && !OPENS_WITH_DOCUMENTS.test(phrase)) return resolver.accordingTo(cue.end, to, cue.start);
  const described = documentSpeaker(phrase);
  return wordCount(described) <= MAX_DOCUMENT_WORDS ? described : undefined;
}

/** How many words a document's description may have to stand as a speaker ("a Kestrel Institute poll of harbour towns last week"). */
const MAX_DOCUMENT_WORDS = 12;

/** How long the source after an "according to" inside a sentence may be (UTF-16 units). */
const MAX_SOURCE_LENGTH = 100;

/**
 * How far from the end of a sentence an attribution after its content may start (", said Tom Hale, the
 * harbour master at Eastby"): commas further back are not tried, so a long sentence of many commas
 * stays linear.
 */
const MAX_TRAILING_ATTRIBUTION = 400;
/** A claim's content before its attribution has at least this many words, counted in its first MIN_CONTENT_SCAN characters. */
const MIN_CONTENT_WORDS = 4;
const MIN_CONTENT_SCAN = 200;

function trailingAttribution(text: string, start: number, end: number, resolver: NameResolver): Claim[] | undefined {
  for (let comma = lastComma(text, start, end); comma > start && end - comma <= MAX_TRAILING_ATTRIBUTION; comma = lastComma(text, start, comma)) {
    if (wordCount(text.slice(start, Math.min(comma, start + MIN_CONTENT_SCAN))) < MIN_CONTENT_WORDS) return undefined;
    const cue = findCues(text, comma + 1, end).filter(isContentCue)[0];
    if (!cue) continue;
    const before = text.slice(comma + 1, cue.start);
    // "…, according to Tom Hale": the source right after the comma.
    if (cue.lemma === 'according to') {
      if (wordCount(before) > 0) continue;
      const source = sourceAccordingTo(text, cue, end, resolver);
      if (source) return claimsFrom(text, start, comma, source, cue, 'according to');
      continue;
    }
    let speaker: string | undefined;
    if (wordCount(before) === 0) {
      // ", said Lavrov": a name or a title follows, not a clause ("…, said she would meet Okafor",
      // "…, told the Courier she had seen …": the verb of a subject before an apposition).
      const after = text.slice(cue.end, end);
      if (!INVERTED_SUBJECT.test(after) || CLAUSE_AFTER_CUE.test(after) || !INVERTED_SUBJECT_ENDS.test(after) || (HEARER_CUES.has(cue.lemma) && HEARER_THEN_CLAUSE.test(after))) continue;
      speaker = resolver.resolve(cue.end, end, cue.start);
    } else if (wordCount(before) <= 10 && attributionTail(text.slice(cue.end, end).trim(), cue) && !THAT_AFTER_A_CUE.test(text.slice(cue.end, end))) {
      // Not a cue that reports a clause of its own after "that" ("…, a day after Ruiz had claimed in May that the crews were
      // split"): the words before the comma are not what it reports.
      speaker = resolver.resolve(comma + 1, cue.start, cue.start) ?? describedOrganisation(before);
      // "…, a spokeswoman, Ana Penrose, said": a description set off before the name is the attribution's, not the content's.
      const described = speaker && NAME_ONLY.test(before) ? DESCRIPTION_BEFORE_NAME.exec(text.slice(Math.max(start, comma - 80), comma)) : null;
      if (described && speaker) return claimsFrom(text, start, comma - described[0].length, speaker, cue, 'reported speech, attribution after');
    }
    // "When reached by the Gazette, Hale said …", "At a meeting on Tuesday, Brook vowed …": a leading clause or phrase is
    // where or when, not what was said.
    if (speaker && LEADING_ADVERBIAL.test(text.slice(start, comma))) continue;
    if (speaker) return claimsFrom(text, start, comma, speaker, cue, 'reported speech, attribution after');
  }
  return undefined;
}

function leadingAttribution(text: string, start: number, end: number, cues: readonly Cue[], resolver: NameResolver): Claim[] {
  // "A harbour board report issued in May said …": the noun "report" is tried after the verbs.
  const verbsFirst = [...cues.filter((c) => !isReportNoun(text, c)), ...cues.filter((c) => isReportNoun(text, c))];
  for (const cue of verbsFirst) {
    if (cue.lemma === 'according to') continue;
    // "The boat-owning millionaire says …": someone the text describes there and names elsewhere, or nowhere; the claim's
    // speaker is those words, as for an organisation, for the annotator to name.
    const named = subjectOf(text, start, cue, resolver) ?? describedOrganisation(text.slice(start, cue.start)) ?? describedPerson(withoutLeadingPhrase(text.slice(start, cue.start)));
    const contentStart = complementStart(text, cue, end);
    if (contentStart === undefined) continue;
    // "Leaders of the club have said that …": people a subject describes report a clause ("that …"), not an object ("agreed the outline").
    const speaker = named ?? (contentStart > cue.end ? describedSubject(text.slice(start, cue.start)) : undefined);
    if (!speaker) continue;
    // "While Brook said A, she said B": a second attribution after a comma ends the first content and starts its own.
    const second = secondAttribution(text, contentStart, end, cues, resolver);
    if (second) return [...claimsFrom(text, contentStart, second.comma, speaker, cue, 'reported speech'), ...second.claims];
    const claims = claimsFrom(text, contentStart, end, speaker, cue, 'reported speech');
    // "The new fee, he said, will hurt the small clubs": an attribution set off by commas inside its content; the content
    // is the whole sentence, the part before the attribution too.
    if (claims.length === 1 && PARENTHETICAL_SUBJECT.test(text.slice(start, cue.start)) && /^\s*,/u.test(text.slice(cue.end, cue.end + 3))) {
      return claimsFrom(text, start, claims[0].end, speaker, cue, 'reported speech');
    }
    return claims;
  }
  return [];
}

/**
 * A second attribution inside a content, after a comma: a pronoun or a name of up to four words and its cue, followed by a
 * clause of its own ("…, she said there is no reason to …"), not by a comma (a parenthetical, "…, she said, …").
 */
function secondAttribution(text: string, from: number, end: number, cues: readonly Cue[], resolver: NameResolver): { comma: number; claims: Claim[] } | undefined {
  for (const cue of cues) {
    if (cue.start <= from || cue.lemma === 'according to' || /^\s*,/u.test(text.slice(cue.end, cue.end + 3))) continue;
    const comma = lastComma(text, from, cue.start);
    if (comma < from || !SUBJECT_AFTER_COMMA.test(text.slice(comma + 1, cue.start))) continue;
    const speaker = subjectOf(text, comma + 1, cue, resolver);
    const contentStart = speaker ? complementStart(text, cue, end) : undefined;
    if (!speaker || contentStart === undefined) continue;
    const claims = claimsFrom(text, contentStart, end, speaker, cue, 'reported speech');
    if (claims.length > 0 && wordCount(text.slice(from, comma)) >= MIN_CONTENT_WORDS) return { comma, claims };
  }
  return undefined;
}

/** Between a comma and a cue: a subject pronoun or a name of up to four words. */
const SUBJECT_AFTER_COMMA = /^\s+(?:he|she|they|we|I|(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]*)\s+$/u;

/** The end of a content's first part, a comma, and a cue's subject: a pronoun or a name of up to four words ("The fee, he"). */
const PARENTHETICAL_SUBJECT = /\S,\s+(?:he|she|they|we|I|(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]*)\s*$/u;

/** "that" within a few words after a cue ("said on Monday that"), or after a hearer and where and when they heard it ("told …"). */
const THAT_AFTER_A_CUE = /^(?:[^,.;:]{0,40}?\s)?that(?![\p{L}])/u;
const THAT_AFTER_A_HEARER = /^(?:[^,.;:]{0,100}?\s)?that(?![\p{L}])/u;

/** Where the reported content starts after a cue: past "that", past the hearer of "told X that". */
function complementStart(text: string, cue: Cue, end: number): number | undefined {
  // "She warned, however, that …": a short parenthetical between the cue and "that".
  const aside = /^\s*,\s*[\p{L} ]{1,25},(?=\s*that(?![\p{L}]))/u.exec(text.slice(cue.end, end));
  const from = cue.end + (aside?.[0].length ?? 0);
  const after = text.slice(from, end);
  // "told members of the rowing club gathered at the Brightwater boathouse on Saturday that …": a hearer, where and when, may run longer.
  const that = (HEARER_CUES.has(cue.lemma) ? THAT_AFTER_A_HEARER : THAT_AFTER_A_CUE).exec(after);
  // "said on Monday that", "warned Saturday that", "said again that": a time or an adverb before "that".
  if (that && (HEARER_CUES.has(cue.lemma) || /^\s*(?:that|(?:on|in|at|during|after|last|this|to|yesterday|today|earlier|later|recently|again|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\p{Ll}+ly)\s)/iu.test(after))) return from + that[0].length;
  // "told the Courier she had seen …", "told reporters the plan was …": the hearer, then a clause.
  const hearer = HEARER_CUES.has(cue.lemma) ? HEARER_THEN_CLAUSE.exec(after) : null;
  if (hearer) return from + hearer[0].length;
  if (HEARER_CUES.has(cue.lemma)) return undefined;
  return /^\s*[,.;:]?\s*$/.test(after) ? undefined : cue.end;
}

function claimsFrom(text: string, start: number, end: number, speaker: string, cue: Cue, rule: string): Claim[] {
  const content = text.slice(start, end);
  const clauseCut = COORDINATED_CLAUSE.exec(content);
  if (clauseCut) end = start + clauseCut.index;
  const second = SECOND_CONTENT.exec(text.slice(start, end));
  const parts: [number, number][] = second ? [[start, start + second.index], [start + second.index + second[0].length, end]] : [[start, end]];
  const claims: Claim[] = [];
  for (const [from, to] of parts) {
    const range = trimContent(text, from, to);
    if (range && wordCount(text.slice(range.start, range.end)) >= 3) claims.push({ ...range, speaker, cue, rule });
  }
  return claims;
}

/** The sentence without its final punctuation and closing marks. */
function contentEnd(text: string, sentence: TextRange): number {
  let end = sentence.end;
  while (end > sentence.start && /[.!?…"”’)\s]/.test(text[end - 1])) end--;
  return end;
}

function trimContent(text: string, start: number, end: number): TextRange | undefined {
  while (start < end && /[\s,;:]/.test(text[start])) start++;
  while (end > start && /[\s,;:]/.test(text[end - 1])) end--;
  return trimRange(text, start, end);
}

/** A quote as the clauses around it see it: where its marks are and who said it. */
export interface QuotedPart {
  readonly openMark?: number;
  readonly closeMark: number;
  readonly speaker: string;
}

/** ", and said …" / ", but cautioned that …" / "and that …" right after a quote: the same speaker goes on. */
const AFTER_QUOTE = /^[”"’'.,]*\s*,?\s*(?:and|but)\s+(?:also\s+)?(?:(?:has|have|had)\s+)?/iu;

/**
 * Reported speech that follows a quote in its sentence: "… called the film “…” and said the apple
 * sequence was …", "… said the results were “…”, but cautioned that …", "… “…”, and that he had …".
 * The subject is the quote's speaker; a content may itself hold quoted words.
 */
export function claimsAfterQuote(text: string, sentence: TextRange, quote: QuotedPart, cueBefore: Cue | undefined): Claim[] {
  const end = contentEnd(text, sentence);
  const from = quote.closeMark + 1;
  const joint = AFTER_QUOTE.exec(text.slice(from, end));
  if (!joint) return [];
  const rest = from + joint[0].length;
  if (/^that(?![\p{L}])/iu.test(text.slice(rest, rest + 5)) && cueBefore) {
    return claimsFrom(text, rest + 4, end, quote.speaker, cueBefore, 'reported speech after a quote');
  }
  const cue = findCues(text, rest, end).filter(isContentCue)[0];
  if (!cue || cue.start !== rest) return [];
  const contentStart = complementStart(text, cue, end);
  return contentStart === undefined ? [] : claimsFrom(text, contentStart, end, quote.speaker, cue, 'reported speech after a quote');
}

/** How many words that say something a reported clause needs outside its quotes to be a claim as well. */
const MIN_WORDS_AROUND_A_QUOTE = 3;
/** Words that say nothing of their own around a partial quote: a subject, an auxiliary, a copula ("he had been “…”"). */
const BARE_WORDS = /^(?:the|a|an|it|its|he|she|they|we|i|you|him|them|me|us|this|that|these|those|there|his|her|their|our|is|are|was|were|be|been|being|am|has|have|had|will|would|can|could|should|may|might|must|do|does|did|not|to|of|as|so|and|or|but|also|still|just|now|then|only|all)$/iu;

/**
 * "Hale said the fee, which rose in May, was “a tax on boats”": a reported clause that says more than
 * the quoted words inside it is a claim too, marks included; "said it was “a tax”" is a quote only.
 */
export function claimsAroundQuotes(text: string, sentence: TextRange, allQuoted: readonly QuotedPart[], resolver: NameResolver): Claim[] {
  // A "sentence" of thousands of quotes with no full stop (a list, a run-on) is no reported clause.
  if (sentence.end - sentence.start > MAX_SENTENCE_LENGTH) return [];
  const out: Claim[] = [];
  for (const claim of sentenceClaims(text, sentence, resolver)) {
    const quotes = quotesNear(claim, allQuoted).filter((q) => q.openMark !== undefined && q.openMark >= claim.start && q.openMark < claim.end);
    if (quotes.length === 0) {
      // "Hale said the club would repaint the boathouse, but agreed the colours were “part of the town”": reported speech
      // before the sentence's first quote is a claim of its own; words after a quote and its attribution ("…,” she said,
      // referring to …") are not.
      if (claim.cue.end <= claim.start && !quotesNear(sentence, allQuoted).some((q) => (q.openMark ?? q.closeMark) < claim.end && q.closeMark >= sentence.start)) out.push(claim);
      continue;
    }
    // "…, a result Brook called “a puzzle”": a quote of someone else is no part of this speaker's claim.
    if (quotes.some((q) => q.speaker !== claim.speaker)) continue;
    // "wrote in a post: “…”": a quote introduced by a colon is quoted, not reported.
    if (quotes.some((q) => /:\s*$/u.test(text.slice(Math.max(claim.start, (q.openMark ?? 0) - 3), q.openMark)))) continue;
    const last = quotes[quotes.length - 1];
    // The closing mark of the last quote is part of the content; "…”, but try telling that to …": the narrator's clause after it is not.
    let end = Math.max(claim.end, Math.min(sentence.end, last.closeMark + 1));
    if (/^[,;]?\s*(?:[—–-]|(?:and|but|while|though|although)\s)/u.test(text.slice(last.closeMark + 1, last.closeMark + 12))) end = last.closeMark + 1;
    // The words outside the marks must say more than a subject, an auxiliary or a copula.
    let outside = '';
    // "The fee, he said, is “a tax on boats”": the words before an attribution set off inside the content are the subject
    // of the quoted clause; those after the cue are counted.
    let at = claim.start < claim.cue.start && claim.cue.end <= claim.end ? claim.cue.end : claim.start;
    for (const q of quotes) {
      outside += ' ' + text.slice(at, q.openMark);
      at = q.closeMark + 1;
    }
    // "said there had been “at least three” attempted break-ins": words that go on with the clause after the last quote count too.
    if (!/^[,;:.!?)\]—–-]/u.test(text.slice(at, at + 1)) && !/^\s*[—–-]/u.test(text.slice(at, at + 3))) outside += ' ' + text.slice(at, end);
    const words = outside.match(/[\p{L}\p{N}’'-]+/gu) ?? [];
    if (words.filter((w) => !BARE_WORDS.test(w)).length < MIN_WORDS_AROUND_A_QUOTE) continue;
    out.push({ ...claim, end, rule: 'reported speech around a quote' });
  }
  return out;
}

/** The quotes (in text order) whose marks may lie in `range`: a binary search, for a paragraph may hold thousands. */
export function quotesNear(range: TextRange, quoted: readonly QuotedPart[]): readonly QuotedPart[] {
  const lo = firstIndex(quoted.length, (k) => quoted[k].closeMark >= range.start);
  let hi = lo;
  while (hi < quoted.length && (quoted[hi].openMark ?? quoted[hi].closeMark) < range.end) hi++;
  return quoted.slice(lo, hi);
}
