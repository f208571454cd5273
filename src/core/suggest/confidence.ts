import type { Suggestion } from './suggestion';

/**
 * How often a suggestion of each kind, rule and speaker form was right on PolNeAR's train split
 * (matched a human-annotated span with the human's speaker; `npm run eval:suggest -- --polnear
 * PATH --split train --by-rule`), re-read on 6 December for every rule with 20 cases or more, and
 * again at the end of that day's ninth round where a rate had moved by 0.02 or more, and on 7 December
 * for short marked words, split by where their speaker comes from, and at the end of that day where a
 * rate had moved by 0.02 or more, and again where one had after the gold's reading of pronoun sources changed (the
 * same day), and where a rate of 20 cases or more had moved by 0.02 or more after the cue-subject and carried-speaker
 * changes of 7 December's afternoon, at the end of that day's sixth round (paired marks with an unnamed or no
 * speaker, continuation with an unnamed one) and of its seventh (paired marks with no speaker); rarer ones
 * keep their earlier reading. Never read from dev or test. Speculation and boilerplate have no
 * PolNeAR counterpart: theirs are the precision on the project's development gold (test/gold/).
 */
const RIGHT_ON_TRAIN: Readonly<Record<string, number>> = {
  'quote|paired marks|named': 0.91,
  'quote|continuation of the previous quote|named': 0.92,
  'quote|speaker introduced before a colon|named': 0.83,
  'quote|partial quote in the same sentence|named': 0.78,
  'quote|continuation of the previous quote|unnamed': 0.87,
  'quote|paired marks|unnamed': 0.83,
  'quote|quote over several paragraphs|named': 0.67,
  'quote|speaker named before the quote|named': 0.66,
  'quote|speaker carried from before|named': 0.82,
  'quote|speaker carried from a paragraph before|named': 0.63,
  'quote|short marked words|named': 0.71,
  'quote|short marked words, speaker guessed|named': 0.32,
  'quote|cue later in the sentence|named': 0.55,
  'quote|person named earlier in the paragraph|named': 0.5,
  'quote|short marked words|unnamed': 0.65,
  'quote|paired marks|none': 0.54,
  'quote|person named since the last speaker|named': 0.6,
  'quote|subject of its own sentence|named': 0.42,
  'quote|continuation of the previous quote|none': 0.32,
  'quote|short marked words|none': 0.09,
  'quote|quote over several paragraphs|none': 0.0,
  'claim|what a document shows|named': 0.96,
  'claim|headline attribution|named': 0.92,
  'claim|reported speech around a quote|named': 0.87,
  'claim|according to|unnamed': 0.84,
  'claim|according to|named': 0.8,
  'claim|reported speech|named': 0.78,
  'claim|reported speech after a quote|named': 0.65,
  'claim|reported speech, attribution after|unnamed': 0.55,
  'claim|reported speech, attribution after|named': 0.67,
  'claim|reported speech around a quote|unnamed': 0.67,
  'claim|reported speech|unnamed': 0.68,
};

/**
 * Quotes signed or labelled by a name ("“…” ― Ana Ferro", a list's "2. Ana Ferro", a transcript's
 * "HALE:") have almost no case on train (0, 1 and 4, the 4 against a gold that names the transcript
 * itself as the source): they take the rate of quotes whose cue names the speaker, an assumption
 * the README states, not a measure.
 */
const ASSUMED: Readonly<Record<string, number>> = {
  'quote|speaker after a dash|named': RIGHT_ON_TRAIN['quote|paired marks|named'],
  'quote|speaker on the line before|named': RIGHT_ON_TRAIN['quote|paired marks|named'],
  'quote|speaker labelled in a transcript|named': RIGHT_ON_TRAIN['quote|paired marks|named'],
};

/** For a rule and speaker form the table does not list: the kind's overall rate on train. */
const KIND_DEFAULT: Readonly<Record<string, number>> = { quote: 0.3, claim: 0.4, speculation: 0.9, advertisement: 0.95 };

/** Why a rule proposed a span, as the hover and the review say it. */
const RULE_WHY: Readonly<Record<string, string>> = {
  'paired marks': 'words between quotation marks',
  'continuation of the previous quote': 'continues the quote before it, same speaker',
  'partial quote in the same sentence': 'another part of a quote in the same sentence',
  'cue later in the sentence': 'a speech verb later in the sentence names the speaker',
  'speaker named before the quote': 'the person named just before the quote',
  'person named earlier in the paragraph': 'no cue: the person named earlier in the paragraph',
  'speaker carried from before': 'no cue: the last speaker, nobody else named since',
  'speaker carried from a paragraph before': 'no cue: the last speaker, of a paragraph before, nobody else named since',
  'person named since the last speaker': 'no cue: the person named since the last speaker',
  'subject of its own sentence': 'no cue: the subject of its own sentence, not the speaker of a paragraph before',
  'quote over several paragraphs': 'a quote running over several paragraphs',
  'missing opening mark': 'the opening quotation mark was lost',
  'short marked words': 'a few words between quotation marks: a partial quote, or a term',
  'short marked words, speaker guessed': 'a few words between quotation marks, no cue: the speaker is a guess from the sentences before',
  'speaker after a dash': 'signed by the name after a dash',
  'speaker on the line before': 'the name on the line before, as in a list of voices',
  'speaker labelled in a transcript': 'a transcript’s label before the words names the speaker',
  'speaker introduced before a colon': 'the subject of the paragraph before, which ends with a colon',
  'headline attribution': 'a headline gives its words to the name it opens with',
  'what a document shows': 'what a poll, a record or a document shows',
};

function speakerForm(speaker: string | undefined): string {
  if (!speaker) return 'none';
  return speaker.startsWith('unnamed ') ? 'unnamed' : 'named';
}

/** The suggestion with its confidence (0–1, the train rate for its rule) and a short "why". */
export function withConfidence(suggestion: Suggestion): Suggestion {
  const form = speakerForm(suggestion.speaker);
  const key = `${suggestion.kind}|${suggestion.rule}|${form}`;
  const confidence = RIGHT_ON_TRAIN[key] ?? ASSUMED[key] ?? KIND_DEFAULT[suggestion.kind] ?? 0.3;
  const rule = RULE_WHY[suggestion.rule] ?? suggestion.rule;
  const cue = suggestion.cue && suggestion.cue !== suggestion.rule ? `; cue “${suggestion.cue}”` : '';
  const who = suggestion.kind === 'quote' || suggestion.kind === 'claim' ? (form === 'none' ? '; no speaker found' : form === 'unnamed' ? '; the source is not named' : '') : '';
  return { ...suggestion, confidence, why: `${rule}${cue}${who}` };
}
