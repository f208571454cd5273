/**
 * Abbreviations whose full stop ends no sentence, one list for sentence splitting and for finding
 * where a cue's clause ends: titles ("Sen.", "Jr."), US states as news writes them ("Dover, Del.,
 * said"), company forms, months, and a few Latin ones. Initials ("J.", "U.S.") are told apart by shape.
 */
const WORDS = (
  'mr mrs ms dr prof st gen col lt sgt capt sen rep gov pres jr sr atty supt cmdr rev maj adm ft mt ' +
  'ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo ' +
  'inc ltd co corp vs v etc no jan feb mar apr jun jul aug sep sept oct nov dec approx e.g i.e u.s u.k u.n'
).split(' ');

const SET = new Set(WORDS);

/** Whether `word` (without its full stop, any case) is an abbreviation whose full stop ends no sentence. */
export function isAbbreviation(word: string): boolean {
  return SET.has(word.toLowerCase());
}

/** Matches an abbreviation (or a single capital, an initial) right at the end of a string. */
export const ABBREVIATION_AT_END = new RegExp(String.raw`(?<![\p{L}])(?:\p{Lu}|${capitalized()})$`, 'u');

/** Every abbreviation's (or initial's) full stop before a space or a comma in a phrase ("Pa.,"), to remove them. */
export const ABBREVIATION_STOPS = new RegExp(String.raw`(?<![\p{L}])(?:\p{Lu}|${capitalized()})\.(?=[\s,])`, 'gu');

/** Regex source for a full stop that is no abbreviation's or initial's ("Mr.", "J."): one that may end a name's sentence. */
export const STOP_OF_NO_ABBREVIATION = String.raw`(?<!(?<![\p{L}])(?:\p{Lu}|${capitalized()}))\.`;

/** The abbreviations as written in names and places: capitalized ("Sen", "Pa"). */
function capitalized(): string {
  return WORDS.filter((w) => /^[a-z]+$/u.test(w))
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('|');
}
