import { firstIndex } from './firstIndex';
import { DASHES } from './words';

/** Verbs that introduce a quoted phrase but never a content: "called the cuts ‘a hammer blow’", "the banner read “…”". */
const QUOTE_ONLY_VERBS = [
  'called', 'calls', 'described', 'describes', 'branded', 'brands', 'calling', 'describing', 'characterized', 'characterised', 'characterizes',
  'characterizing', 'referred to', 'refers to', 'referring to', 'criticized', 'criticised', 'dismissed', 'hailed', 'denounced', 'slammed', 'blasted',
  // "One sign read “…”", "“…,” a banner on the club's gate reads".
  'read', 'reads',
  // "Brook labeled the plan “…”", "Hale dubbed the fee “…”" (not "deemed": mostly passive, "deemed “top secret” by the office").
  'labeled', 'labelled', 'labeling', 'labelling', 'dubbed', 'dubbing', 'termed', 'terming',
  // "Harbour pilots describe the channel as “…”".
  'describe',
];

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
  'reported', 'report', 'reports', 'urged', 'urges', 'called on', 'calls on', 'called for', 'calls for', 'lamented', 'laments', 'denied', 'suggested',
  'believes', 'believed', 'thinks', 'thought', 'expects', 'expected', 'hopes', 'hoped', 'announcing', 'stressing', 'noting',
  'cautioned', 'cautions', 'promised', 'promises', 'vowed', 'vows', 'pledged', 'pledges', 'conceded', 'concedes', 'predicted', 'predicts',
  'complained', 'complains', 'revealed', 'reveals', 'disclosed', 'estimated', 'estimates', 'maintained', 'maintains', 'contended', 'alleged',
  'alleges', 'testified', 'testifies', 'tweeted', 'responded', 'responds', 'recounted', 'joked', 'quipped', 'boasted',
  'countered', 'counters', 'assured', 'assures', 'informed', 'advised', 'demurred', 'demurs', 'remembered', 'remembers', 'repeated',
  'proposed', 'recommended', 'demanded', 'demands', 'questioned', 'wondered', 'reckoned', 'reckons', 'feared', 'fears', 'hinted',
  'speculated', 'accused', 'accuses', 'blamed', 'blames',
  'shouted', 'shouts', 'yelled', 'yells', 'chanted', 'screamed', 'exclaimed', 'whispered', 'shot back', 'fired back', 'snapped', 'mused',
  'answered', 'answers', 'asserted', 'asserts', 'retorted', 'interjected', 'acknowledges', 'admits', 'recalls', 'remarks', 'observes',
  'concludes', 'tweets', 'explaining', 'asserting', 'telling', 'asking', 'promising', 'vowing', 'pledging', 'admitting', 'acknowledging',
  'declaring', 'stating', 'predicting', 'complaining', 'recalling', 'found', 'finds', 'put it', 'puts it', 'went on', 'goes on',
  'boomed', 'thundered', 'proclaimed', 'proclaims', 'retaliated', 'yelling', 'shouting', 'chanting', 'screaming', 'responding',
  'replying', 'answering', 'writing', 'tweeting', 'joking', 'boasting', 'barked', 'confessed', 'scoffed', 'fumed', 'beamed',
  'conceding', 'urging', 'suggesting', 'observing', 'remarking', 'accusing', 'countering', 'cautioning', 'pressed', 'opined', 'opines', 'elaborated',
  'warning', 'insisting', 'arguing', 'claiming', 'describing', 'calling', 'expect', 'believe', 'think', 'hope', 'fear',
  'shows that', 'showed that', 'show that', 'suggests', 'suggest', 'argue', 'insist', 'acknowledge', 'indicated', 'indicates', 'reminded',
  'knows that', 'know that', 'feel that', 'feels that',
  // Verbs of how something was said ("… during the debate, Brook gushed, “…”", "exhorted the evening's host, …").
  'exhorted', 'gushed', 'gushes', 'sighed', 'reasoned', 'bragged', 'brags', 'grumbled', 'grumbles',
  'groused', 'griped', 'raged', 'ranted', 'roared', 'bellowed', 'murmured', 'muttered', 'mumbled', 'stammered', 'objected', 'protested',
  'marveled', 'marvelled', 'marvels', 'underscored', 'underscores', 'chimed in',
  // The present tense of a plural subject ("Harbour pilots explain that …", "Critics complain that …").
  'explain', 'admit', 'complain', 'stress', 'emphasize', 'emphasise', 'urge', 'maintain', 'point out',
  ...QUOTE_ONLY_VERBS,
];

