// The suggestion analyser: the text analysis in a worker thread, with the same suggestions as the
// in-process call, off the calling thread, cancellable (the running request too), and a fallback
// that still answers when there is no worker.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SpeakerRegistry, type RegisteredSpeaker } from '../../src/core/speakers/speakerRegistry';
import { suggestAnnotations } from '../../src/core/suggest/suggestAnnotations';
import { SuggestionAnalyser, type Cancellation } from '../../src/extension/suggestions/analysis/suggestionAnalyser';

// tsc compiles the worker next to the analyser (out/src/extension/suggestions/analysis/worker.js).
const WORKER = path.resolve(__dirname, '../../src/extension/suggestions/analysis/worker.js');
const SEEDS = path.resolve(__dirname, '../../../seeds');

const seedTexts = fs
  .readdirSync(SEEDS)
  .filter((f) => /\.(?:md|txt)$/u.test(f))
  .map((f) => fs.readFileSync(path.join(SEEDS, f), 'utf8').replace(/^\uFEFF/u, ''));
const SPEAKERS: RegisteredSpeaker[] = [{ name: 'Marta E. Quell', aliases: ['Treasurer Quell'] }];
const REGISTERED = '“The budget is tight this year,” Quell said.';

/** A text the analysis takes a while over (one sentence of thousands of marked words): long enough to cancel mid-way. */
const SLOW = 'Ada Brook backs ' + Array.from({ length: 3_000 }, (_, i) => `“fee ${i}” and warned`).join(' ');

/** What the in-process analysis gives `text`, with the test's registry. */
function inProcess(text: string): ReturnType<typeof suggestAnnotations> {
  return suggestAnnotations(text, { registry: new SpeakerRegistry(SPEAKERS) });
}

/** Resolves once `condition` holds (polled), or fails after 10 s. */
async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A cancellation the test fires by hand, shaped like VS Code's CancellationToken. */
class Cancel implements Cancellation {
  isCancellationRequested = false;
  private readonly listeners = new Set<() => void>();
  onCancellationRequested(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
  cancel(): void {
    this.isCancellationRequested = true;
    for (const listener of [...this.listeners]) listener();
  }
  get listening(): number {
    return this.listeners.size;
  }
}

describe('SuggestionAnalyser', function () {
  this.timeout(60_000);

  it('returns exactly what suggestAnnotations returns, the registry naming speakers, each text to its own request', async () => {
    const analyser = new SuggestionAnalyser(WORKER);
    try {
      const texts = [...seedTexts, REGISTERED, '', 'No quotes here.'];
      assert.ok(seedTexts.length >= 3, 'the seeds are read');
      const results = await Promise.all(texts.map((text) => analyser.analyse(text, SPEAKERS)));
      texts.forEach((text, i) => assert.deepStrictEqual(results[i], inProcess(text), `text ${i}`));
      assert.equal(results[seedTexts.length]?.[0]?.speaker, 'Marta E. Quell', 'the registry reached the worker');
      assert.equal(analyser.usesWorker, true, 'no fallback happened');
      assert.equal(analyser.inFlight, 0);
    } finally {
      analyser.dispose();
    }
  });

  it('analyses off the calling thread: the event loop runs while a long text is analysed', async () => {
    const analyser = new SuggestionAnalyser(WORKER);
    try {
      const order: string[] = [];
      const analysing = analyser.analyse(SLOW).then(() => order.push('analysed'));
      assert.equal(analyser.inFlight, 1);
      await new Promise<void>((resolve) => setImmediate(() => resolve(void order.push('event loop turn'))));
      await analysing;
      assert.deepEqual(order, ['event loop turn', 'analysed']);
    } finally {
      analyser.dispose();
    }
  });

  it('cancels the running request by stopping its worker; the requests after it are answered by a fresh one', async () => {
    const logged: string[] = [];
    const analyser = new SuggestionAnalyser(WORKER, (m) => logged.push(m));
    try {
      const cancel = new Cancel();
      const running = analyser.analyse(SLOW, [], cancel);
      const after = analyser.analyse(REGISTERED, SPEAKERS);
      assert.equal(analyser.inFlight, 2);
      cancel.cancel();
      assert.equal(await running, undefined, 'a cancelled request gives no suggestions');
      assert.equal(cancel.listening, 0, 'its listener is removed');
      assert.deepStrictEqual(await after, inProcess(REGISTERED));
      assert.equal(analyser.usesWorker, true, 'stopping a worker on purpose is no failure');
      assert.deepEqual(logged, []);
    } finally {
      analyser.dispose();
    }
  });

  it('cancels a waiting request without touching the one that runs', async () => {
    const analyser = new SuggestionAnalyser(WORKER);
    try {
      const cancel = new Cancel();
      const first = analyser.analyse(REGISTERED, SPEAKERS);
      const second = analyser.analyse(REGISTERED, SPEAKERS, cancel);
      const third = analyser.analyse('“We row at noon,” Ada Brook said.');
      cancel.cancel();
      assert.equal(await second, undefined);
      assert.equal((await first)?.[0]?.speaker, 'Marta E. Quell');
      assert.equal((await third)?.[0]?.speaker, 'Ada Brook');
      assert.equal(analyser.inFlight, 0);
    } finally {
      analyser.dispose();
    }
  });

  it('answers a request cancelled before it is made at once, without starting a worker', async () => {
    const analyser = new SuggestionAnalyser(path.join(__dirname, 'no-such-worker.js'));
    const cancel = new Cancel();
    cancel.cancel();
    assert.equal(await analyser.analyse(REGISTERED, [], cancel), undefined);
    assert.equal(analyser.usesWorker, true, 'the missing worker file was never tried');
    analyser.dispose();
  });

  it('falls back to the in-process analysis when the worker cannot start, and says so once', async () => {
    const logged: string[] = [];
    const analyser = new SuggestionAnalyser(path.join(__dirname, 'no-such-worker.js'), (m) => logged.push(m));
    try {
      const results = await Promise.all([REGISTERED, ...seedTexts].map((text) => analyser.analyse(text, SPEAKERS)));
      [REGISTERED, ...seedTexts].forEach((text, i) => assert.deepStrictEqual(results[i], inProcess(text), `text ${i}`));
      assert.equal(analyser.usesWorker, false);
      assert.equal(logged.length, 1, logged.join('\n'));
      assert.match(logged[0], /suggestion worker .*in-process/u);
    } finally {
      analyser.dispose();
    }
  });

  it('answers in-process what a worker that dies mid-request had, and every later request', async () => {
    // A worker that exits as soon as it is asked anything.
    const dying = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'suggestion-worker-')), 'dying.js');
    fs.writeFileSync(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const logged: string[] = [];
    const analyser = new SuggestionAnalyser(dying, (m) => logged.push(m));
    try {
      const expected = inProcess(REGISTERED);
      const [first, second] = await Promise.all([analyser.analyse(REGISTERED, SPEAKERS), analyser.analyse(REGISTERED, SPEAKERS)]);
      assert.deepStrictEqual(first, expected);
      assert.deepStrictEqual(second, expected);
      assert.deepStrictEqual(await analyser.analyse(REGISTERED, SPEAKERS), expected);
      assert.equal(analyser.usesWorker, false);
      assert.deepEqual(logged, ['the suggestion worker exited (code 3); suggestions are made in-process from now on']);
    } finally {
      analyser.dispose();
      fs.rmSync(path.dirname(dying), { recursive: true, force: true });
    }
  });

