import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import type { AnnotationKind } from '../../core/annotationKind';
import { parseSidecar } from '../../core/sidecar/parseSidecar';
import { documentPathForSidecar } from '../../core/sidecar/sidecarFormat';
import type { AnnotationStore } from '../annotationStore';

/**
 * The workspace's annotated documents in path order, optionally only those with an anchored
 * annotation of one kind. Open documents are judged by their live model, the others by their
 * sidecar on disk; broken sidecars are skipped.
 */
export async function annotatedDocuments(store: AnnotationStore, kind?: AnnotationKind): Promise<vscode.Uri[]> {
  const sidecars = await vscode.workspace.findFiles('**/*.annotations.yaml', '**/node_modules/**');
  const found: vscode.Uri[] = [];
  await Promise.all(
    sidecars.map(async (sidecar) => {
      const documentPath = documentPathForSidecar(sidecar.fsPath);
      if (!documentPath) return;
      const uri = vscode.Uri.file(documentPath);
      const open = store.all().find((entry) => entry.document.uri.fsPath === documentPath);
      if (open) {
        if (open.annotations.all.some((a) => !a.orphaned && (!kind || a.kind === kind))) found.push(uri);
        return;
      }
      const parsed = parseSidecar(await fs.readFile(sidecar.fsPath, 'utf8').catch(() => ''));
      if (parsed.ok && parsed.sidecar.annotations.some((a) => !a.orphaned && (!kind || a.kind === kind))) found.push(uri);
    }),
  );
  return found.sort((a, b) => (a.fsPath < b.fsPath ? -1 : a.fsPath > b.fsPath ? 1 : 0));
}
