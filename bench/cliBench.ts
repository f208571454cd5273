import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../src/cli/main';
import { orderedMap, READ_CONCURRENCY } from '../src/cli/orderedMap';
import type { CliIO } from '../src/cli/cliIO';
import { buildSidecarFile } from '../src/core/sidecar/sidecarCodec';
import { serializeSidecar } from '../src/core/sidecar/serializeSidecar';
import { generateCorpus } from './corpus';
import type { BenchSuite } from './run';

/**
 * The command line on the corpora of issue 15, in a temp folder (removed afterwards): `check` of
 * one 1 MB document with 10,000 annotations, `stats` over 1,000 documents with 50 annotations each.
 * Commands run in this process (net of start-up; start-up is its own row). The floor of each is
 * Node reading the same files (documents, and the annotations as JSON instead of YAML) and
 * JSON.parse of those annotations, as many files at a time as the command line reads.
 */

const ARTICLES = 1000;
const PER_ARTICLE = 50;

const quiet = (cwd: string): CliIO => ({ cwd, out: () => undefined, err: () => undefined });

async function runQuiet(cwd: string, args: string[]): Promise<number> {
  const code = await runCli(args, quiet(cwd));
  // A bench of a command that fails measures nothing.
  if (code !== 0) throw new Error(`source-annotator ${args.join(' ')}: exit ${code}`);
  return code;
}

/** Reads each document and its annotations as JSON, and parses them: what no sidecar reader can beat. */
async function floor(files: readonly { document: string; json: string }[]): Promise<number> {
  let n = 0;
  for await (const count of orderedMap(files, READ_CONCURRENCY, async (f) => {
    const [document, json] = await Promise.all([readFile(f.document, 'utf8'), readFile(f.json, 'utf8')]);
    return document.length + (JSON.parse(json) as unknown[]).length;
  })) {
    n += count;
  }
  return n;
}

function writeArticle(dir: string, floorDir: string, name: string, seed: number, chars: number, count: number): { document: string; json: string } {
  const { text, annotations } = generateCorpus(seed, chars, count);
  const file = buildSidecarFile(annotations, text);
  const document = join(dir, `${name}.txt`);
  const json = join(floorDir, `${name}.json`);
  writeFileSync(document, text);
  writeFileSync(`${document}.annotations.yaml`, serializeSidecar(file));
  writeFileSync(json, JSON.stringify(file.annotations));
  return { document, json };
}

/** Wall time of a fresh Node process running `args`, in ms. */
function processTime(args: string[]): number {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')}: exit ${result.status}`);
  return performance.now() - t0;
}

export function createSuite(): BenchSuite {
  const root = mkdtempSync(join(tmpdir(), 'source-annotator-bench-'));
  const big = join(root, 'large');
  const corpus = join(root, 'corpus');
  const floors = join(root, 'floor');
  const empty = join(root, 'empty');
  for (const d of [big, corpus, floors, empty]) mkdirSync(d);
  const large = [writeArticle(big, floors, 'large', 20240601, 1_000_000, 10_000)];
  const articles = Array.from({ length: ARTICLES }, (_, i) => writeArticle(corpus, floors, `article-${String(i).padStart(4, '0')}`, 1000 + i, 5_000, PER_ARTICLE));

  // The bundled command line, when built (npm run build): its start-up beside Node's own.
  const cli = resolve(__dirname, '../../dist/cli.js');
  const cases: BenchSuite['cases'] = [
    { name: 'floor: read + JSON.parse, 10,000 annotations', run: () => floor(large) },
    { name: 'check, 1 document, 10,000 annotations (net)', run: () => runQuiet(root, ['check', big]), floor: 'floor: read + JSON.parse, 10,000 annotations', runs: 5 },
    { name: 'floor: read + JSON.parse, 1,000 documents', run: () => floor(articles), runs: 5 },
    { name: 'stats, 1,000 documents, 50,000 annotations (net)', run: () => runQuiet(root, ['stats', corpus]), floor: 'floor: read + JSON.parse, 1,000 documents', runs: 3 },
  ];
  if (existsSync(cli)) {
    cases.push(
      { name: 'start-up: node -e 0', run: () => processTime(['-e', '0']), runs: 5 },
      { name: 'start-up: dist/cli.js --version', run: () => processTime([cli, '--version']), floor: 'start-up: node -e 0', runs: 5 },
      // A real command's start-up: the stats command's modules evaluated, an empty folder read.
      { name: 'start-up: dist/cli.js stats of an empty folder', run: () => processTime([cli, 'stats', empty]), floor: 'start-up: node -e 0', runs: 5 },
    );
  }
  return {
    name: 'cli',
    description: `1 document of 1 MB with 10,000 annotations; ${ARTICLES} documents of 5,000 characters with ${PER_ARTICLE} annotations each (temp folder)${existsSync(cli) ? '' : '; start-up not measured: run npm run build first'}`,
    cases,
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}