  it('stops its worker once idle for a while, and starts another for the next request', async () => {
    const logged: string[] = [];
    const analyser = new SuggestionAnalyser(WORKER, (m) => logged.push(m), 50);
    try {
      assert.equal(analyser.workerStarted, false, 'no worker before the first request');
      assert.equal((await analyser.analyse(REGISTERED, SPEAKERS))?.[0]?.speaker, 'Marta E. Quell');
      assert.equal(analyser.workerStarted, true);
      await waitUntil(() => !analyser.workerStarted, 'the idle worker to stop');
      assert.equal((await analyser.analyse(REGISTERED, SPEAKERS))?.[0]?.speaker, 'Marta E. Quell');
      assert.equal(analyser.usesWorker, true, 'an idle stop is no failure');
      assert.deepEqual(logged, []);
    } finally {
      analyser.dispose();
    }
  });

  it('rejects with the error of the analysis, in-process and after a worker failed, instead of leaving the caller waiting', async () => {
    const notText = undefined as unknown as string;
    const inProcess = new SuggestionAnalyser(undefined);
    await assert.rejects(inProcess.analyse(notText), TypeError);
    const dying = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'suggestion-worker-')), 'dying.js');
    fs.writeFileSync(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const afterFailure = new SuggestionAnalyser(dying);
    try {
      await assert.rejects(afterFailure.analyse(notText), TypeError);
      assert.equal(afterFailure.inFlight, 0);
      assert.equal((await afterFailure.analyse(REGISTERED, SPEAKERS))?.[0]?.speaker, 'Marta E. Quell', 'the next request is answered');
    } finally {
      afterFailure.dispose();
      fs.rmSync(path.dirname(dying), { recursive: true, force: true });
    }
  });

  it('analyses in-process when it has no worker file', async () => {
    const analyser = new SuggestionAnalyser(undefined);
    assert.equal(analyser.usesWorker, false);
    assert.deepStrictEqual(await analyser.analyse(REGISTERED, SPEAKERS), inProcess(REGISTERED));
    analyser.dispose();
  });

  it('answers what it still has as cancelled when disposed', async () => {
    const analyser = new SuggestionAnalyser(WORKER);
    const running = analyser.analyse(SLOW);
    const waiting = analyser.analyse(REGISTERED);
    analyser.dispose();
    assert.deepEqual(await Promise.all([running, waiting]), [undefined, undefined]);
    assert.equal(analyser.inFlight, 0);
    assert.equal(await analyser.analyse('', []).then((s) => s?.length), 0, 'after dispose, in-process');
  });
});
