import { readSidecarFile } from '../corpus/readFiles';
import { FileChangedError, removeFileIfUnchanged, writeFileAtomic } from '../sidecar/atomicWrite';
import { parse, stringify } from 'yaml';
import { compareAnnotations } from '../annotation';
import { CodePointIndex } from '../text/codePointIndex';
import { hashDocumentText, stripBom } from '../text/documentText';

/**
 * Imported suggestions (model output brought in with `import --as suggestions`) wait for review
 * in `X.suggestions.yaml` beside the document `X`, not in its sidecar: the sidecar records
 * decisions, and nobody has decided on these yet. The editor shows them like its own suggestions
 * (accept, reject, next); accepting one writes the annotation to the sidecar, and a decided
 * suggestion leaves the file. Offsets are code points into the text without BOM, as in sidecars;
 * `documentHash` says which text they were made for (a document changed since is re-checked by
 * quote: a suggestion whose text is no longer at its place is dropped).
 */
export const SUGGESTIONS_SUFFIX = '.suggestions.yaml';

export function suggestionsPathFor(documentPath: string): string {
  return documentPath + SUGGESTIONS_SUFFIX;
}

export interface StoredSuggestion {
  kind: string;
  /** Code points. */
  start: number;
  end: number;
  text: string;
  speaker?: string;
  /** Where it came from: "label-studio prediction (model v2)", "doccano". */
  rule: string;
}

export interface SuggestionsFile {
  version: 1;
  documentHash: string;
  suggestions: StoredSuggestion[];
}

/** A suggestion as the editor holds it: UTF-16 offsets into the text without BOM. */
export interface LoadedSuggestion {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly speaker?: string;
  readonly rule: string;
}

/** Reads a suggestions file; a file that is not one gives a reason (it is then never rewritten). */
export function parseSuggestionsFile(text: string): { ok: true; file: SuggestionsFile } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = parse(stripBom(text));
  } catch (error) {
    return { ok: false, reason: `not YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
  const v = value as Partial<SuggestionsFile> | null;
  if (!v || v.version !== 1 || typeof v.documentHash !== 'string' || !Array.isArray(v.suggestions)) return { ok: false, reason: 'expected version: 1, documentHash and a suggestions list' };
  for (const [i, s] of v.suggestions.entries()) {
    const ok = s && typeof s.kind === 'string' && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end && typeof s.text === 'string' && typeof s.rule === 'string' && (s.speaker === undefined || typeof s.speaker === 'string');
    if (!ok) return { ok: false, reason: `suggestions[${i}]: expected kind, start < end, text, rule (and maybe speaker)` };
  }
  return { ok: true, file: v as SuggestionsFile };
}

export function serializeSuggestionsFile(file: SuggestionsFile): string {
  return stringify(file, { lineWidth: 0 });
}

/** The stored suggestions still at their text in `documentText`, in UTF-16 offsets. */
export function loadSuggestions(file: SuggestionsFile, documentText: string): LoadedSuggestion[] {
  const text = stripBom(documentText);
  const index = new CodePointIndex(text);
  const out: LoadedSuggestion[] = [];
  for (const s of file.suggestions) {
    if (s.end > index.codePointLength) continue;
    const start = index.toUtf16(s.start);
    const end = index.toUtf16(s.end);
    if (text.slice(start, end) !== s.text) continue;
    out.push({ kind: s.kind, start, end, text: s.text, ...(s.speaker ? { speaker: s.speaker } : {}), rule: s.rule });
  }
  return out.sort((a, b) => compareAnnotations({ ...a, id: '' }, { ...b, id: '' }));
}

/** The file holding `suggestions` (UTF-16 offsets into `documentText`). */
export function buildSuggestionsFile(suggestions: readonly LoadedSuggestion[], documentText: string): SuggestionsFile {
  const text = stripBom(documentText);
  const index = new CodePointIndex(text);
  const sorted = [...suggestions].sort((a, b) => a.start - b.start || a.end - b.end || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  return {
    version: 1,
    documentHash: hashDocumentText(text),
    suggestions: sorted.map((s) => ({ kind: s.kind, start: index.toCodePoint(s.start), end: index.toCodePoint(s.end), text: s.text, ...(s.speaker ? { speaker: s.speaker } : {}), rule: s.rule })),
  };
}

/** The suggestions of `X.suggestions.yaml` for document `X` with text `documentText`; none when there is no valid file. */
export async function readImportedSuggestions(documentPath: string, documentText: string): Promise<LoadedSuggestion[]> {
  const read = await readSidecarFile(suggestionsPathFor(documentPath));
  if (!read.ok) return [];
  const parsed = parseSuggestionsFile(read.text);
  return parsed.ok ? loadSuggestions(parsed.file, documentText) : [];
}

/**
 * Removes decided suggestions (same kind and span, UTF-16 offsets into `documentText`, the saved
 * text) from the document's suggestions file; the file goes when none is left. An invalid file,
 * or one changed meanwhile, is left alone. Returns how many were removed.
 */
export async function removeDecidedSuggestions(documentPath: string, documentText: string, decided: readonly Pick<LoadedSuggestion, 'kind' | 'start' | 'end'>[]): Promise<number> {
  const path = suggestionsPathFor(documentPath);
  const read = await readSidecarFile(path);
  if (!read.ok) return 0;
  const parsed = parseSuggestionsFile(read.text);
  if (!parsed.ok) return 0;
  const key = (s: Pick<LoadedSuggestion, 'kind' | 'start' | 'end'>) => `${s.kind}:${s.start}:${s.end}`;
  const gone = new Set(decided.map(key));
  const loaded = loadSuggestions(parsed.file, documentText);
  const remaining = loaded.filter((s) => !gone.has(key(s)));
  if (remaining.length === loaded.length) return 0;
  try {
    if (remaining.length === 0) await removeFileIfUnchanged(path, read.snapshot);
    else await writeFileAtomic(path, serializeSuggestionsFile(buildSuggestionsFile(remaining, documentText)), { expected: read.snapshot });
  } catch (error) {
    if (error instanceof FileChangedError) return 0;
    throw error;
  }
  return loaded.length - remaining.length;
}
