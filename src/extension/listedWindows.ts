/**
 * Which annotations the symbols of a document listed only in part cover, and whether the
 * workbench's readers of those symbols may disagree about it (see AnnotationSymbols).
 *
 * VS Code asks a symbol provider from several places for the same registration: the Outline and
 * breadcrumbs share one cached answer per text version, while sticky scroll asks on its own, a
 * little later, and keeps its answer to itself. The annotations listed depend on the cursor, so
 * when the cursor moved between two such requests the cached answer lists one window and the
 * provider's last answer another. Judging the next cursor move against the last answer alone
 * then misses that the Outline still shows the old window, and nothing ever lists the new one.
 * So a second, different answer for one registration is a disagreement: registering the provider
 * anew has every reader ask again. No `vscode` import: the decisions are tested in plain Node.
 */
export class ListedWindows<D extends object> {
  private readonly last = new WeakMap<D, { readonly key: string; readonly range: { readonly start: number; readonly end: number } | undefined; readonly registration: number }>();
  private registration = 0;

  /** The provider was registered anew: every reader will ask again. */
  renewed(): void {
    this.registration += 1;
  }

  /**
   * A request listed the annotations `key` names, covering `range` (UTF-16 offsets), or every
   * annotation when `range` is undefined. True when an earlier request of the same registration
   * listed others: the readers now disagree.
   */
  listed(document: D, key: string, range: { readonly start: number; readonly end: number } | undefined): boolean {
    const before = this.last.get(document);
    this.last.set(document, { key, range, registration: this.registration });
    return before !== undefined && before.registration === this.registration && before.key !== key;
  }

  /** Whether `document` is listed in part and `offset` lies outside what its last answer listed. */
  outside(document: D, offset: number): boolean {
    const range = this.last.get(document)?.range;
    return range !== undefined && (offset < range.start || offset > range.end);
  }
}
