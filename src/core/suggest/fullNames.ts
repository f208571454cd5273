import type { NameMention } from './nameRuns';

/**
 * The names a document writes in full (two words or more), found by each of their endings ("Hale"
 * and "Tom Hale" of "Tom Hale") or by a first name, with the longest form written of each.
 */
export class FullNames {
  /** The mentions by each of their endings, in text order. */
  private readonly byEnding = new Map<string, NameMention[]>();
  /** The longest form of each ending (see longestFormOf). */
  private readonly longestForms = new Map<string, string>();
  /** First names to the one person named in full with each, null when several are (built on first use). */
  private byFirstName: Map<string, string | null> | undefined;
  /** Family names written first ("Park" of "Park Min-jun"), which stand alone for the person. */
  private readonly familyNamesFirst = new Set<string>();

  constructor(private readonly mentions: readonly NameMention[]) {
    for (const mention of mentions) {
      for (let k = mention.tokens.length - 1; k >= 0; k--) {
        const ending = mention.tokens.slice(k).join(' ');
        const list = this.byEnding.get(ending);
        if (list) list.push(mention);
        else this.byEnding.set(ending, [mention]);
      }
      // "Park Min-jun", "Kim Ji-woo": a family name written first, the given name hyphenated after it; "Park" alone is that person.
      if (mention.tokens.length === 2 && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(mention.tokens[1])) this.familyNamesFirst.add(mention.tokens[0]);
    }
  }

  /** A word written alone that stands for a person: a family name written first ("Park" of "Park Min-jun"). */
  isFamilyNameFirst(word: string): boolean {
    return this.familyNamesFirst.has(word);
  }

  /** The mentions (in text order) whose names end with `tokens`: a surname may be written thousands of times, with hundreds of first names. */
  mentionsOf(tokens: readonly string[]): readonly NameMention[] {
    return this.byEnding.get(tokens.join(' ')) ?? [];
  }

  /** The longest form written of the name `tokens` ends ("Ada Brook" of "Brook"): the first such, in text order. */
  longestFormOf(tokens: readonly string[]): string {
    const key = tokens.join(' ');
    let longest = this.longestForms.get(key);
    if (longest === undefined) {
      longest = this.mentionsOf(tokens).reduce((a, b) => (b.tokens.length > a.tokens.length ? b : a)).tokens.join(' ');
      this.longestForms.set(key, longest);
    }
    return longest;
  }

  /** The one person named in full whose first name is `word` ("Ivo" of "Ivo Marsh"), if only one is. */
  personByFirstName(word: string): string | undefined {
    if (!this.byFirstName) {
      const byFirst = new Map<string, string | null>();
      for (const m of this.mentions) {
        if (m.tokens.length < 2) continue;
        const name = this.longestFormOf(m.tokens);
        const known = byFirst.get(m.tokens[0]);
        byFirst.set(m.tokens[0], known === undefined || known === name ? name : null);
      }
      this.byFirstName = byFirst;
    }
    return this.byFirstName.get(word) ?? undefined;
  }
}
