// The agreement coefficients against worked examples published with them, then the properties any
// chance-corrected coefficient has (perfect agreement is 1, order of coders does not matter).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cohenKappa, krippendorffAlphaNominal, NominalCoincidences } from '../../src/core/agreement/reliability';

const close = (actual: number | undefined, expected: number, digits = 3): void => {
  assert.ok(actual !== undefined, 'undefined coefficient');
  assert.equal(Number(actual.toFixed(digits)), expected, `${actual} ≠ ${expected}`);
};

describe('Krippendorff’s alpha (nominal)', () => {
  // K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section A: binary data,
  // two observers, no missing data. Published result: α = 0.095.
  it('gives the published 0.095 for the binary two-observer example', () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    close(krippendorffAlphaNominal(a.map((x, i) => [String(x), String(b[i])])), 0.095);
  });

  // Same paper, section C: nominal data, four observers, twelve units, missing values (".").
  // Published result: α(nominal) = 0.743.
  it('gives the published 0.743 for the four-observer example with missing values', () => {
    const rows = ['1 2 3 3 2 1 4 1 2 . . .', '1 2 3 3 2 2 4 1 2 5 . 3', '. 3 3 3 2 3 4 2 2 5 1 .', '1 2 3 3 2 4 4 1 2 5 1 .'].map((r) => r.split(' '));
    const units = rows[0].map((_, u) => rows.map((r) => (r[u] === '.' ? undefined : r[u])));
    close(krippendorffAlphaNominal(units), 0.743);
  });

  it('ignores units with a single value and weights repeated units exactly like repetition', () => {
    const repeated = new NominalCoincidences();
    repeated.addUnit(['x', 'y'], 3);
    repeated.addUnit(['x', 'x'], 5);
    repeated.addUnit(['z']);
    const spelled = krippendorffAlphaNominal([...Array(3).fill(['x', 'y']), ...Array(5).fill(['x', 'x'])]);
    assert.equal(repeated.alpha(), spelled);
  });

  it('is undefined when only one value is ever used (no variation to agree on)', () => {
    assert.equal(krippendorffAlphaNominal([['a', 'a'], ['a', 'a']]), undefined);
  });

  it('is 1 for perfect agreement with variation, and symmetric in the coders', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('a', 'b', 'c')), { minLength: 2, maxLength: 40 }), (pairs) => {
        const forward = krippendorffAlphaNominal(pairs);
        const backward = krippendorffAlphaNominal(pairs.map(([x, y]) => [y, x]));
        assert.equal(forward, backward);
        const same = pairs.map(([x]) => [x, x]);
        const alpha = krippendorffAlphaNominal(same);
        if (new Set(same.map(([x]) => x)).size > 1) assert.equal(alpha, 1);
        if (forward !== undefined) assert.ok(forward <= 1 + 1e-12);
      }),
    );
  });
});

describe('Cohen’s kappa', () => {
  // The textbook 2×2 example (Wikipedia, "Cohen's kappa"): 50 proposals, both yes 20, A yes B no 5,
  // A no B yes 10, both no 15: p_o = 0.7, p_e = 0.5, κ = 0.4.
  it('gives 0.4 for the 50-proposal example', () => {
    const pairs: [string, string][] = [
      ...Array<[string, string]>(20).fill(['yes', 'yes']),
      ...Array<[string, string]>(5).fill(['yes', 'no']),
      ...Array<[string, string]>(10).fill(['no', 'yes']),
      ...Array<[string, string]>(15).fill(['no', 'no']),
    ];
    close(cohenKappa(pairs), 0.4);
  });

  it('is (0.6 − 0.56) / 0.44 on Krippendorff’s binary example, below his α there only by the sampling correction', () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    close(cohenKappa(a.map((x, i) => [String(x), String(b[i])] as [string, string])), 0.091);
  });

  it('is undefined without items, 1 when both use one same label throughout', () => {
    assert.equal(cohenKappa([]), undefined);
    assert.equal(cohenKappa([['a', 'a'], ['a', 'a']]), 1);
  });
});
