import * as vscode from 'vscode';
import { isInsideFolder } from '../../core/corpus/insideFolder';
import { readDocumentText } from '../../core/corpus/readFiles';
import type { AnnotationScheme } from '../../core/scheme/scheme';
import { toStoredAnnotations } from '../../core/sidecar/sidecarCodec';
import { loadSidecar } from '../../core/sidecar/sidecarDocument';
import { documentPathForSidecar, isSidecarPath, type StoredAnnotation } from '../../core/sidecar/sidecarFormat';
import { stripBom } from '../../core/text/documentText';
import type { AnnotationStore } from '../annotationStore';
import type { GitRepository } from './gitApi';

/*
 * Sidecars as they are at a git ref, read through the Git extension's API (never a shell), and
 * read against the document's current text, so that a span that only moved with the text is
 * where it is now on both sides.
 */

/**
 * The sidecars whose content may differ between `ref` and now: those git reports as changed
 * (working tree against the ref) and those with changes not written yet. Throws when `ref` is
 * not a ref of the repository.
 */
export async function changedSidecars(repository: GitRepository, ref: string, store: AnnotationStore): Promise<vscode.Uri[]> {
  await repository.getCommit(ref);
  const sidecars = new Map<string, vscode.Uri>();
  for (const change of await repository.diffWith(ref)) {
    for (const uri of [change.uri, change.originalUri]) if (uri.scheme === 'file' && isSidecarPath(uri.fsPath)) sidecars.set(uri.toString(), uri);
  }
  for (const entry of store.all()) if (entry.unsaved && isInsideFolder(repository.rootUri.fsPath, entry.sidecarUri.fsPath)) sidecars.set(entry.sidecarUri.toString(), entry.sidecarUri);
  return [...sidecars.values()];
}

/** The document a sidecar belongs to. */
export function documentUriOf(sidecarUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.file(documentPathForSidecar(sidecarUri.fsPath) ?? sidecarUri.fsPath);
}

/** The document's text now (the editor's, unsaved edits included), else as it was at `ref`. */
export async function currentText(repository: GitRepository, ref: string, documentUri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === documentUri.toString());
  if (open) return open.getText();
  const disk = await readDocumentText(documentUri.fsPath);
  if (disk.ok) return disk.text;
  const old = await showAtRef(repository, ref, documentUri.fsPath);
  return old === undefined ? undefined : stripBom(old);
}

/** A file's content at `ref`; undefined when it did not exist there. */
export async function showAtRef(repository: GitRepository, ref: string, path: string): Promise<string | undefined> {
  try {
    return await repository.show(ref, path);
  } catch {
    return undefined;
  }
}

/** A sidecar's content read against `text` (re-anchored), in the stored form; 'invalid' when it is not a valid sidecar. */
export function anchoredTo(sidecar: string, text: string, scheme: AnnotationScheme): StoredAnnotation[] | 'invalid' {
  const loaded = loadSidecar(sidecar, text, scheme);
  return loaded.ok ? toStoredAnnotations(loaded.annotations.all, text) : 'invalid';
}
