import * as vscode from 'vscode';
import { readSidecarFile } from '../../core/corpus/readFiles';
import { parseScheme } from '../../core/scheme/parseScheme';
import { BUILT_IN_SCHEME, SCHEME_PATH, type AnnotationScheme } from '../../core/scheme/scheme';
import type { SidecarProblem } from '../../core/sidecar/sourceRange';
import { sidecarDiagnostic } from '../diagnostics';
import { Disposable } from '../lifecycle';
import { publishScheme, schemeState, setSchemeReady } from './activeScheme';

/**
 * The workspace's annotation scheme file (`.annotations/schema.yaml` in the first workspace
 * folder): read on start, re-read when it changes on disk or is typed in an editor, its problems
 * reported on the file in the Problems panel. Without the file the built-in scheme applies. A file
 * with problems is never replaced by the built-in scheme: annotating is refused until it is fixed
 * (see activeScheme.ts), and the user is told once per breakage.
 */
export class SchemeFile extends Disposable {
  private readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('sourceAnnotator.scheme'));
  private readonly uri: vscode.Uri | undefined;
  /** The text last applied, so a save of what was typed does not apply it twice. */
  private lastText: string | undefined | null = null;
  private warned = false;
  /** Settles after the first read: sidecars are checked against the scheme, so loading waits for it. */
  readonly ready: Promise<void>;

  constructor() {
    super();
    const folder = vscode.workspace.workspaceFolders?.[0];
    this.uri = folder && vscode.Uri.joinPath(folder.uri, SCHEME_PATH);
    if (folder) {
      // A glob over the workspace: the `.annotations` folder may not exist yet.
      const watcher = vscode.workspace.createFileSystemWatcher('**/' + SCHEME_PATH);
      const reload = (uri: vscode.Uri) => {
        if (uri.toString() === this.uri?.toString()) void this.reload();
      };
      this._register(watcher);
      this._register(watcher.onDidCreate(reload));
      this._register(watcher.onDidChange(reload));
      this._register(watcher.onDidDelete(reload));
      // Problems follow the text as it is typed; the scheme itself changes when it is saved.
      this._register(
        vscode.workspace.onDidChangeTextDocument((event) => {
          if (event.document.uri.toString() === this.uri?.toString()) this.showProblems(parseSchemeText(event.document.getText()).problems);
        }),
      );
    }
    this.ready = this.reload().catch((error: unknown) => this.apply(String(error), [{ line: 1, column: 1, endLine: 1, endColumn: 1, message: String(error) }], undefined));
    setSchemeReady(this.ready);
  }

  get fileUri(): vscode.Uri | undefined {
    return this.uri;
  }

  async reload(): Promise<void> {
    if (!this.uri) return;
    const read = await readSidecarFile(this.uri.fsPath);
    if (!read.ok && read.missing) return this.apply(undefined, [], BUILT_IN_SCHEME);
    if (!read.ok) return this.apply(read.problem.message, [read.problem], undefined);
    const parsed = parseSchemeText(read.text);
    this.apply(read.text, parsed.problems, parsed.scheme);
  }

  private apply(text: string | undefined, problems: readonly SidecarProblem[], scheme: AnnotationScheme | undefined): void {
    if (!this.uri) return;
    this.showProblems(problems);
    const broken = !scheme;
    if (text === this.lastText && broken === !!schemeState().problems) return;
    this.lastText = text;
    if (broken) {
      // Existing annotations are still drawn with the last valid scheme; nothing can change them.
      publishScheme({ scheme: schemeState().scheme, problems, uri: this.uri });
      if (!this.warned) {
        this.warned = true;
        const open = vscode.l10n.t('Open Scheme');
        void vscode.window
          .showErrorMessage(vscode.l10n.t('The annotation scheme {0} has errors: annotating is paused until it is fixed. Line {1}: {2}', SCHEME_PATH, problems[0]?.line ?? 1, problems[0]?.message ?? ''), open)
          .then((choice) => (choice === open && this.uri ? vscode.window.showTextDocument(this.uri) : undefined));
      }
      return;
    }
    this.warned = false;
    publishScheme({ scheme, problems: undefined, uri: this.uri });
  }

  private showProblems(problems: readonly SidecarProblem[]): void {
    if (this.uri) this.diagnostics.set(this.uri, problems.map((problem) => sidecarDiagnostic(problem, 'invalid-annotation-scheme')));
  }

}

function parseSchemeText(text: string): { scheme: AnnotationScheme | undefined; problems: readonly SidecarProblem[] } {
  const parsed = parseScheme(text, SCHEME_PATH);
  return parsed.ok ? { scheme: parsed.scheme, problems: [] } : { scheme: undefined, problems: parsed.problems };
}