/** Verbs that take the hearer as object before the content ("told journalists that …"). */
export const HEARER_CUES = new Set(['reminded', 'told', 'tells', 'asked', 'asks', 'urged', 'urges', 'assured', 'assures', 'informed', 'advised', 'telling', 'asking']);

/** Cues that report a thought, not words: fine for claims, never enough to make marks a quote. */
const THOUGHT_CUES = new Set(['shows that', 'showed that', 'show that', 'knows that', 'know that', 'feel that', 'feels that', 'expect', 'believe', 'think', 'hope', 'fear', 'believes', 'believed', 'thinks', 'thought', 'expects', 'expected', 'hopes', 'hoped', 'feared', 'fears', 'reckoned', 'reckons', 'wondered']);

const QUOTE_ONLY = new Set(QUOTE_ONLY_VERBS);

/** Single-word cues, and for two-word cues ("called on") the second word by the first. */
const SINGLE_WORD_CUES = new Set(SPEECH_VERBS.filter((v) => !v.includes(' ')));
const TWO_WORD_CUES = new Map<string, Set<string>>();
for (const verb of [...SPEECH_VERBS.filter((v) => v.includes(' ')), 'according to']) {
  const [first, second] = verb.split(' ');
  TWO_WORD_CUES.set(first, (TWO_WORD_CUES.get(first) ?? new Set()).add(second));
}
const AUXILIARIES = new Set(['has', 'have', 'had', 'was', 'is']);
/** What a capitalized cue word may follow and still be a verb: the end of a sentence or a clause, a mark, a bracket or a dash. */
const SENTENCE_OR_CLAUSE_OPENS = new RegExp(String.raw`[.!?:;"“”‘’'\n([${DASHES}-]\s*$`, 'u');
const WORD = /[\p{L}\p{N}]+/gu;

export interface Cue {
  /** Offset of the cue's first character (the auxiliary when there is one). */
  readonly start: number;
  readonly end: number;
  /** The verb as written ("said", "according to"). */
  readonly verb: string;
  /** The verb in lower case with single spaces, for lookups. */
  readonly lemma: string;
}

interface ScannedCue extends Cue {
  /** Where the verb itself starts, after any auxiliary. */
  readonly verbStart: number;
}

/** The cues of the last text scanned: one analysis asks for many small ranges of the same text. */
let scanned: { text: string; cues: ScannedCue[] } | undefined;

/**
 * Every cue in `text[from, to)`, in order: an optional auxiliary ("has said"), the verb, or
 * "according to"; whole words, any case. The text is scanned once and ranges are looked up.
 */
export function findCues(text: string, from: number, to: number): Cue[] {
  const cues = cuesOf(text);
  const lo = firstIndex(cues.length, (i) => cues[i].verbStart >= from);
  const found: Cue[] = [];
  for (let i = lo; i < cues.length && cues[i].end <= to; i++) {
    const cue = cues[i];
    found.push(cue.start < from ? { ...cue, start: cue.verbStart } : cue);
  }
  return found;
}

/** The last cue in `text[from, to)`, as `findCues(text, from, to).pop()` finds it, without listing the others. */
export function lastCueIn(text: string, from: number, to: number): Cue | undefined {
  const cues = cuesOf(text);
  const last = firstIndex(cues.length, (i) => cues[i].end > to) - 1;
  if (last < 0 || cues[last].verbStart < from) return undefined;
  const cue = cues[last];
  return cue.start < from ? { ...cue, start: cue.verbStart } : cue;
}

