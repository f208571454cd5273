import { extname } from 'node:path';
import { isSidecarPath } from '../sidecar/sidecarFormat';
import { findFiles, SKIPPED_FOLDERS, type FoundFiles } from './findSidecars';

/** Extensions of the documents found in folders: the plain text and Markdown the tool annotates. */
export const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.text', '.md', '.markdown']);

/**
 * The same rules as globs, for the editor's file search (`workspace.findFiles`): what the command
 * line finds in a folder, the extension finds in the workspace.
 */
export const DOCUMENT_GLOB = `**/*.{${[...DOCUMENT_EXTENSIONS].map((e) => e.slice(1)).join(',')}}`;
export const SIDECAR_GLOB = '**/*.annotations.yaml';
export const SKIPPED_FOLDERS_GLOB = `**/{${[...SKIPPED_FOLDERS].join(',')}}/**`;

/**
 * The documents under `paths`: any file named directly (except a sidecar), and the text and
 * Markdown files of folders (searched recursively), absolute and sorted; see findFiles for links
 * and for what is reported.
 */
export function findDocuments(paths: readonly string[]): Promise<FoundFiles> {
  return findFiles(paths, (path, given) => !isSidecarPath(path) && (given || DOCUMENT_EXTENSIONS.has(extname(path).toLowerCase())), 'a document');
}
