import { readRegularFile, documentTextOfBytes, MAX_DOCUMENT_BYTES, readDocumentText } from '../corpus/readFiles';
import { writeFileAtomic, FileChangedError } from '../sidecar/atomicWrite';
import { nodeSidecarFileSystem } from '../sidecar/nodeSidecarFileSystem';
import { serializeSidecar } from '../sidecar/serializeSidecar';
import { buildSidecarFile } from '../sidecar/sidecarCodec';
import { loadSidecar } from '../sidecar/sidecarDocument';
import { sidecarPathFor } from '../sidecar/sidecarFormat';
import { replaceSidecar } from '../sidecar/sidecarReplacement';
import type { SidecarFileSystem } from '../sidecar/sidecarWriter';
import { unsafeSidecarText } from '../sidecar/verifySidecarText';
import { withoutDuplicates } from '../suggest/withoutDuplicates';
import type { Annotation } from '../annotation';
import { DocumentAnnotations } from '../documentAnnotations';
import type { AnnotationScheme } from '../scheme/scheme';
import type { ImportFormat } from './formats';
import type { ImportedDocument, Skipped } from './format';
import type { LabelMap } from './labelMap';
import { resolveSpans, type ImportTarget, type ResolvedSpan } from './resolveSpans';
import { mergeSuggestions } from './mergeSuggestions';

export interface ImportRequest {
  readonly format: ImportFormat;
  /** Absolute paths of the import files. */
  readonly files: readonly string[];
  readonly target: ImportTarget;
  readonly labels: LabelMap;
  readonly scheme: AnnotationScheme;
  readonly documentFolder?: string;
  /** How a path is shown in the summary (relative to the working directory or workspace). */
  readonly display: (path: string) => string;
  /** The sidecar file system (Node's by default; tests pass a hook to change a file meanwhile). */
  readonly fs?: SidecarFileSystem;
  readonly onProgress?: (done: number, total: number, file: string) => void;
}

export interface FileSummary {
  /** The import file, as displayed. */
  readonly file: string;
  imported: number;
  readonly skipped: Skipped[];
  /** Sidecars (or suggestion files) written, and documents created from the text a record carried: absolute paths. */
  readonly written: string[];
}

/**
 * Imports files of one format: each record's spans become annotations in the sidecar of its
 * document (or suggestions in its `X.suggestions.yaml`), merged with what is there, never
 * duplicating an annotation of the same kind and span, never touching an invalid sidecar, and
 * never overwriting a file changed since it was read. Returns, per import file, how many were
 * imported and each thing skipped with its reason.
 */
export async function importFiles(request: ImportRequest): Promise<FileSummary[]> {
  const summaries: FileSummary[] = [];
  for (const [i, path] of request.files.entries()) {
    const shown = request.display(path);
    request.onProgress?.(i, request.files.length, shown);
    const summary: FileSummary = { file: shown, imported: 0, skipped: [], written: [] };
    summaries.push(summary);
    const read = await readDocumentText(path);
    if (!read.ok) {
      summary.skipped.push({ file: shown, where: 'the file', reason: read.reason, whole: true });
      continue;
    }
    const parsed = request.format.importer.parse({ path, text: read.text }, { documentFolder: request.documentFolder, scheme: request.scheme });
    summary.skipped.push(...parsed.skipped.map((s) => ({ file: shown, ...s })));
    for (const doc of parsed.documents) await importDocument(doc, request, summary);
  }
  request.onProgress?.(request.files.length, request.files.length, '');
  return summaries;
}

