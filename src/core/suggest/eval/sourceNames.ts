/** Personal pronouns a source may be (they name no one by themselves). */
const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'him', 'her', 'them', 'his', 'its', 'their', 'you', 'me', 'us', 'himself', 'herself', 'themselves', 'one']);
const RELATIVES = new Set(['who', 'which', 'that', 'whom', 'whose']);
const HONORIFICS = /^(?:mr|mrs|ms|miss|dr|sen|rep|gov|gen|rev|prof)\.?\s+/iu;
const DETERMINERS = /^(?:the|a|an|this|that|these|those)\s+/iu;

export function isPronounSource(raw: string): boolean {
  return PRONOUNS.has(raw.trim().toLowerCase());
}

export function isRelativeSource(raw: string): boolean {
  return RELATIVES.has(raw.trim().toLowerCase());
}

/**
 * The gold speaker for a source's words at `at`: a name (capitalized words) grows to the fullest
 * form the article writes with the same last word, the nearest such form before `at`, else the
 * first after ("Trump" → "Donald Trump"; "Mr. Trump" → "Donald Trump"); "the Post" grows the same
 * way ("New York Post"). A description ("sources", "a campaign aide") stays as written, without
 * its determiner. Undefined for an empty source.
 */
export function goldSpeakerName(text: string, raw: string, at: number): string | undefined {
  let cleaned = raw
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/\s*\([^)]*\)\s*/gu, ' ')
    .trim()
    .replace(/,$/u, '')
    .replace(/[’']s$/u, '')
    .replace(/(?<![\p{L}])(?:Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Dr|Mr|Mrs|Ms)\.\s+/gu, '')
    .replace(HONORIFICS, '');
  // "Stacey Edwards, 31", "Cruz, who has proposed …": the name before an apposition or a relative clause.
  // (Words are separated by required spaces: with optional ones, a run of capitals without a comma backtracks exponentially.)
  if (/^(?:\p{Lu}[\p{L}.’'-]*\s+)*\p{Lu}[\p{L}.’'-]*\s*,/u.test(cleaned)) cleaned = cleaned.slice(0, cleaned.indexOf(','));
  // "the Research Center’s Bozell": a name after a possessive is the person.
  const possessor = /^.*[’']s\s+((?:\p{Lu}[\p{L}’'-]*\s+)*\p{Lu}[\p{L}’'-]*)\s*$/u.exec(cleaned);
  if (possessor) cleaned = possessor[1].trim();
  if (!cleaned) return undefined;
  // A description keeps its determiner here, so that isUnlinkedDescription can tell "the nominee" from "a source".
  const tokens = cleaned.split(' ');
  const last = tokens[tokens.length - 1];
  if (tokens.length > 5) {
    // "its reporter Jane Roe, winner of the Prize for …": the first name of two words or more.
    const name = /(?:\p{Lu}[\p{L}’'-]+\s+)+\p{Lu}[\p{L}’'-]+/u.exec(cleaned)?.[0];
    return name && name.split(' ').length <= 5 ? goldSpeakerName(text, name, at) : (name ?? cleaned);
  }
  if (!/^\p{Lu}/u.test(last)) return cleaned;
  const capitalized = cleaned.replace(DETERMINERS, '');
  const escaped = last.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const pattern = new RegExp(`(?:(?:\\p{Lu}\\.|\\p{Lu}[\\p{L}’'-]+)\\s+){1,3}${escaped}(?![\\p{L}])`, 'gu');
  const forms: { name: string; at: number }[] = [];
  for (const m of text.matchAll(pattern)) {
    let name = withoutLeadingWords(text, m[0].replace(HONORIFICS, ''));
    // "Later Brook said": a sentence's first word is capitalized anyway; kept only if written mid-sentence too.
    if (/(?:^|[.!?]["”’]?\s+)$/u.test(text.slice(Math.max(0, m.index - 3), m.index)) && !new RegExp(`[\\p{Ll},]\\s+${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}`, 'u').test(text)) name = name.slice(name.indexOf(' ') + 1);
    if (name.endsWith(capitalized) && name.split(' ').length > capitalized.split(' ').length && !name.includes('\n')) forms.push({ name, at: m.index });
  }
  const nearest = forms.filter((f) => f.at <= at).pop() ?? forms[0];
  if (!nearest) return capitalized;
  const fuller = forms.filter((f) => f.name.endsWith(nearest.name)).reduce((a, b) => (b.name.length > a.name.length ? b : a), nearest);
  return fuller.name;
}

/** Titles written before a name ("Mayor Lena Holm"), which the name does not include. */
const TITLES = new Set('senate house minority majority whip ambassador congressman congresswoman mayor senator president governor gov sen rep representative secretary minister chairman chairwoman speaker leader judge general director professor dr mr mrs ms democrat republican democratic libertarian candidate nominee former rival'.split(' '));

/** A form without leading titles or words the article also writes in lower case ("Later Brook" → "Brook"). */
function withoutLeadingWords(text: string, form: string): string {
  const tokens = form.split(/\s+/u);
  while (tokens.length > 1) {
    const lower = tokens[0].replace(/\.$/u, '').toLowerCase();
    if (!TITLES.has(lower) && !new RegExp(`(?<![\\p{L}])${lower.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}])`, 'u').test(text)) break;
    tokens.shift();
  }
  return tokens.join(' ');
}

/** Words of a speaker for comparison: lowercase, no honorifics, determiners, initials or possessive. */
function speakerTokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[’']s\b/gu, '')
    .split(/[\s.,]+/u)
    .filter((t) => t && !/^(?:the|a|an|mr|mrs|ms|dr|sen|rep|gov|jr|sr|[a-z])$/u.test(t));
}

/** Heads of descriptions that name no one, which the suggester calls an unnamed source. */
const UNNAMED_HEADS = /^(?:sources?|officials?|aides?|persons?|people|insiders?|spokes(?:man|woman|person)|advisers?|advisors?|staffers?|operatives?|analysts?|experts?|critics?|observers?)$/u;

/**
 * Whether a gold source is a definite description of someone the article names elsewhere ("the
 * Republican nominee", "his campaign manager"): PolNeAR does not link it to the name, so the
 * gold does not know the speaker's name and the speaker figure leaves it out.
 */
export function isUnlinkedDescription(speaker: string): boolean {
  return !/\p{Lu}[\p{L}]*$/u.test(speaker) && /^(?:the|his|her|its|their|our|my)\s/iu.test(speaker) && !UNNAMED_HEADS.test(speakerTokens(speaker).pop() ?? '');
}

/**
 * Whether a suggested speaker is the gold one: the same words (honorifics, determiners, initials
 * aside), or one a shorter form of the other at its end ("Clinton" / "Hillary Clinton"), or two
 * names with the same last two words ("Democrat Hillary Clinton" / "Hillary Clinton"), or an
 * unnamed source for a description of one ("a campaign aide"), or two descriptions with one head noun.
 */
export function sameSpeaker(gold: string, suggested: string): boolean {
  const g = speakerTokens(gold);
  const s = speakerTokens(suggested);
  if (g.length === 0 || s.length === 0) return g.length === s.length;
  const [short, long] = g.length <= s.length ? [g, s] : [s, g];
  if (short.every((t, i) => t === long[long.length - short.length + i])) return true;
  if (short.length >= 2 && short.slice(-2).join(' ') === long.slice(-2).join(' ')) return true;
  const goldDescribed = !/\p{Lu}/u.test(gold);
  if (goldDescribed && suggested.startsWith('unnamed ') && UNNAMED_HEADS.test(g[g.length - 1])) return true;
  return goldDescribed && !/\p{Lu}/u.test(suggested) && singular(g[g.length - 1]) === singular(s[s.length - 1]);
}

function singular(word: string): string {
  return word.endsWith('s') && word.length > 3 ? word.slice(0, -1) : word;
}
