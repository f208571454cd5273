import { DocumentAnnotations, searchOrphans, type OrphanSearch } from '../../core/documentAnnotations';
import { parseCanonicalSidecar, parseSidecar, type SidecarParseResult } from '../../core/sidecar/parseSidecar';
import { loadParsedSidecar, type LoadedSidecar } from '../../core/sidecar/sidecarDocument';
import { BUILT_IN_SCHEME, type AnnotationScheme } from '../../core/scheme/scheme';
import { hashDocumentText } from '../../core/text/documentText';
import type { Annotation } from '../../core/annotation';
import { WorkerClient } from '../workerThread';
import type { AnchoredAnnotations, AnchoredSidecar, AnchorRequest, ParseRequest, SidecarWorkerResponse, SidecarWorkerRequest } from './protocol';

/**
 * Annotations times document length below which a changed document is anchored on the calling
 * thread: a few milliseconds at most (200 annotations of 100 KB), less than starting the worker.
 */
const SMALL_ANCHORING = 200 * 100_000;

/**
 * Orphans looked for again in-process, at once, below this many orphans times characters: an orphan whose quote the text
 * does not have costs a search of the whole text (about 5 ms per 100 KB), so 5 orphans of a 100 KB document stay here.
 */
export function isSmallOrphanSearch(orphans: number, textLength: number): boolean {
  return orphans * textLength <= 5 * 100_000;
}

/** A sidecar parsed, and loaded against its document's text (anchored). */
export interface ParsedAndLoaded {
  readonly parsed: SidecarParseResult;
  readonly loaded: LoadedSidecar;
}

type Pending =
  | { readonly kind: 'parse'; readonly text: string; readonly scheme: AnnotationScheme; readonly resolve: (result: SidecarParseResult) => void }
  | { readonly kind: 'load'; readonly text: string; readonly scheme: AnnotationScheme; readonly documentText: string; readonly resolve: (result: ParsedAndLoaded) => void }
  | { readonly kind: 'anchor'; readonly annotations: readonly Annotation[]; readonly documentText: string; readonly resolve: (result: AnchoredAnnotations) => void }
  | { readonly kind: 'orphans'; readonly annotations: readonly Annotation[]; readonly documentText: string; readonly resolve: (result: OrphanSearch) => void };

function anchorInProcess(annotations: readonly Annotation[], documentText: string): AnchoredAnnotations {
  const model = new DocumentAnnotations(annotations.map((a) => ({ ...a })));
  const anchoring = model.anchor(documentText);
  return { annotations: model.all, anchoring };
}

/** What the worker's data stands for: the model loadParsedSidecar would have built. */
function fromData(data: AnchoredSidecar): LoadedSidecar {
  return data.ok ? { ok: true, annotations: DocumentAnnotations.anchored(data.annotations, data.anchoring), anchoring: data.anchoring, documentChanged: data.documentChanged } : data;
}

function loadInProcess(text: string, scheme: AnnotationScheme, documentText: string): ParsedAndLoaded {
  const parsed = parseCanonicalSidecar(text, scheme) ?? parseSidecar(text, scheme);
  return { parsed, loaded: loadParsedSidecar(parsed, documentText) };
}

/**
 * Parses sidecars, and loads them against their documents (`load`, `anchor`: anchoring included).
 * A sidecar in the layout the extension writes is read at once on this thread by the fast reader
 * (10,000 annotations in well under a tenth of a second, no copy between threads); anything else
 * (hand edits, other layouts, broken files), and anchoring that may take long (a large sidecar
 * whose document changed), goes to a worker thread, so that a big one (10,000 annotations: over
 * a second there) or a workspace full of them never blocks the extension host: commands, hovers
 * and typing go on while they are read. The worker starts on the first such request and is
 * reused; a workspace of canonical sidecars of unchanged documents never starts it (its heap
 * alone is tens of megabytes).
 *
 * Fallback: when there is no worker file, the worker cannot start, or it fails (crash, error), the
 * requests it had and every later one are parsed in-process, with the same function, so callers
 * get the same result either way, only without the responsiveness. No `vscode` here, so the unit
 * tests run it in plain Node.
 */
