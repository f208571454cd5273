import { ORGANISATION_WORDS } from './nameRuns';
import { DASHES } from './words';

/** A capitalized word of an organisation's name, acronyms and "&" included ("NBC", "AT&T", "U.S."). */
const ORG_WORD = String.raw`(?:\p{Lu}[\p{L}\p{N}&’'.-]*)`;
/** Capitalized words, with "of", "for", "and", "on" between them ("Department of Homeland Security"). */
const ORG_RUN = new RegExp(String.raw`(?<![\p{L}])([Tt]he\s+)?(${ORG_WORD}(?:\s+(?:(?:of|for|and|on|&)\s+(?:the\s+)?)?${ORG_WORD})*)`, 'gu');
const ACRONYM = /^\p{Lu}{2,}$|^(?:\p{Lu}\.){2,}$/u;
/** Capitalized words that open a sentence or a title rather than a name. */
const NOT_ORGANISATION = new Set('the a an it he she they we i this that but and or so if as in on at for his her their its our my you monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december'.split(' '));

/** Countries and places that take "the" and are rarely the source of words themselves. */
const PLACES = /^(?:United States|U\.S\.|US|UK|U\.K\.|United Kingdom|Netherlands|Philippines|Middle East|West|East|North|South|Gulf)$/u;

/**
 * A word after a name that is a cue, a verb, an adverb or a preposition, not a noun the name
 * modifies ("the Board said", "the Board only last month announced", "the Board did not"; not
 * "the Clinton campaign").
 */
const NOT_A_NOUN_AFTER = /^\s+(?:said|says|told|tells|reported|reports|added|wrote|writes|announced|stated|confirmed|noted|warned|claimed|argued|insisted|explained|according|in|on|at|to|has|had|have|was|is|would|will|also|later|last|this|\p{Ll}+ly|\p{Ll}{3,}ed|did|does|do|were|are|could|should|may|might|must|can|cannot|less|more|earlier|first|then|now|already|still|never|just|again|once|yesterday|today|tonight)(?![\p{L}])/u;

/**
 * The organisation, agency, outlet or government a phrase names as the source ("the White House",
 * "The New York Times", "the state news agency KCNA", "CNN", "the Pentagon"): the last run of
 * capitalized words that has an organisation word ("Office", "Agency", "Times"), an acronym, or
 * "the" before it with nothing lowercase after it in the phrase ("the Clinton campaign" is not one).
 * Without its "the". Undefined when the phrase names none.
 */
export function organisationIn(phrase: string): string | undefined {
  let found: string | undefined;
  ORG_RUN.lastIndex = 0;
  for (let m = ORG_RUN.exec(phrase); m; m = ORG_RUN.exec(phrase)) {
    const name = m[2].replace(/[’']s$|[.,]$/u, '');
    const words = name.split(/\s+/u);
    if (words.length === 1 && NOT_ORGANISATION.has(name.toLowerCase())) continue;
    const rest = phrase.slice(m.index + m[0].length);
    const modifiesNoun = /^\s+\p{Ll}/u.test(rest) && !NOT_A_NOUN_AFTER.test(rest);
    // "writing in the Northern Review", "the United States": a place or a medium, not the source.
    const afterPreposition = /(?<![\p{L}])(?:in|at|of|for|from|with|by|to|on|into|about|against|over)\s+$/iu.test(phrase.slice(0, m.index));
    if (modifiesNoun || afterPreposition || /^[’']s/u.test(rest) || PLACES.test(name)) continue;
    const hasOrgWord = words.some((w) => ORGANISATION_WORDS.has(w.toLowerCase()));
    if (hasOrgWord || words.some((w) => ACRONYM.test(w)) || m[1]) found = name;
  }
  return found;
}

/** A dateline before a news story's first sentence: "WASHINGTON —", "NORTHPORT, May 3 (HNS) —". */
const DATELINE = new RegExp(String.raw`^\s*\p{Lu}{2}[\p{Lu}\s.]*(?:,[^${DASHES}()\n]{0,30})?(?:\([^()]*\))?\s*[${DASHES}-]+\s*`, 'u');

/** The capitalized words that open a sentence (after "The"), and the word after them. */
const OPENING_RUN = new RegExp(String.raw`^\s*(?:[Tt]he\s+)?${ORG_WORD}(?:\s+(?:(?:of|for|and|on|&)\s+(?:the\s+)?)?${ORG_WORD})*(?:\s+\S+)?`, 'u');

/**
 * The organisation a sentence opens with, its subject ("The Harbour Trust would not comment on
 * “…”"), not one named later in it, which is more often an object ("Holt attacked the FBI").
 */
export function organisationSubject(sentence: string): string | undefined {
  // "NORTHPORT (HNS) — The board …": a dateline is not the subject.
  const opening = OPENING_RUN.exec(sentence.replace(DATELINE, ''));
  return opening ? organisationIn(opening[0]) : undefined;
}
