// The sidecar parser: canonical sidecars read at once on the calling thread, anything else in the
// worker, with the same results as parsing in-process, off the calling thread, and a fallback
// that still answers when there is no worker.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateCorpus } from '../../bench/corpus';
import { parseSidecar } from '../../src/core/sidecar/parseSidecar';
import { buildSidecarFile } from '../../src/core/sidecar/sidecarCodec';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import { SidecarParser } from '../../src/extension/sidecarParsing/sidecarParser';

// tsc compiles the worker next to the client (out/src/extension/sidecarParsing/worker.js).
const WORKER = path.resolve(__dirname, '../../src/extension/sidecarParsing/worker.js');
const SEEDS = path.resolve(__dirname, '../../../seeds');

const seedSidecars = fs
  .readdirSync(SEEDS)
  .filter((f) => f.endsWith('.annotations.yaml'))
  .map((f) => fs.readFileSync(path.join(SEEDS, f), 'utf8'));
const BROKEN = ['version: 1\nannotations: [', 'version: 1\ndocumentHash: x\nannotations:\n  - id: a\n    kind: rumour\n', '<<<<<<< HEAD\nversion: 1\n=======\nversion: 2\n>>>>>>> x\n', ''];

/** 2,000 annotations of the bench corpus (about 0.6 MB of YAML), in the layout the writer produces. */
function canonicalSidecar(): string {
  const { text, annotations } = generateCorpus();
  return serializeSidecar(buildSidecarFile(annotations.slice(0, 2000), text));
}

/** The same data edited by hand (a comment after a value): the fast reader leaves it to the general path. */
const handEdited = (text: string): string => text.replace(/^version: 1$/m, 'version: 1 # edited by hand');

describe('SidecarParser', function () {
  this.timeout(30_000);
  const canonical = canonicalSidecar();
  const large = handEdited(canonical);

  it('returns exactly what parseSidecar returns, for valid and broken sidecars, each to its own request', async () => {
    const parser = new SidecarParser(WORKER);
    try {
      const texts = [...seedSidecars, ...BROKEN, large, canonical];
      const results = await Promise.all(texts.map((text) => parser.parse(text)));
      texts.forEach((text, i) => assert.deepStrictEqual(results[i], parseSidecar(text), `sidecar ${i}`));
      assert.ok(results.at(-2)?.ok, 'the large hand-edited sidecar parses');
      assert.deepStrictEqual(results.at(-1), results.at(-2), 'the canonical and hand-edited sidecars hold the same data');
      assert.equal(parser.usesWorker, true, 'no fallback happened');
      assert.equal(parser.inFlight, 0);
    } finally {
      parser.dispose();
    }
  });

  it('parses off the calling thread: the event loop runs while a large sidecar is parsed', async () => {
    const parser = new SidecarParser(WORKER);
    try {
      const order: string[] = [];
      const parsing = parser.parse(large).then(() => order.push('parsed'));
      assert.equal(parser.inFlight, 1);
      await new Promise<void>((resolve) => setImmediate(() => resolve(void order.push('event loop turn'))));
      await parsing;
      assert.deepEqual(order, ['event loop turn', 'parsed']);
    } finally {
      parser.dispose();
    }
  });

  it('reads a canonical sidecar at once on the calling thread, without starting the worker', async () => {
    const parser = new SidecarParser(WORKER);
    try {
      const parsing = parser.parse(canonical);
      assert.equal(parser.inFlight, 0, 'nothing sent to the worker');
      assert.equal(parser.workerStarted, false);
      const result = await parsing;
      assert.ok(result.ok);
      assert.equal(result.sidecar.annotations.length, 2000);
      assert.deepStrictEqual(result, parseSidecar(canonical));
      // Seeds are canonical too; a broken sidecar needs the general path, so the worker.
      for (const text of seedSidecars) assert.deepStrictEqual(await parser.parse(text), parseSidecar(text));
      assert.equal(parser.workerStarted, false);
      assert.deepStrictEqual(await parser.parse(BROKEN[0]), parseSidecar(BROKEN[0]));
      assert.equal(parser.workerStarted, true);
    } finally {
      parser.dispose();
    }
  });

  it('falls back to parsing in-process when the worker cannot start, with the same results', async () => {
    const logged: string[] = [];
    const parser = new SidecarParser(path.join(__dirname, 'no-such-worker.js'), (m) => logged.push(m));
    try {
      // Hand-edited, so they need the general path (canonical ones never ask for the worker).
      const edited = seedSidecars.map(handEdited);
      const results = await Promise.all(edited.map((text) => parser.parse(text)));
      edited.forEach((text, i) => assert.deepStrictEqual(results[i], parseSidecar(text)));
      assert.equal(parser.usesWorker, false);
      assert.match(logged.join('\n'), /in-process/);
      // Later requests are answered in-process right away.
      assert.deepStrictEqual(await parser.parse(seedSidecars[0]), parseSidecar(seedSidecars[0]));
    } finally {
      parser.dispose();
    }
  });

  it('answers the requests in flight when disposed, and parses in-process afterwards', async () => {
    const parser = new SidecarParser(WORKER);
    const parsing = parser.parse(large);
    parser.dispose();
    const result = await parsing;
    assert.ok(result.ok);
    assert.equal(result.sidecar.annotations.length, 2000);
    assert.equal(parser.usesWorker, false);
    assert.deepStrictEqual(await parser.parse(seedSidecars[0]), parseSidecar(seedSidecars[0]));
  });

  it('stops its worker once idle for a while, and starts another for the next sidecar', async () => {
    const logged: string[] = [];
    const parser = new SidecarParser(WORKER, (m) => logged.push(m), 50);
    try {
      assert.ok((await parser.parse(BROKEN[1])).ok === false);
      assert.equal(parser.workerStarted, true);
      for (let waited = 0; parser.workerStarted; waited += 10) {
        assert.ok(waited < 10_000, 'the idle worker never stopped');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      assert.deepStrictEqual(await parser.parse(BROKEN[0]), parseSidecar(BROKEN[0]));
      assert.equal(parser.workerStarted, true, 'the next sidecar went to a new worker');
      assert.equal(parser.usesWorker, true, 'an idle stop is no failure');
      assert.deepEqual(logged, []);
    } finally {
      parser.dispose();
    }
  });

  it('parses in-process without a worker file', async () => {
    const parser = new SidecarParser(undefined);
    assert.equal(parser.usesWorker, false);
    assert.deepStrictEqual(await parser.parse(BROKEN[1]), parseSidecar(BROKEN[1]));
  });
});
