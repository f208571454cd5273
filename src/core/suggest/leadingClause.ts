import { ABBREVIATION_STOPS } from './abbreviations';

/**
 * A clause that opens a sentence before its subject: a participle ("Introduced on stage by
 * X, …", "Pressed on whether …, …"), a subordinator ("When X spoke, …", "Unlike X, …"; "Ever since X left, …",
 * "Days after …, …" with a word before it) or a preposition
 * ("In a letter to X, …"), or a time ("Eight years ago, …", "Last week, …"), up to its comma.
 */
const LEADING_CLAUSE = /^\s*(?:(?:\p{Lu}\p{Ll}+(?:ed|ing)|(?:Ever|Even|Long|Shortly|Soon|Just|Right|Only|(?:Hours|Days|Weeks|Months|Years|Moments|Minutes))\s+(?:after|before|since|as|though|if|when|while|until|once)|After|When|While|Although|Though|As|Before|Since|Because|If|Unlike|Like|Despite|With|Without|Once|Until|In|On|At|During|For|From|By|Under|Over|Throughout|Amid|Among|Following|Through)\s[^,.;:!?“”"]{0,200}|(?:\p{Lu}\p{Ll}+|\d+|An?)\s+(?:years?|months?|weeks?|days?|hours?|decades?)\s+(?:ago|later|earlier)|(?:Last|This|Next|Earlier|Later)\s+(?:week|month|year|summer|spring|winter|fall|autumn|night))\s*,\s+/u;

/** How many characters from a sentence's start mainClauseStart reads at most. */
export const MAIN_CLAUSE_READ = 240;

/** Where the main clause of the sentence starting at `start` begins: after a leading clause (see LEADING_CLAUSE), else `start`. */
export function mainClauseStart(text: string, start: number, limit: number): number {
  const slice = text.slice(start, Math.min(limit, start + MAIN_CLAUSE_READ));
  let read = slice.replace(ABBREVIATION_STOPS, (stop) => `${stop.slice(0, -1)} `);
  // "In a short, friendly chat with …, Ivo Marsh added": a comma between two adjectives after a determiner ends no clause.
  read = read.replace(COMMA_BETWEEN_ADJECTIVES, '$1 ');
  const m = LEADING_CLAUSE.exec(read);
  if (!m) return start;
  let length = m[0].length;
  // "In June 2009, after Hale was hurt, Brook wrote …": a second leading clause after the first, its subordinator in lower case.
  const rest = read.slice(length);
  const second = SECOND_SUBORDINATOR.test(rest) ? LEADING_CLAUSE.exec(rest[0].toUpperCase() + rest.slice(1)) : null;
  if (second) length += second[0].length;
  // "At the spring dinner in 2019, a farewell to Ivo Marsh, the retiring coach, Mr. Hale mocked …": appositions of the leading phrase
  // before a capitalized subject are the leading phrase's too.
  const appositions = LEADING_APPOSITIONS.exec(read.slice(length));
  return start + length + (appositions ? appositions[0].length : 0);
}

/** A subordinator in lower case that may open a second leading clause. */
const SECOND_SUBORDINATOR = /^(?:after|when|while|although|though|as|before|since|because|if|once|until|despite|unlike)\s/u;

/** One or two noun phrases set off by commas ("a farewell to X, the retiring coach, "), before a capitalized word. */
const LEADING_APPOSITIONS = /^(?:(?:a|an|the)\s[^,.;:!?“”"]{0,100},\s+){1,2}(?=\p{Lu})/u;

/**
 * A determiner, one word in lower case and a comma before another word in lower case: adjectives, not the end of a clause;
 * not before a pronoun or a determiner, which opens the main clause ("On its website, the club lists …").
 */
const COMMA_BETWEEN_ADJECTIVES = /((?<![\p{L}])(?:a|an|the|his|her|its|their|this|that)\s+\p{Ll}[\p{Ll}-]*),(?=\s+(?!(?:he|she|it|they|we|i|you|there|this|that|the|a|an|his|her|its|their)\s)\p{Ll})/gu;
