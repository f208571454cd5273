import type * as vscode from 'vscode';
import { bothAnnotated, listDisagreements, type Disagreement } from '../../core/agreement/disagreements';
import type { Annotation } from '../../core/annotation';
import type { StoredAnnotation } from '../../core/sidecar/sidecarFormat';
import type { WorkspaceIndex } from '../workspaceIndex';

/** One document's disagreements in the stored form (code points), with the annotations resolutions are written to. */
export interface ComparedDocument {
  /** The document's URI string (the workspace index's key). */
  readonly document: string;
  readonly disagreements: Disagreement<StoredAnnotation>[];
  /** The working tree's annotations of the document (adjudicated ones included): they say what is resolved. */
  readonly working: readonly StoredAnnotation[];
}

/**
 * Where the two sides of a comparison come from: two authors of the working tree's sidecars, or
 * the sidecars at a git ref against the working tree's. Resolutions are always written to the
 * working tree, whichever the sides are.
 */
export interface ComparedSides {
  /** The names shown for side A and side B. */
  readonly a: string;
  readonly b: string;
  /** Names this comparison in the workspace state (what it remembers of resolutions that write nothing). */
  readonly memoryKey: string;
  /** Fires when either side may have changed. */
  readonly onDidChange: vscode.Event<unknown>;
  /** The documents with disagreements, in no particular order. */
  documents(): ComparedDocument[];
  /**
   * The disagreements of an open document in its live model (UTF-16 offsets), given the
   * working tree's annotations of it; keys are those of `documents()`.
   */
  live(document: vscode.TextDocument, working: readonly Annotation[]): Disagreement<Annotation>[];
}

/** Two authors of the same sidecars, as the workspace index holds them (unsaved changes included). */
export class AuthorSides implements ComparedSides {
  readonly onDidChange: vscode.Event<unknown>;

  constructor(
    readonly a: string,
    readonly b: string,
    private readonly index: WorkspaceIndex,
  ) {
    this.onDidChange = index.onDidChange;
  }

  get memoryKey(): string {
    return JSON.stringify([this.a, this.b]);
  }

  documents(): ComparedDocument[] {
    const documents: ComparedDocument[] = [];
    for (const document of this.index.index.documents()) {
      const working = this.index.index.annotationsOf(document).map((x) => x.annotation as StoredAnnotation);
      if (!bothAnnotated(working, this.a, this.b)) continue;
      const disagreements = listDisagreements(working, this.a, this.b);
      if (disagreements.length > 0) documents.push({ document, disagreements, working });
    }
    return documents;
  }

  live(_document: vscode.TextDocument, working: readonly Annotation[]): Disagreement<Annotation>[] {
    return listDisagreements(working, this.a, this.b);
  }
}
