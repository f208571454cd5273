// The sidecar worker (bundled as dist/sidecarParserWorker.js): parses sidecar texts with the
// general YAML library off the extension host thread, one request at a time, anchors them against
// their document's text when it is sent along, and anchors a live model's annotations after its
// document was reloaded from disk. No `vscode` here.
import { DocumentAnnotations, searchOrphans } from '../../core/documentAnnotations';
import { parseCanonicalSidecar, parseSidecar } from '../../core/sidecar/parseSidecar';
import { loadParsedSidecar } from '../../core/sidecar/sidecarDocument';
import { serveRequests } from '../workerServer';
import type { AnchoredSidecar, SidecarWorkerResponse, SidecarWorkerRequest } from './protocol';

serveRequests('the sidecar parser', (request: SidecarWorkerRequest): Omit<Extract<SidecarWorkerResponse, { ok: true }>, 'id' | 'ok'> => {
  if ('annotations' in request) {
    if (request.orphans) return { anchored: searchOrphans(request.annotations, request.documentText) };
    const model = new DocumentAnnotations(request.annotations);
    const anchoring = model.anchor(request.documentText);
    return { anchored: { annotations: model.all, anchoring } };
  }
  if (request.documentText === undefined) return { result: parseSidecar(request.text, request.scheme) };
  // A canonical sidecar comes here only to be anchored: read by the fast reader, as on the host.
  const result = parseCanonicalSidecar(request.text, request.scheme) ?? parseSidecar(request.text, request.scheme);
  const loaded = loadParsedSidecar(result, request.documentText);
  const data: AnchoredSidecar = loaded.ok ? { ok: true, annotations: loaded.annotations.all, anchoring: loaded.anchoring, documentChanged: loaded.documentChanged } : loaded;
  return { result, loaded: data };
});
