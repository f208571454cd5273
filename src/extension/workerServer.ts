import { parentPort } from 'node:worker_threads';

/**
 * The worker thread's side of a WorkerThread (workerThread.ts): answers each request, one at a
 * time, with its `id`, `ok: true` and what `work` returns, or with `ok: false` and the error `work`
 * threw, so that the owner can do that request in-process instead. `purpose` names the worker in
 * the error thrown when this file is not run as a worker thread. No `vscode` here.
 */
export function serveRequests<Request extends { readonly id: number }, Result extends object>(purpose: string, work: (request: Request) => Result): void {
  const port = parentPort;
  if (!port) throw new Error(`${purpose} must run as a worker thread`);
  port.on('message', (request: Request) => {
    let response: object;
    try {
      response = { id: request.id, ok: true, ...work(request) };
    } catch (error) {
      response = { id: request.id, ok: false, error: String(error) };
    }
    port.postMessage(response);
  });
}
