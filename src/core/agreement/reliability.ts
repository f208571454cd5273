/**
 * Chance-corrected agreement coefficients over nominal labels: Cohen's κ for two coders and
 * Krippendorff's α for any number of coders with missing values. Pure arithmetic, no I/O; the
 * worked examples they are tested against are in test/unit/reliability.test.ts.
 */

/** Cohen's kappa of two coders who labelled the same items; undefined without items. */
export function cohenKappa(pairs: Iterable<readonly [string, string]>): number | undefined {
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  let n = 0;
  let agree = 0;
  for (const [x, y] of pairs) {
    n++;
    if (x === y) agree++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  if (n === 0) return undefined;
  return kappaFromCounts(n, agree, a, b);
}

/**
 * Cohen's kappa from counts: `n` items, `agree` of them labelled alike, and each coder's label
 * totals. When chance agreement is 1 (both coders used one and the same label throughout) there is
 * no variation to agree on: κ is 1 if they agree everywhere, as Krippendorff's α is undefined then.
 */
export function kappaFromCounts(n: number, agree: number, a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number | undefined {
  if (n === 0) return undefined;
  const observed = agree / n;
  let expected = 0;
  for (const [label, count] of a) expected += (count / n) * ((b.get(label) ?? 0) / n);
  if (expected === 1) return observed === 1 ? 1 : undefined;
  return (observed - expected) / (1 - expected);
}

/**
 * The coincidence counts Krippendorff's α is computed from, accumulated unit by unit so that a
 * corpus of millions of characters never needs its reliability data matrix in memory.
 */
export class NominalCoincidences {
  /** o[c][k]: how often value c was paired with value k within a unit, each pair weighted 1/(m−1). */
  private readonly o = new Map<string, Map<string, number>>();
  private pairable = 0;

  /**
   * Adds one unit: the values the coders gave it (missing values left out, or undefined). A unit
   * with fewer than two values carries no information about agreement and is ignored.
   */
  addUnit(values: readonly (string | undefined)[], weight = 1): void {
    const present = values.filter((v): v is string => v !== undefined);
    const m = present.length;
    if (m < 2) return;
    const counts = new Map<string, number>();
    for (const v of present) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) {
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        if (pairs === 0) continue;
        this.add(c, k, (weight * pairs) / (m - 1));
      }
    }
    this.pairable += weight * m;
  }

  /** Krippendorff's α for nominal data; undefined when there are no pairable values or only one value is ever used. */
  alpha(): number | undefined {
    const n = this.pairable;
    if (n <= 1) return undefined;
    const marginals = new Map<string, number>();
    let observedDisagreement = 0;
    for (const [c, row] of this.o) {
      for (const [k, count] of row) {
        marginals.set(c, (marginals.get(c) ?? 0) + count);
        if (c !== k) observedDisagreement += count;
      }
    }
    let expectedDisagreement = 0;
    for (const [c, nc] of marginals) {
      for (const [k, nk] of marginals) if (c !== k) expectedDisagreement += nc * nk;
    }
    if (expectedDisagreement === 0) return undefined;
    return 1 - ((n - 1) * observedDisagreement) / expectedDisagreement;
  }

  private add(c: string, k: string, amount: number): void {
    let row = this.o.get(c);
    if (!row) this.o.set(c, (row = new Map()));
    row.set(k, (row.get(k) ?? 0) + amount);
  }
}

/** Krippendorff's α (nominal) of a reliability data matrix: one array of coders' values per unit. */
export function krippendorffAlphaNominal(units: Iterable<readonly (string | undefined)[]>): number | undefined {
  const coincidences = new NominalCoincidences();
  for (const unit of units) coincidences.addUnit(unit);
  return coincidences.alpha();
}