export class SidecarParser extends WorkerClient<SidecarWorkerRequest, SidecarWorkerResponse> {
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
    return this.send({ text, scheme }, (resolve) => ({ kind: 'parse', text, scheme, resolve }));
  }

  /**
   * The sidecar `text` parsed, and loaded against `documentText`: exactly what `loadSidecar`
   * returns, anchoring included. A canonical sidecar written for this very text is loaded at once
   * on this thread (its annotations are where they were: checking costs little), and so is a small
   * one; a large one whose document changed, or any other sidecar, goes to the worker, since
   * anchoring after a change can take seconds (10,000 annotations after a re-wrap), and the
   * extension host must not stop.
   */
  load(text: string, documentText: string, scheme: AnnotationScheme = BUILT_IN_SCHEME): Promise<ParsedAndLoaded> {
    const canonical = parseCanonicalSidecar(text, scheme);
    if (canonical && !canonical.ok) return Promise.resolve({ parsed: canonical, loaded: loadParsedSidecar(canonical, documentText) });
    if (canonical) {
      const hash = hashDocumentText(documentText);
      if (canonical.sidecar.annotations.length * documentText.length < SMALL_ANCHORING || canonical.sidecar.documentHash === hash) {
        return Promise.resolve({ parsed: canonical, loaded: loadParsedSidecar(canonical, documentText, hash) });
      }
    }
    if (!this.thread.usable) return Promise.resolve(loadInProcess(text, scheme, documentText));
    return this.send({ text, scheme, documentText }, (resolve) => ({ kind: 'load', text, scheme, documentText, resolve }));
  }

  /**
   * Copies of `annotations` placed against `documentText` as DocumentAnnotations.anchor places
   * them, with its report: in the worker for a large model (a document reloaded from disk after a
   * checkout re-anchors every span), in-process for a small one. The caller adopts the result if
   * nothing changed meanwhile (DocumentAnnotations.adoptAnchoring).
   */
  anchor(annotations: readonly Annotation[], documentText: string): Promise<AnchoredAnnotations> {
    if (!this.thread.usable || annotations.length * documentText.length < SMALL_ANCHORING) return Promise.resolve(anchorInProcess(annotations, documentText));
    return this.send({ annotations, documentText }, (resolve) => ({ kind: 'anchor', annotations, documentText, resolve }));
  }

  /**
   * What DocumentAnnotations.reanchorOrphans would find for the orphans of `annotations` against `documentText`, made
   * on copies (searchOrphans): in the worker when it is large (each orphan whose quote is not found costs a search of the
   * whole text, 5-70 ms per MB), in-process when small (isSmallOrphanSearch). The caller adopts it if nothing changed
   * meanwhile (DocumentAnnotations.adoptOrphanSearch).
   */
  searchOrphans(annotations: readonly Annotation[], documentText: string): Promise<OrphanSearch> {
    if (!this.thread.usable || isSmallOrphanSearch(annotations.filter((a) => a.orphaned).length, documentText.length)) return Promise.resolve(searchOrphans(annotations, documentText));
    return this.send({ annotations, documentText, orphans: true }, (resolve) => ({ kind: 'orphans', annotations, documentText, resolve }));
  }

  /** Sends `request` to the worker; `pending` is what answers it: the worker's response, or the in-process fallback. */
  private send<T>(request: Omit<ParseRequest, 'id'> | Omit<AnchorRequest, 'id'>, pending: (resolve: (result: T) => void) => Pending): Promise<T> {
    return new Promise((resolve) => {
      const id = ++this.nextId;
      this.pending.set(id, pending(resolve));
      // When the worker cannot start, fallBack has answered this request in-process already.
      this.thread.post({ ...request, id });
    });
  }

  protected onResponse(response: SidecarWorkerResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    this.pending.delete(response.id);
    if (this.pending.size === 0) this.thread.idle();
    if (!response.ok) {
      this.log(`the sidecar parser worker could not read or anchor a sidecar (${response.error}); done in-process`);
      this.settle(pending);
    } else if (pending.kind === 'parse' && response.result) {
      pending.resolve(response.result);
    } else if (pending.kind === 'load' && response.result && response.loaded) {
      pending.resolve({ parsed: response.result, loaded: fromData(response.loaded) });
    } else if ((pending.kind === 'anchor' || pending.kind === 'orphans') && response.anchored) {
      pending.resolve(response.anchored);
    } else {
      this.settle(pending);
    }
  }

  /** Answers a request in-process. */
  private settle(pending: Pending): void {
    if (pending.kind === 'parse') pending.resolve(parseSidecar(pending.text, pending.scheme));
    else if (pending.kind === 'load') pending.resolve(loadInProcess(pending.text, pending.scheme, pending.documentText));
    else if (pending.kind === 'orphans') pending.resolve(searchOrphans(pending.annotations, pending.documentText));
    else pending.resolve(anchorInProcess(pending.annotations, pending.documentText));
  }

  /** From now on parse in-process; what the worker still had is parsed here. */
  protected fallBack(reason: string): void {
    this.log(`${reason}; sidecars are parsed in-process from now on`);
    this.settleInProcess();
  }

  private settleInProcess(): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const request of pending) this.settle(request);
  }

  /** Stops the worker; requests still waiting are answered in-process. */
  dispose(): void {
    this.thread.dispose();
    this.settleInProcess();
  }
}
