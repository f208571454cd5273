import * as vscode from 'vscode';
import { disagreementsBetween, type Disagreement } from '../../core/agreement/disagreements';
import type { Annotation } from '../../core/annotation';
import type { AnnotationScheme } from '../../core/scheme/scheme';
import { loadSidecar } from '../../core/sidecar/sidecarDocument';
import type { StoredAnnotation } from '../../core/sidecar/sidecarFormat';
import type { AnnotationStore } from '../annotationStore';
import type { GitRepository } from '../history/gitApi';
import { anchoredTo, changedSidecars, currentText, documentUriOf, showAtRef } from '../history/sidecarsAtRef';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { ComparedDocument, ComparedSides } from './comparedSides';

/** A document's sidecar as it is at the ref, and its annotations read against the text last seen. */
interface AtRef {
  readonly sidecar: string;
  anchored: { readonly text: string; readonly annotations: readonly StoredAnnotation[] };
}

/** A sidecar left out of the comparison, and why. */
export interface SkippedSidecar {
  readonly uri: vscode.Uri;
  readonly reason: string;
}

/**
 * Side A: the sidecars as they are at a git ref (read once, through the Git extension's API);
 * side B: the working tree's, as the workspace index holds them (unsaved changes included). Both
 * are read against the document's current text, so a span that only moved with the text is no
 * disagreement; A is read again whenever that text changes. Only the sidecars that differ
 * between the ref and the working tree are compared (the others agree throughout). As in
 * `agree --ref`, a sidecar on one side only is compared with no annotations on the other, so a
 * document annotated only on the other branch lists everything "only in A".
 */
export class RefSides implements ComparedSides {
  readonly b = vscode.l10n.t('working tree');
  readonly onDidChange: vscode.Event<unknown>;

  private constructor(
    readonly a: string,
    private readonly atRef: ReadonlyMap<string, AtRef>,
    private readonly index: WorkspaceIndex,
    private readonly scheme: () => AnnotationScheme,
  ) {
    this.onDidChange = index.onDidChange;
  }

  /** Reads the sidecars at `ref` that differ from the working tree's. Throws when `ref` is not a ref. */
  static async read(repository: GitRepository, ref: string, store: AnnotationStore, index: WorkspaceIndex, scheme: () => AnnotationScheme): Promise<{ sides: RefSides; skipped: SkippedSidecar[] }> {
    const atRef = new Map<string, AtRef>();
    const skipped: SkippedSidecar[] = [];
    const sidecars = await changedSidecars(repository, ref, store);
    await index.ready();
    for (const sidecarUri of sidecars) {
      const documentUri = documentUriOf(sidecarUri);
      const sidecar = (await showAtRef(repository, ref, sidecarUri.fsPath)) ?? '';
      const text = await currentText(repository, ref, documentUri);
      if (text === undefined) {
        skipped.push({ uri: sidecarUri, reason: vscode.l10n.t('its document cannot be read now or at {0}', ref) });
        continue;
      }
      const annotations = sidecar === '' ? [] : anchoredTo(sidecar, text, scheme());
      if (annotations === 'invalid') {
        skipped.push({ uri: sidecarUri, reason: vscode.l10n.t('not a valid sidecar at {0}', ref) });
        continue;
      }
      atRef.set(documentUri.toString(), { sidecar, anchored: { text, annotations } });
    }
    return { sides: new RefSides(ref, atRef, index, scheme), skipped };
  }

  get memoryKey(): string {
    return JSON.stringify({ ref: this.a });
  }

  documents(): ComparedDocument[] {
    const documents: ComparedDocument[] = [];
    for (const [document, entry] of this.atRef) {
      const working = this.index.index.annotationsOf(document).map((x) => x.annotation as StoredAnnotation);
      const disagreements = disagreementsBetween(this.anchored(document, entry), working);
      if (disagreements.length > 0) documents.push({ document, disagreements, working });
    }
    return documents;
  }

  live(document: vscode.TextDocument, working: readonly Annotation[]): Disagreement<Annotation>[] {
    const entry = this.atRef.get(document.uri.toString());
    if (!entry) return [];
    const loaded = entry.sidecar === '' ? undefined : loadSidecar(entry.sidecar, document.getText(), this.scheme());
    return disagreementsBetween(loaded?.ok ? loaded.annotations.all : [], working);
  }

  /** Side A of a document read against its text now (the open editor's, else the text read at the start). */
  private anchored(document: string, entry: AtRef): readonly StoredAnnotation[] {
    const text = vscode.workspace.textDocuments.find((d) => d.uri.toString() === document)?.getText() ?? entry.anchored.text;
    if (text !== entry.anchored.text) {
      const annotations = entry.sidecar === '' ? [] : anchoredTo(entry.sidecar, text, this.scheme());
      entry.anchored = { text, annotations: annotations === 'invalid' ? [] : annotations };
    }
    return entry.anchored.annotations;
  }
}
