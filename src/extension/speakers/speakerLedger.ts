import * as vscode from 'vscode';
import type { FileSnapshot } from '../../core/sidecar/atomicWrite';
import { nodeSidecarFileSystem } from '../../core/sidecar/nodeSidecarFileSystem';
import { editorHoldsText, fileIsStill, planReplacement } from '../../core/sidecar/sidecarReplacement';
import type { SidecarFileSystem } from '../../core/sidecar/sidecarWriter';
import { setSpeakersInSidecar } from '../../core/speakers/setSpeakersInSidecar';
import type { AnnotationStore } from '../annotationStore';
import { activeScheme } from '../scheme/activeScheme';
import type { WorkspaceIndex } from '../workspaceIndex';

/** New speaker per annotation id, per document (URI string). */
type SpeakerChanges = Map<string, Map<string, string>>;

export interface LedgerResult {
  /** Annotations whose speaker changed. */
  readonly annotations: number;
  /** Documents (sidecars) that changed. */
  readonly files: number;
  /** Sidecars left alone: they have errors, unsaved changes in an editor, or changed on disk meanwhile. */
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
 * also offers an Undo that reverses both parts by annotation id. What goes into that edit is
 * decided by the sidecar writer (core/sidecar/sidecarWriter, `planReplacement`): each sidecar is
 * read strictly from disk, rewritten, and checked to be still that file (`fileIsStill`) just
 * before the edit is applied, so a sidecar saved meanwhile (or with unsaved changes in an editor)
 * is never overwritten but skipped and listed. The edit is only the mechanism, kept for undo.
 * Sidecars with errors are never touched, only reported.
 */
export class SpeakerLedger {
  constructor(
    private readonly store: AnnotationStore,
    private readonly workspace: WorkspaceIndex,
    private readonly fileSystem: SidecarFileSystem = nodeSidecarFileSystem(),
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
    const planned: { uri: vscode.Uri; document: string; text: string; before: string; expected: FileSnapshot; changed: readonly string[] }[] = [];
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
      let changed: readonly string[] = [];
      const plan = await planReplacement(this.fileSystem, sidecarUri.fsPath, (text) => {
        // Judged against the workspace's scheme, as when the sidecar is loaded: custom kinds are fine.
        const result = setSpeakersInSidecar(text, byId, activeScheme());
        if (!result.ok) return { ok: false, message: result.problems[0]?.message ?? 'invalid sidecar' };
        changed = result.changed;
        return { ok: true, text: result.text };
      });
      if (plan.action === 'refuse') {
        skipped.push(sidecarUri);
        continue;
      }
      if (plan.action === 'skip') continue;
      planned.push({ uri: sidecarUri, document, text: plan.text, before: plan.before, expected: plan.expected, changed });
    }

    // The mechanism: one WorkspaceEdit over the sidecars that are still exactly what was read.
    const editedSidecars: vscode.Uri[] = [];
    for (const p of planned) {
      const sidecar = await vscode.workspace.openTextDocument(p.uri);
      if (sidecar.isDirty || !editorHoldsText(sidecar.getText(), p.before) || !(await fileIsStill(this.fileSystem, p.uri.fsPath, p))) {
        skipped.push(p.uri);
        continue;
      }
      const before = this.workspace.index.annotationsOf(p.document);
      for (const id of p.changed) record(p.document, id, before.find((e) => e.annotation.id === id)?.annotation.speaker);
      const whole = new vscode.Range(sidecar.positionAt(0), sidecar.positionAt(sidecar.getText().length));
      edit.replace(p.uri, whole, p.text, { label, needsConfirmation: false });
      editedSidecars.push(p.uri);
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
      ? ' ' + vscode.l10n.t('{0} sidecar(s) with errors, or changed while this ran, were left untouched: {1}.', result.skipped.length, result.skipped.map((u) => vscode.workspace.asRelativePath(u)).join(', '))
      : '';
  const undo = vscode.l10n.t('Undo');
  const show = result.skipped.length > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const choice = await show(summary + skipped, ...(result.annotations > 0 ? [undo] : []));
  if (choice === undo) await ledger.apply(result.inverse, vscode.l10n.t('Undo speaker change'));
}

