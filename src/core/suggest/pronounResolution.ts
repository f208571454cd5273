import { firstIndex } from './firstIndex';
import { MAIN_CLAUSE_READ, mainClauseStart } from './leadingClause';
import type { TextRange } from './paragraphs';
import { firstNameGender, pronounGender, type Gender } from './personGender';
import { sentences } from './sentences';

/** Adverbs that may stand between a subject pronoun and its cue ("he later said", "she also told"). */
const ADVERBS_BEFORE_CUE = new Set('later also then again once now quickly previously recently repeatedly often always never first finally simply just still even herself himself'.split(' '));
/** Auxiliaries that may stand there too ("he has called", "she had written", "he is predicting", "he would later say"). */
const AUXILIARIES_BEFORE_CUE = new Set('has had is was would will could did does has been had been'.split(' '));
const BEFORE_CUE = [...ADVERBS_BEFORE_CUE, ...AUXILIARIES_BEFORE_CUE].join('|');
/** How many adverbs and auxiliaries may stand there ("he has also repeatedly called"). */
const MAX_WORDS_BETWEEN = 3;
// Not in a question it asks of someone ("Asked what she would say …"): that clause's verb is no cue of hers.
const PRONOUN_BEFORE_CUE = new RegExp(`(?<![\\p{L}])(?<!(?:what|whether|if|how|why|when|where|who)\\s+)(he|she)(?:[’']s)?(?:\\s+(?:${BEFORE_CUE})){0,${MAX_WORDS_BETWEEN}}$`, 'iu');
const CONTRACTED = /^(?:he|she)[’']s$/u;

/**
 * The subject pronoun ("he", "she", in lower case) of a phrase that ends in it and adverbs or
 * auxiliaries of ADVERBS_BEFORE_CUE and AUXILIARIES_BEFORE_CUE ("he has also", "she’s"), with where
 * it stands in the phrase; `last` is the phrase's last word in lower case, so that most phrases are
 * answered without a search.
 */
export function subjectPronounBeforeCue(phrase: string, last: string): { pronoun: string; at: number } | undefined {
  if (!ADVERBS_BEFORE_CUE.has(last) && !AUXILIARIES_BEFORE_CUE.has(last) && !CONTRACTED.test(last)) return undefined;
  const m = PRONOUN_BEFORE_CUE.exec(phrase.trimEnd());
  return m ? { pronoun: m[1].toLowerCase(), at: m.index } : undefined;
}

/** A place where the narrator refers to a person: a name, or a title ("the chief executive"). */
export interface PersonReference extends TextRange {
  /** The fullest name, the unnamed-source label, or undefined for a title the text never names. */
  readonly name: string | undefined;
  /** What the words of the reference say themselves: an honorific ("Mrs"), a noun ("spokeswoman"). */
  readonly gender?: Gender;
  /** An unnamed source: one label for many people, so it has no gender of its own. */
  readonly anonymous?: boolean;
  /** A name the text never treats as a person's (no cue, no surname alone, no honorific): maybe a place. */
  readonly doubtful?: boolean;
  /** A possessive ("Trump's accusation"): rarely the subject of its sentence. */
  readonly possessive?: boolean;
  /** Right next to a speech cue ("Biden said", "said Biden"): who speaks in its sentence. */
  readonly speaks?: boolean;
}

/** How far back a pronoun looks: its paragraph and the two before (news paragraphs are short). */
const PARAGRAPHS_BACK = 2;
/** How far it looks for a person of its own gender when everyone within reach is of the other. */
const PARAGRAPHS_BACK_BY_GENDER = 8;
/** A bound on the references looked at per pronoun, for documents that are one long paragraph. */
const MAX_REFERENCES_BACK = 40;

/**
 * How much each kind of evidence counts towards a person's gender (positive: male). A known first
 * name counts as much as an honorific: the pronoun votes are noisy (a "she" whose nearest sentence
 * names only "Tom Hale" is often about someone named further back), and a few must not outvote it.
 */
const STATED_WEIGHT = 5;
const FIRST_NAME_WEIGHT = 5;
const PRONOUN_WEIGHT = 1;

/** A participle clause that opens a sentence, up to the comma before its subject ("Asked whether …, "). */
const PARTICIPLE_CLAUSE_BEFORE = /^\s*\p{Lu}\p{Ll}+(?:ed|ing)\s[^.;:!?“”"]{0,250},\s+$/u;
const PRONOUN = /(?<![\p{L}])(?:he|she|him|his|her|himself|herself)(?![\p{L}])/giu;

/**
 * Who "he" or "she" is: the nearest sentence before the pronoun that refers to a person of that
 * gender (or of unknown gender), and in it the first such person, since the subject usually comes
 * first. Words inside quotation marks are the speaker's, so the people they name are skipped.
 */
export class PronounResolver {
  private readonly sentenceStarts: number[] = [];
  private readonly paragraphStarts: number[];
  private readonly genders = new Map<string, number>();
  /** mainClauseOf's answers for sentences read in full. */
  private readonly mainClauses = new Map<number, number>();

  constructor(
    private readonly text: string,
    /** Sorted by start; none inside quoted words. */
    private readonly references: readonly PersonReference[],
    paragraphs: readonly TextRange[],
    /** Quoted words, sorted by start. */
    private readonly spoken: readonly TextRange[],
  ) {
    this.paragraphStarts = paragraphs.map((p) => p.start);
    for (const paragraph of paragraphs) for (const sentence of sentences(text, paragraph)) this.sentenceStarts.push(sentence.start);
    this.inferGenders();
  }

  /**
   * The reference a pronoun at `at` most likely points to; undefined when no person is in reach.
   * A reference without a name (a title never named) is returned as such: the caller should not
   * guess past it.
   */
  referent(pronoun: string, at: number): PersonReference | undefined {
    const gender = pronounGender(pronoun);
    let first: PersonReference | undefined;
    let speaker: PersonReference | undefined;
    let possessive: PersonReference | undefined;
    let group = -1;
    let looked = -1;
    /** Sentences whose subject is the pronoun itself: the names in them are not whom it means. */
    const aboutThePronounIn = new Set<number>();
    let mainClause = 0;
    const own = this.sentenceIndex(at);
    // "Questioned on whether the club would sell to Ada Brook, she replied": the participle's subject is the pronoun's; the names in it are not.
    const afterParticiple = own >= 0 && PARTICIPLE_CLAUSE_BEFORE.test(this.text.slice(this.sentenceStarts[own], at));
    for (const ref of this.referencesBefore(at, PARAGRAPHS_BACK)) {
      const sentence = this.sentenceIndex(ref.start);
      if (afterParticiple && sentence === own) continue;
      if (sentence !== group && (first || possessive)) break;
      // "He dismisses claims that Trump …. He is even trying to …", "Though he did not mention X, …": a sentence whose
      // subject is the same pronoun goes on about the same person; the names in it are not that person. That, and where
      // its main clause starts, are found once per sentence.
      if (sentence !== looked) {
        looked = sentence;
        if (gender !== undefined && this.pronounBeforeNames(sentence, at) === gender) aboutThePronounIn.add(sentence);
        mainClause = this.mainClauseOf(sentence, at);
      }
      if (aboutThePronounIn.has(sentence)) continue;
      group = sentence;
      const refGender = this.genderOf(ref);
      if (ref.doubtful && refGender === undefined) continue;
      if (refGender !== gender && refGender !== undefined && gender !== undefined) continue;
      // "Trump's accusation …, Biden said": a possessive is a subject only when no one else is.
      if (ref.possessive) {
        possessive = ref;
        continue;
      }
      // Walking backwards, so the last one kept is the earliest in its sentence: the subject, of the pronoun's gender or of none known.
      // But not a name in a clause before the subject ("Pressed on whether X could win, Park shrugged").
      if (first && ref.start < mainClause) continue;
      first = ref;
      // Whoever speaks in that sentence is whom its next "he said" continues.
      if (ref.speaks) speaker = ref;
    }
    if (speaker) return speaker;
    if (first || possessive || !gender) return first ?? possessive;
    // Everyone near is of the other gender ("Paul Mensah warned … “…,” she said in reply"); still not a name in a sentence
    // about the pronoun ("He criticised the lease signed by Mayor Brook, who he said was …": he is not Brook).
    for (const ref of this.referencesBefore(at, PARAGRAPHS_BACK_BY_GENDER)) if (this.genderOf(ref) === gender && !aboutThePronounIn.has(this.sentenceIndex(ref.start))) return ref;
    return undefined;
  }

  /**
   * Where the main clause of sentence `sentence` starts, read no further than `at`. mainClauseStart reads at most
   * MAIN_CLAUSE_READ characters, so for a sentence that starts that far before `at` the answer is the same for every
   * later pronoun: kept (a paragraph of thousands of "she said" revisits the same sentences).
   */
  private mainClauseOf(sentence: number, at: number): number {
    const start = this.sentenceStarts[sentence];
    if (at - start < MAIN_CLAUSE_READ) return mainClauseStart(this.text, start, at);
    let main = this.mainClauses.get(sentence);
    if (main === undefined) {
      main = mainClauseStart(this.text, start, at);
      this.mainClauses.set(sentence, main);
    }
    return main;
  }

  /** Whether the narrator refers to anyone (a name, a title, an unnamed source) in `text[from, to)`. */
  refersToSomeoneIn(from: number, to: number): boolean {
    const i = firstIndex(this.references.length, (k) => this.references[k].start >= from);
    return i < this.references.length && this.references[i].end <= to;
  }

  /** What the text says of the gender of the person called `name`, if anything. */
  genderOfName(name: string): Gender | undefined {
    const score = this.genders.get(name) ?? 0;
    return score > 0 ? 'male' : score < 0 ? 'female' : undefined;
  }

  private genderOf(ref: PersonReference): Gender | undefined {
    return ref.gender ?? (ref.name === undefined || ref.anonymous ? undefined : this.genderOfName(ref.name));
  }

  /** References ending before `at`, nearest first, within reach. */
  private *referencesBefore(at: number, paragraphsBack: number): Generator<PersonReference> {
    const paragraph = firstIndex(this.paragraphStarts.length, (i) => this.paragraphStarts[i] > at) - 1;
    const limit = this.paragraphStarts[Math.max(0, paragraph - paragraphsBack)] ?? 0;
    const last = firstIndex(this.references.length, (i) => this.references[i].end > at) - 1;
    const bound = MAX_REFERENCES_BACK * paragraphsBack;
    for (let i = last, seen = 0; i >= 0 && seen < bound && this.references[i].start >= limit; i--, seen++) yield this.references[i];
  }

  /** The gender of a "he" or "she" in a sentence before anyone it names ("Though he did not mention X, …"). */
  private pronounBeforeNames(sentence: number, at: number): Gender | undefined {
    const start = this.sentenceStarts[sentence];
    if (start === undefined) return undefined;
    const i = firstIndex(this.references.length, (k) => this.references[k].start >= start);
    const end = Math.min(at, this.references[i]?.start ?? at, this.sentenceStarts[sentence + 1] ?? at);
    const m = /(?<![\p{L}])(he|she)(?![\p{L}])/iu.exec(this.text.slice(start, end));
    if (!m || this.isSpoken(start + m.index)) return undefined;
    return pronounGender(m[1]);
  }

  private sentenceIndex(offset: number): number {
    return firstIndex(this.sentenceStarts.length, (i) => this.sentenceStarts[i] > offset) - 1;
  }

  /**
   * Stated genders first, then first names, then a vote of the pronouns whose referent is
   * unambiguous even without knowing genders (one person in the nearest sentence naming anyone).
   */
  private inferGenders(): void {
    const add = (name: string | undefined, gender: Gender | undefined, weight: number) => {
      if (!name || !gender) return;
      this.genders.set(name, (this.genders.get(name) ?? 0) + (gender === 'male' ? weight : -weight));
    };
    const names = new Set<string>();
    for (const ref of this.references) {
      if (ref.anonymous) continue;
      add(ref.name, ref.gender, STATED_WEIGHT);
      if (ref.name) names.add(ref.name);
    }
    for (const name of names) {
      // "Investigative Correspondent Ada Brook": the first word that is a first name, before the surname.
      const words = name.split(' ');
      if (words.length > 1) add(name, words.slice(0, -1).map((w) => firstNameGender(w)).find((g) => g !== undefined), FIRST_NAME_WEIGHT);
    }
    PRONOUN.lastIndex = 0;
    const votes: [string, Gender][] = [];
    for (let m = PRONOUN.exec(this.text); m; m = PRONOUN.exec(this.text)) {
      if (this.isSpoken(m.index)) continue;
      // "Deja Lark, who met me when she called him “…”": "him" in the sentence of the one person named is someone else.
      const name = this.onlyPersonBefore(m.index, m[0].toLowerCase() === 'him');
      if (name) votes.push([name, pronounGender(m[0])!]);
    }
    for (const [name, gender] of votes) add(name, gender, PRONOUN_WEIGHT);
  }

  /** The one person the nearest sentence before `at` that refers to anyone refers to, if only one. */
  private onlyPersonBefore(at: number, notInOwnSentence = false): string | undefined {
    const own = this.sentenceIndex(at);
    let group = -1;
    const found = new Set<string | undefined>();
    for (const ref of this.referencesBefore(at, PARAGRAPHS_BACK)) {
      const sentence = this.sentenceIndex(ref.start);
      if (group !== -1 && sentence !== group) break;
      if (notInOwnSentence && sentence === own) return undefined;
      group = sentence;
      if (ref.doubtful) continue;
      // "Brook said, “she started as …”. … her use of …": who speaks in a sentence is rarely whom a later sentence's
      // pronoun means (but "Morrow said she would retire" is Morrow).
      if (ref.speaks && sentence !== own) found.add(undefined);
      found.add(ref.anonymous ? undefined : ref.name);
    }
    // "With Mayor Ann Holm by her side, Rita Vance spoke": someone named later in the pronoun's own sentence may be the one meant.
    if (group === own) {
      const next = this.references[firstIndex(this.references.length, (k) => this.references[k].start >= at)];
      if (next && this.sentenceIndex(next.start) === group && !next.doubtful && /^[^,.;]*,\s*$/u.test(this.text.slice(at, next.start))) found.add(next.anonymous ? undefined : next.name);
    }
    const [only] = found;
    return found.size === 1 ? only : undefined;
  }

  private isSpoken(offset: number): boolean {
    const i = firstIndex(this.spoken.length, (k) => this.spoken[k].end > offset);
    return i < this.spoken.length && this.spoken[i].start <= offset;
  }
}
