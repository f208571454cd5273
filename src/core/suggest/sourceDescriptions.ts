/**
 * How a text describes a source it does not name, as patterns: unnamed people and groups ("one
 * source", "officials"), indefinite descriptions ("a Vermont Republican"), documents that speak
 * ("a letter to committee members"), outlets introduced by their common noun, and titles that
 * stand for a person ("the foreign minister"). NameResolver decides with them.
 */

/** The label for sources the text does not name ("one source told …"), as the seeds use it. */
export const UNNAMED_SOURCE = 'unnamed source';

/** People a text quotes without naming them, singular ("one source", "a spokesperson for …"). */
const UNNAMED_PERSON =
  'source|official|insider|member|witness|resident|employee|diplomat|person|spokesperson|spokesman|spokeswoman|representative|analyst|expert|critic|observer|neighbour|neighbor|campaigner|activist|worker|man|woman|parent|teacher|student|fan|supporter|shopper|customer|passenger|driver|local|aide|officer|executive|manager|lawyer|doctor|nurse|economist|trader|banker|researcher|scientist|engineer|volunteer|organiser|organizer|colleague|friend|relative|villager|farmer|pupil|visitor|investor|staffer|user|commenter|reader|viewer|blogger|netizen|voter|delegate|protester|protestor|demonstrator|attendee|caller|listener|veteran';

/** Groups a text quotes without naming anyone: "traders on Market Row", "health officials", "people familiar with …". */
const UNNAMED_GROUP =
  'sources|insiders|officials|crowds?|audiences?|aides|allies|advisers|advisors|advocates|lawmakers|legislators|critics|analysts|experts|observers|residents|neighbours|neighbors|witnesses|campaigners|activists|economists|traders|shopkeepers|locals|parents|teachers|nurses|doctors|workers|staff|employees|engineers|fans|supporters|villagers|farmers|drivers|passengers|students|pupils|visitors|organisers|organizers|volunteers|investors|executives|colleagues|friends|relatives|scientists|researchers|diplomats|commenters|bloggers|netizens|protesters|protestors|demonstrators';

/** Words for part of a group before its noun: "some", "many", "a few", "dozens of". */
const QUANTIFIER = String.raw`(?:[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Mm]ost|[Ff]ew|[Aa] few|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Dd]ozens\s+of|[Hh]undreds\s+of)`;

/** Discourse adverbs a text sets off by commas before a cue ("Hale's team, however, said"): they say nothing of who speaks. */
export const DISCOURSE_ASIDE = 'however|for example|for instance|too|meanwhile|though|in turn|in fact|in particular|instead|in response|likewise|similarly|moreover|in contrast|by contrast|for their part|for his part|for her part|for its part';

/** Plurals in -ers, -ors, -ists, -ians or -men that name no people ("numbers", "sectors"). */
const NOT_PEOPLE = 'numbers|papers|newspapers|centers|letters|matters|orders|others|waters|answers|powers|borders|layers|quarters|headquarters|markers|offers|chambers|corners|sectors|factors|errors|doors|floors|mirrors|colors|rumors|honors|favors|vectors|monitors|filters|registers|towers|covers|meters|chapters|rosters|posters|flyers|ledgers|charters|clusters|computers|containers|disasters|headers|leftovers|barriers|sensors|tractors|elevators|indicators|thrillers|dinners';
/**
 * A group of people named by a plural common noun as the whole of a cue's subject, maybe with
 * modifiers and a complement: "Several rowers", "local fishermen", "Proponents of the new fee, however,".
 */
