// The suggestion worker (bundled as dist/suggestionWorker.js): runs the text analysis off the
// extension host thread, one request at a time. No `vscode` here.
import { parentPort } from 'node:worker_threads';
import { SpeakerRegistry } from '../../../core/speakers/speakerRegistry';
import { suggestAnnotations } from '../../../core/suggest/suggestAnnotations';
import type { AnalysisRequest, AnalysisResponse } from './protocol';

const port = parentPort;
if (!port) throw new Error('the suggestion analysis must run as a worker thread');

port.on('message', (request: AnalysisRequest) => {
  let response: AnalysisResponse;
  try {
    response = { id: request.id, ok: true, suggestions: suggestAnnotations(request.text, { registry: new SpeakerRegistry(request.speakers) }) };
  } catch (error) {
    response = { id: request.id, ok: false, error: String(error) };
  }
  port.postMessage(response);
});