/** Every cue of `text`, scanned once for the last text asked about. */
function cuesOf(text: string): ScannedCue[] {
  if (scanned?.text !== text) scanned = { text, cues: scanCues(text) };
  return scanned.cues;
}

function scanCues(text: string): ScannedCue[] {
  const cues: ScannedCue[] = [];
  const words: { start: number; end: number; lower: string }[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) words.push({ start: m.index, end: m.index + m[0].length, lower: m[0].toLowerCase() });
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const next = words[i + 1];
    let end = -1;
    if (next && TWO_WORD_CUES.get(word.lower)?.has(next.lower) && /^\s+$/.test(text.slice(word.end, next.start))) end = next.end;
    else if (SINGLE_WORD_CUES.has(word.lower) && !isWordJoiner(text, word.start - 1) && !isWordJoiner(text, word.end)) end = word.end;
    if (end === -1) continue;
    // "the United States had": a capitalized cue word inside a sentence is a name's word, not a verb.
    // But a past tense after an apposition's comma is the verb ("Hale, the club's captain, Tweeted on Friday").
    const afterApposition = /ed$/u.test(word.lower) && /,\s$/u.test(text.slice(Math.max(0, word.start - 2), word.start));
    if (/^\p{Lu}/u.test(text[word.start]) && i > 0 && !afterApposition && !SENTENCE_OR_CLAUSE_OPENS.test(text.slice(Math.max(0, word.start - 4), word.start))) continue;
    const previous = words[i - 1];
    // "A harbour board report said", "Polls show that": right before another cue, a cue word is that cue's subject, a noun.
    if (end === word.end && next && SINGLE_WORD_CUES.has(next.lower) && /^\s+$/.test(text.slice(word.end, next.start)) && /^\p{Ll}/u.test(text[next.start])) continue;
    const auxiliary = previous && AUXILIARIES.has(previous.lower) && /^\s+$/.test(text.slice(previous.end, word.start));
    const start = auxiliary ? previous.start : word.start;
    const verb = text.slice(word.start, end);
    cues.push({ start, end, verbStart: word.start, verb, lemma: verb.toLowerCase().replace(/\s+/g, ' ') });
    if (end !== word.end) i++;
  }
  return cues;
}

/**
 * Whether a cue word that is more often something else reports here: a plural noun that is also a cue ("remarks",
 * "hopes") not where only the noun can stand; "states" only before "that" or a colon ("two states",
 * "caucus states where …" are the noun); "found" not before a reflexive or a possessive ("found itself", "found its
 * feet"), nor after "be" or "help" ("are found slain", "helped found").
 */
export function reportsHere(text: string, cue: Cue): boolean {
  // "several of the careless remarks he had posted", "in hopes of a deal": the noun, unless a content follows it ("his claims that …").
  if (PLURAL_NOUNS_TOO.has(cue.lemma) && NOUN_POSITION.test(text.slice(Math.max(0, cue.start - 50), cue.start)) && !/^\s*(?:that(?![\p{L}])|:)/u.test(text.slice(cue.end, cue.end + 8))) return false;
  if (cue.lemma === 'states') return /^\s*(?:that(?![\p{L}])|:)/u.test(text.slice(cue.end, cue.end + 8));
  if (cue.lemma === 'found' || cue.lemma === 'finds') {
    if (/^\s+(?:itself|themselves|himself|herself|myself|ourselves|yourself|their|his|her|its|my|our|ways?)(?![\p{L}])/u.test(text.slice(cue.end, cue.end + 14))) return false;
    return !/(?<![\p{L}])(?:is|are|was|were|be|been|being|helped|help|helps)\s+(?:\p{Ll}+\s+)?$/u.test(text.slice(Math.max(0, cue.start - 30), cue.start));
  }
  return true;
}

