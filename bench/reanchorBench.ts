import type { Annotation } from '../src/core/annotation';
import { anchorDocument } from '../src/core/anchoring/anchorDocument';
import { generateEditedCases, type EditedCase } from './editedCorpus';
import { hypothesisAnchor } from './hypothesisMatcher';
import type { BenchSuite } from './run';

/**
 * Re-anchoring accuracy and time on documents changed by realistic edits (see editedCorpus.ts),
 * ours (src/core/anchoring) next to a Hypothesis-style matcher (hypothesisMatcher.ts). Both get
 * the same recorded annotations and the edited text; every answer is checked against the
 * construction: correct (the exact span, or an orphan when its text was deleted), orphaned
 * (its text is still there but it was not placed), wrong (placed anywhere else).
 */

type Placement = { start: number; end: number } | undefined;

interface Tally {
  correct: number;
  orphaned: number;
  wrong: number;
  ms: number;
}

function ours(c: EditedCase): Placement[] {
  const annotations: Annotation[] = c.targets.map((t, i) => ({ id: `a${i}`, kind: 'claim', ...t }));
  anchorDocument(annotations, c.after);
  return annotations.map((a) => (a.orphaned ? undefined : { start: a.start, end: a.end }));
}

function hypothesis(c: EditedCase): Placement[] {
  return c.targets.map((t) => hypothesisAnchor(t, c.after) ?? undefined);
}

function tally(cases: readonly EditedCase[], strategy: (c: EditedCase) => Placement[]): Tally {
  const result: Tally = { correct: 0, orphaned: 0, wrong: 0, ms: 0 };
  for (const c of cases) {
    const t0 = performance.now();
    const placed = strategy(c);
    result.ms += performance.now() - t0;
    placed.forEach((p, i) => {
      const want = c.expected[i];
      if (!p) result[want ? 'orphaned' : 'correct']++;
      else if (want && p.start === want.start && p.end === want.end) result.correct++;
      else result.wrong++;
    });
  }
  return result;
}

function printAccuracy(cases: readonly EditedCase[]): void {
  const total = cases.reduce((n, c) => n + c.targets.length, 0);
  const gone = cases.reduce((n, c) => n + c.expected.filter((e) => !e).length, 0);
  const rows = [
    ['ours (exact, then fuzzy with minimum score and ambiguity check)', tally(cases, ours)],
    ['Hypothesis-style (approx-string-match, 50/20/20/2, no minimum)', tally(cases, hypothesis)],
  ] as const;
  const pct = (n: number) => `${n} (${((100 * n) / total).toFixed(1)}%)`;
  const table = [['strategy', 'correct', 'orphaned', 'wrong', 'ms'], ...rows.map(([name, t]) => [name, pct(t.correct), pct(t.orphaned), pct(t.wrong), t.ms.toFixed(1)])];
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  console.log(`\nre-anchoring accuracy: ${cases.length} edited documents, ${total} annotations (${gone} whose text was deleted: orphan is right)`);
  for (const [i, row] of table.entries()) {
    console.log(row.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log('');
}

/**
 * Edited documents per seed document: 40 (280 cases, the README's table, about 20 s on one core);
 * BENCH_REANCHOR_CASES=N for fewer or more.
 */
const PER_DOCUMENT = Math.max(1, Number(process.env.BENCH_REANCHOR_CASES) || 40);

export function createSuite(): BenchSuite {
  const cases = generateEditedCases(PER_DOCUMENT);
  printAccuracy(cases);
  return {
    name: 'reanchor',
    description: `${cases.length} documents after realistic edits (the accuracy table above)`,
    cases: [
      { name: 'ours: re-anchor all', run: () => cases.map(ours), runs: 3 },
      { name: 'Hypothesis-style: re-anchor all', run: () => cases.map(hypothesis), floor: 'ours: re-anchor all', runs: 3 },
    ],
  };
}
