/**
 * What the words between quotation marks look like, before anything else is known: said words, or
 * a title, name or term that only happens to be marked.
 */
import type { TextRange } from './paragraphs';
import { words } from './words';

/** Below this many words, marks with no speech cue are scare quotes or titles, not quotations. */
const MIN_UNCUED_QUOTE_WORDS = 6;
/** …unless the words speak in the first person. */
const MIN_FIRST_PERSON_QUOTE_WORDS = 3;
/** Marks after a speech cue hold said words from this many words on; one word is a term ("right-sizing"). */
const MIN_CUED_QUOTE_WORDS = 2;
/** Titles and names run short; a longer stretch in capitals is a sentence full of names. */
const MAX_TITLE_WORDS = 8;
const FIRST_PERSON = new Set(['i', 'me', 'my', 'we', 'us', 'our']);

/** Most words of more than three letters capitalized (or figures): "Ports of the Future", "Building for 2035". */
function capitalizedLikeATitle(said: readonly string[]): boolean {
  const long = said.filter((w) => w.length > 3);
  const capitalized = long.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return capitalized >= long.length * 0.7;
}

/**
 * Whether marked text with no speech cue is still a quotation: long enough to be said, not a title
 * (most words capitalized), as a quoted proverb or slogan is.
 */
export function looksLikeSpeech(quoted: string): boolean {
  const said = words(quoted);
  // "I can’t vote against them.": someone speaking of themselves is quoted, however briefly.
  const firstPerson = said.some((w) => FIRST_PERSON.has(w.toLowerCase().replace(/[’']\p{L}+$/u, '')));
  if (said.length < (firstPerson ? MIN_FIRST_PERSON_QUOTE_WORDS : MIN_UNCUED_QUOTE_WORDS)) return false;
  return !capitalizedLikeATitle(said) || said.length > MAX_TITLE_WORDS;
}

/**
 * Whether marked text that a speech cue attributes is the speaker's words even when the speaker is
 * not resolved ("she said it “steered a middle ground”"): two words or more, not a short title.
 */
export function looksLikeCitedWords(quoted: string): boolean {
  const said = words(quoted);
  if (said.length < MIN_CUED_QUOTE_WORDS) return false;
  return !capitalizedLikeATitle(said) || said.length > MAX_TITLE_WORDS;
}

/** Fewer words than a quotation, but some: marked words that may still be someone's (see looksLikeMarkedWords). */
const MIN_MARKED_WORDS = { cued: 1, uncued: 2 };

/**
 * Whether marked words too short for a quotation may still be a partial one: words in lower case,
 * one after a speech cue ("called the plan “reckless”"), two without ("vowed to stay “in the
 * fight”"). In PolNeAR's news such words are someone's about seven times in ten (train); the rest
 * are terms and scare quotes, so these come with their own, lower, confidence. Titles and names
 * (capitalized words) are not.
 */
export function looksLikeMarkedWords(text: string, quote: { start: number; end: number; paragraph: TextRange }, cued: boolean): boolean {
  const said = words(text.slice(quote.start, quote.end));
  return said.length >= MIN_MARKED_WORDS[cued ? 'cued' : 'uncued'] && !capitalizedLikeATitle(said) && inProse(text, quote.paragraph);
}

/** Words a paragraph needs outside its marks to be prose, not data (`{"name": "a value"}`). */
const MIN_PROSE_WORDS = 3;

/** The last paragraph asked about: a paragraph's candidates are asked in a row, and one paragraph may be the whole text. */
let lastAsked: { text: string; paragraph: TextRange; prose: boolean } | undefined;

function inProse(text: string, paragraph: TextRange): boolean {
  if (lastAsked?.text === text && lastAsked.paragraph.start === paragraph.start && lastAsked.paragraph.end === paragraph.end) return lastAsked.prose;
  const outside = text.slice(paragraph.start, paragraph.end).replace(/["“”„][^"“”„]*["“”„]|''.*?''/gu, ' ');
  lastAsked = { text, paragraph, prose: words(outside).length >= MIN_PROSE_WORDS };
  return lastAsked.prose;
}

/**
 * Whether the marks hold a whole sentence of their own: opened after a sentence end and starting
 * with a capital, ending with its punctuation ("…,” he said. “We’re hopeful.”). After a quote of
 * the same paragraph it goes on with the same speaker's words, however short.
 */
export function quotesWholeSentence(text: string, quote: { start: number; end: number; openMark?: number }): boolean {
  if (quote.openMark === undefined) return false;
  const before = text.slice(Math.max(0, quote.openMark - 3), quote.openMark);
  return /[.!?…]["”’']?\s*$/u.test(before) && /^\p{Lu}/u.test(text.slice(quote.start, quote.start + 1)) && /[.!?,…]$/u.test(text.slice(quote.end - 1, quote.end));
}

/** A work's title follows its outlet or author ("ABC’s “This Week”") or the word for it ("his memoir, “…”"). */
const BEFORE_A_TITLE = /(?:\b\p{Lu}[\p{L}.&-]*[’']s|\b(?:book|memoir|novel|film|movie|show|programme|program|series|song|album|column|essay|poem|play|musical|documentary|podcast|titled|entitled|read|reads))\s*,?\s*$/u;

/**
 * Whether the marks name a work or hold markup, not words anyone said: a short title-case stretch
 * after an outlet's or author's name or a word for a work ("told CNN’s “State of the Union”", "in
 * her book, “Hard Lessons”"), or an attribute's value (author="…").
 */
export function namesAWork(text: string, quote: { start: number; end: number; openMark?: number }): boolean {
  if (quote.openMark === undefined) return false;
  if (text[quote.openMark - 1] === '=') return true;
  const said = words(text.slice(quote.start, quote.end));
  if (said.length > MAX_TITLE_WORDS || !capitalizedLikeATitle(said)) return false;
  return BEFORE_A_TITLE.test(text.slice(Math.max(0, quote.openMark - 40), quote.openMark));
}
