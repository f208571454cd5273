import type { AnnotationKind } from '../annotationKind';
import type { SpeakerRegistry } from '../speakers/speakerRegistry';
import { boilerplateLines } from './boilerplate';
import { carriedSpeaker } from './carriedSpeaker';
import { organisationSubject } from './organisations';
import { withConfidence } from './confidence';
import { claimsAfterQuote, claimsAroundQuotes, quotesNear, sentenceClaims, withClosingMark, type Claim, type QuotedPart } from './claims';
import { firstIndex } from './firstIndex';
import { headlineClaims } from './headlineClaims';
import { headerParagraphs } from './headlines';
import { mainClauseStart } from './leadingClause';
import { speakerAfterDash, speakerBeforeColon, speakerOfLabelLine, TranscriptLabels } from './labelledQuotes';
import { NameResolver } from './nameResolution';
import { paragraphs, type TextRange } from './paragraphs';
import { OPENING_MARK, quoteCandidates, type QuoteCandidate } from './quotes';
import { looksLikeCitedWords, looksLikeMarkedWords, looksLikeSpeech, namesAWork, quotesWholeSentence } from './quoteShape';
import { findCues, lastCueIn } from './reportingCues';
import { sentences } from './sentences';
import { withRegisteredSpeakers } from './registryNames';
import { cuePronoun, quoteAttribution, sentenceStartBefore } from './speakers';
import { narratorHedge } from './speculation';
import type { Suggestion } from './suggestion';
import { DASHES, hasAtMostWords } from './words';

/** How far apart two partial quotes of one sentence may be ("had “…” and had to be “…”"). */
const MAX_WORDS_BETWEEN_PARTIAL_QUOTES = 8;
/** The rule of marked words too short for a quotation (looksLikeMarkedWords). */
const SHORT_MARKED_WORDS = 'short marked words';
/** A few marked words whose speaker no cue and no subject of their sentence gives: one guessed from the sentences before. */
const SHORT_MARKED_WORDS_GUESSED = 'short marked words, speaker guessed';
/** The rules that guess a speaker from the sentences before a quote, with no cue and no subject of its own sentence. */
const GUESSED_FROM_BEFORE = new Set(['speaker carried from before', 'speaker carried from a paragraph before', 'speaker named before the quote', 'continuation of the previous quote', 'person named since the last speaker', 'person named earlier in the paragraph']);
/** The rules of quotes signed by a name: after a dash ("“…” — Ana Ferro, 34"), or on a label line before ("2. Ana Ferro"). */
const SIGNED_AFTER_A_DASH = 'speaker after a dash';
const NAMED_ON_THE_LINE_BEFORE = 'speaker on the line before';
/** "“HALE: We row at noon.”": a transcript's label before the words. */
const LABELLED_IN_A_TRANSCRIPT = 'speaker labelled in a transcript';
/** "She turned to the crowd:" as a paragraph, then the quote. */
const INTRODUCED_BEFORE_A_COLON = 'speaker introduced before a colon';
/** After a closing mark, "and" or "or" and the next opening mark: "“a gift” and “a marvel,” Brook said". */
const JOINED_TO_THE_NEXT_QUOTE = new RegExp(String.raw`^,?\s+(?:and|or)\s+${OPENING_MARK}`, 'u');

export interface SuggestOptions {
  /** The annotators' speaker registry: suggested speakers are named as it names them. */
  readonly registry?: SpeakerRegistry;
}

/**
 * Suggested annotations for a document: direct quotes with their speakers, claims (reported
 * speech of a named person or source), the narrator's speculation, and boilerplate lines. Local and
 * synchronous: rules over remark's paragraphs, no model. `text` is the document without its BOM;
 * offsets are UTF-16 like `Annotation`'s, and `text.slice(start, end)` is each suggestion's text.
 * Sorted by start.
 */