async function importDocument(doc: ImportedDocument, request: ImportRequest, summary: FileSummary): Promise<void> {
  const skipAll = (reason: string) => summary.skipped.push({ file: summary.file, where: doc.where, reason: `${reason} (${doc.spans.length} span(s) not imported)`, whole: true });
  const shownDoc = request.display(doc.documentPath);
  const raw = await readRegularFile(doc.documentPath, MAX_DOCUMENT_BYTES, () => 'too large');
  let text: string;
  let hadBom = false;
  if (raw.ok) {
    text = documentTextOfBytes(raw.snapshot.bytes);
    hadBom = raw.snapshot.bytes[0] === 0xef && raw.snapshot.bytes[1] === 0xbb && raw.snapshot.bytes[2] === 0xbf;
    if (doc.embeddedText !== undefined && doc.embeddedText !== text) return void skipAll(`the text it carries is not the text of ${shownDoc}`);
  } else if (raw.missing && doc.embeddedText !== undefined) {
    try {
      await writeFileAtomic(doc.documentPath, doc.embeddedText, { expected: null });
    } catch (error) {
      return void skipAll(`cannot create the document ${shownDoc}: ${error instanceof Error ? error.message : String(error)}`);
    }
    summary.written.push(doc.documentPath);
    text = doc.embeddedText;
  } else {
    return void skipAll(`document ${shownDoc}: ${raw.reason}`);
  }
  const resolved = resolveSpans(doc, text, hadBom, request);
  summary.skipped.push(...resolved.skipped.map((s) => ({ file: summary.file, ...s })));
  if (resolved.spans.length === 0) return;
  const outcome = request.target === 'annotations' ? await mergeAnnotations(doc.documentPath, text, resolved.spans, request) : await mergeSuggestions(doc.documentPath, text, resolved.spans, request.format.id, request.display);
  if ('reason' in outcome) return void skipAll(outcome.reason);
  for (const d of outcome.duplicates) summary.skipped.push({ file: summary.file, where: d.where, reason: `already ${request.target === 'annotations' ? 'annotated' : 'suggested or annotated'} (same kind and span)` });
  summary.imported += outcome.added;
  if (outcome.written) summary.written.push(outcome.written);
}

export type MergeOutcome = { readonly added: number; readonly duplicates: readonly ResolvedSpan[]; readonly written?: string } | { readonly reason: string };

/** Adds the spans to the document's sidecar (created when there is none) through the sidecar writer's compare-and-swap. */
async function mergeAnnotations(documentPath: string, text: string, spans: readonly ResolvedSpan[], request: ImportRequest): Promise<MergeOutcome> {
  const fs = request.fs ?? nodeSidecarFileSystem();
  const sidecarPath = sidecarPathFor(documentPath);
  const shown = request.display(sidecarPath);
  const read = await fs.read(sidecarPath);
  if (!read.ok && !read.missing) return { reason: `${shown} left untouched: ${read.problem.line}:${read.problem.column}: ${read.problem.message}` };
  let existing: Annotation[] = [];
  let annotations: DocumentAnnotations | undefined;
  if (read.ok) {
    const loaded = loadSidecar(read.text, text, request.scheme);
    if (!loaded.ok) {
      const p = loaded.problems[0];
      return { reason: `${shown} is not a valid sidecar, left untouched (${p ? `${p.line}:${p.column}: ${p.message}` : 'run "source-annotator check"'})` };
    }
    annotations = loaded.annotations;
    existing = [...annotations.all];
  }
  const fresh = withoutDuplicates(spans, existing);
  const duplicates = spans.filter((s) => !fresh.includes(s));
  if (fresh.length === 0) return { added: 0, duplicates };
  const model = annotations ?? new DocumentAnnotations();
  for (const span of fresh) model.add(span, text);
  model.refreshQuotes(text);
  const file = buildSidecarFile([...model.all], text);
  const data = serializeSidecar(file);
  const unsafe = unsafeSidecarText(data, file, text);
  if (unsafe !== undefined) return { reason: `${shown} not written because ${unsafe}; this is a bug, please report it` };
  try {
    const written = await replaceSidecar(fs, sidecarPath, data, read.ok ? read.snapshot : null);
    if (!written.ok) return { reason: `${shown} changed on disk while importing; not overwritten, import again` };
  } catch (error) {
    if (error instanceof FileChangedError) return { reason: `${shown} changed on disk while importing; not overwritten` };
    return { reason: `${shown} cannot be written: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { added: fresh.length, duplicates, written: sidecarPath };
}
