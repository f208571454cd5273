import type { EvaluatedSpan } from '../evaluateSuggestions';
import type { TextRange } from '../paragraphs';
import { lines, trimRange } from '../paragraphs';
import { isOrganisation, nameRuns } from '../nameRuns';
import { firstNameGender, honorificGender, pronounGender } from '../personGender';
import { sentences } from '../sentences';
import { escapeRegExp } from '../../text/regExp';
import { parseBratStandoff, type BratEvent } from './bratStandoff';
import { corefName, type CorefDocument } from './corenlpCoref';
import { findCues } from '../reportingCues';
import { quotedRegions } from './quotedRegions';
import { isPersonShaped, pronounFits } from './sourceAgreement';
import { goldSpeakerName, isPronounSource, isRelativeSource } from './sourceNames';
import { isTitle } from './sourcePhrase';

/** A content needs this many words outside quotation marks to be a claim (reported, not quoted). */
const MIN_CLAIM_WORDS = 4;

/** Gold quotes and claims of one PolNeAR article, in the project's kinds. */
export interface PolnearGold {
  readonly quotes: GoldQuote[];
  readonly claims: EvaluatedSpan[];
}

export interface GoldQuote extends EvaluatedSpan {
  /**
   * Marked words of a Content PolNeAR gives no Source: mostly titles of works, nicknames, slogans
   * and terms ("Saturday Night Live", a campaign's slogan), which our conventions do not count as
   * quotes; the evaluation leaves them unjudged (see eval-polnear.mjs).
   */
  readonly sourceless?: true;
  /** The source is a pronoun ("she said"): the speaker is the gold's own resolution (resolveSpeakers), not the annotators'. */
  readonly pronounSource?: true;
  /** For a pronoun source, the name CoreNLP's coreference chains give it, when they give one (corenlpCoref.ts). */
  readonly corefSpeaker?: string;
}

interface Attribution {
  readonly content: readonly TextRange[];
  readonly source?: TextRange;
  /** The name the source resolves to, if any (pronouns through the sources before them). */
  speaker?: string;
  /** Whether the source is a pronoun. */
  pronoun?: boolean;
  /** For a pronoun, the name CoreNLP's coreference gives it. */
  corefSpeaker?: string;
}

/**
 * Maps one PolNeAR annotation (brat standoff of Attribution events: Source, Cue, Content) to our
 * kinds. Quote: every stretch of a Content inside double quotation marks, marks excluded, one span
 * per paragraph; nested attributions give a quote the speaker of the smallest Content around it.
 * Claim: a Content with a Source and at least MIN_CLAIM_WORDS words outside quotation marks, one
 * span per Content fragment. Speaker: the Source, resolved to the fullest name the article uses
 * (see sourceNames.ts); a relative source takes the name before it, a "he" or "she" the nearest person before it who
 * agrees with it (a named source or a person the narration is about: resolveSpeakers); "it" and "they" are left
 * unknown; left empty (and out of the speaker figure) when nothing does.
 */
export function polnearGold(text: string, ann: string, file?: string, coref?: CorefDocument): PolnearGold {
  const document = parseBratStandoff(ann, text, file);
  const attributions = document.events.filter((e) => e.type === 'Attribution' || e.type === 'Attribution-no-source').map(toAttribution).filter((a): a is Attribution => a !== undefined);
  resolveSpeakers(text, attributions, coref);
  const regions = quotedRegions(text);
  const quotes = new Map<string, GoldQuote & { size: number }>();
  const claims: EvaluatedSpan[] = [];
  for (const attribution of attributions) {
    const size = attribution.content.reduce((n, f) => n + f.end - f.start, 0);
    let outside = 0;
    for (const fragment of attribution.content) {
      let at = fragment.start;
      for (const region of regions) {
        if (region.end <= fragment.start || region.start >= fragment.end) continue;
        const part = trimRange(text, Math.max(region.start, fragment.start), Math.min(region.end, fragment.end));
        outside += words(text.slice(at, Math.max(at, region.start - 1)));
        at = Math.max(at, region.end + 1);
        if (!part || words(text.slice(part.start, part.end)) === 0) continue;
        const key = `${part.start}-${part.end}`;
        const known = quotes.get(key);
        if (!known || known.size > size) quotes.set(key, { kind: 'quote', ...part, ...(attribution.speaker ? { speaker: attribution.speaker } : {}), ...(attribution.source ? {} : { sourceless: true }), ...(attribution.pronoun ? { pronounSource: true } : {}), ...(attribution.corefSpeaker ? { corefSpeaker: attribution.corefSpeaker } : {}), size });
      }
      outside += words(text.slice(at, Math.max(at, fragment.end)));
    }
    if (attribution.source && outside >= MIN_CLAIM_WORDS) {
      for (const fragment of attribution.content) claims.push({ kind: 'claim', ...fragment, ...(attribution.speaker ? { speaker: attribution.speaker } : {}) });
    }
  }
  const quoteList = [...quotes.values()].map(({ size: _size, ...span }) => span);
  return { quotes: withoutNested(quoteList), claims: claims.sort((a, b) => a.start - b.start) };
}

