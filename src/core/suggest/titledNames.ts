/** Where a title word was written with a name right after it ("Foreign Minister Sergey Lavrov"). */
interface TitledName {
  readonly at: number;
  readonly name: string;
}

/**
 * The names a document writes right after each title word, scanned once per title word and kept:
 * "the foreign minister said" stands for the name the title was first written with. The words of
 * `common` (single words, the title heads the rules ask about most) are found in one scan of the
 * text for all of them, not one scan each.
 */
export class TitledNames {
  private readonly byTitle = new Map<string, TitledName[]>();
  /** The words of `common` in lower case, those of letters only (each is then a whole run of letters, found by one pattern). */
  private readonly common: ReadonlySet<string>;
  /** Where each word of `common` stands, by word in lower case, from the one scan. */
  private commonPositions: Map<string, number[]> | undefined;

  constructor(
    private readonly text: string,
    /** The name of the mention that starts right after `offset` (a space or two between), if any. */
    private readonly nameRightAfter: (offset: number) => string | undefined,
    common: readonly string[] = [],
  ) {
    this.common = new Set(common.map((w) => w.toLowerCase()).filter((w) => LETTERS_ONLY.test(w)));
  }

  /** The name written right after the first use of `head` before `before`. */
  first(head: string, before: number): string | undefined {
    let titled = this.byTitle.get(head);
    if (!titled) {
      titled = this.titled(head);
      this.byTitle.set(head, titled);
    }
    return titled.find((t) => t.at < before)?.name;
  }

  private titled(head: string): TitledName[] {
    const found: TitledName[] = [];
    for (const { index, length } of this.occurrences(head)) {
      const name = this.nameRightAfter(index + length);
      if (name) found.push({ at: index, name });
    }
    return found;
  }

  /** Where `head` stands as a word (any case). */
  private occurrences(head: string): { index: number; length: number }[] {
    const lower = head.toLowerCase();
    if (this.common.has(lower)) {
      this.commonPositions ??= this.scanCommon();
      return (this.commonPositions.get(lower) ?? []).map((index) => ({ index, length: head.length }));
    }
    const pattern = new RegExp(`(?<![\\p{L}])${head}(?![\\p{L}])`, 'giu');
    return [...this.text.matchAll(pattern)].map((m) => ({ index: m.index, length: m[0].length }));
  }

  private scanCommon(): Map<string, number[]> {
    const positions = new Map<string, number[]>();
    const pattern = new RegExp(`(?<![\\p{L}])(?:${[...this.common].join('|')})(?![\\p{L}])`, 'giu');
    for (let m = pattern.exec(this.text); m; m = pattern.exec(this.text)) {
      // Upper then lower case: what the `i` flag matched ("ſ" for "s") is keyed as the word it matched.
      const word = m[0].toUpperCase().toLowerCase();
      const list = positions.get(word);
      if (list) list.push(m.index);
      else positions.set(word, [m.index]);
    }
    return positions;
  }
}

const LETTERS_ONLY = /^\p{L}+$/u;
