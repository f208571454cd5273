// The suggestion worker (bundled as dist/suggestionWorker.js): runs the text analysis off the
// extension host thread, one request at a time. No `vscode` here.
import { SpeakerRegistry } from '../../../core/speakers/speakerRegistry';
import { suggestAnnotations } from '../../../core/suggest/suggestAnnotations';
import { serveRequests } from '../../workerServer';
import type { AnalysisRequest, AnalysisResponse } from './protocol';

serveRequests('the suggestion analysis', (request: AnalysisRequest): Omit<Extract<AnalysisResponse, { ok: true }>, 'id' | 'ok'> => ({
  suggestions: suggestAnnotations(request.text, { registry: new SpeakerRegistry(request.speakers) }),
}));
