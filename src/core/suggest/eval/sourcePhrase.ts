/**
 * From a PolNeAR Source span to the words that name the source: what surrounds a name in a
 * source (titles, roles, party labels, a possessive organisation, "of <Place>", an apposition, a
 * relative clause, a sentence-initial conjunction) is dropped; organisations stay whole.
 */

/** Titles, roles and party labels written before a name ("Senate Minority Leader", "host", "Republican"); plurals too. */
const TITLES = new Set(
  ('mr mrs ms miss dr sen rep gov lt gen col sgt capt prof professor rev president vice senator congressman congresswoman representative governor mayor councillor councilor councilman councilwoman ' +
    'secretary minister chancellor premier ambassador chairman chairwoman chair leader whip speaker spokesman spokeswoman spokesperson ' +
    'director commissioner judge justice attorney sheriff chief ceo host anchor moderator manager strategist adviser advisor aide ' +
    'candidate nominee lawmaker former democrat republican democratic libertarian independent gop ' +
    'actor actress comedian columnist commentator pundit author economist pollster activist pastor bishop rabbi imam ' +
    'admiral adm colonel lieutenant sergeant captain commander mister')
    .split(' '),
);
/** Last words of organisations ("Justice Department", "Republican National Committee"): no title is cut from them. */
const ORG_HEADS =
  /^(?:department|division|ministry|office|college|school|agency|committee|party|campaign|house|court|council|commission|center|centre|institute|university|post|times|news|network|foundation|association|bureau|board|service|administration|group|company|corporation|inc|union|conference|caucus|club|fund|organization|organisation|government|senate|congress|journal|press|tribune|herald|magazine|television|radio|poll|police|army|navy)$/iu;
/** Capitalized closed-class words a sentence may open with ("While Holm …", "Before Brook …"). */
const OPENERS = new Set(
  ('the a an this that these those besides despite neither nor both several plus other another every each many some most all few no not amid among against without during following including according ' +
  'while before after when as but and or if though although because since then so yet still also even meanwhile later earlier now in on at for with by from to of like unlike asked speaking here there instead however indeed only once until unless whether why how what where who using today yesterday tonight monday tuesday wednesday thursday friday saturday sunday').split(' '),
);
/** Words that make the source a description even when a name follows ("supporters of Holm", "many Republicans"). */
const LINKS = new Set('of for from with at in to by on and or as about among including like than against behind near within across under over outside inside around beyond throughout via per into onto upon toward towards between along'.split(' '));
export const QUANTIFIERS = new Set('another many some most other others few all several both none one two three four five more only about nearly neither either each every any'.split(' '));
const DETERMINERS = /^(?:the|a|an|this|that|these|those)\s+/iu;

