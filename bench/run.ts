import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Runs every bench module in this directory and prints one table. A bench module is any file
 * named `*Bench.ts` that exports `createSuite(): BenchSuite`; adding one needs no change here.
 * Figures are medians after warm-up; nothing is asserted (this is for reading, not for CI).
 *
 *   npm run bench                 all suites
 *   npm run bench -- sidecar      suites whose file name contains "sidecar"
 *   BENCH_RUNS=21 npm run bench   more timed runs per case (default 9; slow cases run fewer)
 */

export interface BenchCase {
  name: string;
  /** The work timed; a promise is awaited (and its time counted). */
  run: () => unknown;
  /** Name of a case in the same suite that does the least comparable work; the table shows the ratio to it. */
  floor?: string;
  /** Timed runs for a slow case (default BENCH_RUNS); it gets one warm-up run then. */
  runs?: number;
}

export interface BenchSuite {
  name: string;
  /** One line on the data the cases run on. */
  description?: string;
  cases: BenchCase[];
  /** Called after the suite's cases (temp files removed). */
  dispose?: () => void;
}

interface Row {
  suite: string;
  name: string;
  median: number;
  min: number;
  floor?: string;
}

const WARMUP_RUNS = 3;
const TIMED_RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 9);

/** The last result is kept (and exported) so the optimizer cannot drop the work. */
export let sink: unknown;

async function time(c: BenchCase): Promise<{ median: number; min: number }> {
  const warmups = c.runs === undefined ? WARMUP_RUNS : 1;
  const runs = c.runs === undefined ? TIMED_RUNS : Math.min(c.runs, TIMED_RUNS);
  for (let i = 0; i < warmups; i++) sink = await c.run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink = await c.run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0] };
}

function discover(filter: string | undefined): string[] {
  return readdirSync(__dirname)
    .filter((f) => /Bench\.js$/.test(f))
    .filter((f) => !filter || f.toLowerCase().includes(filter.toLowerCase()))
    .sort();
}

function printTable(rows: Row[]): void {
  const byKey = new Map(rows.map((r) => [`${r.suite}\u0000${r.name}`, r]));
  const table = rows.map((r) => {
    const floor = r.floor ? byKey.get(`${r.suite}\u0000${r.floor}`) : undefined;
    return [r.suite, r.name, r.median.toFixed(2), r.min.toFixed(2), floor ? `${(r.median / floor.median).toFixed(1)}x ${r.floor}` : ''];
  });
  const header = ['suite', 'case', 'median ms', 'min ms', 'vs floor'];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
}

async function main(): Promise<void> {
  const started = performance.now();
  const files = discover(process.argv[2]);
  const rows: Row[] = [];
  console.log(`node ${process.version}, ${WARMUP_RUNS} warm-up + ${TIMED_RUNS} timed runs per case\n`);
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- modules are found at run time
    const mod = require(join(__dirname, file)) as { createSuite?: () => BenchSuite };
    if (typeof mod.createSuite !== 'function') {
      console.warn(`skipping ${file}: no createSuite() export`);
      continue;
    }
    const suiteStarted = performance.now();
    const suite = mod.createSuite();
    try {
      for (const c of suite.cases) rows.push({ suite: suite.name, name: c.name, floor: c.floor, ...(await time(c)) });
    } finally {
      suite.dispose?.();
    }
    // Wall time of the suite, its data generation included.
    console.log(`${suite.name} (${((performance.now() - suiteStarted) / 1000).toFixed(1)} s)${suite.description ? `: ${suite.description}` : ''}`);
  }
  console.log('');
  printTable(rows);
  console.log(`\nall suites: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
