// The sidecar parser: canonical sidecars read at once on the calling thread, anything else in the
// worker, with the same results as parsing in-process, off the calling thread, and a fallback
// that still answers when there is no worker.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateCorpus } from '../../bench/corpus';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { parseSidecar } from '../../src/core/sidecar/parseSidecar';
import { loadSidecar, type LoadedSidecar } from '../../src/core/sidecar/sidecarDocument';
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

const corpus = generateCorpus();

/** 2,000 annotations of the bench corpus (about 0.6 MB of YAML), in the layout the writer produces. */
function canonicalSidecar(): string {
  const { text, annotations } = corpus;
  return serializeSidecar(buildSidecarFile(annotations.slice(0, 2000), text));
}

/** What a load gives a person: every annotation where it is, and for each orphan its reason and the places offered. */
function outcome(loaded: LoadedSidecar): unknown {
  if (!loaded.ok) return loaded;
  const model = loaded.annotations;
  const ids = (list: readonly { id: string }[]) => list.map((a) => a.id);
  return {
    annotations: model.all.map((a) => ({ ...a, reason: model.orphanReason(a), offered: model.candidatesFor(a.id) })),
    moved: ids(loaded.anchoring.moved),
    orphaned: ids(loaded.anchoring.orphaned),
    ambiguous: ids(loaded.anchoring.ambiguous),
    candidates: [...loaded.anchoring.candidates],
    reasons: [...loaded.anchoring.reasons],
    documentChanged: loaded.documentChanged,
  };
}

/** The bench document's first 50,000 units, a paragraph written in near the top, and a stretch of them deleted (orphans). */
const SHORT = corpus.text.slice(0, 50_000);
const EDITED = `${SHORT.slice(0, 300)}A paragraph written in later.\n${SHORT.slice(300, 20_000)}${SHORT.slice(22_000)}`;

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

  describe('loading against the document (anchoring included)', () => {
    // The annotations of the document's first 50,000 units, in the layout the writer produces.
    const written = serializeSidecar(buildSidecarFile(corpus.annotations.filter((a) => a.end <= SHORT.length), SHORT));
    const cases: [string, string, string][] = [
      ['unchanged, canonical', written, SHORT],
      ['changed, canonical', written, EDITED],
      ['changed, hand-edited', handEdited(written), EDITED],
      ['unchanged, hand-edited', handEdited(written), SHORT],
      ...BROKEN.map((text, i): [string, string, string] => [`broken ${i}`, text, EDITED]),
    ];

    it('gives what loadSidecar gives, moved annotations, orphans, their reasons and places included', async () => {
      const parser = new SidecarParser(WORKER);
      try {
        const loads = await Promise.all(cases.map(([, sidecar, text]) => parser.load(sidecar, text)));
        cases.forEach(([name, sidecar, text], i) => {
          const expected = loadSidecar(sidecar, text);
          assert.deepStrictEqual(outcome(loads[i].loaded), outcome(expected), name);
          assert.deepStrictEqual(loads[i].parsed, parseSidecar(sidecar), name);
        });
        const changed = loads[1].loaded;
        assert.ok(changed.ok && changed.anchoring.moved.length > 0 && changed.anchoring.orphaned.length > 0, 'the edit moved some and orphaned others');
        assert.equal(parser.usesWorker, true);
      } finally {
        parser.dispose();
      }
    });

    it('loads a canonical sidecar of the unchanged document on the calling thread, and anchors a changed one off it', async () => {
      const parser = new SidecarParser(WORKER);
      try {
        const unchanged = parser.load(written, SHORT);
        assert.equal(parser.inFlight, 0);
        assert.equal(parser.workerStarted, false);
        assert.ok((await unchanged).loaded.ok);
        // A small document changed: anchored here too, sooner than a worker would start.
        const few = SHORT.slice(0, 5000);
        const small = serializeSidecar(buildSidecarFile(corpus.annotations.filter((a) => a.end <= few.length), few));
        const smallLoad = parser.load(small, `A line written in later.\n${few}`);
        assert.equal(parser.inFlight, 0);
        const smallLoaded = (await smallLoad).loaded;
        assert.ok(smallLoaded.ok && smallLoaded.anchoring.moved.length > 10);
        assert.equal(parser.workerStarted, false);
        const order: string[] = [];
        const anchoring = parser.load(written, EDITED).then(() => order.push('anchored'));
        assert.equal(parser.inFlight, 1);
        await new Promise<void>((resolve) => setImmediate(() => resolve(void order.push('event loop turn'))));
        await anchoring;
        assert.deepEqual(order, ['event loop turn', 'anchored']);
      } finally {
        parser.dispose();
      }
    });

    it('loads in-process, with the same results, without a worker and when the worker cannot start', async () => {
      for (const parser of [new SidecarParser(undefined), new SidecarParser(path.join(__dirname, 'no-such-worker.js'))]) {
        try {
          for (const [name, sidecar, text] of cases) assert.deepStrictEqual(outcome((await parser.load(sidecar, text)).loaded), outcome(loadSidecar(sidecar, text)), name);
          assert.equal(parser.usesWorker, false);
        } finally {
          parser.dispose();
        }
      }
    });

    it('answers a load in flight when disposed', async () => {
      const parser = new SidecarParser(WORKER);
      const loading = parser.load(written, EDITED);
      parser.dispose();
      assert.deepStrictEqual(outcome((await loading).loaded), outcome(loadSidecar(written, EDITED)));
    });
  });

  describe('anchoring a live model elsewhere (after its document was reloaded from disk)', () => {
    const annotations = corpus.annotations.filter((a) => a.end <= SHORT.length);
    /** A model of those annotations, and what anchor() does to it in place: the reference. */
    const anchoredHere = (text: string) => {
      const model = new DocumentAnnotations(annotations.map((a) => ({ ...a })));
      const report = model.anchor(text);
      return outcome({ ok: true, annotations: model, anchoring: report, documentChanged: true });
    };

    for (const [name, file] of [
      ['in the worker', WORKER],
      ['in-process, without a worker', undefined],
    ] as const) {
      it(`places copies as anchor() does, and the model adopts them with their reasons and places offered (${name})`, async () => {
        const parser = new SidecarParser(file);
        try {
          const model = new DocumentAnnotations(annotations.map((a) => ({ ...a })));
          const own = model.all[0];
          const anchored = await parser.anchor(model.all, EDITED);
          assert.equal(parser.workerStarted, file !== undefined, 'a model this large goes to the worker, if there is one');
          // The model is untouched until it adopts the result.
          assert.deepStrictEqual(model.all, new DocumentAnnotations(annotations.map((a) => ({ ...a }))).all);
          const report = model.adoptAnchoring(anchored.annotations, anchored.anchoring);
          assert.deepStrictEqual(outcome({ ok: true, annotations: model, anchoring: report, documentChanged: true }), anchoredHere(EDITED));
          // The same objects, moved: whoever holds one sees it where it is now.
          assert.ok(model.all.includes(own));
          assert.ok(report.moved.every((a) => model.all.includes(a)) && report.orphaned.every((a) => model.all.includes(a)));
          assert.ok(report.moved.length > 0 && report.orphaned.length > 0);
        } finally {
          parser.dispose();
        }
      });
    }
  });
});
