import * as vscode from 'vscode';
import { DocumentAnnotations } from '../core/documentAnnotations';
import type { SidecarProblem } from '../core/sidecar/parseSidecar';
import type { SidecarWriter } from '../core/sidecar/sidecarWriter';

/** The annotations of one open document and the state of its sidecar. */
export interface DocumentEntry {
  readonly document: vscode.TextDocument;
  readonly sidecarUri: vscode.Uri;
  annotations: DocumentAnnotations;
  /** Set when the sidecar is broken: the document is read-only for annotating until it is fixed. */
  problems: readonly SidecarProblem[] | undefined;
  /** The model has changes the sidecar on disk does not have yet. */
  unsaved: boolean;
  /** Reads and writes this document's sidecar, and decides when (core/sidecar/sidecarWriter). */
  readonly sidecar: SidecarWriter;
  /** The text we last read from or wrote to the sidecar (undefined: none, or unreadable). */
  readonly diskText: string | undefined;
  /** Counts changes of the model (edits followed, mutations), so late async work can tell it is stale. */
  revision: number;
  /**
   * While a sidecar changed on disk is read into this entry (seconds for a large one placed again
   * in the worker): changes of the annotations wait for it, and are made to what was read.
   */
  reloading?: Promise<unknown>;
}

export function newEntry(document: vscode.TextDocument, sidecarUri: vscode.Uri, sidecar: SidecarWriter, annotations = new DocumentAnnotations()): DocumentEntry {
  return {
    document,
    sidecarUri,
    annotations,
    problems: undefined,
    unsaved: false,
    sidecar,
    get diskText() {
      const known = sidecar.known;
      return known.kind === 'text' ? known.text : undefined;
    },
    revision: 0,
  };
}

/** Thrown by a change of the annotations of a document whose sidecar is broken. */
export class SidecarInvalidError extends Error {
  constructor(readonly entry: DocumentEntry) {
    super(vscode.l10n.t('The sidecar {0} has errors. Fix it before changing annotations.', vscode.workspace.asRelativePath(entry.sidecarUri)));
  }
}
