import { followedByWho, type NameMention } from './nameRuns';
import { speaksNextToCue } from './reportingCues';
import type { TextRange } from './paragraphs';

/**
 * "in Iraq", "from Baghdad", "South Carolina": a word after these is a place, whatever it says. Narrower
 * than nameRuns' PLACE_BEFORE: "the Hale campaign", "at Hale's rally" say nothing against a person.
 */
const PLACE_RIGHT_BEFORE = /(?:(?<![\p{L}])(?:in|from|into|across|near)|(?<![\p{L}])(?:South|North|East|West|New))\s+$/u;

/** What LoneNames needs to know of the document beyond its text and name runs. */
export interface LoneNameContext {
  /** Whether a sentence starts at `at` (maybe after a title). */
  opensSentence(at: number): boolean;
  /** Whether `range` is inside quoted words. */
  insideQuote(range: TextRange): boolean;
  /** Whether the text also writes `word` in lower case. */
  isCommon(word: string): boolean;
}

/**
 * Surnames a text never writes as part of a longer name that it still treats as people's names: they
 * speak alone somewhere, right next to a cue outside quotes ("Hale said", "said Hale"), or a relative
 * "who" follows them ("Quill, who won …"). Not a place
 * ("in Northport"), not a common word, nor a word capitalized only where a sentence starts ("Replays
 * suggested …"). Found in one pass on first use.
 */
export class LoneNames {
  private speaking: Set<string> | undefined;
  private readonly capitalizedInside = new Set<string>();
  /** Words written alone somewhere ("Okafor said"), which people's surnames are and places' rarely. */
  private readonly alone: ReadonlySet<string>;

  constructor(
    private readonly text: string,
    private readonly runs: readonly NameMention[],
    private readonly context: LoneNameContext,
  ) {
    this.alone = new Set(runs.filter((run) => run.tokens.length === 1).map((run) => run.tokens[0]));
  }

  /** Whether `word` is written alone somewhere, as a name run of its own. */
  isWrittenAlone(word: string): boolean {
    return this.alone.has(word);
  }

  isPerson(word: string): boolean {
    this.speaking ??= this.speakingWords();
    return this.speaking.has(word) && this.capitalizedInside.has(word) && !this.context.isCommon(word);
  }

  private speakingWords(): Set<string> {
    const text = this.text;
    const speaking = new Set<string>();
    const places = new Set(this.runs.filter((r) => !r.possessive && PLACE_RIGHT_BEFORE.test(text.slice(Math.max(0, r.start - 8), r.start))).map((r) => r.tokens[0]));
    for (const run of this.runs) {
      if (run.tokens.length !== 1) continue;
      const word = run.tokens[0];
      if (!this.context.opensSentence(run.start)) this.capitalizedInside.add(word);
      if (places.has(word) || speaking.has(word) || this.context.insideQuote(run)) continue;
      // "Meanwhile Quill, who had just been named …": a relative "who" says a person as surely as a cue does.
      if (speaksNextToCue(text, run) || followedByWho(text, run)) speaking.add(word);
    }
    return speaking;
  }
}
