import { subjectOf } from './cueSubject';
import type { NameResolver } from './nameResolution';
import type { TextRange } from './paragraphs';
import type { QuoteCandidate } from './quotes';
import { findCues, isThoughtCue } from './reportingCues';
import { firstIndex } from './firstIndex';
import { firstMatch } from './firstMatch';
import { sentenceStartBefore } from './speakers';
import { DASHES, wordCount } from './words';

/** A dash that signs a quote: an em or en dash, a horizontal bar (―, the quotation dash), or one or two hyphens between spaces. */
const SIGNING_DASH = new RegExp(String.raw`^[ \t]*(?:[${DASHES}]|-{1,2}(?=[ \t]))[ \t]*(?=\p{Lu})`, 'u');

/** Where a signature's name ends: its age, role or place after a comma, a parenthesis, a line end. */
const SIGNATURE_END = /[,(;:\n]|[ \t]\d|[.!?](?=\s|$)/gu;

/** How many words a label line may have ("3. Tom Reyes, 52, a retired docker from Hull"). */
const MAX_LABEL_WORDS = 12;

/**
 * A label line: a name, maybe after a list number or bullet, maybe with its age, role or place
 * after a comma, and no sentence of its own ("2. Tom Reyes, 52", "Ana Ferro, student:").
 */
const LABEL_LINE = new RegExp(String.raw`^[ \t]*(?:(?:\d{1,3}[.)]|[-•*${DASHES}])[ \t]+)?(\p{Lu}[\p{L}.’'-]*(?:[ \t]+\p{Lu}[\p{L}.’'-]*){0,3})[ \t]*(?:,[^.!?“”"\n]{0,80})?:?[ \t]*$`, 'u');

/** "“…” — Maria Lopez, 34, nurse": the name after a dash right after the closing mark signs the quote, or on the line below (signatureBelow). */
export function speakerAfterDash(text: string, quote: QuoteCandidate, resolver: NameResolver): string | undefined {
  if (quote.closeMark === undefined) return undefined;
  const from = quote.closeMark + 1;
  const dash = SIGNING_DASH.exec(text.slice(from, Math.min(quote.paragraph.end, from + 8)));
  if (!dash) return signatureBelow(text, quote, resolver);
  const start = from + dash[0].length;
  // The signature is all that follows in the paragraph: "— Iowa Democrats were unmoved." is a sentence, not a signature.
  // A full stop may close it ("— Ana Ferro ."), as after a list of quotes that each end a paragraph.
  const rest = text.slice(start, quote.paragraph.end).replace(/[ \t]*\.[ \t]*$/u, '');
  if (wordCount(rest) > MAX_LABEL_WORDS || !LABEL_LINE.test(rest)) return undefined;
  const end = firstMatch(text, start, quote.paragraph.end, SIGNATURE_END);
  return resolver.resolve(start, end, quote.start, true);
}

/**
 * "“…”" as a paragraph of its own, then "- Brook." (or "-Brook, on the radio.") as the next one: a fact-check's list of
 * claims, a notebook's quotes of the day, each signed below.
 * The whole paragraph is the quote; the next non-blank line is a dash and a label, nothing else.
 */
function signatureBelow(text: string, quote: QuoteCandidate, resolver: NameResolver): string | undefined {
  if (quote.openMark !== quote.paragraph.start || /\S/u.test(text.slice(quote.closeMark! + 1, quote.paragraph.end))) return undefined;
  const next = /^[ \t]*\r?\n(?:[ \t]*\r?\n){0,2}[ \t]*([-—–―](?:[ \t]+|(?=\p{Lu})))([^\n]{1,80})(?:\r?\n|$)/u.exec(text.slice(quote.paragraph.end, quote.paragraph.end + 100));
  if (!next) return undefined;
  const rest = next[2].replace(/[ \t]*\.[ \t]*$/u, '');
  if (wordCount(rest) > MAX_LABEL_WORDS || !LABEL_LINE.test(rest)) return undefined;
  const start = quote.paragraph.end + next.index + next[0].indexOf(next[2]);
  return resolver.resolve(start, firstMatch(text, start, start + rest.length, SIGNATURE_END), quote.start, true);
}

/**
 * "2. Tom Reyes, 52" on a line of its own, then a paragraph that opens with a quote: the label
 * line names the speaker, as in lists of voices where each line quotes someone else.
 */
export function speakerOfLabelLine(text: string, label: TextRange | undefined, quote: QuoteCandidate, resolver: NameResolver): string | undefined {
  if (!label || quote.openMark !== quote.paragraph.start) return undefined;
  const line = text.slice(label.start, label.end);
  if (wordCount(line) > MAX_LABEL_WORDS) return undefined;
  const m = LABEL_LINE.exec(line);
  if (!m) return undefined;
  const name = m.index + m[0].indexOf(m[1]);
  // "Wait, it gets better:", "Pause": a lone word on a line is a name only with an age after it ("Ferro, 34").
  if (!/\s/u.test(m[1]) && !/^,\s*\d/u.test(line.slice(name + m[1].length))) return undefined;
  return resolver.resolve(label.start + name, label.start + name + m[1].length, quote.start, true);
}

/**
 * "She turned to the crowd, to cheers:" as a paragraph of its own, then a paragraph that
 * opens with a quote: the subject of the colon's sentence (of its cue, if it has one) speaks.
 */
export function speakerBeforeColon(text: string, introduction: TextRange | undefined, quote: QuoteCandidate, resolver: NameResolver): string | undefined {
  if (!introduction || quote.openMark !== quote.paragraph.start) return undefined;
  const colon = /:\s*$/u.exec(text.slice(Math.max(introduction.start, introduction.end - 4), introduction.end));
  if (!colon) return undefined;
  const end = introduction.end - colon[0].length;
  const start = sentenceStartBefore(text, end, introduction.start);
  const cue = findCues(text, start, end).filter((c) => !isThoughtCue(c)).pop();
  return (cue && subjectOf(text, start, cue, resolver)) ?? resolver.firstPersonBetween(start, end);
}

/**
 * A speaker's label at the start of quoted words, as transcripts print it: "“HALE: We row at noon.”",
 * one or more words in capitals and a colon. Not a stage direction or a section's label ("VIDEO:",
 * "UPDATE:"), nor a single letter (an interview's "Q:" and "A:" say who asks, not who it is).
 */
const TRANSCRIPT_LABEL = /^((?:\p{Lu}[\p{Lu}’'-]*\.?\s)?\p{Lu}[\p{Lu}’'-]+(?:\s\p{Lu}[\p{Lu}’'-]+)?):\s+(?=\S)/u;
const NOT_A_SPEAKER = /^(?:VIDEO|AUDIO|CLIP|VIDEOTAPE|SOUNDBITE|BEGIN|END|BREAK|COMMERCIAL|APPLAUSE|LAUGHTER|CROSSTALK|INAUDIBLE|OK|YES|NO|NOTE|EDITOR[’']S NOTE|UPDATE|CORRECTION|WARNING|BREAKING|BREAKING NEWS|SOURCE|SOURCES|TRANSCRIPT|PHOTO|PHOTOS|WATCH|READ|MORE|RELATED|ALSO|QUESTION|ANSWER|TITLE|SUBJECT|FROM|TO|RE|PS|P\.S)$/u;

/** A transcript's label at the start of a quote: its length (label, colon and space) and who it names. */
export interface TranscriptLabel {
  readonly length: number;
  readonly speaker: string;
}

/**
 * "“HALE: We row at noon, whatever the tide.”": the label names the speaker of the words after it, by
 * the fullest name the text uses ("Tom Hale"), else the label in the text's case ("Hale"). One per
 * document: where the narrator writes each label's name is found once.
 */
export class TranscriptLabels {
  private readonly written = new Map<string, TextRange[]>();
  private readonly resolved = new Map<number, string>();

  constructor(
    private readonly text: string,
    private readonly resolver: NameResolver,
  ) {}

  /** The label that opens `quote`, if any: its length (label, colon and space) and who it names. */
  of(quote: QuoteCandidate): TranscriptLabel | undefined {
    const m = TRANSCRIPT_LABEL.exec(this.text.slice(quote.start, Math.min(quote.end, quote.start + 60)));
    if (!m || NOT_A_SPEAKER.test(m[1])) return undefined;
    const label = m[1];
    // The name as the narrator writes it (capitalized, not in capitals), nearest before the quote, else the first after it.
    const all = this.writtenForms(label);
    const i = firstIndex(all.length, (k) => all[k].start >= quote.start);
    const near = all[i - 1] ?? all[i];
    if (near) return { length: m[0].length, speaker: this.nameWrittenAt(near, quote.start) };
    // Written nowhere else: in title case, but an acronym stays in capitals: a word without a vowel, or a label of three
    // letters ("HM COASTGUARD" → "HM Coastguard", "FBI"; "HALE" → "Hale").
    const acronym = (w: string) => !/[AEIOUY]/u.test(w) || label.length <= 3;
    const speaker = label.split(/\s+/u).map((w) => (acronym(w) ? w : w[0] + w.slice(1).toLowerCase())).join(' ');
    return { length: m[0].length, speaker };
  }

  /** The name the narrator's `written` form resolves to (once per form: a transcript repeats its labels). */
  private nameWrittenAt(written: TextRange, at: number): string {
    let name = this.resolved.get(written.start);
    if (name === undefined) {
      name = this.resolver.resolve(written.start, written.end, at, true) ?? this.text.slice(written.start, written.end);
      this.resolved.set(written.start, name);
    }
    return name;
  }

  /** Where the text writes `label` capitalized but not in capitals ("Hale" for "HALE"), in text order. */
  private writtenForms(label: string): TextRange[] {
    let found = this.written.get(label);
    if (found) return found;
    found = [];
    const pattern = new RegExp(`(?<![\\p{L}])${label.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/\s+/gu, '\\s+')}(?![\\p{L}])`, 'giu');
    for (const m of this.text.matchAll(pattern)) if (m[0] !== m[0].toUpperCase() && /^\p{Lu}/u.test(m[0])) found.push({ start: m.index, end: m.index + m[0].length });
    this.written.set(label, found);
    return found;
  }
}
