import * as vscode from 'vscode';
import type { AnnotationStore } from '../../annotationStore';
import { pickRef, pickRepository, refErrorMessage } from '../../history/refPicker';
import { activeScheme } from '../../scheme/activeScheme';
import type { WorkspaceIndex } from '../../workspaceIndex';
import { ADJUDICATION_VIEW_ID } from '../adjudicationView';
import { RefSides } from '../refSides';

/** What Compare Annotators is given to compare a git ref with the working tree; an empty ref is picked. */
export interface RefArgument {
  readonly ref: string;
  readonly folder?: vscode.Uri;
}

export function isRefArgument(x: unknown): x is RefArgument {
  return typeof x === 'object' && x !== null && typeof (x as RefArgument).ref === 'string';
}

/**
 * The sides of "Compare with a git ref…": the ref given (a non-empty string) or picked as Show
 * Annotation Changes Since… picks it, in the repository of `folder` (else of the active editor), read through the Git extension; undefined (and a message)
 * when git or the ref cannot be used, or nothing was picked.
 */
export async function refSides(store: AnnotationStore, index: WorkspaceIndex, given: RefArgument): Promise<RefSides | undefined> {
  try {
    const repository = await pickRepository(given.folder);
    if (!repository) return undefined;
    const ref =
      given.ref ||
      (await pickRef(repository, {
        title: vscode.l10n.t('Compare Annotators: side A at a git ref (B: the working tree)'),
        headDescription: vscode.l10n.t('the last commit: what is not committed yet is compared'),
      }));
    if (!ref) return undefined;
    const { sides, skipped } = await vscode.window.withProgress({ location: { viewId: ADJUDICATION_VIEW_ID } }, () => RefSides.read(repository, ref, store, index, activeScheme));
    for (const s of skipped) void vscode.window.showWarningMessage(vscode.l10n.t('{0} was left out: {1}.', vscode.workspace.asRelativePath(s.uri), s.reason));
    return sides;
  } catch (error) {
    void vscode.window.showErrorMessage(refErrorMessage(error));
    return undefined;
  }
}
