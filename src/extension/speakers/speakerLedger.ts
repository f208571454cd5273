import * as vscode from 'vscode';
import { setSpeakersInSidecar } from '../../core/speakers/setSpeakersInSidecar';
import type { AnnotationStore } from '../annotationStore';
import type { WorkspaceIndex } from '../workspaceIndex';

/** New speaker per annotation id, per document (URI string). */
type SpeakerChanges = Map<string, Map<string, string>>;

export interface LedgerResult {
  /** Annotations whose speaker changed. */
  readonly annotations: number;
  /** Documents (sidecars) that changed. */
  readonly files: number;
  /** Sidecars left alone because they have errors. */
  readonly skipped: readonly vscode.Uri[];
  /** The changes that would put every speaker back, for Undo. */
  readonly inverse: SpeakerChanges;
}

/**
 * Renames and merges speakers across the corpus, by rewriting every sidecar that uses them.
 *
 * Why two paths: a document open in the editor has a live model in the AnnotationStore, which may
 * hold unsaved changes (offsets into unsaved text) and is written back by the store. Editing its
 * sidecar file behind the store's back would either be overwritten by the model or make the store
 * ask "reload from disk?" and lose the unsaved work, so open documents change through
 * `store.mutate` (their sidecar follows when the document is saved, as for every other change).
 * Sidecars of documents that are not open change through ONE WorkspaceEdit (then saved), which
 * VS Code undoes as one step; because the open documents are outside it, the summary notification
 * also offers an Undo that reverses both parts by annotation id. Sidecars with errors are never
 * touched, only reported.
 */
export class SpeakerLedger {
  constructor(
    private readonly store: AnnotationStore,
    private readonly workspace: WorkspaceIndex,
  ) {}

  /** Every annotation whose canonical speaker is `canonical` gets `to` (rename and merge alike). */
  async rewrite(canonical: string, to: string, label: string): Promise<LedgerResult> {
    await this.workspace.ready();
    const spellings = this.workspace.index.spellingsOf(canonical);
    const changes: SpeakerChanges = new Map();
    for (const document of this.workspace.index.documents()) {
      for (const { annotation } of this.workspace.index.annotationsOf(document)) {
        if (annotation.speaker === undefined || !spellings.has(annotation.speaker) || annotation.speaker === to) continue;
        let byId = changes.get(document);
        if (!byId) changes.set(document, (byId = new Map()));
        byId.set(annotation.id, to);
      }
    }
    return this.apply(changes, label);
  }

  /** Sets speakers by id (an empty string clears), returning what changed and how to undo it. */
  async apply(changes: SpeakerChanges, label: string): Promise<LedgerResult> {
    const inverse: SpeakerChanges = new Map();
    const skipped = [...this.workspace.index.invalidDocuments().keys()].map((d) => this.workspace.sidecarUriOf(d));
    let annotations = 0;
    let files = 0;
    const edit = new vscode.WorkspaceEdit();
    const editedSidecars: vscode.Uri[] = [];
    const record = (document: string, id: string, previous: string | undefined) => {
      let byId = inverse.get(document);
      if (!byId) inverse.set(document, (byId = new Map()));
      byId.set(id, previous ?? '');
      annotations++;
    };

    for (const [document, byId] of changes) {
      const open = this.store.all().find((entry) => entry.document.uri.toString() === document);
      if (open) {
        if (open.problems) {
          skipped.push(open.sidecarUri);
          continue;
        }
        const previous = new Map([...byId.keys()].map((id) => [id, open.annotations.get(id)?.speaker]));
        const changed = await this.store.mutate(open.document, (model) => [...byId].map(([id, speaker]) => model.update(id, { speaker })).some(Boolean));
        if (changed) {
          files++;
          for (const [id, speaker] of previous) if (open.annotations.get(id)?.speaker !== speaker) record(document, id, speaker);
        }
        continue;
      }
      const sidecarUri = this.workspace.sidecarUriOf(document);
      const sidecar = await vscode.workspace.openTextDocument(sidecarUri);
      const result = setSpeakersInSidecar(sidecar.getText(), byId);
      if (!result.ok) {
        skipped.push(sidecarUri);
        continue;
      }
      if (result.changed.length === 0) continue;
      const before = this.workspace.index.annotationsOf(document);
      for (const id of result.changed) record(document, id, before.find((e) => e.annotation.id === id)?.annotation.speaker);
      const whole = new vscode.Range(sidecar.positionAt(0), sidecar.positionAt(sidecar.getText().length));
      edit.replace(sidecarUri, whole, result.text, { label, needsConfirmation: false });
      editedSidecars.push(sidecarUri);
      files++;
    }

    if (editedSidecars.length > 0) {
      if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('VS Code refused to change the sidecars.'));
      for (const uri of editedSidecars) {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        await document?.save();
        await this.workspace.refreshSidecar(uri);
      }
    }
    return { annotations, files, skipped: [...new Map(skipped.map((u) => [u.toString(), u])).values()], inverse };
  }
}

/** "Renamed X to Y in N annotations across M files", with what was skipped and an Undo. */
export async function showLedgerSummary(ledger: SpeakerLedger, result: LedgerResult, summary: string): Promise<void> {
  const skipped =
    result.skipped.length > 0
      ? ' ' + vscode.l10n.t('{0} sidecar(s) with errors were left untouched: {1}.', result.skipped.length, result.skipped.map((u) => vscode.workspace.asRelativePath(u)).join(', '))
      : '';
  const undo = vscode.l10n.t('Undo');
  const show = result.skipped.length > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const choice = await show(summary + skipped, ...(result.annotations > 0 ? [undo] : []));
  if (choice === undo) await ledger.apply(result.inverse, vscode.l10n.t('Undo speaker change'));
}
