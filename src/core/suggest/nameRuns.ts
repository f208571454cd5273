import type { TextRange } from './paragraphs';
import { firstNameGender } from './personGender';

/**
 * Capitalized words that are titles, nationalities or sentence furniture rather than parts of a
 * person's name ("Russian Foreign Minister Sergey Lavrov" → "Sergey Lavrov").
 */
const NOT_NAME_WORDS = new Set(
  (
    'the a an this that these those it its he she they we i you his her their our my your but and or so if as at in on of for to from by with while when where ' +
    'however therefore meanwhile also then today yesterday tomorrow later earlier afterwards according after before during since until opening ' +
    'mr mrs ms dr prof professor doctor councillor councilor alderman judge justice bishop reverend father sister sir madam lord president vice prime minister deputy foreign defence defense interior finance secretary general chief head ' +
    'ambassador envoy representative permanent permament spokesman spokeswoman spokesperson senator governor mayor chancellor premier king queen prince ' +
    'director chairman chairwoman chair commander admiral colonel captain lieutenant sergeant officer official adviser advisor aide leader member ' +
    'inspector detective constable superintendent commissioner marshal sheriff coxswain coach manager skipper pastor rabbi imam vicar rector dean canon cardinal pope sheikh rev ' +
    'grandmother grandfather grandma grandpa mother mum mom dad auntie aunt uncle nurse chef principal headteacher headmaster headmistress nurse sister brother cousin ' +
    'congressman congresswoman councilman councilwoman assemblyman assemblywoman lawmaker mp mep dame prosecutor attorney barrister solicitor counsel ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
    'russian american british french german chinese ukrainian polish danish italian spanish european western eastern northern southern soviet ' +
    'north south east west new old former current acting senior federal national state ' +
    // Sentence furniture that starts a sentence capitalized ("Does Rubio …", "Though Trump …") and abbreviated titles ("Rep.", "Sen.").
    'does did do what though although because why how who whom whose which even yet still now here there just only not no yes both all some many most more ' +
    'several every each any asked said says told tells added adding perhaps maybe indeed instead thus besides unlike despite through within without against ' +
    'among between under over above below about around across behind beyond upon once whether unless whatever where is are was were be been has have had ' +
    'outside inside toward towards amid during following along near beside beneath ' +
    'would can could should might must let last next first second third one other another such same few less much very rather well ' +
    'rep sen gov gen lt col sgt capt atty supt cmdr pres adm democratic democrat republican libertarian progressive conservative liberal'
  ).split(' '),
);

/** Words that make a capitalized run an organisation or a place, not a person ("Northgate University", "Bridge Street"). */
export const ORGANISATION_WORDS = new Set(
  (
    'university college institute institution council ministry department agency company corporation group party committee association union bank times news post press journal review weekly daily radio television tv foundation fund organisation organization authority court parliament senate assembly army navy office commission ' +
    'street road avenue square hospital clinic school academy church cathedral centre center stadium arena club airport station harbour harbor river valley ' +
    'energy industries holdings limited ltd inc plc corp fc united athletic rovers city county district borough report courier gazette herald tribune chronicle telegraph guardian observer magazine network channel ' +
    'bureau board trust service services police brigade lifeboat coastguard charity society federation league alliance coalition movement institute laboratory labs studio studios festival museum gallery theatre theater cinema library ' +
    'bay cove beach island isle lake loch falls creek heights gardens terrace crescent row market quay wharf pier cape estate village los las san santa mount fort ' +
    'sea ocean gulf strait peninsula desert canal state studies politics'
  ).split(' '),
);

/**
 * A title or an honorific right before a word ("President Brook", "Sen. Marr", "Mr. Regalado", "Councillor Brooks"):
 * the word is a person's name, though the text may never write it in full. Only an abbreviation takes a full stop
 * ("the director. Rivals are …" is no title).
 */
