// The sidecar parser worker (bundled as dist/sidecarParserWorker.js): parses sidecar texts with
// the general YAML library off the extension host thread, one request at a time. No `vscode` here.
import { parseSidecar } from '../../core/sidecar/parseSidecar';
import { serveRequests } from '../workerServer';
import type { ParseRequest, ParseResponse } from './protocol';

serveRequests('the sidecar parser', (request: ParseRequest): Omit<Extract<ParseResponse, { ok: true }>, 'id' | 'ok'> => ({
  result: parseSidecar(request.text, request.scheme),
}));
