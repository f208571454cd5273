/**
 * When a whole-tree redraw of a tree view is safe. On such a redraw VS Code's extension host
 * forgets every row it handed out; a request of the workbench for the children of a row of the
 * tree before ("No tree item with id '1/speaker:…' found.") is then answered with nothing, and
 * that row stays expanded and empty. Two moments carry that risk:
 *
 * - a fetch of children is running (the extension host cancels it);
 * - the root's rows were handed over and the workbench has not yet asked for the children of
 *   the rows it shows expanded (3–110 ms measured, longer on a busy machine).
 *
 * A redraw waits for both; for the second at most `patienceMs`, since a row the user collapsed
 * in the meantime is never asked for. No `vscode` import: the decisions are tested in Node.
 */
export class RedrawGate {
  private running = 0;
  private readonly owed = new Set<string>();
  private owedSince = 0;

  constructor(
    private readonly patienceMs = 3000,
    private readonly now: () => number = Date.now,
  ) {}

  /** A fetch of the children of `parent` (undefined: the root) started. */
  fetchStarted(parent: string | undefined): void {
    this.running++;
    if (parent !== undefined) this.owed.delete(parent);
  }

  fetchEnded(): void {
    this.running--;
  }

  /** The root's rows were handed over; the workbench will ask for the children of `expanded`. */
  rootDelivered(expanded: Iterable<string>): void {
    this.owed.clear();
    for (const id of expanded) this.owed.add(id);
    this.owedSince = this.now();
  }

  /** The user collapsed a row: its children are no longer asked for. */
  collapsed(id: string): void {
    this.owed.delete(id);
  }

  /** A redraw went out: every row is forgotten, nothing is owed until the root is fetched again. */
  redrawn(): void {
    this.owed.clear();
  }

  /** The view was hidden: the workbench asks for nothing until it is shown again (and then fetches the root anew). */
  hidden(): void {
    this.owed.clear();
  }

  /** Whether a whole-tree redraw now loses nothing. */
  get canRedraw(): boolean {
    if (this.running > 0) return false;
    return this.owed.size === 0 || this.now() - this.owedSince >= this.patienceMs;
  }

  /** Rows whose children are owed (for tests and logs). */
  get owedRows(): readonly string[] {
    return [...this.owed];
  }
}