const UNNAMED_PLURAL = new RegExp(
  String.raw`^\s*(?:(?:${QUANTIFIER}|Local|Senior|Former|Young|Angry|Fellow|Rival|Federal|Foreign|Top|Prominent|Conservative|Liberal|Progressive|Moderate)\s+)?(?:\p{Ll}[\p{Ll}-]*\s+){0,2}(?!(?:${NOT_PEOPLE})(?![\p{L}]))(?:\p{Ll}[\p{Ll}-]*(?:ers|ors|ists|ians|men|women)|[Pp]roponents|[Oo]pponents|[Rr]esidents|[Pp]articipants|[Ii]mmigrants|[Cc]onstituents|[Pp]laintiffs|[Aa]ttendees|[Dd]elegates|[Pp]eople)(?:\s+(?:of|for|from|in|at|on|with)\s+[^,;:.!?“”"]{1,50}?)?(?:,\s*(?:${DISCOURSE_ASIDE})\s*,)?\s*$`,
  'u',
);

/** Unnamed sources: "sources", "officials", "critics", "one source", "a senior official", "a spokesperson for the ministry". */
export const ANONYMOUS = new RegExp(
  `(?<![\\p{L}])(?:${UNNAMED_GROUP}|some(?:one|body)|one\\s+of\\s+them|(?:people|those|persons?)\\s+(?:familiar|close|with\\s+knowledge|briefed)|(?:one|a|an|another)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:${UNNAMED_PERSON}))(?![\\p{L}])`,
  'iu',
);

