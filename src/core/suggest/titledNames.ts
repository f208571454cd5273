/** Where a title word was written with a name right after it ("Foreign Minister Sergey Lavrov"). */
interface TitledName {
  readonly at: number;
  readonly name: string;
}

/**
 * The names a document writes right after each title word, scanned once per title word and kept:
 * "the foreign minister said" stands for the name the title was first written with.
 */
export class TitledNames {
  private readonly byTitle = new Map<string, TitledName[]>();

  constructor(
    private readonly text: string,
    /** The name of the mention that starts right after `offset` (a space or two between), if any. */
    private readonly nameRightAfter: (offset: number) => string | undefined,
  ) {}

  /** The name written right after the first use of `head` before `before`. */
  first(head: string, before: number): string | undefined {
    let titled = this.byTitle.get(head);
    if (!titled) {
      titled = this.scan(head);
      this.byTitle.set(head, titled);
    }
    return titled.find((t) => t.at < before)?.name;
  }

  private scan(head: string): TitledName[] {
    const found: TitledName[] = [];
    const pattern = new RegExp(`(?<![\\p{L}])${head}(?![\\p{L}])`, 'giu');
    for (let m = pattern.exec(this.text); m; m = pattern.exec(this.text)) {
      const name = this.nameRightAfter(m.index + m[0].length);
      if (name) found.push({ at: m.index, name });
    }
    return found;
  }
}
