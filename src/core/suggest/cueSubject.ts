import type { NameResolver } from './nameResolution';
import { findCues, type Cue } from './reportingCues';
import { MAX_SENTENCE_LENGTH } from './sentences';
import { DISCOURSE_ASIDE, documentSpeaker, IN_A_POLL, UNNAMED_SOURCE } from './sourceDescriptions';
import { wordCount } from './words';

/**
 * A clause that describes a name before it: "a forecaster at …", "the council's head of …", "of
 * the lifeboat crew", "41", a bare role or aside in lower case ("chairman of the board of …",
 * "speaking in Leeds", "however"), or someone's role ("President Obama's former chief of staff").
 */
const APPOSITION = /^\s*(?:(?:[Aa]n?|[Tt]he|[Oo]f|[Ff]rom|[Aa]t|[Ww]ith|[Ff]or)\s|\d+\s*$|\p{Ll}|(?:\p{Lu}[\p{L}.-]*\s+){0,2}\p{Lu}[\p{L}-]*[’']s\s+(?:\p{Ll}|\p{Lu}[\p{L}-]*\s+\p{Ll}))/u;

/** How far before a cue a colon or semicolon is looked for as the start of its clause (UTF-16 units): a clause, not a sentence. */
const MAX_CLAUSE_OPENER_REACH = 300;
/** How many words the clause before a cue may have for its subject to be found there. */
const MAX_WORDS_OF_SUBJECT = 10;
/** How many clauses set off by commas are read back from a cue for its subject ("Ruiz, for his part, who coaches the juniors, said"). */
const MAX_CLAUSES_BACK = 4;
/** How many words an apposition between a name and its cue may have. */
const MAX_WORDS_OF_APPOSITION = 20;

/**
 * Who a cue's subject is: the words since the last comma, or before an apposition or relative
 * clause ("The finance director, Paul Mensah, warned …"; "The official, who asked not to be named, said …").
 */
export function subjectOf(text: string, start: number, cue: Cue, resolver: NameResolver): string | undefined {
  // A "sentence" of thousands of cues with no full stop: each cue's subject is sought no further back than a sentence's length.
  start = Math.max(start, cue.start - MAX_SENTENCE_LENGTH);
  // "… for one plain reason: He said …", "…; she said …": a colon or semicolon opens the cue's own clause.
  const openerFloor = Math.max(start, cue.start - MAX_CLAUSE_OPENER_REACH);
  let opener = cue.start - 1;
  while (opener >= openerFloor && text[opener] !== ':' && text[opener] !== ';') opener--;
  if (opener >= openerFloor && /^\s+\S/u.test(text.slice(opener + 1, opener + 3))) start = opener + 1;
  let clauseEnd = cue.start;
  for (let commas = 0; commas < MAX_CLAUSES_BACK; commas++) {
    let clause = Math.max(start, lastComma(text, start, clauseEnd) + 1);
    // "The race had begun when a girl on the pier called out", "Yet another said": the cue's own clause starts after the conjunction.
    // Not inside a relative clause: "Ruiz, who rowed as a junior for Tom Hale, said" (the clause is no subject, its "as" no conjunction).
    const conjunction = RELATIVE_CLAUSE.test(text.slice(clause, clauseEnd)) ? null : CLAUSE_OPENER.exec(text.slice(clause, clauseEnd));
    if (conjunction) clause += conjunction[0].length;
    // "He went on to say", "Hale was quick to add": the subject is before the verbs that lead to the cue.
    const leading = LEADING_VERBS.exec(text.slice(clause, clauseEnd));
    if (leading) clauseEnd = clause + leading[1].length;
    // "Ruiz's campaign, however, said": an aside between commas says nothing of who speaks; the clause before it does.
    if (clause > start && ASIDE.test(text.slice(clause, clauseEnd))) {
      clauseEnd = clause - 1;
      continue;
    }
    const words = wordCount(text.slice(clause, clauseEnd));
    // "Hale, whom he called …", "Brook, who he said was …": the pronoun after a relative is the cue's subject, not the name before it.
    if (/^\s*(?:who|whom|which)\s+(?:he|she)\s*$/iu.test(text.slice(clause, clauseEnd))) return resolver.resolve(clause, clauseEnd, cue.start);
    const relative = RELATIVE_CLAUSE.test(text.slice(clause, clauseEnd));
    // "Compare that with Hale, who has called the plan “a folly,”": the cue is the relative clause's own verb; its subject is
    // the name the clause follows.
    if (commas === 0 && clause > start && /^\s*who\s+(?!(?:he|she|they|we|i|you|it)\s)(?:\p{Ll}+\s+){0,3}$/u.test(text.slice(clause, clauseEnd))) {
      const antecedent = resolver.nameBeforeComma(clause);
      if (antecedent) return antecedent;
    }
    // "Brook, whom Ruiz has often called “…”", "a loss which Mr. Hale called “…”": a name after the relative is its subject, a
    // description too ("whom one club insider described as “…”").
    const objectRelative = OBJECT_RELATIVE.exec(text.slice(clause, clauseEnd)) ?? DESCRIBED_OBJECT_RELATIVE.exec(text.slice(clause, clauseEnd));
    if (objectRelative) {
      const at = clause + objectRelative[1].length;
      const named = resolver.resolve(at, at + objectRelative[2].length, cue.start);
      if (named) return named;
    }
    // "Ana Penrose, the longest-serving coach of the junior crews at the old boathouse on the east quay, said": a long apposition after a name.
    const longApposition = words <= MAX_WORDS_OF_APPOSITION && clause > start && APPOSITION.test(text.slice(clause, clauseEnd)) && resolver.nameBeforeComma(clause) !== undefined;
    // "The club moved its boathouse twice to escape what Hale called “…”": a long clause whose last words are a relative and a name; the name is
    // the cue's subject.
    if (words > MAX_WORDS_OF_SUBJECT && !relative && !longApposition) {
      const inner = RELATIVE_NAME_AT_END.exec(text.slice(clause, clauseEnd));
      if (inner) {
        const at = clause + inner.index + inner[0].indexOf(inner[1]);
        const named = resolver.resolve(at, at + inner[1].length, cue.start);
        if (named) return named;
      }
    }
    if (words > MAX_WORDS_OF_SUBJECT && !relative && !longApposition) return undefined;
    if (words > 0 && !relative) {
      // "Dr Priyanka Hollis, a forecaster at the National Weather Bureau, warned": the apposition describes the name before it.
      // "…, former harbour master Tom Hale told": a clause that ends in a full name right before the cue is that person, not an apposition.
      // "…, he added, …", "…, and she has often told": a pronoun alone, or one after "and", is the cue's subject, not a role in lower case.
      // "Ruiz, a crew official said, “is …”": an indefinite description right before the cue, with no comma between, is its subject.
      const isApposition = clause > start && APPOSITION.test(text.slice(clause, clauseEnd)) && !(commas === 0 && (FULL_NAME_AT_END.test(text.slice(clause, clauseEnd)) || (INDEFINITE_BEFORE_CUE.test(text.slice(clause, clauseEnd))))) && !PRONOUN_ALONE.test(text.slice(clause, clauseEnd));
      let apposition = isApposition ? (resolver.nameBeforeComma(clause) ?? nameBeforeAppositions(text, start, clause, resolver)) : undefined;
      // "Ana Penrose, a rigger who learned the trade under Tom Hale (R-Kent), the yard's founder, told …": a name at the end of
      // a relative clause inside an apposition is that clause's object; the apposition before it describes the subject.
      // "Ivo Marsh, chairman of Kestrel Partners, the club's funding arm, said": so is a name after a preposition ending one.
      if (apposition && isApposition) {
        const previous = text.slice(Math.max(start, lastComma(text, start, clause - 1) + 1), clause - 1);
        if (RELATIVE_BEFORE_NAME.test(previous) || (APPOSITION.test(previous) && NAME_AFTER_PREPOSITION.test(previous))) apposition = nameBeforeAppositions(text, start, clause, resolver) ?? apposition;
      }
      if (apposition) return apposition;
      // "Skipper Jon Wren of Eastby, a friend of the board, said": an apposition after "<name> of <place>" describes
      // that name, not the place before its comma.
      if (isApposition && clause > start) {
        const before = Math.max(start, lastComma(text, start, clause - 1) + 1);
        if (NAME_OF_PLACE.test(text.slice(before, clause - 1))) {
          const subject = resolver.resolve(before, clause - 1, cue.start);
          if (subject) return subject;
        }
      }
      // "A woman asked for an autograph and Brook said": the clause after the conjunction has its own subject (a verb of its
      // own before "and" tells a clause from a pair of names, "The ministers of Kostrava and Valdesia agreed").
      const coordinated = COORDINATED_NAME.exec(text.slice(clause, clauseEnd));
      if (coordinated && wordCount(text.slice(clause, clause + coordinated.index)) >= 3 && findCues(text, clause, clause + coordinated.index).length > 0) {
        const named = resolver.resolve(clauseEnd - coordinated[0].length + coordinated[0].indexOf(coordinated[1]), clauseEnd, cue.start, true);
        if (named) return named;
      }
      // "Marsh said the quay …" in a story that never writes Marsh elsewhere: one word that opens its sentence right before
      // the cue may be a surname (loose), unless it looks like a common word ("Frivolous", "Replays", "Nobody").
      const lone = clause === start && !/^(?:went|goes) on$/u.test(cue.lemma) && LONE_SURNAME.test(text.slice(clause, clauseEnd));
      const subject = resolver.resolve(clause, clauseEnd, cue.start, lone);
      // "In a Tidewatch survey taken last week, 58 percent of rowers said “…”": the share of a poll's sample speaks as the poll.
      if (subject === UNNAMED_SOURCE && clause > start) {
        const poll = IN_A_POLL.exec(text.slice(start, clause));
        if (poll && start + poll[0].length === clause) return documentSpeaker(poll[1]);
      }
      return subject;
    }
    if (clause === start) return undefined;
    clauseEnd = clause - 1;
  }
  return undefined;
}

/**
 * Words that open the clause of a cue inside a longer one: a conjunction at its start ("Yet another
 * said", ", as Hale's spokeswoman noted"), or "when", "while" or "as" after a word in lower
 * case ("The race had begun when a girl on the pier called out"; not inside a name). Other subordinating
 * conjunctions ("after", "once") open clauses whose subject is rarely a speaker ("once the board meets").
 */
const CLAUSE_OPENER = /^(?:\s*(?:Yet|And|But|So|as|when|while)\s+|(?:.*\s)?(?<=(?:^|\s)\p{Ll}[\p{Ll}’'-]*\s+)(?:when|while|as)\s+)(?=\S)/u;

/** One capitalized word that may be a surname: not a word's usual endings nor an opener ("Having", "Frivolous", "Replays", "Nobody"). */
const LONE_SURNAME = /^\s*(?!(?:No|Every|Some|Any)(?:body|one)\s*$|(?:When|Wher|What|How|Why|Who|Which|Some|Any|Every|Never|Always|Also|Still|Even|Yet|Then|There|Here|Now|Later|Instead)\p{Ll}*\s*$)\p{Lu}\p{Ll}+(?<!ing|ly|ous|ive|ful|less|able|ible|ed|al|ic|s|ist|ism|ity|ment|ness|tion|sion)\s*$/u;

/** A clause that opens with a relative pronoun. */
const RELATIVE_CLAUSE = /^\s*(?:who|which|whose|whom)\s/iu;

/** A short subject (group 1) and the verbs that lead from it to the cue: "He went on to", "Hale was quick to". */
const LEADING_VERBS = /^(\s*\S+(?:\s+\S+){0,3}?)\s+(?:(?:then|later|also|quickly|soon)\s+)?(?:went|goes|go|going|continued|continues|proceeded|was quick|were quick|rushed|used|tried|wanted|had|has|have|is going|was going|appeared|seemed|took the opportunity|took time)(?:\s+on)?\s+to\s*$/u;

/** A clause that is a name and where it is from ("Skipper Jon Wren of Eastby", "Ana Ruiz of the Harbour Trust"). */
const NAME_OF_PLACE = /^\s*(?:[\p{L}]+\.?\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){1,3}\s+of\s+(?:the\s+)?\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,4}\s*$/u;

/** A name of up to four words after "and" or "but" at the end of a clause, right before its cue. */
const COORDINATED_NAME = /\s(?:and|but)\s+((?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]*)\s*$/u;

/** "what", "which", "whom" or "that", then a name (group 1), maybe an auxiliary or an adverb, at the end of a clause before its cue. */
const RELATIVE_NAME_AT_END = new RegExp(String.raw`\s(?:what|which|whom|that)\s+((?:(?:Mr|Mrs|Ms|Dr)\.\s+)?(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]*)\s*(?:(?:has|had|have|once|also|then|later|recently|repeatedly)\s+){0,2}$`, 'u');

/** A relative pronoun, then a name (group 2), maybe a time or an adverb, right before the cue. */
const OBJECT_RELATIVE = /^(\s*(?:who|which|whom)\s+)((?:(?:Mr|Mrs|Ms|Dr)\.\s+)?(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]*)\s*(?:(?:on|in|at|last|this|earlier|later|also|then|once|recently|repeatedly|has|had|have)\s+(?:\p{L}+\s*)?){0,2}$/u;

/** "whom one club insider described as", "which a harbour inquiry said was": a relative pronoun, then a description (group 2) that is the cue's subject. */
const DESCRIBED_OBJECT_RELATIVE = /^(\s*(?:whom|which)\s+)((?:an?|one|another|the|some|several|many)\s+(?:[\p{L}’'-]+\s+){0,4}?[\p{L}’'-]+)\s*(?:(?:has|had|have|also|then|once|later|recently|now)\s+){0,2}$/u;

/** A discourse adverb set off by commas before a cue: "however", "for example", "too". */
const ASIDE = new RegExp(String.raw`^\s*(?:${DISCOURSE_ASIDE})\s*$`, 'u');

/** An indefinite description of a person: "a crew official", "one rower". */
const INDEFINITE_BEFORE_CUE = /^\s*(?:an?|one|another)\s+(?:\p{Ll}[\p{Ll}-]*\s+){0,3}\p{Ll}[\p{Ll}-]*\s*$/u;

/** A subject pronoun and nothing else, or after "and" or "but" the clause a pronoun opens ("…, and since May she has often told"). */
const PRONOUN_ALONE = /^\s*(?:(?:he|she|they|we)\s*$|(?:and|but)\s+(?:[\p{L}\d]+\s+){0,3}?(?:he|she|they|we)\s)/u;

/** A clause that ends in a name of two words or more: "former harbour master Tom Hale". */
const FULL_NAME_AT_END = /\s\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{Ll}’'-]+\s*$/u;

/** Whether a clause after a name and a comma describes that name (see APPOSITION). */
export function isApposition(clause: string): boolean {
  return APPOSITION.test(clause);
}

/** The last comma in `text[start, before)`, or `start - 1`; never looks outside the sentence. */
export function lastComma(text: string, start: number, before: number): number {
  let i = before - 1;
  while (i >= start && text[i] !== ',') i--;
  return i;
}

/** A role's last words: a preposition and a name ("chairman of the board of Kestrel Partners", "a coach at Eastby"). */
const NAME_AFTER_PREPOSITION = /(?<![\p{L}])(?:of|at|for|with|from|in|on|by|under)\s+(?:the\s+)?(?:\p{Lu}[\p{L}’'&.-]*\s+){0,4}\p{Lu}[\p{L}’'-]*\s*$/u;

/** A relative clause in an apposition, a name after its pronoun: "a rigger who learned the trade under Tom Hale (R-Kent)". */
const RELATIVE_BEFORE_NAME = /(?<![\p{L}])(?:who|which|that)\s[^,;:]*\p{Lu}[\p{L}’'-]*(?:\s*\([^()]{1,24}\))?\s*$/u;

/**
 * "Gale Ibsen, a pollster who works with Forward Fund, a super PAC, said": the name before a chain
 * of appositions, when the clause before each comma is one too; undefined when another clause comes first.
 */
function nameBeforeAppositions(text: string, start: number, clause: number, resolver: NameResolver): string | undefined {
  let end = clause - 1;
  for (let hops = 0; hops < 2 && end > start; hops++) {
    const before = Math.max(start, lastComma(text, start, end) + 1);
    if (before === start || !APPOSITION.test(text.slice(before, end))) return undefined;
    const name = resolver.nameBeforeComma(before);
    if (name) return name;
    end = before - 1;
  }
  return undefined;
}