export const PERSON_TITLE_BEFORE =
  /(?<![\p{L}])(?:(?:dr|prof|mr|mrs|ms|rev|sen|gov|rep|pres|gen|lt|col|sgt|capt|adm|cmdr|supt|atty)\.?|professor|miss|sir|dame|lord|lady|inspector|detective|sergeant|constable|sheriff|judge|justice|councillor|councilman|councilwoman|senator|governor|representative|congressman|congresswoman|mayor|president|premier|chancellor|minister|secretary|ambassador|chairman|chairwoman|coach|captain|officer|chief|director|admiral|colonel|lieutenant|commander|pastor|rabbi|reverend|bishop|imam)\s+$/iu;

/** A possessive, a kin or role noun (group 1) and a comma right before a name: "Ivo Marsh’s sister, ", "his eldest son, ". */
const POSSESSED_ROLE_BEFORE = /(?:\p{Lu}[\p{L}-]*[’']s|(?<![\p{L}])(?:[Hh]is|[Hh]er|[Tt]heir))\s+(?:[\p{Ll}-]+\s+){0,2}([\p{Ll}-]+),\s+$/u;

/**
 * "Ivo Marsh’s sister, Ana, …", "his daughter, Mia, said": for a one-word run in apposition to someone's kin or role, that
 * noun ("wife", "daughter"); the word is a person's first name though the text never writes it in full.
 */
export function roleBeforeFirstName(text: string, run: NameMention): string | undefined {
  if (run.tokens.length !== 1 || text[run.end] !== ',') return undefined;
  return possessedRoleBefore(text, run);
}

/** "Eastby’s captain, " or "his eldest son, " right before a run: that kin or role noun ("captain", "son"). */
export function possessedRoleBefore(text: string, run: TextRange): string | undefined {
  return POSSESSED_ROLE_BEFORE.exec(text.slice(Math.max(0, run.start - 40), run.start))?.[1];
}

/** "Quill, who won …": a relative "who" right after a one-word run says it is a person's name, as surely as a cue does. */
export function followedByWho(text: string, run: NameMention): boolean {
  return /^,\s*who\s/u.test(text.slice(run.end, run.end + 8));
}

/** Words of NOT_NAME_WORDS that are also surnames ("Ella King", "Omar West", "Ida Pope", "Tom Dean", "Ada May", "Ned From"). */
const SURNAME_TITLES = new Set(['king', 'dean', 'pope', 'prince', 'bishop', 'judge', 'west', 'french', 'may', 'from']);

export interface NameMention extends TextRange {
  readonly tokens: readonly string[];
  /** "the Weather Bureau", "the Regal": people are rarely written with "the". */
  readonly afterThe?: boolean;
  /** "Lavrov’s": the name modifies a noun ("Lavrov’s spokeswoman"), so it is not the subject. */
  readonly possessive?: boolean;
}

/** Months that are also first names. */
const MONTH_FIRST_NAMES = new Set(['april', 'may', 'june']);
/** A month's word before a weekday or another month is a date ("May Day", "June Monday"). */
const MONTH_NAMES_AFTER = /^\s+(?:Day|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)(?![\p{L}])/u;
/** Words before a month in a date ("in June", "since May", "last April"). */
const DATE_BEFORE = /(?<![\p{L}])(?:in|on|of|since|until|till|by|last|next|early|late|mid|this|that|a|an|the|every|each|from|through|to|between|during|before|after|and|or|\d+)[\s-]+$/iu;

/**
 * A word that can be part of a name: capitalized, not all capitals ("NATO"); "McBride", "O’Neill", "DeSoto", "VanderBerg",
 * "RoseAnn", and an Arabic article joined by a hyphen ("al-Marsh", "el-Nour") too.
 */
const NAME_TOKEN = /^(?:Ma?c|[OD][’']|De|La|Le|Di|Du|Vander|Vande|Van|[ae]l-)?\p{Lu}[\p{Ll}\p{M}]+(?:Ann|Anne)?(?:-\p{Lu}?[\p{Ll}\p{M}]+)*$/u;
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'ter', 'ten', 'del', 'dos', 'das', 'da', 'di', 'du', 'la', 'le', 'bin', 'al', 'el', 'ibn']);
const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}’'-]*/gu;
const THE_BEFORE = /(?<![\p{L}])the\s+$/iu;

/**
 * Two or three initials, each with its full stop, then a capitalized word in lower case after its capital: "G.K. Hale",
 * "A. J. Brook". Not one: "grade A. Hale said" is two sentences.
 */
const LEADING_INITIALS = /^((?:\p{Lu}\.\s?){2,3})(?=\s*\p{Lu}\p{Ll})/u;
/** Initials that stand for places and bodies, not a person's names ("U.S. Senator", "D.C. Council"). */
const PLACE_INITIALS = new Set(['U.S.', 'U.K.', 'U.N.', 'E.U.', 'D.C.', 'L.A.', 'N.Y.', 'N.J.', 'N.C.', 'S.C.', 'U.S.A.', 'A.P.']);

/** Runs of name words in `text[from, to)`: "Sergey Lavrov", "Anders Fogh Rasmussen", "Lavrov". */
export function nameRuns(text: string, from: number, to: number): NameMention[] {
  const runs: NameMention[] = [];
  let tokens: string[] = [];
  let runStart = -1;
  let runEnd = -1;
  let lastEnd = from;
  let possessiveRun = false;
  const flush = () => {
    while (tokens.length > 0 && PARTICLES.has(tokens[tokens.length - 1])) tokens.pop();
    if (tokens.length > 0) runs.push({ start: runStart, end: runEnd, tokens, ...(THE_BEFORE.test(text.slice(Math.max(0, runStart - 5), runStart)) ? { afterThe: true } : {}), ...(possessiveRun ? { possessive: true } : {}) });
    tokens = [];
    possessiveRun = false;
  };
  const segment = text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(segment); m; m = WORD.exec(segment)) {
    const start = from + m.index;
    const word = m[0];
    // "G.K. Hale", "A. J. Brook": initials before a name's other words are one token of it.
    if (tokens.length === 0 && word.length === 1 && startsUpperCase(word)) {
      const initials = LEADING_INITIALS.exec(text.slice(start, Math.min(to, start + 16)));
      if (initials && !PLACE_INITIALS.has(initials[1].replace(/\s/gu, ''))) {
        const written = initials[1].trimEnd();
        runStart = start;
        tokens.push(written.replace(/\s/gu, ''));
        runEnd = start + written.length;
        lastEnd = runEnd;
        WORD.lastIndex = m.index + written.length;
        continue;
      }
    }
    // Most words are in lower case and start no run: a name word starts with a capital (NAME_TOKEN).
    if (tokens.length === 0 && !startsUpperCase(word)) {
      lastEnd = start + word.length;
      continue;
    }
    const gap = text.slice(lastEnd, start);
    lastEnd = start + word.length;
    // A middle initial stays inside the name ("Sander M. Levin" → "Sander Levin").
    if (tokens.length > 0 && /^\p{Lu}$/u.test(word) && text[lastEnd] === '.' && /^[ \t\u00a0]+$/.test(gap) && /^\.[ \t\u00a0]+\p{Lu}\p{Ll}/u.test(text.slice(lastEnd, lastEnd + 4))) {
      lastEnd++;
      continue;
    }
    // Punctuation between two words ends a run ("Lavrov, Rasmussen").
    if (tokens.length > 0 && !/^[ \t\u00a0]+$/.test(gap)) flush();
    const possessive = /[’']s$/.test(word);
    const bare = possessive ? word.slice(0, -2) : word;
    // "Ella King said", "Omar West,": a title or a direction after a first name is a surname, unless a name follows ("Saudi King Salman").
    // Not before a number ("Friday May 5" is a date).
    const surname = tokens.length > 0 && SURNAME_TITLES.has(bare.toLowerCase()) && !/^\s+[\p{Lu}\p{N}]/u.test(text.slice(start + word.length, start + word.length + 3));
    // "Secretary-Treasurer", "Vice-Chair": a hyphenated title is a title too.
    const lower = bare.toLowerCase();
    const head = lower.split('-', 1)[0];
    const title = NOT_NAME_WORDS.has(lower) || (head !== lower && NOT_NAME_WORDS.has(head) && !SURNAME_TITLES.has(head));
    // "April Brook", "June Hale": a month that is also a first name, right before a surname, and no date's preposition before it.
    const firstNameMonth = tokens.length === 0 && MONTH_FIRST_NAMES.has(lower) && /^[ \t\u00a0]+\p{Lu}\p{Ll}/u.test(text.slice(start + word.length, start + word.length + 4)) && !MONTH_NAMES_AFTER.test(text.slice(start + word.length, start + word.length + 14)) && !DATE_BEFORE.test(text.slice(Math.max(0, start - 12), start));
    const isName = NAME_TOKEN.test(bare) && (!title || surname || firstNameMonth);
    if (isName) {
      if (tokens.length === 0) runStart = start;
      tokens.push(bare);
      runEnd = start + bare.length;
      // "Inès Lacombe-Nwosu’s third feature": the possessive ends the name.
      if (possessive) {
        possessiveRun = true;
        flush();
      }
    } else if (tokens.length > 0 && PARTICLES.has(word) && !possessive) {
      tokens.push(word);
    } else {
      flush();
    }
  }
  flush();
  return runs;
}

const UPPER = /^\p{Lu}/u;

function startsUpperCase(word: string): boolean {
  const code = word.charCodeAt(0);
  return code < 128 ? code >= 65 && code <= 90 : UPPER.test(word);
}

/** "in Lowmoor", "on Bridge Street", "the Regal": names after these are places or things, not people. */
export const PLACE_BEFORE = /(?<![\p{L}])(?:in|at|on|near|from|into|across|outside|inside|the)\s+$/iu;

/** "in Brussels Aleksandr Grushko": a run after a preposition that is longer than a name starts with a place. */
export function dropLeadingPlace(text: string, run: NameMention): readonly string[] {
  if (run.tokens.length < 3) return run.tokens;
  const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, run.start - 12), run.start))?.[1]?.toLowerCase();
  return before && ['in', 'at', 'from', 'to', 'of', 'for', 'with', 'on'].includes(before) ? run.tokens.slice(1) : run.tokens;
}

/** Whether a run has a word of an organisation's or a place's name ("Northgate University"). */
export function isOrganisation(tokens: readonly string[]): boolean {
  // "Rob Guardian", "Emily Post": after a first name, the word of an outlet's name that is also a surname is one.
  if (tokens.length === 2 && SURNAMES_OF_OUTLETS.has(tokens[1].toLowerCase()) && firstNameGender(tokens[0]) !== undefined) return false;
  return tokens.some((t) => ORGANISATION_WORDS.has(t.toLowerCase()));
}

/** Words of outlets' names that are also surnames, a person's after a first name (not "Charlotte Observer", "Virginia Beach"). */
const SURNAMES_OF_OUTLETS = new Set(['guardian', 'post', 'press']);

/**
 * "the Ada Brook campaign", "the Tom Hale years": after "the", a first name and a surname before a
 * lower-case noun are a person's name used as a modifier; the text may write it in full nowhere else.
 */
export function namesAPersonAsModifier(text: string, run: NameMention): boolean {
  return run.tokens.length >= 2 && firstNameGender(run.tokens[0]) !== undefined && /^\s+\p{Ll}/u.test(text.slice(run.end, run.end + 3));
}
