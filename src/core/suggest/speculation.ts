import type { TextRange } from './paragraphs';

/** Words with which a narrator hedges or guesses. "will" is left out: scheduled events are not speculation. */
const HEDGE = /(?<![\p{L}])(may|might|could|possibly|perhaps|probably|likely|unlikely|seems?|seemed|appears? to|appeared to|(?:is|are|was|were) expected to|reportedly|allegedly|apparently|presumably|supposedly|it is possible|(?:is|are|was|were|remains?) (?:less |far from )?(?:certain|uncertain|unclear)|remains to be seen)(?![\p{L}])/giu;

/** Not hedges: the month ("14 May 2024") and the narrator's "you could hear" (a description, not a guess). */
function isHedge(narrator: string, match: RegExpExecArray): boolean {
  if (match[1] === 'May' && match.index > 0) return false;
  return !(/^could$/iu.test(match[1]) && /(?<![\p{L}])you\s+$/iu.test(narrator.slice(Math.max(0, match.index - 5), match.index)));
}

/**
 * The hedge that makes a sentence speculation, if any, looking only at the narrator's words: text
 * inside quotes (`spoken`) is the speaker's. Sentences with reported speech are never passed in, so
 * a hedge inside a claim stays the claim's.
 */
export function narratorHedge(text: string, sentence: TextRange, spoken: readonly TextRange[]): string | undefined {
  let narrator = '';
  let at = sentence.start;
  for (const span of spoken) {
    if (span.end <= sentence.start || span.start >= sentence.end) continue;
    narrator += text.slice(at, Math.max(at, span.start)) + ' ';
    at = Math.max(at, span.end);
  }
  narrator += text.slice(at, sentence.end);
  HEDGE.lastIndex = 0;
  for (let m = HEDGE.exec(narrator); m; m = HEDGE.exec(narrator)) if (isHedge(narrator, m)) return m[1];
  return undefined;
}
