import * as vscode from 'vscode';
import { readAnnotatedDocument } from '../../core/corpus/annotatedDocument';
import { checkSidecar, type CheckProblem } from '../../core/check/checkSidecar';
import { documentPathForSidecar } from '../../core/sidecar/sidecarFormat';
import type { AnnotationStore } from '../annotationStore';
import type { Command } from '../commands/command';
import { Disposable } from '../lifecycle';
import { activeScheme, schemeState } from '../scheme/activeScheme';
import { workspaceSidecars } from '../workspaceFiles';

export interface WorkspaceCheck {
  readonly sidecars: number;
  readonly errors: number;
  readonly warnings: number;
}

const SOURCE = 'Source Annotator';

/**
 * "Annotate: Check Workspace Annotations": every sidecar of the workspace judged as
 * `source-annotator check` judges it (the same core functions, against the same scheme), its
 * problems in the Problems panel: closed documents, sidecars whose document is gone, attributes
 * the scheme requires. Sidecars of documents open in an editor are left to the live checks, which
 * follow unsaved changes. The results stay until the next run.
 */
export class CheckWorkspaceCommand extends Disposable implements Command {
  readonly id = 'sourceAnnotator.checkWorkspace';
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('sourceAnnotator.workspaceCheck'));

  constructor(private readonly store: AnnotationStore) {
    super();
  }

  async execute(): Promise<WorkspaceCheck | undefined> {
    const broken = schemeState().problems;
    if (broken) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The annotation scheme has errors (line {0}: {1}); fix it first.', broken[0]?.line ?? 1, broken[0]?.message ?? ''));
      return undefined;
    }
    const scheme = activeScheme();
    const open = new Set(this.store.all().map((entry) => entry.sidecarUri.toString()));
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking annotations'), cancellable: true }, async (progress, token) => {
      const uris = (await workspaceSidecars()).filter((uri) => documentPathForSidecar(uri.fsPath));
      this.collection.clear();
      let errors = 0;
      let warnings = 0;
      let done = 0;
      for (const uri of uris) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / Math.max(1, uris.length) });
        done++;
        if (open.has(uri.toString())) continue;
        const read = await readAnnotatedDocument(uri.fsPath, scheme);
        const problems: readonly Omit<CheckProblem, 'fixable'>[] = read.ok ? checkSidecar(read.doc, scheme).problems : [{ ...read.problem, severity: 'error' }];
        for (const p of problems) {
          if (p.severity === 'error') errors++;
          else warnings++;
        }
        this.collection.set(
          uri,
          problems.map((p) => {
            const range = new vscode.Range(p.line - 1, p.column - 1, p.endLine - 1, Math.max(p.endColumn - 1, p.column));
            const diagnostic = new vscode.Diagnostic(range, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
            diagnostic.source = SOURCE;
            diagnostic.code = 'workspace-check';
            return diagnostic;
          }),
        );
      }
      const result = { sidecars: done, errors, warnings };
      const show = vscode.l10n.t('Show Problems');
      void vscode.window
        .showInformationMessage(vscode.l10n.t('Checked {0} sidecar(s): {1} error(s), {2} warning(s).', result.sidecars, errors, warnings), ...(errors + warnings > 0 ? [show] : []))
        .then((choice) => (choice === show ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined));
      return result;
    });
  }
}
