import { extname } from 'node:path';
import { isSidecarPath } from '../sidecar/sidecarFormat';
import { findFiles, type FoundFiles } from './findSidecars';

/** Extensions of the documents found in folders: the plain text and Markdown the tool annotates. */
export const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.text', '.md', '.markdown']);

/**
 * The documents under `paths`: any file named directly (except a sidecar), and the text and
 * Markdown files of folders (searched recursively), absolute and sorted; see findFiles for links
 * and for what is reported.
 */
export function findDocuments(paths: readonly string[]): Promise<FoundFiles> {
  return findFiles(paths, (path, given) => !isSidecarPath(path) && (given || DOCUMENT_EXTENSIONS.has(extname(path).toLowerCase())), 'a document');
}
