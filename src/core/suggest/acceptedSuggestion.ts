import type { NewAnnotation } from '../documentAnnotations';
import type { Suggestion } from './suggestion';

/** Who is recorded as the author of an accepted suggestion unless the user says otherwise. */
export const SUGGESTION_AUTHOR = 'suggest';

/**
 * The annotation an accepted suggestion becomes: its kind, span and speaker, by `author`. The rule
 * and cue are not kept: the sidecar records decisions, and the person accepting made this one.
 */
export function acceptedSuggestion(suggestion: Pick<Suggestion, 'kind' | 'start' | 'end' | 'speaker'>, author: string = SUGGESTION_AUTHOR): NewAnnotation {
  const annotation: NewAnnotation = { kind: suggestion.kind, start: suggestion.start, end: suggestion.end, author };
  if (suggestion.speaker) annotation.speaker = suggestion.speaker;
  return annotation;
}
