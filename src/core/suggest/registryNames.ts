import type { SpeakerRegistry } from '../speakers/speakerRegistry';
import type { Suggestion } from './suggestion';

/** A name's words in lower case, without initials ("Marta E. Quell" → marta, quell). */
function words(name: string): string[] {
  return name
    .toLocaleLowerCase()
    .split(/[\s.,]+/u)
    .filter((w) => w.length > 1);
}

function endsWithWords(long: readonly string[], short: readonly string[]): boolean {
  return short.length > 0 && short.length <= long.length && short.every((w, i) => w === long[long.length - short.length + i]);
}

/**
 * The annotators' name for a suggested speaker, from their registry (`.annotations/speakers.yaml`):
 * the speaker's canonical name when the suggestion is a registered name or alias ("Lavrov" →
 * "Sergey Lavrov"); else the one registered speaker whose name or an alias ends with the same
 * words, or that the suggestion ends with ("Sergey Viktorovich Lavrov" / "Sergey Lavrov" share
 * "Lavrov", if no one else registered is a Lavrov). Unchanged when the registry does not know it
 * or knows several who could be meant.
 */
export function registeredSpeaker(speaker: string, registry: SpeakerRegistry): string {
  const exact = registry.canonical(speaker);
  if (exact !== speaker || registry.names.includes(speaker)) return exact;
  const suggested = words(speaker);
  const surname = suggested.slice(-1);
  const matches = registry.speakers.filter((s) => [s.name, ...s.aliases].some((n) => endsWithWords(words(n), surname)));
  if (matches.length !== 1) return speaker;
  const fits = [matches[0].name, ...matches[0].aliases].some((n) => endsWithWords(words(n), suggested) || endsWithWords(suggested, words(n)));
  return fits ? matches[0].name : speaker;
}

/** Suggestions with their speakers named as the registry names them (see registeredSpeaker). */
export function withRegisteredSpeakers(suggestions: readonly Suggestion[], registry: SpeakerRegistry | undefined): Suggestion[] {
  if (!registry || registry.speakers.length === 0) return [...suggestions];
  return suggestions.map((s) => {
    if (!s.speaker) return s;
    const name = registeredSpeaker(s.speaker, registry);
    return name === s.speaker ? s : { ...s, speaker: name, ...(s.why ? { why: `${s.why}; named as in the speaker registry` } : {}) };
  });
}
