import * as vscode from 'vscode';
import { missingRequired } from '../core/scheme/scheme';
import { hasConflictMarkers } from '../core/merge/conflictSides';
import type { OrphanReason } from '../core/anchoring/anchorDocument';
import type { SidecarProblem } from '../core/sidecar/parseSidecar';
import { sidecarPathFor } from '../core/sidecar/sidecarFormat';
import type { AnnotationStore, StoreChange } from './annotationStore';
import type { DocumentEntry } from './documentEntry';
import { excerpt } from './excerpt';
import { kindPresentation } from './kindPresentation';
import { Disposable } from './lifecycle';
import { activeScheme, onDidChangeScheme } from './scheme/activeScheme';

const SOURCE = 'Source Annotator';

/** Why an annotation is an orphan, for the Problems panel (see OrphanReason). */
function orphanMessage(label: string, quote: string, reason: OrphanReason | undefined, document: vscode.TextDocument): string {
  const kept = vscode.l10n.t('The annotation is kept in the sidecar.');
  switch (reason?.kind) {
    case 'ambiguous':
      return `${vscode.l10n.t('{0} “{1}” is ambiguous: {2} places match equally well; choose one in Orphaned Annotations.', label, quote, reason.places)} ${kept}`;
    case 'changed':
      return `${vscode.l10n.t('{0} lost its text: its context is still here, but “{1}” now reads “{2}”.', label, quote, excerpt(document.getText().slice(reason.at.start, reason.at.end)))} ${kept}`;
    case 'taken':
      return `${vscode.l10n.t('{0} lost its text: “{1}” is only found where another annotation already is.', label, quote)} ${kept}`;
    case 'contested':
      return `${vscode.l10n.t('{0} lost its text: “{1}” and {2} other annotation(s), recorded at different places, match only one place now; a copy of the text is gone.', label, quote, reason.with.length)} ${kept}`;
    default:
      return vscode.l10n.t('{0} lost its text: “{1}” was deleted or changed. The annotation is kept in the sidecar.', label, quote);
  }
}

/** A problem found in a sidecar (or the speaker registry) as a diagnostic at its line and column. */
export function sidecarDiagnostic(problem: SidecarProblem, code = 'invalid-sidecar'): vscode.Diagnostic {
  const range = new vscode.Range(problem.line - 1, problem.column - 1, problem.endLine - 1, Math.max(problem.endColumn - 1, problem.column));
  const diagnostic = new vscode.Diagnostic(range, problem.message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = SOURCE;
  diagnostic.code = code;
  return diagnostic;
}

/**
 * Reports what needs a person's attention in the Problems panel: errors in sidecars (at their
 * line and column) and orphaned annotations (at the place their text was lost). A broken sidecar
 * also raises one notification, since annotating that document is blocked until it is fixed.
 */
export class DiagnosticsController extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('sourceAnnotator'));
  private readonly notified = new Map<string, string>();

  constructor(private readonly store: AnnotationStore) {
    super();
    this._register(store.onDidChange((change) => this.onStoreChange(change)));
    this._register(onDidChangeScheme(() => store.all().forEach((entry) => this.update(entry))));
    for (const entry of store.all()) this.update(entry);
  }

  private onStoreChange(change: StoreChange): void {
    const entry = this.store.get(change.document);
    if (change.reason === 'closed' || !entry) {
      // Only open documents are watched, so their reports go with them rather than going stale.
      this.collection.delete(change.document.uri);
      this.collection.delete(vscode.Uri.file(sidecarPathFor(change.document.uri.fsPath)));
      return;
    }
    if (change.reason === 'edited' && !change.orphansChanged) return;
    this.update(entry);
  }

  private update(entry: DocumentEntry): void {
    const document = entry.document;
    const sidecarKey = entry.sidecarUri.toString();
    if (entry.problems) {
      this.collection.set(entry.sidecarUri, entry.problems.map((problem) => sidecarDiagnostic(problem)));
      this.collection.delete(document.uri);
      this.notify(entry, entry.problems);
      return;
    }
    this.collection.delete(entry.sidecarUri);
    this.notified.delete(sidecarKey);
    const orphans = entry.annotations.orphans.map((annotation) => {
      const reason = entry.annotations.orphanReason(annotation);
      const label = kindPresentation(annotation.kind).label;
      const quote = excerpt(annotation.text);
      // Where the context points to a changed text, the diagnostic sits there, where the user will look.
      const at = document.positionAt(reason?.kind === 'changed' ? reason.at.start : annotation.start);
      const end = reason?.kind === 'changed' ? document.positionAt(reason.at.end) : at;
      const diagnostic = new vscode.Diagnostic(new vscode.Range(at, end), orphanMessage(label, quote, reason, document), vscode.DiagnosticSeverity.Warning);
      diagnostic.source = SOURCE;
      diagnostic.code = 'orphaned-annotation';
      return diagnostic;
    });
    // What the scheme requires and an annotation lacks, at the span, with the way to set it.
    const scheme = activeScheme();
    const incomplete = entry.annotations.all.flatMap((annotation) => {
      if (annotation.orphaned) return [];
      return missingRequired(scheme, annotation).map((attribute) => {
        const range = new vscode.Range(document.positionAt(annotation.start), document.positionAt(annotation.end));
        const diagnostic = new vscode.Diagnostic(
          range,
          vscode.l10n.t('{0} without {1}, which the annotation scheme requires (Annotate: Set Attribute…).', kindPresentation(annotation.kind).label, attribute.label),
          vscode.DiagnosticSeverity.Warning,
        );
        diagnostic.source = SOURCE;
        diagnostic.code = 'missing-attribute';
        return diagnostic;
      });
    });
    this.collection.set(document.uri, [...orphans, ...incomplete]);
  }

  private notify(entry: DocumentEntry, problems: readonly SidecarProblem[]): void {
    const key = entry.sidecarUri.toString();
    const signature = problems.map((p) => `${p.line}:${p.column}:${p.message}`).join('\n');
    if (this.notified.get(key) === signature) return;
    this.notified.set(key, signature);
    const first = problems[0];
    const open = vscode.l10n.t('Open Sidecar');
    // Git conflict markers can be resolved for the user: both sides merged by annotation id.
    const resolve = vscode.l10n.t('Resolve Annotation Conflict');
    const actions = entry.diskText !== undefined && hasConflictMarkers(entry.diskText) ? [resolve, open] : [open];
    void vscode.window
      .showErrorMessage(
        vscode.l10n.t(
          '{0} is not a valid sidecar ({1} problem(s); first at line {2}, column {3}: {4}). Its annotations are not shown and it will not be overwritten until it is fixed.',
          vscode.workspace.asRelativePath(entry.sidecarUri),
          problems.length,
          first.line,
          first.column,
          first.message,
        ),
        ...actions,
      )
      .then(async (choice) => {
        if (choice === resolve) {
          await vscode.commands.executeCommand('sourceAnnotator.resolveAnnotationConflict', entry.sidecarUri);
          return;
        }
        if (choice !== open) return;
        const editor = await vscode.window.showTextDocument(entry.sidecarUri);
        const position = new vscode.Position(first.line - 1, first.column - 1);
        editor.selection = new vscode.Selection(position, position);
        editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
      });
  }
}
