import { BUILT_IN_SCHEME, type AnnotationScheme } from '../scheme/scheme';
import { parseSidecar, type SidecarProblem } from '../sidecar/parseSidecar';
import { serializeSidecar } from '../sidecar/serializeSidecar';

export type SidecarSpeakerEdit =
  | { readonly ok: true; readonly text: string; readonly changed: readonly string[] }
  | { readonly ok: false; readonly problems: readonly SidecarProblem[] };

/**
 * Sets the speakers of some annotations (by id; '' clears) in the text of a sidecar, for renames
 * and merges across the corpus and their undo. Offsets and the document hash are untouched (the
 * document did not change), so only the speaker lines differ. A sidecar with problems is refused,
 * never rewritten; that includes a kind, attribute or value `scheme` does not declare. `changed` lists the ids whose speaker changed; none means "leave the file alone".
 */
export function setSpeakersInSidecar(sidecarText: string, speakerById: ReadonlyMap<string, string>, scheme: AnnotationScheme = BUILT_IN_SCHEME): SidecarSpeakerEdit {
  const parsed = parseSidecar(sidecarText, scheme);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const changed: string[] = [];
  for (const annotation of parsed.sidecar.annotations) {
    const speaker = speakerById.get(annotation.id)?.trim();
    if (speaker === undefined || speaker === (annotation.speaker ?? '')) continue;
    if (speaker) annotation.speaker = speaker;
    else delete annotation.speaker;
    changed.push(annotation.id);
  }
  return { ok: true, text: changed.length > 0 ? serializeSidecar(parsed.sidecar) : sidecarText, changed };
}
