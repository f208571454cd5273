// The sidecar parser worker (bundled as dist/sidecarParserWorker.js): parses sidecar texts with
// the general YAML library off the extension host thread, one request at a time. No `vscode` here.
import { parentPort } from 'node:worker_threads';
import { parseSidecar } from '../../core/sidecar/parseSidecar';
import type { ParseRequest, ParseResponse } from './protocol';

const port = parentPort;
if (!port) throw new Error('the sidecar parser must run as a worker thread');

port.on('message', (request: ParseRequest) => {
  let response: ParseResponse;
  try {
    response = { id: request.id, ok: true, result: parseSidecar(request.text, request.scheme) };
  } catch (error) {
    response = { id: request.id, ok: false, error: String(error) };
  }
  port.postMessage(response);
});