function toAttribution(event: BratEvent): Attribution | undefined {
  const content = event.roles.get('Content');
  if (!content) return undefined;
  const source = event.roles.get('Source');
  return { content: content.fragments, ...(source ? { source: { start: source.fragments[0].start, end: source.fragments[source.fragments.length - 1].end } } : {}) };
}

/**
 * Sources in text order; "who" takes the name right before it; "he" and "she" the nearest person before them who agrees
 * with them (sourceAgreement.ts), among the named sources and the people the narration is about (narratedSubjects),
 * the nearest sentence first and in it its subject, the people it introduces, then its sources; else none. "It" and
 * "they" are left unknown (NEUTER_OR_PLURAL).
 */
function resolveSpeakers(text: string, attributions: Attribution[], coref?: CorefDocument): void {
  const withSource = attributions.filter((a) => a.source).sort((a, b) => a.source!.start - b.source!.start);
  const named: string[] = [];
  const regions = quotedRegions(text);
  const starts = sentenceStarts(text);
  const sentenceOf = (at: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // Rank in a sentence: its subject 0, the people it introduces 1, the sources it names 2.
  const subjects = narratedSubjects(text, regions).map((m) => ({ at: m.at, name: m.name, sentence: sentenceOf(m.at), rank: m.introduced ? 1 : 0 }));
  const namedAt: { at: number; name: string; sentence: number; rank: number }[] = [];
  const insideQuotes: { attribution: Attribution; lastNamed?: string }[] = [];
  for (const attribution of withSource) {
    const raw = text.slice(attribution.source!.start, attribution.source!.end);
    if (FIRST_PERSON.has(raw.trim().toLowerCase())) {
      // "I said" in the narrator's words is the article's author, whom the text does not name; "I" inside a quote is its speaker.
      attribution.pronoun = true;
      if (regions.some((r) => r.start <= attribution.source!.start && attribution.source!.end <= r.end)) insideQuotes.push({ attribution, lastNamed: named[named.length - 1] });
      continue;
    }
    if (namesNoOne(text, attribution.source!)) continue;
    if (isRelativeSource(raw)) attribution.speaker = goldSpeakerName(text, nameBefore(text, attribution.source!.start), attribution.source!.start) ?? named[named.length - 1];
    else if (isPronounSource(raw)) {
      const at = attribution.source!.start;
      // The nearest sentence first, and in it the person it is about before the other sources it names.
      const candidates = [...namedAt, ...subjects.filter((m) => m.at < at)].sort((a, b) => b.sentence - a.sentence || a.rank - b.rank || (a.rank === 1 ? a.at - b.at : b.at - a.at));
      if (!NEUTER_OR_PLURAL.has(raw.trim().toLowerCase())) attribution.speaker = candidates.find((c) => pronounFits(text, raw, c.name) && !firstNameDisagrees(raw, c.name))?.name;
      attribution.pronoun = true;
      const chained = coref && corefName(coref, text, attribution.source!.start, attribution.source!.end);
      const corefSpeaker = chained ? goldSpeakerName(text, chained, attribution.source!.start) : undefined;
      if (corefSpeaker) attribution.corefSpeaker = corefSpeaker;
    }
    else {
      attribution.speaker = goldSpeakerName(text, beforeItsOwnWords(raw), attribution.source!.start);
      // A name or an organisation (a capital last word), not a description ("a State Department official").
      if (attribution.speaker && /(?:^|\s)\p{Lu}\S*$/u.test(attribution.speaker)) {
        named.push(attribution.speaker);
        namedAt.push({ at: attribution.source!.start, name: attribution.speaker, sentence: sentenceOf(attribution.source!.start), rank: 2 });
      }
    }
  }
  // Outer quotes first, so a quoted "I said" inside another's quote takes the resolved speaker of the one around it.
  insideQuotes.sort((a, b) => contentSize(b.attribution) - contentSize(a.attribution));
  for (const { attribution, lastNamed } of insideQuotes) {
    const at = attribution.source!.start;
    const around = withSource.filter((a) => a !== attribution && a.content.some((f) => f.start <= at && at < f.end));
    const innermost = around.sort((a, b) => contentSize(a) - contentSize(b))[0];
    const speaker = innermost ? innermost.speaker : lastNamed;
    if (speaker) attribution.speaker = speaker;
  }
}

/**
 * A Source span that cannot name anyone, an annotator's slip: a reporting cue ("said", "said in a
 * statement", "asked"), or a piece of a word ("whic", the "o" of a longer word). The gold does not
 * know the speaker, so the quote is not judged for it, instead of being wrong for everyone.
 */
function namesNoOne(text: string, source: TextRange): boolean {
  const span = trimRange(text, source.start, source.end);
  if (!span) return true;
  const raw = text.slice(span.start, span.end);
  if (!/\s/u.test(raw) && (/\p{L}/u.test(text[span.start - 1] ?? '') || /\p{L}/u.test(text[span.end] ?? ''))) return true;
  const first = findCues(raw, 0, raw.length)[0];
  return first !== undefined && raw.slice(0, first.start).trim() === '';
}

/**
 * A Source span that runs on into the words it attributes, an annotator's slip ("Hale said. “We row
 * at noon.”"): the part before its cue, when a sentence end or a quotation mark follows the cue.
 */
function beforeItsOwnWords(raw: string): string {
  const cue = findCues(raw, 0, raw.length).find((c) => c.start > 0);
  return cue && /[.!?“”"]/u.test(raw.slice(cue.end)) ? raw.slice(0, cue.start).trim() : raw;
}

/** "she" for a name whose first name is a man's, "he" for a woman's: whatever the rest of the article suggests. */
function firstNameDisagrees(pronoun: string, name: string): boolean {
  const said = pronounGender(pronoun.trim().toLowerCase());
  const known = firstNameGender(name.split(' ')[0]);
  return said !== undefined && known !== undefined && said !== known;
}

/**
 * "it" and "they" stand for a document, a sign, a crowd or two people far more often than for one organisation named
 * before them ("the lawsuit says", "they chanted", "they write"): the gold leaves their speaker unknown.
 */
const NEUTER_OR_PLURAL = new Set(['it', 'its', 'they', 'their', 'them']);

/** First-person sources: the narrator's own outside quotation marks, the quoted speaker's inside them. */
const FIRST_PERSON = new Set(['i', 'me', 'we', 'us']);

function contentSize(attribution: Attribution): number {
  return attribution.content.reduce((n, f) => n + f.end - f.start, 0);
}

/**
 * Per sentence outside quotation marks, the people it is about, for a pronoun source later on: its subject when a name
 * is (the first name run followed by a verb, after an apposition, a parenthesis, "of <Place>" or an adverb maybe; not in a leading
 * "When …," clause, not before a "he" or "she", not possessive, not after an article), then the people it introduces
 * with an apposition ("The crews met Ada Brook, a rigger from Eastby, at the gate"). Only names the text shows as a person's
 * (knownAsPerson). A sentence whose subject is a pronoun goes on about someone named before it.
 */
export function narratedSubjects(text: string, regions: readonly TextRange[]): { at: number; name: string; introduced: boolean }[] {
  const found: { at: number; name: string; introduced: boolean }[] = [];
  const inside = (at: number) => regions.some((r) => r.start <= at && at < r.end);
  for (const paragraph of lines(text, 0, text.length)) {
    for (const sentence of sentences(text, paragraph)) {
      const words = text.slice(sentence.start, sentence.end);
      const pronoun = [...words.matchAll(/(?<![\p{L}])(?:he|she)(?![\p{L}’'])/giu)].map((m) => sentence.start + m.index).find((at) => !inside(at)) ?? sentence.end;
      const leading = SUBORDINATE_OPENER.exec(words);
      const clauseEnd = leading ? sentence.start + (words.indexOf(',', leading[0].length) + 1 || words.length) : sentence.start;
      let subject = false;
      for (const run of nameRuns(text, sentence.start, sentence.end)) {
        if (inside(run.start) || run.possessive || run.afterThe || run.start < clauseEnd || isOrganisation(run.tokens) || /(?<![\p{L}])(?:a|an)\s+$/iu.test(text.slice(Math.max(0, run.start - 4), run.start))) continue;
        const after = text.slice(run.end, run.end + 220);
        const introduced = introducesAPerson(after);
        const isSubject: boolean = !subject && run.start < pronoun && SUBJECT_VERB.test(after);
        if (!isSubject && !introduced) continue;
        // The sentence's subject is this name's, a person's or not: no later name in it is.
        subject ||= isSubject;
        const name = goldSpeakerName(text, run.tokens.join(' '), run.start);
        if (!name || !isPersonShaped(name) || !(introduced || knownAsPerson(text, name))) continue;
        found.push({ at: run.start, name, introduced: !isSubject });
      }
    }
  }
  return found;
}

/** A sentence opening with a subordinate clause ("When Ada Brook spoke, …"): the subject comes after its comma. */
const SUBORDINATE_OPENER = /^(?:(?:but|and|yet|so)\s+)?(?:when|while|after|before|as|if|although|though|because|since|until|once|unless|whereas)(?![\p{L}])/iu;

/** Head nouns of an apposition that describe a body, a place or a thing, not a person ("Northgate, a city in …"). */
const NOT_A_PERSON = new Set('company firm group organization organisation agency party network newspaper paper station website site institute university college school committee union association coalition council foundation movement campaign state city country town nation county region village district province book film movie show program programme bill law report study poll survey magazine tabloid channel outlet brand store chain bank fund team club church'.split(' '));

/** An apposition describing who a name is: ", a delegate from Eastby", ", 34, a nurse", ", the yard's founder". */
function introducesAPerson(after: string): boolean {
  const apposition = /^\s*,\s+(?:\d{1,3},\s+)?(?:a|an|the)\s+([^,;“”"]{1,120})/u.exec(after);
  if (!apposition) return false;
  // Its head: the last word before a preposition, a conjunction or a relative pronoun ("a campaign consultant and …").
  const words = apposition[1].split(/\s+/u).map((w) => w.toLowerCase().replace(/[’']s$/u, ''));
  const end = words.findIndex((w) => /^(?:of|for|at|in|with|from|on|to|and|or|who|which|that|whose|since|by)$/u.test(w));
  const head = words[(end < 0 ? words.length : end) - 1];
  return head !== undefined && !NOT_A_PERSON.has(head);
}

function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const paragraph of lines(text, 0, text.length)) for (const sentence of sentences(text, paragraph)) starts.push(sentence.start);
  return starts;
}

/** What follows a sentence's subject: an apposition or an adverb maybe, then a verb (a past or present form, an auxiliary). */
const SUBJECT_VERB = /^(?:\s*\([^()]{1,60}\))?(?:\s+(?:of|from)\s+(?:the\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+(?:\p{Lu}[\p{L}.’'-]*|of|in))*)?(?:(?:\s*,[^,;“”"]{1,160}){1,4},)?\s*,?\s*(?:(?:\p{Ll}+ly|almost|also|then|now|later|still|too|once|never|even|again|soon|already|often|always|just|only|first|not|had|has|have|was|is|will|would|could|should|did|does|do|may|might|must|can)\s+)*(?:\p{Ll}+(?:ed|es|s)|is|was|has|had|did|does|will|would|could|should|can|may|might|must|isn’t|isn't|wasn’t|wasn't|hasn’t|hasn't|hadn’t|hadn't|didn’t|didn't|doesn’t|doesn't|won’t|won't|can’t|can't|took|told|said|went|gave|made|came|spoke|wrote|thought|felt|sat|ran|saw|knew|got|found|left|began|brought|held|kept|met|paid|put|rose|sent|stood|won|became|led|lost|sought|fought|drew|struck|threw|told|heard|understood|chose|broke|took)(?![\p{L}])/u;

/**
 * A name the text shows as a person's: a common first name, an honorific or a title right before a mention of its last
 * word, or an age after it.
 */
function knownAsPerson(text: string, name: string): boolean {
  const words = name.split(' ');
  if (firstNameGender(words[0]) !== undefined) return true;
  const titled = (form: string) => [...text.matchAll(new RegExp(`(\\S+)\\s+${escapeRegExp(form)}(?![\\p{L}])`, 'gu'))].some((m) => honorificGender(m[1]) !== undefined || isTitle(m[1]));
  // "Ada Brook, 34, a nurse": an age after the name.
  const aged = new RegExp(`${escapeRegExp(words[words.length - 1])},\\s+\\d{1,3},`, 'u').test(text);
  return aged || titled(words[words.length - 1]) || titled(name);
}

/** The capitalized words right before a relative pronoun ("Clinton, who …"). */
function nameBefore(text: string, at: number): string {
  return /((?:\p{Lu}[\p{L}.’'-]*\s+)*\p{Lu}[\p{L}.’'-]*)[\s,]*$/u.exec(text.slice(Math.max(0, at - 60), at))?.[1] ?? '';
}

/** A quote inside another gold quote (the same words under two nested attributions) counts once. */
function withoutNested(quotes: GoldQuote[]): GoldQuote[] {
  quotes.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: GoldQuote[] = [];
  for (const q of quotes) {
    const last = kept[kept.length - 1];
    if (last && q.start < last.end) continue;
    kept.push(q);
  }
  return kept;
}

function words(s: string): number {
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}
