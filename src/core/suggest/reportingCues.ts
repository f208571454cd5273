/**
 * Words that report speech or thought. A cue links a quote or a paraphrase to whoever is named
 * next to it ("…,” Lavrov said; Grushko added that …; according to Grushko, …).
 */
const SPEECH_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'stated', 'states', 'added', 'adds', 'stressed', 'stresses', 'announced', 'announces',
  'noted', 'notes', 'explained', 'explains', 'declared', 'declares', 'asked', 'asks', 'replied', 'replies', 'insisted', 'insists',
  'warned', 'warns', 'argued', 'argues', 'claimed', 'claims', 'agreed', 'agrees', 'continued', 'emphasized', 'emphasised',
  'emphasizes', 'emphasises', 'underlined', 'wrote', 'writes', 'remarked', 'observed', 'concluded', 'acknowledged', 'admitted',
  'commented', 'reiterated', 'reiterates', 'reaffirmed', 'reaffirms', 'confirmed', 'recalled', 'pointed out', 'saying', 'adding',
  'reported', 'report', 'reports', 'urged', 'urges', 'called on', 'calls on', 'lamented', 'laments', 'denied', 'suggested',
  'believes', 'believed', 'thinks', 'thought', 'expects', 'expected', 'hopes', 'hoped', 'announcing', 'stressing', 'noting',
];

/** Verbs whose complement is a noun phrase or an infinitive rather than a that-clause ("called on X to …"). */
export const OBJECT_CUES = new Set(['reaffirmed', 'reaffirms', 'reiterated', 'reiterates', 'urged', 'urges', 'called on', 'calls on', 'lamented', 'laments', 'expects', 'expected', 'denied', 'confirmed']);

/** Verbs that take the hearer as object before the content ("told journalists that …"). */
export const HEARER_CUES = new Set(['told', 'tells', 'asked', 'asks', 'urged', 'urges']);

/** Cues that report a thought, not words: fine for claims, never enough to make marks a quote. */
const THOUGHT_CUES = new Set(['believes', 'believed', 'thinks', 'thought', 'expects', 'expected', 'hopes', 'hoped']);

const VERB_PATTERN = SPEECH_VERBS.slice()
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(' ', '\\s+'))
  .join('|');

/** A cue in running text: optional auxiliary, the verb, or "according to". Case-insensitive, whole words. */
export const CUE_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(?:(?:has|have|had|was|is)\\s+)?(according\\s+to|${VERB_PATTERN})(?![\\p{L}\\p{N}])`, 'giu');

export interface Cue {
  /** Offset of the cue's first character (the auxiliary when there is one). */
  readonly start: number;
  readonly end: number;
  /** The verb as written ("said", "according to"). */
  readonly verb: string;
  /** The verb in lower case with single spaces, for lookups. */
  readonly lemma: string;
}

/** Every cue in `text[from, to)`, in order. */
export function findCues(text: string, from: number, to: number): Cue[] {
  const cues: Cue[] = [];
  const segment = text.slice(from, to);
  CUE_PATTERN.lastIndex = 0;
  for (let m = CUE_PATTERN.exec(segment); m; m = CUE_PATTERN.exec(segment)) {
    cues.push({ start: from + m.index, end: from + m.index + m[0].length, verb: m[1], lemma: m[1].toLowerCase().replace(/\s+/g, ' ') });
  }
  return cues;
}

export function isThoughtCue(cue: Cue): boolean {
  return THOUGHT_CUES.has(cue.lemma);
}