/** "The former mayor's spokeswoman", "his campaign's lawyer": someone who speaks for a person the phrase does not name. */
const SPOKESPERSON_OF_A_DESCRIBED = /^\s*(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+[’']s\s+(?:[\p{Ll}-]+\s+){0,2}(?:spokes(?:man|woman|person)|aides?|advisers?|lawyers?|attorneys?)\s*,?\s*$/u;

/** A phrase that starts with an unnamed source, maybe after a few modifiers ("Some local traders"). */
export const ANONYMOUS_FIRST = new RegExp(
  `^\\s*(?:(?:the|some|many|several|other|two|three|four|local|senior|junior|health|government|industry|party|police|company|hospital|school|council|union|club|rival|former|young|elderly)\\s+){0,2}(?:${ANONYMOUS.source})`,
  'iu',
);

/**
 * Someone described, not named: an indefinite article and no apposition, ending in a common noun or
 * a party or place label ("a 2008 campaign veteran", "a Vermont Republican", "one New Hampshire
 * Democrat"). Names inside are modifiers ("a Holm campaign veteran" is not Holm).
 */
const INDEFINITE_DESCRIPTION = /^\s*(?:[Aa]n?|[Oo]ne|[Aa]nother)(?=\s)(?!\s+named\s)(?![^,;:()]*\s(?:has|have|had|is|are|was|were|be|been|being|to|will|would|can|could|may|might|must|should|did|does|do)(?:\s|$))[^,;:()]*?(?:\s\p{Ll}[\p{Ll}-]*|\s(?:Republican|Democrat|Independent|Libertarian|Conservative|Liberal|\p{Lu}\p{Ll}+(?:an|ian|ese|ish))s?)\s*$/u;
/**
 * A determiner, up to four words, and a document, a poll or a post ("a new poll", "the Hale letter", "a river trust
 * safety officer’s report"); not a subject and its verb ("the Harbour Board issued a statement").
 */
export const DOCUMENT_HEAD = String.raw`(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Tt]his|[Tt]hat)\s+(?:(?!(?:a|an|issued|released|published|sent|wrote|made|put)\s)[\p{L}\d’'-]+\s+){0,4}?(?:letter|report|statement|study|poll|survey|article|tweet|post|ad|advertisement|editorial|memo|investigation|review|analysis|transcript|e-?mail|website|paper|document|filing|complaint|lawsuit|release|video|book|column|message|sign|banner|placard|headline|caption|newsletter|cable|ruling|constitution|bill|petition|indictment|affidavit|verdict|footage|recording)`;
/** What is done to a document, between it and its cue: "a poll released Monday", "a report issued earlier this year". */
const DOCUMENT_PARTICIPLES = 'conducted|released|published|issued|obtained|reviewed|taken|sent|written|filed|posted|prepared|commissioned|drafted|dated|unveiled|leaked|aired';
/**
 * A document, a poll or a post as the subject of a cue ("A letter to committee members calls for
 * …", "an FBI investigation said", "one tweet read"): the source is the document, named by the
 * text's own words, its determiner in lower case (the conventions make documents speakers).
 */
const DOCUMENT_SUBJECT = new RegExp(
  String.raw`^\s*(${DOCUMENT_HEAD}(?:\s+(?:from|by|of|to|in|on|for|last|this|earlier|${DOCUMENT_PARTICIPLES})\s+[^,;:.!?]{1,60}?)?)\s*,?\s*$`,
  'u',
);

/** A document as a speaker, as the text describes it: one line, its first word in lower case unless a name ("a new poll", "the Hale letter"). */
export function documentSpeaker(description: string): string {
  const words = description.trim().replace(/\s+/gu, ' ');
  // "A study …", "Exit polls": a capital that only opens the sentence; "Harbour Board records" keeps the name's.
  return /^\p{Lu}\p{Ll}*(?:\s+\p{Ll}|$)/u.test(words) || /^(?:An?|The|One|Another|This|That|These|Those)\s/u.test(words) ? words.replace(/^\p{Lu}/u, (c) => c.toLowerCase()) : words;
}

/** A phrase that opens with a document, whatever follows ("a study published on Monday in the Harbour Journal"). */
export const OPENS_WITH_A_DOCUMENT = new RegExp(String.raw`^\s*${DOCUMENT_HEAD}(?![\p{L}])`, 'u');
/** A document someone wrote or sent, up to "by" ("a newsletter sent out by …", "the letter signed by …"). */
export const AUTHORED_BY = /^\s*(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Tt]his|[Tt]hat)\s+(?:[\p{L}\d’'-]+\s+){0,3}?(?:letter|statement|tweet|post|memo|e-?mail|message|note|op-ed|essay|column|speech|video)\s+(?:(?:sent|written|posted|signed|issued|released|tweeted|delivered|penned|authored)(?:\s+out)?\s+)?by\s+/u;

/** A person's own document as a whole subject: "Ruiz’s weekly letter to his crew", "Hale's statement". */
export const OWN_DOCUMENT = /^\s*((?:\p{Lu}[\p{L}-]+\s+){0,2}\p{Lu}(?:[\p{L}-]|[’'](?=\p{Lu}))+)[’'](?:s)?\s+(?:[\p{Ll}-]+\s+){0,2}(?:letter|statement|tweet|post|memo|e-?mail|message|note|op-ed|essay|column|speech)(?:\s+(?:to|on|in)\s+[^,;:.!?]{1,60})?\s*$/u;

/** Those who speak for or with someone: "campaign", "aides", "senior advisers", "team", "office". */
const ITS_PEOPLE = String.raw`((?:(?:top|senior|former|chief|longtime|own|press)\s+)?(?:campaign(?:\s+(?:manager|chairman|spokes(?:man|woman|person)))?|aides?|supporters|protesters|allies|spokes(?:man|woman|person)|backers|loyalists|staffers|advisers|team|camp|lawyers?|attorneys?|office|staff|family))`;
/**
 * People who speak for or with someone named: "Clinton's campaign", "Sanders supporters", "Grayson's
 * spokeswoman", "Hale's office", "the Hale family", as the whole of a cue's subject. Group 1 is the
 * name, group 2 the words for the people.
 */
const NAMED_AND_ITS_PEOPLE = String.raw`^\s*(?:[Tt]he\s+|${QUANTIFIER}\s+)?(?!(?:The|A|An|This|That|These|Those|His|Her|Its|Their|Our|My|Your)\s)((?:\p{Lu}[\p{L}.’'-]*\s+){0,2}\p{Lu}(?:[\p{L}-]|[’'](?=\p{Lu}))*?)(?:[’']s?)?\s+${ITS_PEOPLE}`;
export const PEOPLE_OF_A_NAMED = new RegExp(NAMED_AND_ITS_PEOPLE + String.raw`\s*,?\s*$`, 'u');
/** The same people of someone a possessive pronoun means: "His campaign", "her top aides". */
export const PEOPLE_OF_A_PRONOUN = new RegExp(String.raw`^\s*([Hh]is|[Hh]er)\s+${ITS_PEOPLE}\s*,?\s*$`, 'u');
/**
 * The same people as the subject of a clause that goes on to its verb ("Hale's campaign brushed aside …",
 * "Hale's team took …", "Hale's campaign wrote to members …"): a word in lower case that reads as a verb in the
 * past or the present (…ed, …s but not …ss, and the common irregular forms by their endings), maybe after an adverb.
 */
export const PEOPLE_OF_A_NAMED_ACTING = new RegExp(NAMED_AND_ITS_PEOPLE + String.raw`\s+(?:\p{Ll}+ly\s+|also\s+|quickly\s+)?(?:\p{Ll}+(?:ed|[^s]s|ok|ew|ent|ave|ad|ote|ade|aid|old|eld|ought|ame|oke|ose|ound|ept|eft|uck)|is|was|has|had|have|were|are|did)\s`, 'u');
/** The words between "Hale" and "Ana Ruiz" in "Hale campaign adviser Ana Ruiz": a role, in lower case. */
const ROLE_BETWEEN_NAMES = /^\s+(?:\p{Ll}+\s+){0,2}(?:consultant|adviser|advisor|aide|spokes(?:man|woman|person)|strategist|manager|chairman|chairwoman|chair|supporter|surrogate|pollster|ally|staffer|secretary|director|lawyer|attorney|donor|official|operative|backer|loyalist|confidant|counsel|mate|campaign|son|daughter|wife|husband|brother|sister|rival|opponent|critic|economist|analyst|nominee|challenger|appointee|biographer|friend|associate|fundraiser|chief|deputy|lieutenant)\s+$/u;
/** Part of a group named by its capitalized plural: "Some Democrats", "many Republicans", "two Britons". */
const SOME_OF_A_GROUP = new RegExp(String.raw`^\s*${QUANTIFIER}\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}\p{Lu}\p{Ll}+s\s*$`, 'u');
/** An outlet or organisation introduced by its common noun: "the Northport newspaper Courier", "the news agency Tass". */
export const OUTLET_NAMED = /(?:newspaper|paper|daily|weekly|tabloid|magazine|agency|network|broadcaster|channel|station|website|outlet|think tank|group)\s+((?:\p{Lu}[\p{L}.&’'-]*)(?:\s+\p{Lu}[\p{L}.&’'-]*){0,3})\s*$/u;

/** Whether the name that ends at `end` says whose role follows ("Hale" in "Former Hale spokesman Ben Ruiz"): a role in lower case, then another name. */
export function saysWhoseRole(text: string, end: number): boolean {
  return ROLE_BETWEEN_NAMES.test(text.slice(end, end + 40).replace(/\p{Lu}[\s\S]*$/u, ''));
}

/**
 * An organisation the text has named, as the whole of a cue's subject by the word for its kind: "The company", "the rights
 * group", "the campaign". Group 1 is that word and its modifiers.
 */
const DEFINITE_ORGANISATION = /^\s*[Tt]he\s+((?:\p{Ll}+\s+){0,2}(?:group|board|company|agency|department|campaign|ministry|committee|organi[sz]ation|firm|network|newspaper|union|council|court|administration|bureau|commission|party|foundation|institute|government|league|association|charity|bank|army|police|prosecutors?))\s*,?\s*$/u;

/** A share of those polled as a cue's subject, who are unnamed people: "Forty percent", "Nearly three in 10 rowers", "Two out of 10 club members", "about half of those present", "a clear majority of rowers". */
const POLL_SHARE = /^\s*(?:(?:[Aa]bout|[Nn]early|[Aa]lmost|[Rr]oughly|[Oo]nly|[Jj]ust|[Mm]ore than|[Ff]ewer than|[Ll]ess than|[Ww]ell over|[Oo]ver|[Uu]nder)\s+)?(?:(?:\d[\d.,]*|[\p{L}-]+)\s*(?:%|percent|per cent|in\s+(?:10|ten|\d+)|out\s+of\s+(?:10|ten|\d+))|(?:[Hh]alf|(?:[Aa]|[Oo]ne|[Tt]wo)[\s-](?:third|quarter|fifth)s?|[Tt]hree[\s-]quarters|[Aa]\s+(?:slim\s+|clear\s+|large\s+|narrow\s+)?majority|[Mm]ost)(?=\s+of\s))(?:\s+(?:of\s+)?(?:the\s+)?[\p{L}-]+){0,4}\s*$/u;

/** Head nouns of a title that stands for a person ("Russia's foreign minister", "the diplomat"). */
const NAMED_TITLES =
  'minister|envoy|president|premier|chancellor|secretary|chairman|chairwoman|chair|commander|head|leader|governor|mayor|senator|general|director|adviser|advisor|negotiator|councillor|judge|coach|captain|chief|founder|owner|author|ambassador|inspector|detective|superintendent|constable|sergeant|forecaster|consultant|professor|mother|father|wife|husband|son|daughter|sister|brother|boy|girl';

/**
 * Head nouns of a description of one person, beyond the titles: what a person is or does ("the boat-owning millionaire",
 * "the Eastby Republican", "the novelist", "the populist").
 */
const PERSON_HEADS = String.raw`candidate|nominee|front-?runner|contender|hopeful|incumbent|challenger|billionaire|millionaire|businessman|businesswoman|magnate|mogul|tycoon|developer|entrepreneur|actress|actor|singer|rapper|comedian|star|celebrity|host|anchor|pastor|reverend|bishop|priest|rabbi|imam|cleric|lawmaker|legislator|congressman|congresswoman|politician|republican|democrat|conservative|liberal|progressive|moderate|libertarian|retiree|widow|widower|victim|suspect|defendant|plaintiff|prosecutor|attorney|sheriff|representative|speaker|veteran|heiress|heir|lady|gentleman|grandmother|grandfather|mom|dad|[\p{Ll}-]+(?:ist|ian)`;
/**
 * One person described, not named, as the whole of a cue's subject: "The boat-owning millionaire", "The Eastby
 * Republican", "That judge", maybe with an adverb before the cue ("The novelist also"). Not a thing ("The report"), not an
 * organisation, not people ("The rowers").
 */
const DESCRIBED_PERSON = new RegExp(
  String.raw`^\s*((?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?!(?:and|or|of|for|who|that|which|has|have|had|is|was)\s)[\p{L}\d’'.-]+\s+){0,4}?(?:${NAMED_TITLES}|${UNNAMED_PERSON}|${PERSON_HEADS}))(?:\s+(?:also|then|later|now|again|once|\p{Ll}+ly))?\s*$`,
  'iu',
);

/**
 * "The company said …", "…, the rights group says": an organisation named before, as the text now calls it, as the whole of
 * a cue's subject. A claim's speaker is those words; which organisation they mean is the annotator's to say.
 */
export function describedOrganisation(subject: string): string | undefined {
  const described = DEFINITE_ORGANISATION.exec(subject);
  return described ? `the ${described[1].replace(/\s+/gu, ' ')}` : undefined;
}

/**
 * "The boat-owning millionaire says …": one person described as the whole of a cue's subject, in the text's words (the
 * capital of the sentence's first word and an adverb before the cue left out), for the annotator to name.
 */
export function describedPerson(subject: string): string | undefined {
  const described = DESCRIBED_PERSON.exec(subject);
  return described ? described[1].replace(/\s+/gu, ' ').replace(/^\p{Lu}/u, (c) => c.toLowerCase()) : undefined;
}

/** Between a cue's subject and the cue, its last word or words: an auxiliary, an adverb, a time ("have", "also", "this week", "on Monday"). */
const BETWEEN_SUBJECT_AND_CUE = /\s+(?:has|have|had|is|are|was|were|will|would|could|can|may|might|must|should|did|does|do|been|also|then|later|now|again|once|still|often|already|recently|previously|repeatedly|publicly|privately|openly|widely|first|finally|quickly|long|(?:this|last)\s+(?:week|month|year)|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s*$/u;
/** How far from its end BETWEEN_SUBJECT_AND_CUE needs to read (" on Wednesday " and some spaces). */
const BETWEEN_SUBJECT_AND_CUE_REACH = 24;

/** A cue's subject without the auxiliaries, adverbs and times after it, taken off one by one from its end (linear in its length). */
function withoutWhatLeadsToTheCue(subject: string): string {
  let end = subject.length;
  for (;;) {
    // Never empty: the pattern starts with a space.
    const m = BETWEEN_SUBJECT_AND_CUE.exec(subject.slice(Math.max(0, end - BETWEEN_SUBJECT_AND_CUE_REACH), end));
    if (!m) return subject.slice(0, end);
    end -= m[0].length;
  }
}

/** Words that do not stand inside a noun phrase: verbs, relatives, conjunctions of clauses, pronouns. */
const NOT_A_SUBJECT_WORD = 'is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|must|should|did|does|do|said|says|told|that|which|who|whom|whose|when|while|because|if|than|he|she|it|they|we|you|i|his|her|its|their|our|my|your|this|these|those';
/** A word that may stand in a noun phrase before a cue: not one of NOT_A_SUBJECT_WORD. */
const SUBJECT_WORD = String.raw`(?!(?:${NOT_A_SUBJECT_WORD})(?![\p{L}]))[\p{L}\d’'.&-]+`;
/** The head of a description of people: a plural ("rowers", "Leaders", not "crisis", "status"), or a word for a public. */
const PEOPLE_HEAD = String.raw`(?!(?:${NOT_A_SUBJECT_WORD})(?![\p{L}]))(?:[\p{L}-]+s(?<!ss|is|us)|people|audience|crowd|public|media|press)(?![\p{L}])`;
/**
 * People, a group or an outlet described, not named, as the whole of a cue's subject: "Leaders of the club", "Multiple
 * outlets", "Others", "About four in 10 rowers", "Corporate lobbyists", "the much larger audience": maybe a determiner or
 * a quantifier, up to five modifiers, a plural or a word for a public, maybe what they are of or from. Group 1.
 */
const DESCRIBED_PEOPLE = new RegExp(
  String.raw`^\s*((?:(?:[Aa]bout|[Nn]early|[Aa]lmost|[Rr]oughly|[Mm]ore\s+than|[Aa]t\s+least)\s+)?(?:(?:${QUANTIFIER}|[Mm]ultiple|[Nn]umerous|[Vv]arious|[Bb]oth|[Aa]ll|[Tt]he|[Aa]n?|\d[\d,]*(?:\s+(?:in|out\s+of)\s+\d+)?)\s+)?(?:${SUBJECT_WORD}\s+){0,5}?${PEOPLE_HEAD}(?:\s+(?:of|from|in|at|for|with|on|across|around)\s+${SUBJECT_WORD}(?:\s+${SUBJECT_WORD}){0,5})?)\s*$`,
  'iu',
);

/**
 * The source a cue's subject describes without naming it, in the text's words: an organisation ("the rights group"), one
 * person ("the boat-owning millionaire", after a leading phrase of where or when), or people ("leaders of the club",
 * "multiple outlets"), with what stands between it and the cue left out.
 */
export function describedSubject(subject: string): string | undefined {
  const bare = withoutWhatLeadsToTheCue(subject);
  return describedOrganisation(bare) ?? describedPerson(withoutLeadingPhrase(bare)) ?? describedPeople(bare);
}

/** People described as the whole of a cue's subject (see DESCRIBED_PEOPLE), in the text's words. */
function describedPeople(subject: string): string | undefined {
  const described = DESCRIBED_PEOPLE.exec(subject);
  // Its first word in lower case when a determiner or a quantifier ("multiple outlets"), as written otherwise ("Leaders of the club").
  return described ? described[1].trim().replace(/\s+/gu, ' ').replace(LEADING_DETERMINER, (d) => d.toLowerCase()) : undefined;
}
const LEADING_DETERMINER = /^(?:The|An?|Some|Many|Several|Other|Others|Most|Few|A few|Multiple|Numerous|Various|Both|All|About|Nearly|Almost|Roughly|More than|At least)(?![\p{L}])/u;

/** A short phrase that opens a sentence with where, when or how, not a clause that could be content. */
export const LEADING_ADVERBIAL = /^\s*(?:(?:And|But)\s+)?(?:When|As|At|In|After|Before|While|During|On|Since|Until|Following|Asked|Reached|Speaking|Racking|Writing|Pressed|Interviewed)\s(?:(?![.;:!?])[^,]){0,80}$/u;

/** A cue's subject without a leading phrase of where or when before it ("On Monday, the novelist" → " the novelist"). */
export function withoutLeadingPhrase(subject: string): string {
  const comma = subject.lastIndexOf(',');
  return comma >= 0 && LEADING_ADVERBIAL.test(subject.slice(0, comma)) ? subject.slice(comma + 1) : subject;
}

/** Every head noun of a title, named or unnamed ("minister", "spokeswoman"): words of letters only. */
export const TITLE_HEAD_WORDS: readonly string[] = [...NAMED_TITLES.split('|'), ...UNNAMED_PERSON.split('|')];

/** A title in a phrase, by its head noun. */
export const TITLE_HEAD = new RegExp(`(?<![\\p{L}])(${NAMED_TITLES}|${UNNAMED_PERSON})(?![\\p{L}])`, 'iu');

/** A title with its determiner, where the narrator refers to a person ("the chief executive", "a spokeswoman"). */
export const TITLE_REFERENCE = new RegExp(
  `(?<![\\p{L}])(the|its|their|his|her|our|a|an|one|another)\\s+((?:(?!(?:the|a|an|and|or|of|who|that|said|says|told|before|after|since|until|while|when|if|in|on|at|to|from|for|with|by|as|than|about|over|into)\\s)[\\p{L}’'-]+\\s+){0,3})(${UNNAMED_PERSON}|${NAMED_TITLES})(?![\\p{L}’'-])`,
  'giu',
);

/** Titles a text brings in without a name ("a person familiar with …", "one official"). */
export const UNNAMED_HEADS = new Set(UNNAMED_PERSON.split('|'));

/** Heads of the descriptions news uses for anonymous sources: with "the" and nobody named with them, no one in particular. */
export const ANONYMOUS_HEADS = /^(?:source|insider|official|spokesman|spokeswoman|spokesperson|aide)$/u;

/** Words after a title that still belong to the sentence, not to a longer noun ("the chief executive"). */
const AFTER_TITLE = new Set('of at for in on from with who whom whose which that said says told tells added was is has had and or but to would will could can did does also then'.split(' '));

/** "a local business", "the general election": the title word is a modifier of the next noun. */
export function followedByNoun(text: string, end: number): boolean {
  const next = /^[ \t]+(\p{Ll}+)/u.exec(text.slice(end, end + 24))?.[1];
  return next !== undefined && !AFTER_TITLE.has(next) && !next.endsWith('ed') && !next.endsWith('ly');
}

/** How far back an unnamed source is still the one a definite "the person" refers to. */
const RECENT_UNNAMED = 1500;

/** Whether "the person" (a title of UNNAMED_HEADS) at `before` was brought in without a name ("a person familiar with the talks"). */
export function introducedUnnamed(text: string, head: string, before: number): boolean {
  if (!UNNAMED_HEADS.has(head)) return false;
  const plural = head === 'person' ? 'people' : `${head}s`;
  const earlier = text.slice(Math.max(0, before - 3000), before);
  // "Another source said …. The person added": an unnamed source just before, by any head, is the one meant.
  return new RegExp(`(?<![\\p{L}])(?:a|an|one|another|two|three|several|some)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:${head}|${plural})(?![\\p{L}])`, 'iu').test(earlier) || ANONYMOUS.test(earlier.slice(-RECENT_UNNAMED));
}

/**
 * The source of a phrase that describes it without naming anyone, as a whole cue subject: a document as the text
 * describes it ("a letter to the members"), or an unnamed source ("a senior official", "some rowers", "Forty percent",
 * "Another"). "A spokesperson for the Department of Health": the names after an unnamed source are not the speaker.
 */
export function describedSource(phrase: string): string | undefined {
  // "“…” and 35 percent said “…”": a conjunction in lower case opens a clause of its own; it is no part of the subject.
  phrase = phrase.replace(/^\s*(?:and|but|while|whereas)\s+/u, '');
  const document = DOCUMENT_SUBJECT.exec(phrase);
  if (document) return documentSpeaker(document[1]);
  if (ANONYMOUS_FIRST.test(phrase) || INDEFINITE_DESCRIPTION.test(phrase) || SOME_OF_A_GROUP.test(phrase) || UNNAMED_PLURAL.test(phrase)) return UNNAMED_SOURCE;
  if (POLL_SHARE.test(phrase) || SPOKESPERSON_OF_A_DESCRIBED.test(phrase)) return UNNAMED_SOURCE;
  // "Another tweeted, “…”", "One said", "Several said …", "Most of them agreed": someone of a crowd just mentioned, or a
  // quantifier alone for people of a group the text has in view.
  if (/^\s*(?:[Aa]nother|[Oo]ne|(?:[Ss]everal|[Mm]any|[Mm]ost|[Bb]oth|[Aa] few|[Ff]ew|[Ss]ome|[Oo]thers|[Aa]ll|[Hh]alf)(?:\s+of\s+(?:them|those))?)\s*$/u.test(phrase)) return UNNAMED_SOURCE;
  return undefined;
}

/** "In a Tidewatch survey taken in May, …": a poll or a study that a sentence opens with says what follows its comma. */
export const IN_A_POLL = /^\s*In\s+((?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Oo]ne)\s+(?:[\p{L}\d’'./-]+\s+){0,5}?(?:poll|survey|study|analysis|audit|census|average(?:\s+of\s+(?:[\p{L}\d’'./-]+\s+){0,3}?polls)?)(?:\s+(?:released|published|conducted|taken|out)\s+[^,;:.!?“”"]{1,40}?|\s+(?:last|this)\s+(?:week|month|year)|\s+on\s+\p{Lu}\p{Ll}+day)?)\s*,\s*/u;

/** "The spokesman", "the official" opening a phrase: the title's head (group 1) and a verb in lower case after it. */
export const DEFINITE_TITLE_FIRST = new RegExp(String.raw`^\s*[Tt]he\s+(${TITLE_HEAD_WORDS.join('|')})\s+(?:later\s+|also\s+)?\p{Ll}`, 'u');

/** "His chief aide", "her campaign" opening a phrase, then a verb in lower case (group 2). */
export const POSSESSED_PEOPLE_FIRST = new RegExp(String.raw`^\s*(?:[Hh]is|[Hh]er)\s+${ITS_PEOPLE}\s+((?:later\s+|also\s+)?\p{Ll})`, 'u');

/** A phrase that is only a run of capitalized words (after "the"), its last word (group 2) in group 1. */
export const CAPITALIZED_PEOPLE_WORD = /^\s*(?:[Tt]he\s+)?((?:\p{Lu}[\p{L}.&’'-]*\s+){1,3}(\p{Lu}\p{Ll}+))\s*,?\s*$/u;

/** Right after a description: a comma, a name (maybe after a title) and a comma. */
export const NAME_IN_APPOSITION = /^\s*,\s*(?:\p{Lu}\p{Ll}+\.?\s+)?(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]*\s*,/u;