const isCapitalized = (word: string): boolean => /^\p{Lu}/u.test(word);
const isPossessive = (word: string): boolean => /[’']s?$/u.test(word) && word.length > 2;
const bare = (word: string): string => word.replace(/[.,]+$/u, '').toLowerCase();

/** The head noun of a description: the word before its first preposition ("the senator from Leeds"), else its last. */
export function descriptionHead(phrase: string): string {
  const words = phrase.split(' ');
  const link = words.findIndex((w, i) => i > 0 && LINKS.has(w.toLowerCase()));
  return (link > 0 ? words[link - 1] : words[words.length - 1]).toLowerCase();
}

export function isTitle(word: string): boolean {
  const w = bare(word);
  return TITLES.has(w) || (w.endsWith('s') && TITLES.has(w.slice(0, -1)));
}

export function isOrgHead(word: string): boolean {
  return ORG_HEADS.test(bare(word));
}

/**
 * A Source's text reduced to the phrase that names it: spaces collapsed, parentheses, a trailing
 * comma and possessive dropped, a relative clause cut ("Holm, who …"), and of an apposition the
 * part that is a name ("her campaign manager, Lena Holm" → "Lena Holm"; "Lena Holm, 31" → "Lena
 * Holm"). A list ("women, men, and others") or a place ("Paris, Texas") is no apposition.
 */
export function sourcePhrase(raw: string): string {
  const phrase = raw
    .replace(/\s+/gu, ' ')
    .replace(/\s*\([^)]*(?:\)|$)\s*/gu, ' ')
    .replace(/,?\s+(?:who|whom|whose|which)\s.*$/iu, '')
    .trim()
    .replace(/[\s,;:—–-]+$/u, '')
    .replace(/[’']s?$/u, '')
    // "Holm herself": the reflexive adds no one.
    .replace(/\s+(?:himself|herself|themselves|itself)$/iu, '')
    .trim();
  // "Ada Holm -- a pollster since 1990 --": a name before dashes is the source.
  const beforeDash = phrase.split(/ (?:--|—|–) /u)[0];
  if (beforeDash !== phrase && !beforeDash.includes(',') && nameIn(beforeDash)) return beforeDash;
  const parts = phrase.split(/\s*,\s*/u).filter((p) => p);
  // "Ana Ruiz, assistant director for ferries, quays, and piers": a name, then a role in lower case, commas and all.
  const head = parts.length >= 2 ? nameIn(parts[0]) : undefined;
  if (head?.includes(' ') && head === parts[0].replace(DETERMINERS, '') && /^(?:(?:a|an|the)\s)?\p{Ll}/u.test(parts[1]) && !/^(?:and|or)\s/u.test(parts[1])) return parts[0];
  // A list ("women, men, and others"; "the candidates — Holm, Lind and Berg —") has no apposition.
  if (parts.length < 2 || parts.some((p) => /^(?:and|or)\s/iu.test(p)) || / (?:--|—|–|-) /u.test(phrase)) return phrase;
  const firstWords = parts[0].replace(DETERMINERS, '').split(' ');
  // "the agency's director, Lena Holm", "the director of the Harbour Office, Lena Holm": a description
  // (ending in a lowercase noun, or headed by a title) and the name after it.
  const endsLower = !isCapitalized(firstWords[firstWords.length - 1]);
  const described = endsLower || nameIn(parts[0]) === undefined || (!isCapitalized(firstWords[0]) && isTitle(firstWords[0]) && bare(firstWords[0]) !== 'former');
  // A later part that is a name: of two words or more unless the description ends in a noun ("his wife, Jane"; not
  // "in Leeds, Yorkshire"), and not one describing the first ("Ada Brook, chairman of the Harbour Board").
  const isName = (p: string) => {
    const name = nameIn(p);
    return name !== undefined && (endsLower || name.includes(' ')) && !/^\p{Ll}\S* (?:of|for|at) /u.test(p) && !/^(?:jr|sr|ii|iii)\.?$/iu.test(p);
  };
  const named = described ? parts.slice(1).find(isName) : undefined;
  return named ?? (nameIn(parts[0]) ? parts[0] : phrase);
}

/**
 * The name a source phrase ends with, without what precedes it: lowercase modifiers ("radio host
 * Omar Ruiz"), titles, roles and party labels ("Secretary of State Ada Holm", "Republican Ida
 * Sand"), a possessive ("the Institute's Ada Brook"), sentence openers ("While Holm");
 * "of <Place>" after a person's name is dropped ("Ada Brook of Leeds"). Undefined for a
 * description ("a campaign aide", "supporters of Holm", "many Republicans"). An organisation
 * ("Korean Central News Agency", "the White House") stays whole, without its determiner.
 */
export function nameIn(phrase: string): string | undefined {
  let words = phrase.replace(DETERMINERS, '').split(' ').filter((w) => w);
  // "Ada Brook of Leeds", "Ada Brook of the Harbour Board": what follows a person's name is dropped.
  for (let of = words.indexOf('of'); of > 0; of = words.indexOf('of', of + 1)) {
    let first = of;
    while (first > 0 && isNameWord(words[first - 1]) && !isPossessive(words[first - 1])) first--;
    const person = personRun(words.slice(first, of));
    // Not "Ada Brook of Leeds and Tom Berg of York": two people. "Mr. Ruiz of Radio Northport": a titled surname is a person too.
    if (of < words.length - 1 && person && (person.length >= 2 || of - first >= 2) && !isOrgHead(words[of - 1]) && !words.slice(of + 1).some((w) => /^(?:and|or|nor)$/u.test(w))) {
      words = words.slice(0, of);
      break;
    }
  }
  if (words.length === 0 || QUANTIFIERS.has(words[0].toLowerCase())) return undefined;
  // Organisations, also with inner function words ("Department of Homeland Security"): an organisation's head word ends them or comes before "of".
  const orgHead = (w: string, i: number) => isOrgHead(w) && (i === words.length - 1 || words[i + 1] === 'of');
  if (isCapitalized(words[0]) && isCapitalized(words[words.length - 1]) && words.every((w) => isCapitalized(w) || /^(?:of|for|and|on|the|&)$/u.test(w)) && words.some(orgHead)) {
    return words.join(' ');
  }
  let start = words.length;
  for (;;) {
    if (start > 0 && isNameWord(words[start - 1]) && !isPossessive(words[start - 1])) start--;
    // "Secretary of State Ada Holm": "of" between a title and its field.
    else if (start > 1 && start < words.length && bare(words[start - 1]) === 'of' && isTitle(words[start - 2])) start -= 2;
    // "Council on Foreign Relations", "Center for Public Integrity": a function word inside an organisation's name.
    else if (start > 1 && start < words.length && /^(?:of|for|on)$/u.test(words[start - 1]) && isCapitalized(words[start - 2]) && isOrgHead(words[start - 2])) start -= 2;
    else break;
  }
  if (start === words.length) return undefined;
  // "supporters of Holm", "a spokesman for Ada Brook": the source is not the name at the end. But "of" after
  // a title is its field ("former secretary of state Ada Brook"), and "and" after a title or a role joins two
  // roles of one person ("former mayor and Harbour Director Ada Brook"), not two people ("Holm and Ada Brook").
  const linking = (w: string, i: number) => LINKS.has(w.toLowerCase()) && !((w === 'of' || w === 'and') && i > 0 && (TITLES.has(bare(words[i - 1])) || (w === 'and' && !isCapitalized(words[i - 1]))));
  if (words.slice(0, start).some(linking)) return undefined;
  const run = personRun(words.slice(start));
  return run?.join(' ');
}

/** A capitalized word, an initial ("J."), or a surname with a particle ("al-Awlaki"); "de Blasio" is found as "Blasio". */
function isNameWord(word: string): boolean {
  return isCapitalized(word) || /^\p{Lu}\.$/u.test(word) || /^\p{Ll}{1,3}-\p{Lu}/u.test(word);
}

/**
 * Capitalized words without leading sentence openers and without everything up to the last
 * title ("Minority Leader Tom R. Berg" → "Tom R. Berg"); an organisation is kept whole.
 */
export function personRun(words: readonly string[]): string[] | undefined {
  let run = [...words];
  // (Not in capitals: a headline written in capitals says nothing about sentence openers.)
  while (run.length > 1 && OPENERS.has(run[0].toLowerCase()) && !/^\p{Lu}{2}/u.test(run[0])) run.shift();
  if (run.length === 0) return undefined;
  if (!isOrgHead(run[run.length - 1])) {
    let last = -1;
    run.forEach((w, i) => {
      // "General" is a title after one ("Attorney General"), otherwise a name ("General Motors").
      // A field after "of" belongs to its title ("Secretary of State").
      if (isTitle(w) || (bare(w) === 'general' && i > 0 && isTitle(run[i - 1])) || (i > 1 && bare(run[i - 1]) === 'of' && isTitle(run[i - 2]))) last = i;
    });
    // Only a title ("the former House Speaker", "Republicans") names no one.
    if (last === run.length - 1) return undefined;
    if (last >= 0) run = run.slice(last + 1);
  }
  if (run.length === 1 && OPENERS.has(run[0].toLowerCase())) return undefined;
  return run;
}
