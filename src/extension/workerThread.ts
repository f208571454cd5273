import { Worker } from 'node:worker_threads';

/** What a worker thread's owner hears from it. */
export interface WorkerThreadEvents<Response> {
  readonly message: (response: Response) => void;
  /** The worker could not start, failed or exited on its own: it is not used again. `reason` says how. */
  readonly failed: (reason: string) => void;
}

/** How long a worker with nothing to do is kept before it is stopped (its heap is tens of megabytes). */
export const WORKER_IDLE_MILLIS = 5 * 60_000;

/**
 * One worker thread for work that must not block the extension host (parsing sidecars, making
 * suggestions): started on the first request, not at activation; stopped when it has had nothing
 * to do for a while (the owner says when it is idle), and on purpose when its owner must
 * interrupt it, the next request starting another; given up for good when it cannot start or
 * fails, after which its owner does the work in-process. No `vscode` here, so the unit tests run
 * its owners in plain Node.
 */
export class WorkerThread<Request, Response> {
  private worker: Worker | undefined;
  private broken = false;
  private disposed = false;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  /** @param file the bundled worker; undefined never starts one */
  constructor(
    private readonly file: string | undefined,
    private readonly events: WorkerThreadEvents<Response>,
    private readonly idleMillis = WORKER_IDLE_MILLIS,
  ) {}

  /** Whether requests may go to a worker thread (false without a file, after a failure or once disposed). */
  get usable(): boolean {
    return !this.broken && !this.disposed && this.file !== undefined;
  }

  /** Whether a worker thread is running now. */
  get started(): boolean {
    return this.worker !== undefined;
  }

  /** Sends `request`, starting the worker first if need be; false when it could not (see `failed`). */
  post(request: Request): boolean {
    clearTimeout(this.idleTimer);
    const worker = this.usable ? this.start() : undefined;
    worker?.postMessage(request);
    return worker !== undefined;
  }

  /** The owner has nothing in flight: the worker is stopped if no request comes for a while. */
  idle(): void {
    clearTimeout(this.idleTimer);
    if (!this.worker) return;
    this.idleTimer = setTimeout(() => this.stop(), this.idleMillis);
    // Waiting to stop an idle worker keeps nothing alive.
    this.idleTimer.unref?.();
  }

  /** Stops the worker on purpose (its exit is no failure); the next request starts another. */
  stop(): void {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
  }

  private start(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(this.file as string);
      // The extension host's lifetime decides, not this thread's.
      worker.unref();
      worker.on('message', (response: Response) => this.events.message(response));
      // A worker stopped on purpose is no longer this.worker: its error or exit is expected.
      worker.on('error', (error) => {
        if (worker === this.worker) this.fail(`failed: ${String(error)}`);
      });
      worker.on('exit', (code) => {
        if (worker === this.worker) this.fail(`exited (code ${code})`);
      });
      this.worker = worker;
      return worker;
    } catch (error) {
      this.fail(`could not start: ${String(error)}`);
      return undefined;
    }
  }

  private fail(reason: string): void {
    if (this.broken || this.disposed) return;
    this.broken = true;
    this.stop();
    this.events.failed(reason);
  }
}

/**
 * What the owners of a worker thread share: the thread, wired to their response handler and to
 * their fallback (`reason` begins with what the worker is, "the suggestion worker exited …"),
 * and whether requests go to it.
 */
export abstract class WorkerClient<Request, Response> {
  protected readonly thread: WorkerThread<Request, Response>;

  /**
   * @param workerFile the bundled worker; undefined works in-process
   * @param what what the worker is called in the log ("suggestion worker")
   * @param idleMillis how long the worker is kept with nothing to do
   */
  constructor(
    workerFile: string | undefined,
    what: string,
    protected readonly log: (message: string) => void,
    idleMillis?: number,
  ) {
    this.thread = new WorkerThread(workerFile, { message: (response) => this.onResponse(response), failed: (reason) => this.fallBack(`the ${what} ${reason}`) }, idleMillis);
  }

  /** Whether requests currently go to a worker thread (false after a fallback). */
  get usesWorker(): boolean {
    return this.thread.usable;
  }

  /** Whether a worker thread is running now (it starts on the first request and stops when idle). */
  get workerStarted(): boolean {
    return this.thread.started;
  }

  protected abstract onResponse(response: Response): void;

  /** From now on the work is done in-process; what the worker still had is done here. */
  protected abstract fallBack(reason: string): void;
}
