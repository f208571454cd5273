import { SpeakerRegistry, type RegisteredSpeaker } from '../../../core/speakers/speakerRegistry';
import type { Suggestion } from '../../../core/suggest/suggestion';
// In-process, the analysis (and remark with it) loads on first use, not at activation.
import { suggestAnnotations } from '../../lazyCore';
import { WorkerClient } from '../../workerThread';
import type { AnalysisRequest, AnalysisResponse } from './protocol';

/** What a caller cancels with: VS Code's CancellationToken has this shape. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

interface Job {
  readonly id: number;
  readonly text: string;
  readonly speakers: readonly RegisteredSpeaker[];
  readonly resolve: (suggestions: Suggestion[] | undefined) => void;
  readonly reject: (error: unknown) => void;
  cancelListener?: { dispose(): void };
}

/**
 * Runs the suggestion analysis in a worker thread, so that a long document (1 MB of news takes
 * most of a second) or a hostile one (some shapes take seconds per MB) never blocks the extension
 * host: typing, hovers and other commands go on, and a run can be cancelled. Requests go one at a
 * time, in order. The analysis is synchronous and cannot be interrupted, so cancelling the one
 * that runs stops the worker; the next request starts a fresh one. The worker starts on the first
 * request, not at activation, and stops after a while with nothing to do (see WorkerThread).
 *
 * Fallback: when there is no worker file, the worker cannot start, or it fails (crash, error),
 * what it had and every later request are analysed in-process, with the same function, so callers
 * get the same suggestions either way, only without the responsiveness. No `vscode` here, so the
 * unit tests run it in plain Node.
 */
export class SuggestionAnalyser extends WorkerClient<AnalysisRequest, AnalysisResponse> {
  private nextId = 0;
  private running: Job | undefined;
  private readonly waiting: Job[] = [];

  /**
   * @param workerFile the bundled worker (dist/suggestionWorker.js); undefined analyses in-process
   * @param idleMillis how long the worker is kept with nothing to analyse
   */
  constructor(workerFile: string | undefined, log: (message: string) => void = () => {}, idleMillis?: number) {
    super(workerFile, 'suggestion worker', log, idleMillis);
  }

  /** Requests not answered yet: the one the worker runs and those waiting for it. */
  get inFlight(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  /**
   * The suggestions for `text` (UTF-16 offsets, no BOM), exactly what `suggestAnnotations(text,
   * { registry })` returns; undefined when `cancellation` fired first; rejected with its error
   * when the analysis throws (in the worker, it is run again in-process, where it throws again).
   */
  analyse(text: string, speakers: readonly RegisteredSpeaker[] = [], cancellation?: Cancellation): Promise<Suggestion[] | undefined> {
    if (cancellation?.isCancellationRequested) return Promise.resolve(undefined);
    if (!this.thread.usable) return new Promise((resolve) => resolve(analyseHere(text, speakers)));
    return new Promise((resolve, reject) => {
      const job: Job = { id: ++this.nextId, text, speakers, resolve, reject };
      job.cancelListener = cancellation?.onCancellationRequested(() => this.cancel(job));
      this.waiting.push(job);
      this.next();
    });
  }

  /** Sends the next waiting request when the worker is free; with none, lets the worker go idle. */
  private next(): void {
    if (this.running || !this.thread.usable) return;
    if (this.waiting.length === 0) return this.thread.idle();
    const job = this.waiting.shift() as Job;
    this.running = job;
    // When the worker cannot start, fallBack has answered this request and the others in-process already.
    this.thread.post({ id: job.id, text: job.text, speakers: job.speakers });
  }

  protected onResponse(response: AnalysisResponse): void {
    const job = this.running;
    if (!job || job.id !== response.id) return;
    this.running = undefined;
    if (response.ok) {
      finish(job, response.suggestions);
    } else {
      this.log(`the suggestion worker could not analyse a document (${response.error}); analysed in-process`);
      finishHere(job);
    }
    this.next();
  }

  private cancel(job: Job): void {
    if (this.running === job) {
      // The worker is busy with it and cannot be interrupted: it is stopped, and the next request starts another.
      this.running = undefined;
      this.thread.stop();
    } else {
      const at = this.waiting.indexOf(job);
      if (at < 0) return;
      this.waiting.splice(at, 1);
    }
    finish(job, undefined);
    this.next();
  }

  /** From now on analyse in-process; what the worker still had is analysed here. */
  protected fallBack(reason: string): void {
    this.log(`${reason}; suggestions are made in-process from now on`);
    for (const job of this.takeAll()) finishHere(job);
  }

  private takeAll(): Job[] {
    const jobs = [...(this.running ? [this.running] : []), ...this.waiting];
    this.running = undefined;
    this.waiting.length = 0;
    return jobs;
  }

  /** Stops the worker; requests still waiting are answered as cancelled. */
  dispose(): void {
    this.thread.dispose();
    for (const job of this.takeAll()) finish(job, undefined);
  }
}

function finish(job: Job, suggestions: Suggestion[] | undefined): void {
  job.cancelListener?.dispose();
  job.resolve(suggestions);
}

/** Answers `job` in-process: its suggestions, or the error the analysis throws. */
function finishHere(job: Job): void {
  let suggestions: Suggestion[];
  try {
    suggestions = analyseHere(job.text, job.speakers);
  } catch (error) {
    job.cancelListener?.dispose();
    job.reject(error);
    return;
  }
  finish(job, suggestions);
}

function analyseHere(text: string, speakers: readonly RegisteredSpeaker[]): Suggestion[] {
  return suggestAnnotations(text, { registry: new SpeakerRegistry(speakers) });
}
