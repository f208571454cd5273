import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { CorpusDocument } from '../corpus/annotatedDocument';
import type { StoredAnnotation } from '../sidecar/sidecarFormat';
import type { ExportNote } from './format';

/** A document an export can write: its text is known; its annotations are placed (no orphans). */
export interface ExportedDocument {
  readonly path: string;
  readonly text: string;
  /** Code point offsets, in document order. */
  readonly annotations: readonly StoredAnnotation[];
}

/**
 * The documents of a corpus that formats carrying the text (or offsets into it) can export:
 * a document that is gone and orphaned annotations (no place in the text) are left out, each
 * with a note saying so.
 */
export function exportableDocuments(corpus: readonly CorpusDocument[], notes: ExportNote[]): ExportedDocument[] {
  const out: ExportedDocument[] = [];
  for (const doc of corpus) {
    if (doc.documentText === undefined) {
      notes.push({ document: doc.path, message: `left out: the document is gone (${doc.annotations.length} annotation(s))` });
      continue;
    }
    const orphans = doc.annotations.filter((a) => a.orphaned).length;
    if (orphans > 0) notes.push({ document: doc.path, message: `${orphans} orphaned annotation(s) left out (no place in the text)` });
    out.push({ path: doc.path, text: doc.documentText, annotations: doc.annotations.filter((a) => !a.orphaned) });
  }
  return out;
}

/**
 * Where an export file of a document goes under the destination folder: its path with `..`
 * segments and a leading `/` made harmless, so nothing is written outside the folder.
 */
export function safeRelativePath(path: string): string {
  return path
    .split(/[\\/]/)
    .filter((s) => s !== '' && s !== '.')
    .map((s) => (s === '..' ? '_' : s))
    .join('/');
}

/** The path without its last extension (`a/b.txt` → `a/b`). */
export function withoutExtension(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 ? path.slice(0, dot) : path;
}

/**
 * The document of a record that carries its text (Label Studio, doccano): the path it names,
 * relative to `folder`, else `<import file name>-<id>.txt` beside the import file.
 */
export function embeddedDocumentPath(importPath: string, folder: string | undefined, named: unknown, id: string): string {
  if (typeof named === 'string' && named !== '') return isAbsolute(named) ? named : resolve(folder ?? dirname(importPath), named);
  const base = importPath.replace(/\.[^./\\]*$/, '');
  return join(dirname(importPath), `${base.slice(dirname(importPath).length + 1)}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}.txt`);
}

/** JSON Lines: one record per line, each line ending in a line feed. */
export function jsonLines(records: readonly unknown[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + (records.length > 0 ? '\n' : '');
}
