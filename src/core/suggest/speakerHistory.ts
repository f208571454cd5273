import { isOrganisation } from './nameRuns';

/** Where someone spoke: a quote or a claim attributed to `name`, `text[at, end)`. */
export interface SpokenTurn {
  readonly name: string;
  readonly at: number;
  readonly end: number;
}

/** Who spoke where in a document, in text order, as the suggester attributes quotes and claims. */
export class SpeakerHistory {
  private readonly turns: SpokenTurn[] = [];

  /** Records that `name` speaks in `text[at, end)`. */
  note(name: string, at: number, end = at): void {
    let i = this.turns.length;
    while (i > 0 && this.turns[i - 1].at > at) i--;
    this.turns.splice(i, 0, { name, at, end });
  }

  /** The last turn that starts before `at`. */
  lastBefore(at: number): SpokenTurn | undefined {
    for (let i = this.turns.length - 1; i >= 0; i--) if (this.turns[i].at < at) return this.turns[i];
    return undefined;
  }

  /** The name of the last speaker before `at` that `accept` takes, nearest first, no further back than `reach` (UTF-16 units). */
  lastNameBefore(at: number, accept: (name: string) => boolean, reach = Infinity): string | undefined {
    for (let i = this.turns.length - 1; i >= 0 && this.turns[i].at >= at - reach; i--) if (this.turns[i].at < at && accept(this.turns[i].name)) return this.turns[i].name;
    return undefined;
  }
}

/**
 * Whether a speaker's name may be a person's, whom "he" or "she" can mean: not an organisation
 * ("New York Times", "FBI", "Clinton’s campaign", "Clinton’s aides"; "Clinton’s campaign manager" is one).
 */
export function mayBeAPerson(name: string): boolean {
  // "a video of the rally": a document written out as the text describes it (documentSpeaker) is nobody.
  if (/^\p{Ll}/u.test(name)) return false;
  const tokens = name.split(/\s+/u);
  const last = tokens[tokens.length - 1];
  return !isOrganisation([last]) && !/^\p{Lu}{2,}$/u.test(last) && !/[’']s\s(?:.*\s)?(?:campaign|team|camp|\p{Ll}+[^s\s]s)$/u.test(name);
}
