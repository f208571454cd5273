import { firstIndex } from './firstIndex';
import { namesReadInTitleCase } from './headlines';
import { mainClauseStart } from './leadingClause';
import { dropLeadingPlace, isOrganisation, nameRuns, namesAPersonAsModifier, PERSON_TITLE_BEFORE, roleBeforeFirstName, type NameMention } from './nameRuns';
import type { TextRange } from './paragraphs';
import { firstNameGender, honorificGender, pronounGender, type Gender } from './personGender';
import { organisationIn } from './organisations';
import { personReferences, type ReferenceNames } from './personReferences';
import { PronounResolver, subjectPronounBeforeCue } from './pronounResolution';
import { mayBeAPerson, SpeakerHistory, type SpokenTurn } from './speakerHistory';
import { TitledNames } from './titledNames';
import { FullNames } from './fullNames';
import { LoneNames } from './loneNames';
import { lastWordOf, LowerCaseWords } from './words';
import { ANONYMOUS, ANONYMOUS_FIRST, ANONYMOUS_HEADS, AUTHORED_BY, CAPITALIZED_PEOPLE_WORD, DEFINITE_TITLE_FIRST, describedSource, NAME_IN_APPOSITION, OWN_DOCUMENT, OUTLET_NAMED, PEOPLE_OF_A_NAMED, PEOPLE_OF_A_NAMED_ACTING, PEOPLE_OF_A_PRONOUN, POSSESSED_PEOPLE_FIRST, saysWhoseRole, TITLE_HEAD, TITLE_HEAD_WORDS, UNNAMED_SOURCE, introducedUnnamed, UNNAMED_HEADS } from './sourceDescriptions';

const PRONOUNS = new Set(['he', 'she', 'him', 'her']);
const SUBJECT_PRONOUNS = new Set(['he', 'she']);

/** How many mentions a pronoun with no one in reach looks back through for a name it can stand for. */
const MAX_MENTIONS_BACK = 40;

/** Only a capitalized name of up to five words (maybe after "the"), before a comma or a colon. */
const CAPITALIZED_ONLY = /^\s*(?:the\s+)?(\p{Lu}[\p{L}\p{N}&’'.-]*(?:\s+\p{Lu}[\p{L}\p{N}&’'.-]*){0,4})\s*[:,]?\s*$/u;

/** What may stand before an organisation that opens a clause: nothing, or "the". */
const ORGANISATION_OPENS = /^\s*(?:[Tt]he\s+)?$/u;

/** A preposition right before a word: what follows is where or through what something was said. */
const AFTER_PREPOSITION = /(?:^|\s)(?:on|in|at|to|from|with|by|for|of|into|via|about|over)\s+$/u;

