import * as vscode from 'vscode';
import { BUILT_IN_SCHEME, type AnnotationScheme } from '../../core/scheme/scheme';
import type { SidecarProblem } from '../../core/sidecar/sourceRange';

/**
 * The annotation scheme of this window (`.annotations/schema.yaml`, else the built-in one), as
 * SchemeFile last read it. One per window, like the workspace it comes from; SchemeFile is the
 * only writer, everything that names, draws or checks a kind reads it here.
 *
 * When the file has problems there is no valid scheme: `problems` says where, `scheme` stays
 * the last valid one (the built-in one before any was read) only so that existing annotations
 * can still be drawn, and every change of annotations is refused until the file is fixed.
 */
export interface SchemeState {
  readonly scheme: AnnotationScheme;
  readonly problems: readonly SidecarProblem[] | undefined;
  /** The file's URI when a workspace is open. */
  readonly uri: vscode.Uri | undefined;
}

let state: SchemeState = { scheme: BUILT_IN_SCHEME, problems: undefined, uri: undefined };
const emitter = new vscode.EventEmitter<SchemeState>();

export const onDidChangeScheme = emitter.event;

let ready: Promise<void> = Promise.resolve();

/** Settles once the scheme file has been read the first time: sidecars are checked against it, so loads wait. */
export function whenSchemeReady(): Promise<void> {
  return ready;
}

/** For SchemeFile only. */
export function setSchemeReady(first: Promise<void>): void {
  ready = first;
}

export function activeScheme(): AnnotationScheme {
  return state.scheme;
}

export function schemeState(): SchemeState {
  return state;
}

/** For SchemeFile only. */
export function publishScheme(next: SchemeState): void {
  state = next;
  // Set Attribute… is offered only where the scheme has attributes of its own.
  void vscode.commands.executeCommand('setContext', 'sourceAnnotator.schemeHasAttributes', next.scheme.attributes.some((a) => !a.builtIn));
  emitter.fire(next);
}

export class SchemeBrokenError extends Error {
  constructor(readonly problems: readonly SidecarProblem[]) {
    const first = problems[0];
    super(
      vscode.l10n.t(
        'The annotation scheme {0} has errors (line {1}: {2}). Fix it before changing annotations.',
        '.annotations/schema.yaml',
        first?.line ?? 1,
        first?.message ?? '',
      ),
    );
  }
}

/** Throws SchemeBrokenError while the scheme file has problems. */
export function assertSchemeUsable(): void {
  if (state.problems) throw new SchemeBrokenError(state.problems);
}
