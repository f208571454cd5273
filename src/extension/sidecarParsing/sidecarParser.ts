import { parseCanonicalSidecar, parseSidecar, type SidecarParseResult } from '../../core/sidecar/parseSidecar';
import { BUILT_IN_SCHEME, type AnnotationScheme } from '../../core/scheme/scheme';
import { WorkerClient } from '../workerThread';
import type { ParseRequest, ParseResponse } from './protocol';

interface Pending {
  readonly text: string;
  readonly scheme: AnnotationScheme;
  readonly resolve: (result: SidecarParseResult) => void;
}

/**
 * Parses sidecars. A sidecar in the layout the extension writes is read at once on this thread by
 * the fast reader (10,000 annotations in well under a tenth of a second, no copy between threads);
 * anything else (hand edits, other layouts, broken files) goes to the general YAML library in a
 * worker thread, so that a big one (10,000 annotations: over a second there) or a workspace full
 * of them never blocks the extension host: commands, hovers and typing go on while they are read.
 * The worker starts on the first such request and is reused; a workspace of canonical sidecars
 * never starts it (its heap alone is tens of megabytes).
 *
 * Fallback: when there is no worker file, the worker cannot start, or it fails (crash, error), the
 * requests it had and every later one are parsed in-process, with the same function, so callers
 * get the same result either way, only without the responsiveness. No `vscode` here, so the unit
 * tests run it in plain Node.
 */
export class SidecarParser extends WorkerClient<ParseRequest, ParseResponse> {
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  /**
   * @param workerFile the bundled worker (dist/sidecarParserWorker.js); undefined parses in-process
   * @param idleMillis how long the worker is kept with nothing to parse
   */
  constructor(workerFile: string | undefined, log: (message: string) => void = () => {}, idleMillis?: number) {
    super(workerFile, 'sidecar parser worker', log, idleMillis);
  }

  /** Requests sent to the worker and not answered yet. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** The parse result of `text`, exactly what `parseSidecar(text, scheme)` returns. */
  parse(text: string, scheme: AnnotationScheme = BUILT_IN_SCHEME): Promise<SidecarParseResult> {
    const canonical = parseCanonicalSidecar(text, scheme);
    if (canonical) return Promise.resolve(canonical);
    if (!this.thread.usable) return Promise.resolve(parseSidecar(text, scheme));
    return new Promise((resolve) => {
      const id = ++this.nextId;
      this.pending.set(id, { text, scheme, resolve });
      // When the worker cannot start, fallBack has answered this request in-process already.
      this.thread.post({ id, text, scheme });
    });
  }

  protected onResponse(response: ParseResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    this.pending.delete(response.id);
    if (this.pending.size === 0) this.thread.idle();
    if (response.ok) {
      pending.resolve(response.result);
    } else {
      this.log(`the sidecar parser worker could not parse a sidecar (${response.error}); parsed in-process`);
      pending.resolve(parseSidecar(pending.text, pending.scheme));
    }
  }

  /** From now on parse in-process; what the worker still had is parsed here. */
  protected fallBack(reason: string): void {
    this.log(`${reason}; sidecars are parsed in-process from now on`);
    this.settleInProcess();
  }

  private settleInProcess(): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const { text, scheme, resolve } of pending) resolve(parseSidecar(text, scheme));
  }

  /** Stops the worker; requests still waiting are answered in-process. */
  dispose(): void {
    this.thread.dispose();
    this.settleInProcess();
  }
}
