// Shared by the interchange tests: a corpus in a temporary folder, read as `export` reads it,
// exported in a format, imported into a fresh copy of its documents, and the sidecars compared.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusDocument, readAnnotatedDocument, type CorpusDocument } from '../../../src/core/corpus/annotatedDocument';
import { importFiles, type FileSummary } from '../../../src/core/interchange/applyImport';
import { EXPORT_FORMATS, IMPORT_FORMATS } from '../../../src/core/interchange/formats';
import { LabelMap } from '../../../src/core/interchange/labelMap';
import type { ImportTarget } from '../../../src/core/interchange/resolveSpans';
import type { AnnotationScheme } from '../../../src/core/scheme/scheme';
import { schemeOf, schemeTextWithAttributes } from '../schemeFixtures';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { isSidecarPath, type StoredAnnotation } from '../../../src/core/sidecar/sidecarFormat';
import { tempDir } from '../tempDirs';

/** Kinds claim, quote, speculation, advertisement, opinion; a choice (with a value that has spaces), a text and a boolean attribute. */
export const TEST_SCHEME = schemeOf(schemeTextWithAttributes(['claim', 'quote', 'speculation', 'advertisement', 'opinion']));

/** The sidecars of a folder as `export` reads them, paths relative to it. */
export async function readFolderCorpus(root: string, scheme: AnnotationScheme): Promise<CorpusDocument[]> {
  const out: CorpusDocument[] = [];
  for (const name of fs.readdirSync(root, { recursive: true }) as string[]) {
    const full = path.join(root, name);
    if (!isSidecarPath(full)) continue;
    const read = await readAnnotatedDocument(full, scheme);
    assert.ok(read.ok, full);
    const doc = corpusDocument(read.doc, path.relative(root, read.doc.documentPath).split(path.sep).join('/'));
    assert.ok(doc, `${full} did not load`);
    out.push(doc);
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** What a round trip must keep of an annotation: everything but its id and quote context. */
export function comparable(a: StoredAnnotation): Record<string, unknown> {
  return { kind: a.kind, start: a.start, end: a.end, text: a.text, speaker: a.speaker, note: a.note, author: a.author, attributes: a.attributes };
}

export function sidecarAnnotations(sidecarPath: string): StoredAnnotation[] {
  const parsed = parseSidecar(fs.readFileSync(sidecarPath, 'utf8'), 'any');
  assert.ok(parsed.ok, sidecarPath);
  return [...parsed.sidecar.annotations].sort((a, b) => a.start - b.start || a.end - b.end || (a.kind < b.kind ? -1 : 1));
}

export interface RoundTrip {
  readonly summaries: FileSummary[];
  /** The folder the documents were copied to and imported into. */
  readonly target: string;
}

/**
 * Exports the corpus of `source` in `format`, copies its documents (not its sidecars) to a new
 * folder and imports the export there.
 */
export async function roundTrip(format: string, source: string, scheme: AnnotationScheme, target: ImportTarget = 'annotations'): Promise<RoundTrip> {
  const exporter = EXPORT_FORMATS.find((f) => f.id === format);
  const importer = IMPORT_FORMATS.find((f) => f.id === format);
  assert.ok(exporter && importer);
  const corpus = await readFolderCorpus(source, scheme);
  const result = exporter.exporter.render(corpus, scheme);
  const out = tempDir(`${format}-out`);
  for (const file of result.files) {
    fs.mkdirSync(path.dirname(path.join(out, file.path)), { recursive: true });
    fs.writeFileSync(path.join(out, file.path), file.text);
  }
  // brat's X.ann belongs to the X.txt written beside it (brat counts a BOM, which the export
  // does not write); the other formats are imported into a copy of the original documents.
  const documents = format === 'brat' ? out : tempDir(`${format}-docs`);
  if (format !== 'brat') {
    for (const doc of corpus) {
      fs.mkdirSync(path.dirname(path.join(documents, doc.path)), { recursive: true });
      fs.copyFileSync(path.join(source, doc.path), path.join(documents, doc.path));
    }
  }
  const files = result.files.map((f) => path.join(out, f.path)).filter((f) => importer.importer.extensions.some((e) => f.endsWith(`.${e}`)));
  const summaries = await importFiles({ format: importer, files, target, labels: LabelMap.none, scheme, documentFolder: documents, display: (p) => p });
  return { summaries, target: documents };
}

/** Asserts that every sidecar of `source` came back in `target` with the same kinds, spans, speakers, notes, authors and attributes. */
export function assertSameAnnotations(source: string, target: string): number {
  let count = 0;
  for (const name of fs.readdirSync(source, { recursive: true }) as string[]) {
    if (!isSidecarPath(name)) continue;
    const before = sidecarAnnotations(path.join(source, name)).filter((a) => !a.orphaned);
    const after = fs.existsSync(path.join(target, name)) ? sidecarAnnotations(path.join(target, name)) : [];
    assert.deepEqual(after.map(comparable), before.map(comparable), name);
    count += before.length;
  }
  return count;
}
