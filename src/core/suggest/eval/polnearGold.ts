import type { EvaluatedSpan } from '../evaluateSuggestions';
import type { TextRange } from '../paragraphs';
import { trimRange } from '../paragraphs';
import { parseBratStandoff, type BratEvent } from './bratStandoff';
import { corefName, type CorefDocument } from './corenlpCoref';
import { findCues } from '../reportingCues';
import { quotedRegions } from './quotedRegions';
import { pronounFits } from './sourceAgreement';
import { goldSpeakerName, isPronounSource, isRelativeSource } from './sourceNames';

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
 * (see sourceNames.ts); a pronoun or relative source takes the name of the nearest source before
 * it that names someone and agrees with it; left empty (and out of the speaker figure) when nothing does.
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
 * Sources in text order; "who" takes the name right before it, a pronoun the nearest named source
 * before it that agrees with it (sourceAgreement.ts), else none.
 */
function resolveSpeakers(text: string, attributions: Attribution[], coref?: CorefDocument): void {
  const withSource = attributions.filter((a) => a.source).sort((a, b) => a.source!.start - b.source!.start);
  const named: string[] = [];
  const regions = quotedRegions(text);
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
      attribution.speaker = [...named].reverse().find((speaker) => pronounFits(text, raw, speaker));
      attribution.pronoun = true;
      const chained = coref && corefName(coref, text, attribution.source!.start, attribution.source!.end);
      const corefSpeaker = chained ? goldSpeakerName(text, chained, attribution.source!.start) : undefined;
      if (corefSpeaker) attribution.corefSpeaker = corefSpeaker;
    }
    else {
      attribution.speaker = goldSpeakerName(text, beforeItsOwnWords(raw), attribution.source!.start);
      // A name or an organisation (a capital last word), not a description ("a State Department official").
      if (attribution.speaker && /(?:^|\s)\p{Lu}\S*$/u.test(attribution.speaker)) named.push(attribution.speaker);
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

/** First-person sources: the narrator's own outside quotation marks, the quoted speaker's inside them. */
const FIRST_PERSON = new Set(['i', 'me', 'we', 'us']);

function contentSize(attribution: Attribution): number {
  return attribution.content.reduce((n, f) => n + f.end - f.start, 0);
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