export function suggestAnnotations(text: string, options: SuggestOptions = {}): Suggestion[] {
  const suggestions: Suggestion[] = [];
  const add = (kind: AnnotationKind, whole: TextRange, rule: string, cue?: string, speaker?: string) => {
    // A claim that opens a quote closes it too.
    const range = kind === 'claim' ? withClosingMark(text, whole) : whole;
    const suggestion: Suggestion = { kind, start: range.start, end: range.end, text: text.slice(range.start, range.end), rule, ...(cue ? { cue } : {}), ...(speaker ? { speaker } : {}) };
    suggestions.push(suggestion);
  };
  const blocks = paragraphs(text);
  const allCandidates = quoteCandidates(text, blocks);
  const resolver = new NameResolver(text, { paragraphs: blocks, spoken: allCandidates });
  const header = headerParagraphs(text, blocks);
  const transcriptLabels = new TranscriptLabels(text, resolver);
  const candidates = groupByParagraph(allCandidates.filter((c) => !header.has(c.paragraph)));
  let previousParagraphQuote: { speaker?: string } | undefined;
  let previousParagraph: TextRange | undefined;
  let pendingSpeaker: number | undefined;

  const allBoilerplate = boilerplateLines(text);
  for (const line of allBoilerplate) add('advertisement', line, line.rule, line.rule);
  // "Ada Brook: The Quay Must Stay Open": a headline's words given to a name with a colon.
  for (const claim of headlineClaims(text, blocks, resolver)) add('claim', claim, claim.rule, claim.cue.verb, claim.speaker);

  for (const paragraph of blocks) {
    const boilerplate = overlapping(paragraph, allBoilerplate);

    const paragraphCandidates = (candidates.get(paragraph) ?? []).filter((c) => !overlapsAny(c, boilerplate));
    const paragraphSentences = sentences(text, paragraph).filter((s) => !overlapsAny(s, boilerplate));
    // Reported speech first, so that a pronoun in a quote finds the person a claim before it named.
    const claimed = new Set<TextRange>();
    for (const sentence of paragraphSentences) {
      if (overlapsAny(sentence, paragraphCandidates)) continue;
      for (const claim of sentenceClaims(text, sentence, resolver)) {
        resolver.noteSpeaker(claim.speaker, claim.start, claim.end);
        add('claim', claim, claim.rule, claim.cue.verb, claim.speaker);
        claimed.add(sentence);
      }
    }

    const quotes: TextRange[] = [];
    const quoted: QuotedPart[] = [];
    let lastQuote: { speaker?: string } | undefined;
    let previousClose = paragraph.start;
    for (const candidate of paragraphCandidates) {
      const scare = isScareQuote(text, candidate) || namesAWork(text, candidate);
      const attribution = scare ? undefined : quoteAttribution(text, candidate, previousClose, resolver);
      const from = previousClose;
      const opensParagraph = candidate.openMark === undefined || candidate.openMark === paragraph.start;
      const continued = lastQuote ?? (opensParagraph ? previousParagraphQuote : undefined);
      const said = text.slice(candidate.start, candidate.end);
      const speech = looksLikeSpeech(said) && !scare;
      const cited = attribution !== undefined && looksLikeCitedWords(said);
      // Fewer words than a quotation: a partial one, maybe (its own rule, for its own confidence).
      const goesOn = continued !== undefined && !scare && quotesWholeSentence(text, candidate);
      const marked = !speech && !cited && !goesOn && !scare && candidate.rule !== 'missing opening mark' && looksLikeMarkedWords(text, candidate, attribution !== undefined);
      let speaker: string | undefined;
      let rule: string = candidate.rule;
      // Only speech is signed: marked titles and headings in lists ("Broad City", "OUTLIERS") are not.
      const label = scare ? undefined : transcriptLabels.of(candidate);
      const signed = speech && !label ? speakerAfterDash(text, candidate, resolver) : undefined;
      const labelled = speech && !attribution?.speaker ? speakerOfLabelLine(text, previousParagraph, candidate, resolver) : undefined;
      const introduced = (speech || goesOn) && !attribution?.speaker && !labelled ? speakerBeforeColon(text, previousParagraph, candidate, resolver) : undefined;
      if (label) {
        speaker = label.speaker;
        rule = LABELLED_IN_A_TRANSCRIPT;
      } else if (signed) {
        speaker = signed;
        rule = SIGNED_AFTER_A_DASH;
      } else if (labelled) {
        speaker = labelled;
        rule = NAMED_ON_THE_LINE_BEFORE;
      } else if (introduced) {
        speaker = introduced;
        rule = INTRODUCED_BEFORE_A_COLON;
      } else if (attribution && (attribution.speaker || speech || cited || marked)) {
        speaker = attribution.speaker;
      } else if (lastQuote && !scare && sameSentence(text, from, candidate)) {
        // "… had “grown in too many directions” and had to be “rebuilt around fewer, bigger bets”".
        speaker = lastQuote.speaker;
        rule = 'partial quote in the same sentence';
      } else if (candidate.rule === 'missing opening mark' || (!speech && !marked && !goesOn)) {
        // A term or a title: the next quote may still take the cue before it ("called the document,
        // which both sides refer to as the “framework”, “a floor, not a ceiling”").
        continue;
      } else {
        // "Holm attacked Reyes for being a “failed candidate”": a few marked words are the words of their sentence's subject.
        const open = candidate.openMark;
        const sentenceStart = open === undefined ? paragraph.start : sentenceStartBefore(text, open, paragraph.start);
        // "… by his daughter Ada Brook, who painted him as “the crew's anchor”": the person a relative clause follows.
        const antecedent = marked && open !== undefined ? relativeAntecedentBefore(text, sentenceStart, open, resolver) : undefined;
        // "The crews were polite, but his comments about “a much shorter season” upset …": whose words the sentence says they are.
        const possessed = open !== undefined ? POSSESSED_WORDS.exec(text.slice(Math.max(sentenceStart, open - 160), open)) : null;
        const ownerAt = possessed && open !== undefined ? open - possessed[0].length + possessed[0].indexOf(possessed[1]) : -1;
        const owner = !possessed
          ? undefined
          : /^(?:his|her)$/iu.test(possessed[1])
            ? resolver.possessivePronoun(possessed[1], ownerAt, candidate.start)
            : resolver.resolve(ownerAt, ownerAt + possessed[1].replace(/[’']s$/u, '').length, candidate.start, true);
        const subject = antecedent ?? owner ?? (marked && open !== undefined ? (resolver.firstPersonBetween(sentenceStart, open) ?? organisationSubject(text.slice(mainClauseStart(text, sentenceStart, open), open))) : undefined);
        // "The view from the treasurer Ben Ruiz and the captain Tom Hale: “…”": no cue, but the sentence leads to the quote
        // with a colon; its subject speaks (the first person it names, else an organisation).
        const colon = open !== undefined && sentenceStart >= from && /:\s*$/u.test(text.slice(Math.max(sentenceStart, open - 3), open)) ? text.lastIndexOf(':', open) : -1;
        // "The officials sit down, and then Hale turns to the rowers: “…”": the subject of the clause that leads to the colon, else the sentence's.
        const clause = colon > sentenceStart ? lastClauseStart(text, sentenceStart, colon) : -1;
        // "… the caucus - Tidewatch: “…”", "… – More from Hale: “…”": a name right before the colon, after a dash, labels the words.
        const label = colon > sentenceStart ? DASH_THEN_LABEL.exec(text.slice(Math.max(sentenceStart, colon - 80), colon)) : null;
        const labelled = label ? (resolver.resolve(colon - label[1].length, colon, candidate.start, true) ?? label[1]) : undefined;
        const introducedBy =
          colon > sentenceStart
            ? (labelled ?? (clause > sentenceStart ? resolver.firstPersonBetween(clause, colon) : undefined) ?? resolver.firstPersonBetween(sentenceStart, colon) ?? organisationSubject(text.slice(sentenceStart, colon)))
            : undefined;
        if (introducedBy) {
          speaker = introducedBy;
          rule = 'speaker named before the quote';
        } else if (subject) {
          speaker = subject;
        } else if (continued) {
          speaker = continued.speaker;
          rule = 'continuation of the previous quote';
        } else if (open !== undefined) {
          // "Khan was not persuaded. “…”": an uncued quote belongs to the person named just before it; in its own sentence, to
          // that sentence's subject ("Brook is praising Hale, who retired on Saturday, as “…”"), not to the last name in it.
          // "The Harbour Trust would not comment on “…”": else the organisation that opens its sentence.
          const ownSentence = sentenceStart >= from;
          // "Or perhaps Tom Hale, the rowing adviser Ivo Marsh says. “…”": the name right before a cue that ends the sentence before.
          const saidBefore = !ownSentence || sentenceStart === open ? NAME_THEN_CUE_AT_END.exec(text.slice(Math.max(from, open - 120), open)) : null;
          const saidBy = saidBefore ? resolver.resolve(open - saidBefore[0].length, open - saidBefore[0].length + saidBefore[1].length, candidate.start, true) : undefined;
          speaker = saidBy ?? (ownSentence ? resolver.firstPersonBetween(sentenceStart, open) : undefined) ?? resolver.nameBetween(from, open) ?? (ownSentence ? organisationSubject(text.slice(sentenceStart, open)) : undefined);
          if (speaker) rule = 'speaker named before the quote';
        }
      }
      if (!speaker && !scare && candidate.rule !== 'quote over several paragraphs') {
        const carried = carriedSpeaker(text, candidate, resolver, allBoilerplate, attribution && cuePronoun(text, attribution.cue));
        if (carried) ({ speaker, rule } = carried);
      }
      // A few marked words whose speaker is only a guess from the sentences before are right about three times in ten on
      // PolNeAR train, where a cue or their sentence's subject is right about seven times in ten: a rule of their own, for
      // their own confidence.
      if (marked && rule !== 'partial quote in the same sentence') rule = speaker && GUESSED_FROM_BEFORE.has(rule) ? SHORT_MARKED_WORDS_GUESSED : SHORT_MARKED_WORDS;
      if (speaker) resolver.noteSpeaker(speaker, candidate.start, candidate.end);
      if (pendingSpeaker !== undefined && speaker) suggestions[pendingSpeaker] = { ...suggestions[pendingSpeaker], speaker };
      pendingSpeaker = undefined;
      // The label is not the speaker's words.
      add('quote', label ? { start: candidate.start + label.length, end: candidate.end } : candidate, rule, label ? undefined : attribution?.cue.verb, speaker);
      // A quote over several paragraphs is attributed where it ends.
      if (candidate.rule === 'quote over several paragraphs' && !speaker) pendingSpeaker = suggestions.length - 1;
      // "The breakwater is “a gift” and “a marvel,” Brook said": marked words joined to the next take its speaker.
      if (!speaker && candidate.closeMark !== undefined && JOINED_TO_THE_NEXT_QUOTE.test(text.slice(candidate.closeMark + 1, candidate.closeMark + 9))) pendingSpeaker = suggestions.length - 1;
      quotes.push(candidate);
      if (speaker && candidate.closeMark !== undefined) quoted.push({ closeMark: candidate.closeMark, openMark: candidate.openMark, speaker });
      lastQuote = { speaker };
      previousClose = (candidate.closeMark ?? candidate.end) + 1;
    }
    previousParagraphQuote = lastQuote;
    previousParagraph = paragraph;

    for (const sentence of paragraphSentences) {
      if (claimed.has(sentence)) continue;
      const after = quotedClaims(text, sentence, quoted, resolver);
      for (const claim of after) add('claim', claim, claim.rule, claim.cue.verb, claim.speaker);
      if (after.length > 0) continue;
      if (overlapsAny(sentence, paragraphCandidates) && !overlapsAny(sentence, quotes)) {
        const claims = sentenceClaims(text, sentence, resolver);
        for (const claim of claims) add('claim', claim, claim.rule, claim.cue.verb, claim.speaker);
        if (claims.length > 0) continue;
      }
      if (overlapsAny(sentence, quotes)) {
        const claims = claimsAroundQuotes(text, sentence, quoted, resolver);
        for (const claim of claims) add('claim', claim, claim.rule, claim.cue.verb, claim.speaker);
        if (claims.length > 0) continue;
      }
      const hedge = narratorHedge(text, sentence, overlapping(sentence, quotes));
      if (hedge) add('speculation', sentence, 'hedge in the narrator’s voice', hedge);
    }
  }
  return withRegisteredSpeakers(suggestions.map(withConfidence), options.registry).sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The claims that follow a quote of `sentence` ("… “…” and said …"), for the first quote that has one. */
function quotedClaims(text: string, sentence: TextRange, allQuoted: readonly QuotedPart[], resolver: NameResolver): Claim[] {
  const quoted = quotesNear(sentence, allQuoted);
  const first = quoted.find((q) => q.openMark !== undefined && q.openMark > sentence.start && q.openMark < sentence.end);
  if (first?.openMark !== undefined) {
    // "… told the chamber that A, and accused the committee of “…”": A ends before the clause that leads to the quote.
    const before = sentenceClaims(text, { start: sentence.start, end: first.openMark }, resolver).filter((c) => /^,\s+(?:and|but)\s/u.test(text.slice(c.end, c.end + 6)));
    if (before.length > 0) return before;
  }
  for (const quote of quoted) {
    if (quote.closeMark < sentence.start || quote.closeMark >= sentence.end) continue;
    const cueBefore = lastCueIn(text, sentence.start, quote.openMark ?? sentence.start);
    const claims = claimsAfterQuote(text, sentence, quote, cueBefore);
    if (claims.length > 0) return claims;
  }
  return [];
}

function groupByParagraph(candidates: readonly QuoteCandidate[]): Map<TextRange, QuoteCandidate[]> {
  const groups = new Map<TextRange, QuoteCandidate[]>();
  for (const candidate of candidates) {
    const group = groups.get(candidate.paragraph);
    if (group) group.push(candidate);
    else groups.set(candidate.paragraph, [candidate]);
  }
  return groups;
}

function overlapsAny(range: TextRange, others: readonly TextRange[]): boolean {
  return overlapping(range, others).length > 0;
}

/** The ranges of `others` (sorted, not nested) that overlap `range`: a binary search, for long paragraphs. */
function overlapping(range: TextRange, others: readonly TextRange[]): readonly TextRange[] {
  const lo = firstIndex(others.length, (i) => others[i].end > range.start);
  let end = lo;
  while (end < others.length && others[end].start < range.end) end++;
  return others.slice(lo, end);
}

/** Marks after "so-called", "dubbed", "known as", "is called", "refer to as the" flag a term, not speech. */
function isScareQuote(text: string, quote: QuoteCandidate): boolean {
  if (quote.openMark === undefined) return false;
  return /(?:so-called|dubbed|termed|known as|(?:is|[’']s|was|are|were|be|been) called|refer(?:s|red)? to as|labelled|labeled|nicknamed|taken to calling)(?:\s+(?:the|a|an))?\s*$/iu.test(text.slice(Math.max(0, quote.openMark - 30), quote.openMark));
}

/** Whether only a few words of the same sentence lie between the last quote and this one. */
function sameSentence(text: string, previousClose: number, quote: QuoteCandidate): boolean {
  if (quote.openMark === undefined) return false;
  // Words first: the last quote may lie far back, past marked words that were not suggested.
  if (!hasAtMostWords(text, previousClose, quote.openMark, MAX_WORDS_BETWEEN_PARTIAL_QUOTES)) return false;
  // "Hale said: “We row at dawn.” Brook disagreed: “…”": the last quote's words ended a sentence, and a capital opens the next.
  if (/[.!?…]\s*$/u.test(text.slice(Math.max(0, previousClose - 4), previousClose - 1)) && /^\s*\p{Lu}/u.test(text.slice(previousClose, quote.openMark))) return false;
  // A cue between them is the end of the last quote's attribution ("…,” Lavrov said of the “…”).
  return !/[.!?…]/.test(text.slice(previousClose, quote.openMark)) && findCues(text, previousClose, quote.openMark).length === 0;
}

/** Where the last clause joined by ", and", ", but" or ";" (maybe with "then") starts in `text[from, to)`, else -1. */
function lastClauseStart(text: string, from: number, to: number): number {
  let start = -1;
  for (const joint of text.slice(from, to).matchAll(CLAUSE_JOINT)) start = from + joint.index + joint[0].length;
  return start;
}

const CLAUSE_JOINT = /(?:,\s+(?:and|but)|;)\s+(?:then\s+)?/gu;

/** A name and a reporting verb that end a sentence, right before a quote ("…, the rowing adviser Ivo Marsh says. “"). */
const NAME_THEN_CUE_AT_END = /((?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]*)\s+(?:says|said|writes|wrote|explains|explained|adds|added|notes|noted)[.:]\s*["“‘']?$/u;

/** A dash set off by spaces, maybe "More from", and a capitalized name (group 1) of up to four words, right before a colon. */
const DASH_THEN_LABEL = new RegExp(String.raw`\s[${DASHES}-]\s+(?:More\s+from\s+)?(\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,3})\s*$`, 'u');

/**
 * "his", "her" or a name's possessive (group 1) and a noun for words said ("his comments about", "her call for", "Mr. Hale's
 * patronizing remark at a dinner that"), then the rest of the clause up to the marks.
 */
const POSSESSED_WORDS = /(?<![\p{L}])([Hh]is|[Hh]er|(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?:\p{Lu}[\p{L}.-]*\s+){0,2}\p{Lu}[\p{L}-]*[’']s)\s+(?:[\p{Ll}-]+\s+)?(?:comments?|remarks?|words|statements?|warnings?|claims?|assertions?|descriptions?|vows?|promises?|pledges?|testimony|suggestions?|insistence|boasts?|complaints?|quips?|calls?|pleas?|slogans?|catchphrase)\s+(?:that|about|of|on|to|for|before|at|in|during|after)\s[^.!?;“”"]*$/u;

/** How far back (UTF-16 units) a relative clause may open before the marked words it holds. */
const RELATIVE_REACH = 300;

/**
 * The person named before the last ", who" of the sentence up to `open`, with no quotation mark between it and `open`
 * ("… his daughter Ada Hale, who painted him as a kind coach who would always be “…”").
 */
function relativeAntecedentBefore(text: string, sentenceStart: number, open: number, resolver: NameResolver): string | undefined {
  const from = Math.max(sentenceStart, open - RELATIVE_REACH);
  for (let at = text.lastIndexOf('who', open - 1); at >= from; at = text.lastIndexOf('who', at - 1)) {
    if (!/\s/u.test(text[at + 3] ?? '')) continue;
    const comma = /,\s*$/u.exec(text.slice(Math.max(from, at - 4), at));
    if (!comma) continue;
    if (/[“”"]/u.test(text.slice(at, open))) return undefined;
    return resolver.nameBeforeComma(at - comma[0].length + 1);
  }
  return undefined;
}
