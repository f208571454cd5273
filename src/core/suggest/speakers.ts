import { ABBREVIATION_AT_END, ABBREVIATION_STOPS } from './abbreviations';
import { isApposition, subjectOf } from './cueSubject';
import { firstMatch } from './firstMatch';
import { findCues, isPassive, isThoughtCue, type Cue } from './reportingCues';
import type { NameResolver } from './nameResolution';
import { organisationSubject } from './organisations';
import { OPENING_MARK, type QuoteCandidate } from './quotes';
import { describedSubject, PEOPLE_OF_A_NAMED_ACTING } from './sourceDescriptions';
import { MAX_SENTENCE_LENGTH } from './sentences';
import { subjectPronounBeforeCue } from './pronounResolution';
import { DASHES, lastWordOf, wordCount } from './words';

/** Who a quote is attributed to, and the cue that says so. */
export interface Attribution {
  readonly cue: Cue;
  readonly speaker?: string;
}

/** A negation right before a cue: "cannot say", "did not say", "never said", "won't call". */
const DENIED_BEFORE_CUE = /(?<![\p{L}])(?:cannot|can[’']t|could\s+not|couldn[’']t|did\s+not|didn[’']t|does\s+not|doesn[’']t|do\s+not|don[’']t|never|won[’']t|will\s+not|would\s+not|wouldn[’']t)\s+$/iu;

/** How many words may stand between a cue and the opening mark for the cue to be the quote's own ("said the plan was “…”"). */
const ADJACENT_CUE_WORDS = 3;

/** How many words may stand between a closing mark and its cue ("…,” Russia's foreign minister said). */
const MAX_WORDS_BEFORE_CUE = 8;

/**
 * The reporting cue of a quote and the speaker it names: first after the closing mark, up to the
 * end of that sentence ("…,” Lavrov said. / …,” stressed Rogozin. / …,” one source told X.), then
 * before the opening mark in the same sentence (Grushko announced that “…” / saying they “…”).
 */
export function quoteAttribution(text: string, quote: QuoteCandidate, previousClose: number, resolver: NameResolver): Attribution | undefined {
  const before = attributionBefore(text, quote, previousClose, resolver);
  // "X began saying “of course” Y has …, but questioned …": a cue right before the marks is theirs, not one further on.
  // Not a denied one: "Hale cannot say that “…,” Brook added" reports what Hale does not say.
  const denied = before !== undefined && DENIED_BEFORE_CUE.test(text.slice(Math.max(0, before.cue.start - 12), before.cue.start));
  if (before?.speaker && !denied && quote.openMark !== undefined && wordCount(text.slice(before.cue.end, quote.openMark)) <= ADJACENT_CUE_WORDS) return before;
  const after = quote.closeMark === undefined ? undefined : attributionAfter(text, quote, quote.closeMark + 1, resolver);
  if (denied && after?.speaker) return after;
  if (after && introducesNextQuote(text, quote, after.cue)) return before;
  // "The Gazette says that the fund went on “boats nobody ordered.” Kestrel Media says …": marks that end a
  // sentence whose own cue names the speaker; the next sentence's cue is its own.
  if (before?.speaker && after && endsSentence(text, quote)) return before;
  // "“…” Ada Brook said she did not believe him.": a cue in the next sentence that reports a clause of its own is that clause's.
  if (after && endsSentence(text, quote) && REPORTS_A_CLAUSE.test(text.slice(after.cue.end, after.cue.end + 80))) return before;
  // "Hale has called the fee “a tax on boats,” while Brook says it is “overdue”": a cue after the quote whose clause
  // opens another quote is that quote's.
  if (before?.speaker && after && OPENS_A_QUOTE_SOON.test(text.slice(after.cue.end, after.cue.end + 60))) return before;
  // "“… a cheat.” Still, he spared Ada Brook, describing her as …": a cue a few words into the next sentence is that sentence's.
  if (after && cueIsInTheNextSentence(text, quote, after.cue)) return before;
  // "Hale accuses Brook of a “whisper drive” while Brook says …": after a conjunction, a cue with a subject of its own opens another clause.
  if (before?.speaker && after && quote.closeMark !== undefined && NEW_CLAUSE_BEFORE_CUE.test(text.slice(quote.closeMark + 1, after.cue.start))) return before;
  if (after?.speaker) return after;
  // "Brook wants “a fair fee” and warned …": a verb after "and" shares the subject of the sentence the quote is in, as a
  // participle after a comma does ("The Kestrel Trust stayed silent on the “mooring row” for a week, insisting …"); an organisation is one too.
  if (after && !before?.speaker && quote.openMark !== undefined && (followsAndOrBut(text, after.cue.start, 0) || isParticipleAfterComma(text, after.cue))) {
    const start = sentenceStartBefore(text, quote.openMark, quote.paragraph.start);
    const subject = resolver.firstPersonBetween(start, quote.openMark) ?? organisationSubject(text.slice(start, quote.openMark));
    if (subject) return { cue: after.cue, speaker: subject };
  }
  // "…, saying they “…”, but lamented …": a cue after the quote with no one named belongs to the next clause.
  return before?.speaker ? before : (after ?? before);
}

/** The "he" or "she" a cue has for its subject ("she said", "he has also said", "said she"), in lower case, if any. */
export function cuePronoun(text: string, cue: Cue): string | undefined {
  const before = text.slice(Math.max(0, cue.start - 40), cue.start);
  const last = lastWordOf(before).word.toLowerCase();
  if (last === 'he' || last === 'she') return last;
  return subjectPronounBeforeCue(before, last)?.pronoun ?? PRONOUN_AFTER_CUE.exec(text.slice(cue.end, cue.end + 8))?.[1].toLowerCase();
}
/** "…,” said she.": a pronoun after the cue and nothing of its own clause after it (not "said she “played both sides”"). */
const PRONOUN_AFTER_CUE = /^\s+(he|she)(?=\s*(?:[.,;:!?”"’)]|$))/iu;

/** "“We row at noon.” Hale said.", "“Why?” Ana Ruiz, the cox, asked": how far into the next sentence a cue still attributes the quote before it. */
const MAX_WORDS_BEFORE_A_CUE_IN_THE_NEXT_SENTENCE = 3;

/**
 * Whether a cue after the quote belongs to the next sentence: the quote's words end with a full stop,
 * a capital follows the closing mark, and the cue is more than a few words into what follows.
 */
function cueIsInTheNextSentence(text: string, quote: QuoteCandidate, cue: Cue): boolean {
  if (quote.closeMark === undefined || !/[.]\s*$/u.test(text.slice(quote.end - 2, quote.end))) return false;
  if (!/^\s*\p{Lu}/u.test(text.slice(quote.closeMark + 1, quote.closeMark + 4))) return false;
  return wordCount(text.slice(quote.closeMark + 1, cue.start)) > MAX_WORDS_BEFORE_A_CUE_IN_THE_NEXT_SENTENCE;
}

/** Between a closing mark and a cue: a conjunction that opens a clause and the clause's own subject, a name or a pronoun. */
const NEW_CLAUSE_BEFORE_CUE = /^[^.!?;“”"]*?(?<![\p{L}])(?:while|whereas|and|but)\s+(?:(?:\p{Lu}[\p{L}.’'-]*\s+){1,3}|(?:he|she|they|we|I)\s+)(?:\p{Ll}+ly\s+|also\s+)?$/u;

/** After a cue, "that" or a subject pronoun and a verb: the clause it reports. */
const REPORTS_A_CLAUSE = /^\s+(?:that\s|(?:he|she|they|it|we|I)\s+(?:\p{Ll}+\s+)?(?:had|has|have|was|were|is|are|would|will|could|can|should|may|might|must|did|does|do|\p{Ll}+ed)\s)/u;

/** Whether the quote's words end its sentence and a capital opens the next one after the closing mark. */
function endsSentence(text: string, quote: QuoteCandidate): boolean {
  return quote.closeMark !== undefined && /[.!?]\s*$/u.test(text.slice(quote.end - 2, quote.end)) && /^\s*\p{Lu}/u.test(text.slice(quote.closeMark + 1, quote.closeMark + 4));
}

/** Whether "and" or "but" (and maybe an adverb) comes right before `at` (not before `from`): a verb there shares its sentence's subject. */
function followsAndOrBut(text: string, at: number, from: number): boolean {
  return AND_OR_BUT.test(text.slice(Math.max(from, at - 24), at));
}
/** "and", "but", maybe an adverb ("but now said", "and later wrote"), right before a verb. */
const AND_OR_BUT = /(?<![\p{L}])(?:and|but)\s+(?:(?:now|later|then|also|still|again|since|soon|finally|eventually|instead|even|\p{Ll}{3,}ly)\s+)?$/u;

/** ", telling …", ", saying …": a participle after a comma shares its sentence's subject. */
function isParticipleAfterComma(text: string, cue: Cue): boolean {
  return /ing$/u.test(text.slice(cue.start, cue.end).split(/\s/u)[0]) && /,[”"’]?\s*$/u.test(text.slice(Math.max(0, cue.start - 4), cue.start));
}

/** Within a few words of the same clause, an opening quotation mark. */
const OPENS_A_QUOTE_SOON = new RegExp(String.raw`^[^.!?;“”"]{0,40}${OPENING_MARK}`, 'u');

/**
 * "…told the Post (HT), “A.” He added, “B.”", "“A,” Brook said. “B.” Ruiz said: “C.”": a new sentence after the quote
 * whose cue opens the next quote is that quote's; the quote keeps the cue before it, or none (the previous quote's
 * speaker then carries on).
 */
function introducesNextQuote(text: string, quote: QuoteCandidate, cue: Cue): boolean {
  return endsSentence(text, quote) && NEXT_QUOTE_OPENS.test(text.slice(cue.end, Math.min(quote.paragraph.end, cue.end + 4)));
}

/** Right after a cue, a comma or a colon and an opening mark. */
const NEXT_QUOTE_OPENS = new RegExp(String.raw`^[,:]?\s*${OPENING_MARK}`, 'u');

function attributionAfter(text: string, quote: QuoteCandidate, from: number, resolver: NameResolver): Attribution | undefined {
  const to = clauseEnd(text, from, quote.paragraph.end);
  const cue = findCues(text, from, to).find((c) => !isThoughtCue(c));
  if (!cue) return undefined;
  // "…,” Hale said Monday, according to the Northport Sun": who reports the words is their source.
  const reporter = ACCORDING_TO.exec(text.slice(cue.end, to));
  if (reporter) {
    const at = to - reporter[1].length;
    const by = /^(?:[^,]*?\s(?:by|from|with|in)\s+)(?=(?:the\s+)?\p{Lu})/u.exec(reporter[1]);
    const source = resolver.resolve(at + (by?.[0].length ?? 0), to, quote.start, true);
    if (source) return { cue, speaker: source };
  }
  const before = text.slice(from, cue.start);
  // "“…” – as described by harbour master Tom Hale –": a passive cue's agent; not in the next sentence ("“….” It was first reported by …").
  // The agent ends at a dash set off by spaces, not at a hyphen inside a name ("Ana Ruiz-Hale").
  const agent = /^\s+by\s+/u.exec(text.slice(cue.end, to));
  if (agent && /ed$|en$/u.test(cue.verb) && wordCount(before) <= MAX_WORDS_BEFORE_CUE && !/[.!?]\s*$/u.test(text.slice(quote.start, from - 1))) {
    const start = cue.end + agent[0].length;
    const speaker = resolver.resolve(start, pastAbbreviations(text, start, to, NAME_AFTER_CUE_ENDS), quote.start, true);
    if (speaker) return { cue, speaker };
  }
  // "“…” When Ben Ruiz was asked, he shrugged.": a passive cue with no agent has the one spoken to as its subject, not the speaker
  // ("was reported as saying" aside).
  if (isPassive(text, cue) && !/^\s+as\s/u.test(text.slice(cue.end, cue.end + 5))) return undefined;
  // "…,” Sen. Rosa Vann (D-Ore.) said": a title's period, an acronym's ("A.F.L.-C.I.O.") and a party label do not end the clause.
  if (/[.!?;:]/.test(before.replace(/\([RDI]-[^()]{1,12}\)/gu, '').replace(ACRONYM_DOTS, '').replace(ABBREVIATION_STOPS, ''))) return undefined;
  // "…,” Vosk, 49, told The Post / …,” Dana Hale, an adviser to … and former director of …, wrote": a name, its apposition, the cue.
  const named = /^\s*((?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]*)(?:\.(?<=(?:Jr|Sr)\.))?\s*,/u.exec(before);
  // Not an adverb that opens the next sentence ("Specifically, he …").
  // Nor a name before a pronoun that is the cue's own subject ("North Eastby, he said, was …").
  if (named && !/^\s*\p{Lu}\p{Ll}+ly$/u.test(named[1]) && !/^\s*(?:he|she|they|we|I|it)\s*$/u.test(before.slice(named[0].length)) && isApposition(before.slice(named[0].length).replace(/^\s*\d{1,3}\s*,/u, '').replace(/[\s,]+$/u, '')) && wordCount(before) <= MAX_WORDS_OF_APPOSITION) {
    const speaker = resolver.resolve(from, from + named[0].length - 1, quote.start, true);
    if (speaker) return { cue, speaker };
  }
  // "…” for the party, said Kunin. / …,” in sharp contrast to …, says Dana Scala,": the rest of the quote's clause, then an inverted cue.
  const inverted = /,\s*$/u.test(before) ? invertedSpeaker(text, cue, to, quote, resolver) : undefined;
  if (inverted && wordCount(before) <= MAX_WORDS_BEFORE_INVERTED_CUE) return { cue, speaker: inverted };
  // "…,” Rep. Vann's chief of staff, Kit Daley, told the Post": a name set off by commas right before the cue.
  const apposed = /,\s*$/u.test(before) && wordCount(before) <= MAX_WORDS_BEFORE_INVERTED_CUE ? resolver.nameBeforeComma(cue.start) : undefined;
  if (apposed) return { cue, speaker: apposed };
  // "…,” a harbour official, who would give only her first name to the paper, told the Gazette": a description and a relative clause.
  const described = DESCRIPTION_THEN_RELATIVE.exec(before);
  if (described && wordCount(before) <= MAX_WORDS_OF_APPOSITION) {
    const at = from + described.index + described[0].indexOf(described[1]);
    const speaker = resolver.resolve(at, at + described[1].length, quote.start);
    if (speaker) return { cue, speaker };
  }
  // "…,” Ivo Marsh of the Eastby Institute for Boats and Harbours told members": a name and the organisation it is of, however long its name.
  const ofOrganisation = NAME_OF_ORGANISATION.exec(before);
  if (ofOrganisation) {
    const at = from + ofOrganisation.index + ofOrganisation[0].indexOf(ofOrganisation[1]);
    const speaker = resolver.resolve(at, at + ofOrganisation[1].length, quote.start, true);
    if (speaker) return { cue, speaker };
  }
  if (wordCount(before) > MAX_WORDS_BEFORE_CUE) return undefined;
  // "…,” much as Crane did in 2019, Rendle added": after an aside set off by a comma, the cue's own subject speaks.
  if (/,\s*\S[^,]*$/u.test(before)) {
    const subject = subjectOf(text, from, cue, resolver);
    if (subject) return { cue, speaker: subject };
  }
  // "“…”), backed Tom Hale for the chair, urging …": a participle after a comma shares its sentence's subject, not the name before it.
  if (wordCount(before) > 0 && isParticipleAfterComma(text, cue)) return { cue };
  if (wordCount(before) > 0) return { cue, speaker: resolver.resolve(from, cue.start, quote.start, true) };
  // Inverted order: "…,” stressed Rogozin.
  return { cue, speaker: invertedSpeaker(text, cue, to, quote, resolver) };
}

/** Between a closing mark and its cue: a description of a person (group 1), then a relative clause set off by commas. */
const DESCRIPTION_THEN_RELATIVE = /^\s*((?:an?|the|one|another)\s+(?:[\p{Ll}-]+\s+){0,4}[\p{Ll}-]+)\s*,\s*(?:who|whose)\s[^.!?;:“”"]*,\s*$/u;

/** Between a closing mark and its cue: a name (group 1) and "of" an organisation whose name may have "for", "of", "and" in it. */
const NAME_OF_ORGANISATION = /^\s*((?:\p{Lu}[\p{L}.’'-]*\s+){1,3}\p{Lu}[\p{L}’'-]*)\s+of\s+(?:the\s+)?\p{Lu}[\p{L}’'&.-]*(?:\s+(?:(?:for|of|and|on|&)\s+(?:the\s+)?)?\p{Lu}[\p{L}’'&.-]*){0,7}\s*$/u;

/** "according to <source>" at the end of a cue's clause. */
const ACCORDING_TO = /,?\s+according\s+to\s+([^,;]+?)\s*$/u;

/** Periods inside an acronym ("U.S.", "A.F.L.-C.I.O."), which end no sentence. */
const ACRONYM_DOTS = /(?<![\p{L}])(?:\p{Lu}\.-?){2,}/gu;

/** How many words a name and its apposition may take between a closing mark and the cue ("…,” Holm, the …, said). */
const MAX_WORDS_OF_APPOSITION = 40;

/** How many words may stand between a closing mark and an inverted cue after a comma. */
const MAX_WORDS_BEFORE_INVERTED_CUE = 20;

/**
 * After a cue: a description (an article, a possessive, a name's possessive), a comma, and the name it stands for, maybe
 * after a role in lower case ("said the evening's host, the rower Nerys Quill").
 */
const DESCRIPTION_THEN_NAME = /^\s+(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|\p{Lu}[\p{L}’'-]*[’']s)\s[^,.;:!?“”"()]{0,80},\s*(?:(?:the|a|an)\s+)?(?:\p{Ll}[\p{Ll}-]*\s+){0,3}((?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]*)(\s*(?:[,.;]|$)|\s+of\s)/u;

/**
 * Where a name after a cue ends ("said Tom Hale, …", "described by Tom Hale – …", "said Hale in a
 * statement"): punctuation, a dash set off by spaces (not a hyphen inside a name), or a word that
 * starts what the cue goes on to say.
 */
const NAME_AFTER_CUE_ENDS = new RegExp(String.raw`[,.;:!?()${DASHES}]|\s-\s|\s(?:to|in|at|on|during|after|before|from|as|when|while|because|who|whose)\s`, 'g');

/** The speaker named right after a cue ("said Rep. Xavier Becerra, a California Democrat"). */
function invertedSpeaker(text: string, cue: Cue, to: number, quote: QuoteCandidate, resolver: NameResolver): string | undefined {
  // "…,” X said of Cruz": whom the words are about, not who said them; "…,” blaming X": a participle's object.
  // "…,” X told the Post": whom they were told is no speaker.
  if (/^\s+(?:of|about|to|at|on|in|for|with)\s/u.test(text.slice(cue.end, cue.end + 8)) || /ing$/u.test(cue.lemma) || /^(?:told|tells)$/u.test(cue.lemma)) return undefined;
  const nameEnd = pastAbbreviations(text, cue.end, to, NAME_AFTER_CUE_ENDS);
  const speaker = resolver.resolve(cue.end, nameEnd, quote.start, true);
  // "wrote the ambassador at the time, John E. Herbst.", "said another user, Ana Ruiz", "said Ruiz's deputy, Ed Holm, who …":
  // a description, then the name it stands for.
  const apposed = DESCRIPTION_THEN_NAME.exec(text.slice(cue.end, to + 1));
  if (apposed) {
    const at = cue.end + apposed[0].length - apposed[1].length - apposed[2].length;
    return resolver.resolve(at, at + apposed[1].length, quote.start, true) ?? speaker;
  }
  return speaker;
}

function attributionBefore(text: string, quote: QuoteCandidate, previousClose: number, resolver: NameResolver): Attribution | undefined {
  if (quote.openMark === undefined) return undefined;
  const sentenceStart = sentenceStartBefore(text, quote.openMark, quote.paragraph.start);
  const from = Math.max(quote.paragraph.start, previousClose, sentenceStart);
  // "Brook was, in the words of one club member, “…”": whoever the phrase names is the source, as after "according to".
  const inTheWordsOf = IN_THE_WORDS_OF.exec(text.slice(Math.max(from, quote.openMark - 120), quote.openMark));
  if (inTheWordsOf) {
    const at = quote.openMark - inTheWordsOf[0].length;
    const end = at + inTheWordsOf[0].indexOf(inTheWordsOf[1]) + inTheWordsOf[1].length;
    const cue = { start: at, end: at + inTheWordsOf[0].indexOf(inTheWordsOf[1]), verbStart: at, verb: 'in the words of', lemma: 'in the words of' };
    const speaker = resolver.accordingTo(cue.end, end, quote.start) ?? describedSubject(text.slice(cue.end, end));
    if (speaker) return { cue, speaker };
  }
  const cues = findCues(text, from, quote.openMark).filter((c) => !isThoughtCue(c) && !isPassive(text, c));
  const cue = cues[cues.length - 1];
  if (!cue) return undefined;
  if (cue.lemma === 'according to') return { cue, speaker: resolver.accordingTo(cue.end, quote.openMark, quote.start) };
  // The cue's own subject, not the sentence's first name ("…, a result Adeyemi described as “…”").
  // Not loose: a lone capitalized word at the start of a sentence ("Readers recalled …") is rarely a name.
  // Else the sentence's subject, for a verb that shares it ("… that A, and accused the committee of “…”").
  // "Holm, the governor, repeated that Reyes …, calling him a “…”": a participle after a comma shares the sentence's subject;
  // "Holm said the move was Reyes's and said, “…”", "Holm listened to Reyes but described it as “…”": a verb after "and" or "but" shares it too.
  // "… on the Gazette’s “Letters,” calling it …": the comma may stand inside a closing mark.
  // "…, with Ruiz saying “…”", "with one of its posters asking, “…”": the participle's own subject follows "with".
  const withSubject = /ing$/u.test(cue.lemma) ? WITH_SUBJECT.exec(text.slice(Math.max(from, cue.start - 80), cue.start)) : null;
  if (withSubject) {
    const at = cue.start - withSubject[0].length + withSubject[0].indexOf(withSubject[1]);
    const speaker = resolver.resolve(at, at + withSubject[1].length, quote.start, true);
    if (speaker) return { cue, speaker };
  }
  if (participleSharesSubject(text, cue, from, sentenceStart) || followsAndOrBut(text, cue.start, from)) {
    // "The fair moves in June, after complaints from Hale, Brook said, adding, “…”": right after another cue, the participle is
    // that cue's speaker's.
    const earlier = cues[cues.length - 2];
    if (earlier && wordCount(text.slice(earlier.end, cue.start)) === 0) {
      const own = subjectOf(text, from, earlier, resolver) ?? invertedSpeaker(text, earlier, cue.start, quote, resolver);
      if (own) return { cue, speaker: own };
    }
    // "Hale’s team dismissed the figures, writing …": the people of a named person, when they are the sentence's subject.
    const subject = (PEOPLE_OF_A_NAMED_ACTING.test(text.slice(from, cue.start)) ? resolver.resolve(from, cue.start, quote.start) : undefined) ?? resolver.firstPersonBetween(from, cue.start);
    if (subject) return { cue, speaker: subject };
  }
  // "As Tidewatch reported, “…”": the one named after "as" right before the cue is the source, a lone name too.
  const named = AS_NAMED_REPORTED.exec(text.slice(from, cue.start));
  if (named) {
    const at = from + named.index + named[0].length - named[1].length - named[2].length;
    const speaker = resolver.resolve(at, at + named[1].length, quote.start, true);
    if (speaker) return { cue, speaker };
  }
  // Inverted, before the quote: "…, explained moderator Ana Ruiz: “…”".
  // "Leaders of the club have said they want “…”": else the source the subject describes, in the text's words.
  return {
    cue,
    speaker:
      subjectOf(text, from, cue, resolver) ??
      resolver.resolve(from, cue.start, quote.start) ??
      invertedBefore(text, cue, quote.openMark, quote, resolver) ??
      invertedAside(text, cue, quote, resolver) ??
      describedSubject(text.slice(from, cue.start)),
  };
}

/** "in the words of" and who (group 1), then a comma or a colon, right before an opening mark. */
const IN_THE_WORDS_OF = /[Ii]n\s+the\s+words\s+of\s+([^,;:.!?“”"()]{1,80}?)\s*[,:]\s*$/u;

/** ", says Ivo Marsh, a boatbuilder on …, is that": an inverted cue set off by commas inside the sentence, and its name. */
const INVERTED_ASIDE = /^\s+((?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]*)\s*,/u;

/** The name of an inverted cue set off by commas before the quote ("The trouble, says Ivo Marsh, is that “…”"). */
function invertedAside(text: string, cue: Cue, quote: QuoteCandidate, resolver: NameResolver): string | undefined {
  if (!/,\s*$/u.test(text.slice(Math.max(0, cue.start - 3), cue.start))) return undefined;
  const named = INVERTED_ASIDE.exec(text.slice(cue.end, quote.openMark));
  if (!named) return undefined;
  const at = cue.end + named[0].indexOf(named[1]);
  return resolver.resolve(at, at + named[1].length, quote.start, true);
}

/**
 * Whether a participle cue shares its sentence's subject: right after a comma ("…, calling it …"); or
 * after a comma and an adverb (", later writing to …") or after "after", "while", "before", "by" or
 * "when" ("won the vote against Tom Hale by arguing …"), when no quote stands before it in the
 * sentence (a quote there has its own speaker, and the names after it are no subject).
 */
function participleSharesSubject(text: string, cue: Cue, from: number, sentenceStart: number): boolean {
  // "Brook sized up Marsh early, having described him as a “…”": a perfect participle after a comma shares it too.
  if (/,[”"’]?\s*having\s+$/u.test(text.slice(Math.max(from, cue.start - 12), cue.start))) return true;
  if (!/ing$/u.test(cue.lemma)) return false;
  if (/,[”"’]?\s*$/u.test(text.slice(Math.max(from, cue.start - 4), cue.start))) return true;
  return PARTICIPLE_LEAD.test(text.slice(Math.max(from, cue.start - 30), cue.start)) && !/[”"]/u.test(text.slice(sentenceStart, cue.start));
}

/** Before a participle cue: a comma and an adverb, or a conjunction of time or means (see participleSharesSubject). */
const PARTICIPLE_LEAD = /(?:,[”"’]?\s*(?:recently|later|also|again|then|often|repeatedly|even|privately|publicly|once)|(?<![\p{L}])(?:after|while|before|by|when))\s+$/iu;

/** "with" opening a phrase, then its subject (group 1), right before a participle cue. */
const WITH_SUBJECT = /(?:^|[,;(—–-]\s*|\s)with\s+([^,;:()“”"]{1,60}?)\s+$/u;

/** "As Tidewatch reported, ": "as" opening a clause, then a name (maybe after "the"), right before the cue. */
const AS_NAMED_REPORTED = /(?:^|[,;]\s*|\s)[Aa]s\s+(?:[Tt]he\s+)?(\p{Lu}[\p{L}.&’'-]*(?:\s+\p{Lu}[\p{L}.&’'-]*){0,3})(\s+)$/u;

/** The speaker named between a cue and the opening mark after it, when only a name and a colon or comma stand there. */
function invertedBefore(text: string, cue: Cue, openMark: number, quote: QuoteCandidate, resolver: NameResolver): string | undefined {
  const between = text.slice(cue.end, openMark);
  if (!/^\s+\S[^.!?;]*[:,]\s*$/u.test(between) || wordCount(between) > MAX_WORDS_BEFORE_CUE) return undefined;
  return resolver.resolve(cue.end, cue.end + between.search(/[:,]\s*$/u), quote.start, true);
}

/** Where the clause after a closing mark ends: a sentence end, an opening mark, or the paragraph end (no further than MAX_SENTENCE_LENGTH). */
function clauseEnd(text: string, from: number, limit: number): number {
  return pastAbbreviations(text, from, Math.min(limit, from + MAX_SENTENCE_LENGTH), /[.!?…](?=\s|$)|[“„«]/g);
}

/** `firstMatch`, but a period after an abbreviation ("Rep.", "M.") is not where `pattern` matches. */
function pastAbbreviations(text: string, from: number, limit: number, pattern: RegExp): number {
  let end = firstMatch(text, from, limit, pattern);
  while (end < limit && text[end] === '.' && ABBREVIATION_AT_END.test(text.slice(Math.max(from, end - 6), end))) end = firstMatch(text, end + 1, limit, pattern);
  return end;
}


/** What ends a sentence, or closes a quote after its end. */
const SENTENCE_END_OR_CLOSE = new Set(['.', '!', '?', '…', '"', '”', '’']);

/** The start of the sentence that `at` is in, looking back no further than `limit` (nor than MAX_SENTENCE_LENGTH). */
export function sentenceStartBefore(text: string, at: number, limit: number): number {
  limit = Math.max(limit, at - MAX_SENTENCE_LENGTH);
  for (let i = at - 1; i > limit; i--) {
    // Most characters are neither a space nor after a sentence's end: two cheap tests before the patterns.
    const code = text.charCodeAt(i);
    if ((code > 32 && code < 0x85) || !SENTENCE_END_OR_CLOSE.has(text[i - 1])) continue;
    if (!/\s/.test(text[i]) || !/[.!?…]["”’]?$/.test(text.slice(Math.max(limit, i - 2), i))) continue;
    // "George W. Bush", "Sen. Rosa Vann": an initial's or a title's period does not end the sentence.
    if (text[i - 1] === '.' && ABBREVIATION_AT_END.test(text.slice(Math.max(limit, i - 7), i - 1))) continue;
    return i + 1;
  }
  return limit;
}
