import * as vscode from 'vscode';
import { hasConflictMarkers } from '../../core/merge/conflictSides';
import { isSidecarPath } from '../../core/sidecar/sidecarFormat';
import { Disposable } from '../lifecycle';

const RESOLVE_COMMAND = 'sourceAnnotator.resolveAnnotationConflict';
const CONTEXT_KEY = 'sourceAnnotator.sidecarHasConflict';

/**
 * Offers "Resolve Annotation Conflict" where a sidecar has git conflict markers: as a quick fix on
 * the diagnostics the store reports for the marker lines, and in the Command Palette through the
 * `sourceAnnotator.sidecarHasConflict` context key of the active editor.
 */
export class AnnotationConflicts extends Disposable implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];
  private hasConflict: boolean | undefined;

  constructor() {
    super();
    this._register(
      vscode.languages.registerCodeActionsProvider({ scheme: 'file', pattern: '**/*.annotations.yaml' }, this, { providedCodeActionKinds: AnnotationConflicts.providedCodeActionKinds }),
    );
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.updateContextKey()));
    this._register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.updateContextKey();
      }),
    );
    this.updateContextKey();
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === 'Source Annotator' && d.code === 'invalid-sidecar');
    if (ours.length === 0 || !hasConflictMarkers(document.getText())) return [];
    const action = new vscode.CodeAction(vscode.l10n.t('Resolve Annotation Conflict (merge both sides by id)'), vscode.CodeActionKind.QuickFix);
    action.command = { command: RESOLVE_COMMAND, title: action.title, arguments: [document.uri] };
    action.diagnostics = ours;
    action.isPreferred = true;
    return [action];
  }

  private updateContextKey(): void {
    const document = vscode.window.activeTextEditor?.document;
    const value = !!document && isSidecarPath(document.uri.fsPath) && hasConflictMarkers(document.getText());
    if (value === this.hasConflict) return;
    this.hasConflict = value;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, value);
  }
}