/** After a possessive name: its role, a comma, and the name in apposition ("’s deputy for the quays, " of "Hale’s deputy for the quays, Ben Ruiz"). */
const POSSESSED_ROLE_RENAMED = /^[’']s\s+(?:[\p{L}-]+\s+){0,3}[\p{L}-]+,\s+(?=\p{Lu})/u;

/**
 * How far back (UTF-16 units) a pronoun with no one in reach may still stand for the last speaker it fits: on PolNeAR train
 * at most 4,242; without a bound, a long text of "she said" after speakers she cannot be walks back through them all each time.
 */
const PRONOUN_REACH = 10_000;

/** How close (UTF-16 units) the last speaker's quote must be for a pronoun to stay with them. */
const RECENT_SPEAKER = 250;

/**
 * Resolves how a text refers to a person to the fullest name the document uses for them: a surname
 * to the mention it most recently stood for ("Bassi" → "Amrit Bassi" after his father Harjinder
 * Bassi), in its longest form ("Lavrov" → "Sergey Lavrov", even when the full name comes later); a
 * title to the name it was first written with ("Russia's foreign minister" → "Sergey Lavrov"); a
 * pronoun to the nearest person of its gender (see PronounResolver); unnamed sources to one label.
 */
export class NameResolver implements ReferenceNames {
  /** Whether a pronoun of a gender may stand for a speaker, by gender, then by name (see pronoun). */
  private readonly pronounFits = new Map<Gender | undefined, Map<string, boolean>>();
  /** Runs of exactly two words ("Dana Ortiz"), for runs that end with one (see personTokens). */
  private readonly pairs = new Set<string>();
  private readonly mentions: NameMention[];
  /** The names of two words or more, by ending and by first name. */
  private readonly names: FullNames;
  /** The name written right after the first use of each title word ("Foreign Minister Sergey Lavrov"). */
  private readonly titled: TitledNames;
  /** Speakers already attributed, by position, for pronouns, titles and continuation quotes. */
  private readonly history = new SpeakerHistory();
  /** Whether a capitalized word also appears in lower case, by word ("Coxswain" / "the coxswain"). */
  private readonly commonWords: LowerCaseWords;
  /** Every run of name words, for references (built with the resolver, since it is one scan). */
  private readonly runs: NameMention[];
  private pronouns: PronounResolver | undefined;
  /** Surnames the text never writes in full that it treats as people's names ("Hale said"). */
  private readonly loneNames: LoneNames;

  constructor(
    private readonly text: string,
    /** The document's paragraphs and quoted words, for pronouns; without them the text is one paragraph. */
    private readonly context: { readonly paragraphs?: readonly TextRange[]; readonly spoken?: readonly TextRange[] } = {},
  ) {
    this.commonWords = new LowerCaseWords(text);
    this.titled = new TitledNames(text, (after) => this.nameRightAfter(after), TITLE_HEAD_WORDS);
    this.runs = namesReadInTitleCase(text, nameRuns(text, 0, text.length), (w) => this.commonWords.has(w)).filter((r) => (!r.afterThe || namesAPersonAsModifier(text, r)) && !isOrganisation(r.tokens));
    this.loneNames = new LoneNames(text, this.runs, { opensSentence: (at) => this.opensSentence(at), insideQuote: (r) => this.insideQuote(r), isCommon: (w) => this.commonWords.has(w) });
    for (const run of this.runs) if (run.tokens.length === 2) this.pairs.add(run.tokens.join(' '));
    const allMentions = this.runs.map((m) => ({ ...m, tokens: this.personTokens(m) })).filter((m) => m.tokens.length >= 2);
    // "a sign that read “Tyrant Hale”": two words inside quoted words, the first no known first name, are no form of a surname
    // the narrator writes in full elsewhere ("Tom Hale"); a known first name ("“Ada Hale”") or a longer name still is one.
    const quoted = new Set(allMentions.filter((m) => this.insideQuote(m)));
    const narrated = new Set(allMentions.filter((m) => !quoted.has(m)).map((m) => m.tokens[m.tokens.length - 1]));
    this.mentions = allMentions.filter((m) => !quoted.has(m) || !narrated.has(m.tokens[m.tokens.length - 1]) || firstNameGender(m.tokens[0]) !== undefined || m.tokens.length > 2);
    this.names = new FullNames(this.mentions);
  }

  /** Records that `name` speaks in `text[at, end)`. */
  noteSpeaker(name: string, at: number, end = at): void {
    if (name !== UNNAMED_SOURCE) this.history.note(name, at, end);
  }

  /** The last named speaker before `at`, with where they spoke. */
  lastSpeakerBefore(at: number): SpokenTurn | undefined {
    return this.history.lastBefore(at);
  }

  /** Whether "he" or "she" may stand for the person called `name`: a person, of that gender or of none the text tells (kept per gender and name). */
  mayBeMeantBy(pronoun: string, name: string): boolean {
    const gender = pronounGender(pronoun);
    let answers = this.pronounFits.get(gender);
    if (!answers) this.pronounFits.set(gender, (answers = new Map()));
    let answer = answers.get(name);
    if (answer === undefined) {
      const nameGender = this.pronounResolver().genderOfName(name);
      answer = mayBeAPerson(name) && (!gender || !nameGender || gender === nameGender);
      answers.set(name, answer);
    }
    return answer;
  }

  /** The last person other than `name` the narrator names in `text[from, to)` (outside quotes), if any. */
  otherPersonBetween(name: string, from: number, to: number): string | undefined {
    let last: string | undefined;
    const i = this.firstMentionFrom(from);
    for (let k = i; k < this.mentions.length && this.mentions[k].start < to; k++) {
      const other = this.fullest(this.mentions[k].tokens, this.mentions[k].start);
      if (other && other !== name && !this.insideQuote(this.mentions[k]) && this.opensSentence(this.mentions[k].start)) last = other;
    }
    return last;
  }

  /** Whether a sentence starts at `at` (maybe after a title: "Sen. Jo Marr …"): the name there is its subject. */
  private opensSentence(at: number): boolean {
    return /(?:^|[.!?…]["”’]?\s+|\n\s*)(?:\p{Lu}\p{L}*\.?\s+)?$/u.test(this.text.slice(Math.max(0, at - 16), at));
  }

  /** Whether `range` overlaps quoted words (the document's quote candidates). */
  insideQuote(range: TextRange): boolean {
    const spoken = this.context.spoken ?? [];
    const i = firstIndex(spoken.length, (k) => spoken[k].end > range.start);
    return i < spoken.length && spoken[i].start < range.end;
  }

  /**
   * The person `text[from, to)` refers to, or undefined when it names none (a country, an
   * organisation, nothing). `at` is where the reference is, for titles. `loose` accepts a single
   * capitalized word never written in full ("…,” Lavrov said): right next to a speech cue it is a
   * name; elsewhere it is more often a place or an organisation.
   */
  resolve(from: number, to: number, at: number, loose = false): string | undefined {
    const phrase = this.text.slice(from, to);
    // "A newsletter sent out by Ruiz set out", "Ruiz’s letter to his crew notes": a person's own document speaks for them.
    const [authored, owned] = [AUTHORED_BY.exec(phrase), OWN_DOCUMENT.exec(phrase)];
    const author = authored ? this.nameIn(nameRuns(this.text, from + authored[0].length, to)) : owned && this.fullest(owned[1].split(/\s+/u), from + owned.index);
    if (author) return author;
    const described = describedSource(phrase);
    if (described) return described;
    const { word: lastWord, atMostTwo: atMostTwoWords } = lastWordOf(phrase);
    const last = lastWord.toLowerCase();
    const lastAt = from + phrase.lastIndexOf(lastWord);
    // "what he called “…”", "of Trump, whom he called a “…”": a subject pronoun right before the cue is its subject,
    // whoever is named before it.
    if (SUBJECT_PRONOUNS.has(last)) return this.pronoun(last, lastAt, at);
    // "…,” he later said", "she has also told": adverbs or auxiliaries between the subject pronoun and the cue.
    const beforeCue = subjectPronounBeforeCue(phrase, last);
    if (beforeCue) return this.pronoun(beforeCue.pronoun, from + beforeCue.at, at);
    const runs = nameRuns(this.text, from, to);
    // "Clinton's campaign said", "…,” Sanders supporters chanted": those who speak for or with the person, not the person.
    const people = PEOPLE_OF_A_NAMED.exec(phrase) ?? PEOPLE_OF_A_NAMED_ACTING.exec(phrase);
    if (people) {
      const role = people[2].replace(/\s+/gu, ' ');
      const head = role.slice(role.lastIndexOf(' ') + 1);
      // "Trump's campaign manager said", "Ed Holm, Trump's campaign manager, said": one person, named beside the title.
      const titled = /s$/u.test(head) || head === 'campaign' || head === 'team' || head === 'camp' ? undefined : (this.nameBeforeComma(from) ?? this.titled.first(head, from));
      if (titled) return titled;
      const owner = this.fullest(people[1].split(/\s+/u), from + people.index) ?? people[1];
      return `${owner}’s ${role}`;
    }
    // "His campaign said", "her aides said": the people of the person the pronoun means.
    const theirs = PEOPLE_OF_A_PRONOUN.exec(phrase);
    if (theirs) {
      const owner = this.pronoun(theirs[1].toLowerCase() === 'his' ? 'he' : 'she', from + theirs.index + theirs[0].indexOf(theirs[1]), at);
      return owner && `${owner}’s ${theirs[2].replace(/\s+/gu, ' ')}`;
    }
    const named = this.nameIn(runs);
    if (named) return named;
    // A lone "him" or "her" before the cue ("…,” her aide said" cut short) stands for the person it means.
    if (atMostTwoWords && PRONOUNS.has(last)) return this.pronoun(last, lastAt, at);
    // "…” – no Ferro, we're asking now": a first- or second-person subject right before the cue is nobody named before it.
    if (/^(?:i|we|you|they)(?:[’'](?:re|ve|ll|d|m))?$/u.test(last)) return undefined;
    if (ANONYMOUS.test(phrase)) return UNNAMED_SOURCE;
    // "according to the Eastby Observer", "the Eastby Caller reported": a word for people that ends a run of capitals is a name's.
    const capitalized = CAPITALIZED_PEOPLE_WORD.exec(phrase);
    if (capitalized && UNNAMED_HEADS.has(capitalized[2].toLowerCase()) && !ANONYMOUS_HEADS.test(capitalized[2].toLowerCase())) return capitalized[1];
    const title = TITLE_HEAD.exec(phrase);
    if (title) {
      const head = title[1].toLowerCase();
      // Not the nearest name: a title nobody was named with is more likely someone new than whoever came last;
      // "…,” the insider said": the heads of anonymous sourcing name no one at all.
      return this.titled.first(head, from) ?? this.nameBeforeComma(from) ?? this.unnamedTitle(head, from) ?? this.history.lastBefore(at)?.name;
    }
    const outlet = OUTLET_NAMED.exec(phrase);
    if (outlet) return outlet[1];
    const run = runs.find((r) => !r.possessive && !r.afterThe);
    // "…” on Twitter before claiming": a word after a preposition is a place or a medium, not the speaker.
    if (loose && run && runs.length === 1 && !AFTER_PREPOSITION.test(this.text.slice(from, run.start))) return (run.tokens.length === 1 ? this.names.personByFirstName(run.tokens[0]) : undefined) ?? run.tokens.join(' ');
    // "the Home Office said", "…,” the state news agency KCNA reported": organisations speak too.
    return organisationIn(phrase);
  }

  /**
   * Who `text[from, to)` after "according to" names: as `resolve` reads a phrase before a cue, loosely (a lone word the
   * text names nowhere else), else a name of capitals it does not read as a person's or an organisation's ("According to
   * Tidewatch: “…”", "according to HarbourNet,").
   */
  accordingTo(from: number, to: number, at: number): string | undefined {
    return this.resolve(from, to, at, true) ?? CAPITALIZED_ONLY.exec(this.text.slice(from, to))?.[1];
  }

  /** The person a phrase names outright (no titles, pronouns or sources), e.g. "Khan was blunt." */
  nameIn(runs: readonly NameMention[]): string | undefined {
    const named = runs.filter((r) => !r.possessive && !r.afterThe && !isOrganisation(r.tokens));
    // "Marsh, whose guide “Tidal Drift,” sold well, told …": a name inside quoted words is no subject of the narrator's
    // sentence, unless the phrase names no one else (a transcript's label inside the quote it labels).
    const narrated = named.filter((r) => !this.insideQuote(r));
    const people = narrated.length > 0 ? narrated : named;
    const subject = people[0] && this.isDescribedSubject(people[0]) ? people[0] : undefined;
    const run = subject ?? [...people].reverse().find((r) => r.tokens.length >= 2) ?? people[0];
    return run && this.personName(run);
  }

  /**
   * Whether a phrase's first name is its subject because what follows describes it: an apposition ("Gareth Pryce,
   * regional organiser of …", "Holm, 41, the niece of …") or "of <Organisation>" ("Jeff Lane of the Harbour Centre …").
   */
  private isDescribedSubject(run: NameMention): boolean {
    const after = this.text.slice(run.end, run.end + 8);
    if (run.tokens.length >= 2 && /^\s+of\s/u.test(after)) return true;
    return after.startsWith(',') && (run.tokens.length >= 2 || this.honorificBefore(run.start) !== undefined || /^,\s*\d{1,3}\s*,/u.test(after));
  }

  /** The fullest name of a run; "Mr. Regalado" is a person even when the text never writes his first name. */
  private personName(run: NameMention): string | undefined {
    return this.fullest(this.personTokens(run), run.start) ?? (run.tokens.length === 1 && (PERSON_TITLE_BEFORE.test(this.text.slice(Math.max(0, run.start - 16), run.start)) || this.loneNames.isPerson(run.tokens[0]) || roleBeforeFirstName(this.text, run) !== undefined) ? run.tokens[0] : undefined);
  }

  /** The unnamed-source label for a title's head the text brought in without a name, or that names no one ("the insider"). */
  private unnamedTitle(head: string, at: number): string | undefined {
    return introducedUnnamed(this.text, head, at) || ANONYMOUS_HEADS.test(head) ? UNNAMED_SOURCE : undefined;
  }

  /** The honorific ("Mr", "Mrs", "Ms", "Miss", "Dr") written right before `at`, if any. */
  private honorificBefore(at: number): string | undefined {
    return /(?<![\p{L}])(Mr|Mrs|Ms|Miss|Dr)\.?\s+$/u.exec(this.text.slice(Math.max(0, at - 6), at))?.[1];
  }

  /**
   * The first person named in `text[from, to)`, a possessive too ("Holm's aside that …"): a
   * sentence's subject, more often than the names after it, is whose words its marked words are.
   */
  firstPersonBetween(from: number, to: number): string | undefined {
    // "She was defending the foundation, but admitted “one or two instances”": a pronoun subject first.
    // "And he went on to argue …", "However, he spared …", ", he said, calling …": after a conjunction or an adverb, or lower case inside a sentence, too.
    const opening = /^\s*(?:(?:And|But|So|Yet|Then|Still|Now|Later|Also|Instead|(?:However|Meanwhile|Still),)\s+)?(He|She|he|she)\s/u.exec(this.text.slice(from, Math.min(to, from + 22)));
    if (opening) return this.pronoun(opening[1].toLowerCase(), from + opening[0].lastIndexOf(opening[1]), to);
    // "Introduced on stage by X, Ada Brook spoke about …": the subject follows a leading clause.
    const main = mainClauseStart(this.text, from, to);
    // "A Brook campaign official later softened …, saying …": an unnamed subject, whoever it names.
    const anonymous = ANONYMOUS_FIRST.exec(this.text.slice(main, Math.min(to, main + 80)));
    if (anonymous) {
      // "A longtime member, Councillor Ana Penrose, was blunt: …": the name in apposition is who the description is.
      const after = main + anonymous[0].length;
      const apposition = NAME_IN_APPOSITION.exec(this.text.slice(after, Math.min(to, after + 80)));
      const named = apposition ? this.nameIn(nameRuns(this.text, after, after + apposition[0].length)) : undefined;
      return named ?? UNNAMED_SOURCE;
    }
    // "The spokesman would not say …, adding: “…”": a sentence that opens with "the" and a title nobody is named with.
    const titled = DEFINITE_TITLE_FIRST.exec(this.text.slice(main, Math.min(to, main + 60)));
    if (titled) {
      const head = titled[1].toLowerCase();
      const described = this.titled.first(head, main) ?? this.unnamedTitle(head, main);
      if (described) return described;
    }
    // "His chief aide went after …, saying …": the people of the person the pronoun means.
    const theirs = POSSESSED_PEOPLE_FIRST.exec(this.text.slice(main, Math.min(to, main + 60)));
    if (theirs) {
      const people = this.resolve(main, main + theirs[0].length - theirs[2].length, to);
      if (people) return people;
    }
    if (main > from) {
      // "After the vote, Hale's campaign sent a letter …, accusing …": the people of a named person after a leading clause.
      const people = PEOPLE_OF_A_NAMED_ACTING.test(this.text.slice(main, to)) ? this.resolve(main, to, to) : undefined;
      if (people) return people;
      const subject = this.firstPersonBetween(main, to);
      if (subject) return subject;
    }
    let apposition = -1;
    for (const run of nameRuns(this.text, from, to)) {
      // "The Eastby Rowing Association reviewed Hale’s record and …": an organisation that opens the main clause, a verb after
      // it, is its subject; no person named later is.
      if (run.start - main <= 6 && isOrganisation(run.tokens) && !run.possessive && ORGANISATION_OPENS.test(this.text.slice(main, run.start)) && /^\s+(?!(?:and|or|nor)\s)\p{Ll}/u.test(this.text.slice(run.end, run.end + 6))) return undefined;
      if (run.afterThe || isOrganisation(run.tokens) || this.insideQuote(run)) continue;
      if (saysWhoseRole(this.text, run.end)) continue;
      // "Hale’s deputy for the quays, Ben Ruiz, wrote …", "Hale’s nephew, Ivo, said …": the possessive says whose role; the name
      // in apposition to the role is the subject, a first name alone too.
      const renamed = run.possessive ? POSSESSED_ROLE_RENAMED.exec(this.text.slice(run.end, run.end + 60)) : null;
      if (renamed) {
        apposition = run.end + renamed[0].length;
        continue;
      }
      const name = this.personName(run) ?? (run.start === apposition && run.tokens.length === 1 && /^,/u.test(this.text.slice(run.end, run.end + 1)) && !this.commonWords.has(run.tokens[0]) ? run.tokens[0] : undefined);
      if (name) return name;
    }
    return undefined;
  }

  /** `nameIn` for `text[from, to)`. */
  nameBetween(from: number, to: number): string | undefined {
    return this.nameIn(nameRuns(this.text, from, to));
  }

  /** "Lena Achterberg, the council's head of highways, said": the name a comma right before `from` closes. */
  nameBeforeComma(from: number): string | undefined {
    // "Ana Penrose (R-Kent), a longtime club member, …": a party or place label in brackets between the name and its comma.
    const comma = /(?:\s*\([^()\n]{1,24}\))?,\s*$/u.exec(this.text.slice(Math.max(0, from - 30), from));
    if (!comma) return undefined;
    const before = from - comma[0].length;
    const run = nameRuns(this.text, Math.max(0, before - 60), before).pop();
    return run && run.end === before ? this.nameIn([run]) : undefined;
  }

  /** Whom "his" or "her" at `offset` means ("his warning that …"), as "he" or "she" there would. */
  possessivePronoun(word: string, offset: number, at: number): string | undefined {
    return this.pronoun(word.toLowerCase() === 'his' ? 'he' : 'she', offset, at);
  }

  private pronoun(pronoun: string, offset: number, at: number): string | undefined {
    const resolver = this.pronounResolver();
    const fits = (name: string) => this.mayBeMeantBy(pronoun, name);
    // "“…,” she said. “…,” she added.": a speaker who spoke just before, with nobody named since outside quotes, stays the one meant.
    const last = this.lastSpeakerBefore(at);
    if (last && at - last.end < RECENT_SPEAKER && fits(last.name) && !resolver.refersToSomeoneIn(last.at, offset)) return last.name;
    const referent = resolver.referent(pronoun, offset);
    if (referent) return referent.name;
    // No one within reach: the last speaker the pronoun can stand for.
    return this.history.lastNameBefore(at, fits, PRONOUN_REACH) ?? this.nearestName(offset, fits);
  }

  /**
   * The fullest name for `tokens` written at `at`: a bare surname stands for the person it last
   * stood for (or, before any full mention, the first one after), in that person's longest form.
   */
  fullest(tokens: readonly string[], at: number): string | undefined {
    if (isOrganisation(tokens)) return undefined;
    let same = this.names.mentionsOf(tokens);
    if (same.length === 0) return tokens.length >= 2 ? tokens.join(' ') : undefined;
    // "Mrs. Clinton" in an article that also names Bill Clinton: a form whose first name is of the other gender is not meant.
    const honorific = tokens.length === 1 ? this.honorificBefore(at) : undefined;
    // "Olsen herself": a reflexive after the surname tells the gender as well.
    const reflexive = tokens.length === 1 ? /^\s+(himself|herself)(?![\p{L}])/u.exec(this.text.slice(at + tokens[0].length, at + tokens[0].length + 10))?.[1] : undefined;
    const gender = (honorific && honorificGender(honorific)) || (reflexive ? (reflexive === 'himself' ? 'male' : 'female') : undefined);
    if (gender) {
      const agreeing = same.filter((m) => (firstNameGender(m.tokens[0]) ?? gender) === gender);
      if (agreeing.length > 0) same = agreeing;
    }
    const before = firstIndex(same.length, (i) => same[i].start > at);
    const recent = before > 0 ? same[before - 1] : same[0];
    return this.names.longestFormOf(recent.tokens);
  }

  /**
   * The words of a run that name the person: not a leading place ("in Brussels Aleksandr
   * Grushko") nor a leading title the text also uses as a common noun ("Coxswain Tam Rennick").
   */
  personTokens(run: NameMention): readonly string[] {
    let tokens = dropLeadingPlace(this.text, run);
    // "Coxswain Tam Rennick", "House Speaker Tom Hale", "fellow Northporter Tom Hale": titles and descriptions before
    // the name, words the text writes in lower case too, or any word before a known first name that is none itself.
    while (tokens.length >= 3 && (this.commonWords.has(tokens[0]) || (firstNameGender(tokens[1]) !== undefined && firstNameGender(tokens[0]) === undefined))) tokens = tokens.slice(1);
    if (tokens.length < run.tokens.length) return tokens;
    // "Ten Things Dana Ortiz Said" in a headline: a run that ends with a two-word name the text writes alone elsewhere.
    if (tokens.length >= 3 && this.pairs.has(tokens.slice(-2).join(' '))) return tokens.slice(-2);
    // "Neither Dunmore nor …", "Imagine Hal Brennan …": a word that opens a sentence, written in lower case elsewhere, and no first name.
    const opensSentence = tokens.length === 2 && /(?:^|[.!?…]["”’)]?\s+|\n\s*)[(“"‘]?$/u.test(this.text.slice(Math.max(0, run.start - 5), run.start));
    return opensSentence && this.commonWords.has(tokens[0]) && !firstNameGender(tokens[0]) ? tokens.slice(1) : tokens;
  }

  private pronounResolver(): PronounResolver {
    this.pronouns ??= new PronounResolver(this.text, personReferences(this.text, this.runs, this), this.context.paragraphs ?? [{ start: 0, end: this.text.length }], this.context.spoken ?? []);
    return this.pronouns;
  }

  /** A word written alone that stands for a person: a family name written first ("Park" of "Park Min-jun"). */
  isFamilyNameFirst(word: string): boolean {
    return this.names.isFamilyNameFirst(word);
  }

  /** Whether a last word is written alone somewhere ("Okafor said"). */
  isSurnameAlone(word: string): boolean {
    return this.loneNames.isWrittenAlone(word);
  }

  /** The name first written with a title word from `at` on ("Foreign Minister Sergey Lavrov"). */
  titledName(head: string, at: number): string | undefined {
    return this.titled.first(head, at);
  }

  /** "The finance director, Paul Mensah, …": the name right after a title and its comma. */
  nameAfterComma(end: number): string | undefined {
    const comma = /^,\s*/u.exec(this.text.slice(end, end + 4));
    if (!comma) return undefined;
    const run = nameRuns(this.text, end + comma[0].length, Math.min(this.text.length, end + 64))[0];
    return run && run.start === end + comma[0].length ? this.nameIn([run]) : undefined;
  }

  /** The fullest name of the mention that starts right after `after` (no punctuation, within 24 units). */
  private nameRightAfter(after: number): string | undefined {
    const next = this.mentions[this.firstMentionFrom(after)];
    if (!next || next.start - after > 24 || /[.,;:!?\n]/.test(this.text.slice(after, next.start))) return undefined;
    return this.fullest(next.tokens, next.start);
  }

  private nearestName(at: number, fits: (name: string) => boolean): string | undefined {
    const index = this.firstMentionFrom(at);
    // The nearest mention that ends before `at` and whose name the pronoun can stand for ("she" is not Ben Ruiz), no further back than a bound.
    for (let i = index - 1, looked = 0; i >= 0 && looked < MAX_MENTIONS_BACK; i--) {
      if (this.mentions[i].end > at) continue;
      looked++;
      const name = this.fullest(this.mentions[i].tokens, this.mentions[i].start);
      if (name && fits(name)) return name;
    }
    return undefined;
  }

  /** Index of the first mention starting at or after `offset` (mentions are in text order). */
  private firstMentionFrom(offset: number): number {
    return firstIndex(this.mentions.length, (i) => this.mentions[i].start >= offset);
  }
}
