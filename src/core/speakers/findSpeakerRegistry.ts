import { resolve } from 'node:path';
import { readSidecarFile } from '../corpus/readFiles';
import { nearestAnnotationsFile } from '../scheme/findScheme';
import { parseSpeakerRegistry, SPEAKER_REGISTRY_PATH, SpeakerRegistry, type RegistryProblem } from './speakerRegistry';

/** The speaker registry of a corpus, where it was found, and its problems (an empty registry then). */
export interface SpeakerRegistryLookup {
  readonly registry: SpeakerRegistry;
  /** Absolute path, undefined when the corpus has no registry. */
  readonly path: string | undefined;
  readonly problems: readonly RegistryProblem[];
}

/**
 * The nearest `.annotations/speakers.yaml` walking up from `start` to the repository root, as the
 * scheme is found; none gives an empty registry. Never throws.
 */
export async function findSpeakerRegistry(start: string): Promise<SpeakerRegistryLookup> {
  const path = await nearestAnnotationsFile(resolve(start), SPEAKER_REGISTRY_PATH);
  if (path === undefined) return { registry: new SpeakerRegistry(), path, problems: [] };
  const read = await readSidecarFile(path);
  if (!read.ok) return { registry: new SpeakerRegistry(), path, problems: [read.problem] };
  const parsed = parseSpeakerRegistry(read.text);
  return { registry: parsed.registry, path, problems: parsed.problems };
}
