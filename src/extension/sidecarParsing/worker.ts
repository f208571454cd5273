// The sidecar parser worker (bundled as dist/sidecarParserWorker.js): parses sidecar texts with
// the general YAML library off the extension host thread, one request at a time, and anchors them
// against their document's text when it is sent along. No `vscode` here.
import { parseCanonicalSidecar, parseSidecar } from '../../core/sidecar/parseSidecar';
import { loadParsedSidecar } from '../../core/sidecar/sidecarDocument';
import { serveRequests } from '../workerServer';
import type { AnchoredSidecar, ParseRequest, ParseResponse } from './protocol';

serveRequests('the sidecar parser', (request: ParseRequest): Omit<Extract<ParseResponse, { ok: true }>, 'id' | 'ok'> => {
  if (request.documentText === undefined) return { result: parseSidecar(request.text, request.scheme) };
  // A canonical sidecar comes here only to be anchored: read by the fast reader, as on the host.
  const result = parseCanonicalSidecar(request.text, request.scheme) ?? parseSidecar(request.text, request.scheme);
  const loaded = loadParsedSidecar(result, request.documentText);
  const data: AnchoredSidecar = loaded.ok ? { ok: true, annotations: loaded.annotations.all, anchoring: loaded.anchoring, documentChanged: loaded.documentChanged } : loaded;
  return { result, loaded: data };
});
