import { readSidecarFile } from '../corpus/readFiles';
import { FileChangedError, writeFileAtomic } from '../sidecar/atomicWrite';
import { parseSidecar } from '../sidecar/parseSidecar';
import { loadParsedSidecar } from '../sidecar/sidecarDocument';
import { sidecarPathFor } from '../sidecar/sidecarFormat';
import { withoutDuplicates } from '../suggest/withoutDuplicates';
import type { Annotation } from '../annotation';
import type { MergeOutcome } from './applyImport';
import type { ResolvedSpan } from './resolveSpans';
import { buildSuggestionsFile, loadSuggestions, parseSuggestionsFile, serializeSuggestionsFile, suggestionsPathFor, type LoadedSuggestion } from './suggestionsFile';

/**
 * Adds imported spans to the document's `X.suggestions.yaml` (see suggestionsFile.ts), leaving out
 * those that repeat a suggestion there or an annotation of the sidecar (same kind and span). An
 * invalid suggestions file is never rewritten; one changed since it was read is not overwritten.
 */
export async function mergeSuggestions(documentPath: string, text: string, spans: readonly ResolvedSpan[], source: string, display: (path: string) => string): Promise<MergeOutcome> {
  const path = suggestionsPathFor(documentPath);
  const shown = display(path);
  const read = await readSidecarFile(path);
  if (!read.ok && !read.missing) return { reason: `${shown} left untouched: ${read.problem.message}` };
  let existing: LoadedSuggestion[] = [];
  if (read.ok) {
    const parsed = parseSuggestionsFile(read.text);
    if (!parsed.ok) return { reason: `${shown} is not a suggestions file, left untouched (${parsed.reason})` };
    existing = loadSuggestions(parsed.file, text);
  }
  const sidecar = await readSidecarFile(sidecarPathFor(documentPath));
  const loaded = sidecar.ok ? loadParsedSidecar(parseSidecar(sidecar.text, 'any'), text) : undefined;
  const annotations: readonly Annotation[] = loaded?.ok ? loaded.annotations.all : [];
  const taken = withoutDuplicates(existing, annotations);
  const incoming = spans.map((s) => ({ ...s, text: text.slice(s.start, s.end), rule: `imported from ${source}${s.author ? ` (${s.author})` : ''}` }));
  const all = withoutDuplicates([...taken, ...incoming], annotations);
  const fresh = incoming.filter((s) => all.includes(s));
  const duplicates = spans.filter((_, i) => !all.includes(incoming[i]));
  if (fresh.length === 0) return { added: 0, duplicates };
  const data = serializeSuggestionsFile(buildSuggestionsFile(all.map(({ kind, start, end, text: t, speaker, rule }) => ({ kind, start, end, text: t, rule, ...(speaker ? { speaker } : {}) })), text));
  try {
    await writeFileAtomic(path, data, { expected: read.ok ? read.snapshot : null });
  } catch (error) {
    if (error instanceof FileChangedError) return { reason: `${shown} changed on disk while importing; not overwritten` };
    return { reason: `${shown} cannot be written: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { added: fresh.length, duplicates, written: path };
}