/** Cue words that are also plural nouns: "Hale remarks that …", but "careless remarks he posted", "his claims". ("tweets" is
 * left out: "his tweets attacking the board" report what the tweets said.) */
const PLURAL_NOUNS_TOO = new Set(['remarks', 'claims', 'notes', 'reports', 'answers', 'promises', 'pledges', 'demands', 'fears', 'hopes', 'estimates', 'recalls', 'counters', 'vows', 'laments', 'proclaims']);
/**
 * Where a verb cannot stand: after a possessive pronoun, or a preposition that is never a conjunction (and its article or
 * possessive), with at most two lower-case words between ("over careless remarks", "of his early claims", "her remarks").
 */
const NOUN_POSITION = /(?<![\p{L}])(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our|(?:[Aa]bout|[Oo]f|[Oo]ver|[Ww]ith|[Ww]ithout|[Aa]gainst|[Dd]espite|[Rr]egarding|[Aa]mid|[Ff]rom|[Bb]y|[Oo]n|[Ii]n|[Aa]t|[Ii]nto|[Tt]o)(?:\s+(?:the|a|an|his|her|their|its|our|my|your|these|those|such|[\p{L}]+[’']s))?)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u;

/** A determiner or a possessive, then up to three words, right before the cue ("a harbour board report", "the FEC’s report"). */
const DETERMINER_THEN_WORDS = /(?<![\p{L}])(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Oo]ne|[Aa]nother|[\p{L}.]+[’']s)\s+(?:[\p{L}\d’'/-]+\s+){0,3}$/u;

/**
 * Whether the cue is the noun "report" after its determiner ("A harbour board report issued in May said …"): a verb later
 * in the sentence is the better cue, though the noun may be the only one ("referred to a 2015 report concerning …").
 */
export function isReportNoun(text: string, cue: Cue): boolean {
  return cue.lemma === 'report' && DETERMINER_THEN_WORDS.test(text.slice(Math.max(0, cue.start - 60), cue.start));
}

/** An apostrophe or hyphen glued to a word makes it another word ("said-so", "say’s"). */
function isWordJoiner(text: string, i: number): boolean {
  const ch = text[i];
  return ch === '-' || ch === '’' || ch === "'";
}

/** Whether a cue may introduce reported content (a claim), not only a quoted phrase. */
export function isContentCue(cue: Cue): boolean {
  return !QUOTE_ONLY.has(cue.lemma);
}

export function isThoughtCue(cue: Cue): boolean {
  return THOUGHT_CUES.has(cue.lemma);
}

/** "would be blamed on “…”", "has been asked about …": a cue in the passive, whose subject is not the one who spoke. */
export function isPassive(text: string, cue: Cue): boolean {
  return /(?:ed|en)$/u.test(cue.lemma) && PASSIVE_BEFORE.test(text.slice(Math.max(0, cue.end - cue.verb.length - 20), cue.end - cue.verb.length));
}

/** A form of "be" (and maybe an adverb) right before a verb. */
const PASSIVE_BEFORE = /(?<![\p{L}])(?:be|been|being|was|were|is|are)\s+(?:\p{Ll}+ly\s+)?$/iu;

/** How far a cue may be from a name for the name to be its subject or its inverted speaker. */
const CUE_NEXT_TO = 14;

/**
 * Whether the name at `range` speaks where it stands: right before a cue ("Biden said") or right
 * after one that follows a comma or a closing mark ("…,” said Biden"), not the object of "X said
 * Biden has …".
 */
export function speaksNextToCue(text: string, range: { readonly start: number; readonly end: number }): boolean {
  const { start, end } = range;
  return (
    findCues(text, end, end + CUE_NEXT_TO).some((c) => c.start - end <= 2 && /^\s*$/u.test(text.slice(end, c.start))) ||
    findCues(text, Math.max(0, start - CUE_NEXT_TO), start).some((c) => start - c.end <= 2 && /[,”"’']\s*$/u.test(text.slice(Math.max(0, c.start - 3), c.start)))
  );
}
