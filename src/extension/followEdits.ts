/**
 * How the annotation store keeps a document's model in step with edits to its text: every span
 * follows each change, an undo may bring orphaned spans back, and a change that turns out to be
 * the file's new text loaded from disk places every span again by its quote.
 */
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import type { Annotation } from '../core/annotation';
import type { SidecarModel } from '../core/sidecar/sidecarWriter';
import { stripBom } from '../core/text/documentText';
import { mayBeReloadFromDisk, toTextChange } from './annotatable';
import type { StoreChange } from './annotationStore';
import type { DocumentEntry } from './documentEntry';
import type { AnchoredAnnotations } from './sidecarParsing/protocol';

/** What following edits needs from the annotation store (annotationStore.ts). */
export interface EditFollowingStore {
  /** Tells the store's listeners that a model changed. */
  fire(change: StoreChange): void;
  /** The entry's model as the sidecar writer sees it. */
  modelOf(entry: DocumentEntry): SidecarModel;
  /** Writes the entry's sidecar if it has unsaved changes and may be written. */
  persist(entry: DocumentEntry): Promise<void>;
  /** Copies of `annotations` anchored against `text`, off the extension host thread when there are many (SidecarParser.anchor). */
  anchor(annotations: readonly Annotation[], text: string): Promise<AnchoredAnnotations>;
}

/** A span's place before a change, to undo the shift when the change was a reload from disk. */
interface SpanSnapshot {
  readonly annotation: Annotation;
  readonly start: number;
  readonly end: number;
  readonly orphaned: boolean | undefined;
}

/** Follows a change of an open document's text in its model (`entry`: undefined when it has none). */
export function followEdits(entry: DocumentEntry | undefined, event: vscode.TextDocumentChangeEvent, store: EditFollowingStore): void {
  if (!entry || entry.problems || event.contentChanges.length === 0 || entry.annotations.size === 0) return;
  const hadOrphans = entry.annotations.orphans.length > 0;
  // Where every span was before this change, in case it turns out to be a reload from disk.
  const before = mayBeReloadFromDisk(event) ? entry.annotations.all.map((a) => ({ annotation: a, start: a.start, end: a.end, orphaned: a.orphaned })) : undefined;
  const report = entry.annotations.applyChanges(event.contentChanges.map(toTextChange));
  const revision = ++entry.revision;
  let reshaped = report.reshaped;
  let orphansChanged = report.orphaned.length > 0 || (hadOrphans && report.changed);
  const undoing = event.reason === vscode.TextDocumentChangeReason.Undo || event.reason === vscode.TextDocumentChangeReason.Redo;
  if (undoing && entry.annotations.orphans.length > 0) {
    // An undo can bring back text that orphaned a span: look for the lost quotes again.
    const restored = entry.annotations.reanchorOrphans(event.document.getText());
    if (restored.length > 0) {
      reshaped = [...reshaped, ...restored];
      orphansChanged = true;
    }
  }
  if (before) void reanchorIfReloaded(entry, before, revision, store);
  if (!report.changed && reshaped.length === 0) return;
  entry.unsaved = true;
  store.fire({ document: event.document, reason: 'edited', reshaped, orphansChanged });
}

/**
 * After a change that may be a reload from disk: if the text now is the file's text, the change
 * was not typed but a new version of the file. Its minimal diff says nothing reliable about
 * where a quote went (a pasted duplicate paragraph, say), so every span goes back to where it
 * was and is placed again by its quote, as when the document is opened.
 */
async function reanchorIfReloaded(entry: DocumentEntry, before: readonly SpanSnapshot[], revision: number, store: EditFollowingStore): Promise<void> {
  const onDisk = await fs.readFile(entry.document.uri.fsPath, 'utf8').catch(() => undefined);
  // Anything that happened to the model meanwhile (another edit, a relocation) wins.
  if (entry.revision !== revision || entry.document.isClosed) return;
  if (onDisk === undefined || stripBom(onDisk) !== entry.document.getText()) return;
  for (const { annotation, start, end, orphaned } of before) {
    annotation.start = start;
    annotation.end = end;
    if (orphaned) annotation.orphaned = true;
    else delete annotation.orphaned;
  }
  await reanchorAfterReload(entry, store);
}

async function reanchorAfterReload(entry: DocumentEntry, store: EditFollowingStore): Promise<void> {
  const { document } = entry;
  // A checkout usually brings the sidecar of the same commit: that one wins over our model.
  const outcome = await entry.sidecar.diskChanged(store.modelOf(entry), { documentReloaded: true }).catch(() => undefined);
  if (document.isClosed || outcome?.kind === 'reloaded') return;
  const hadOrphans = entry.annotations.orphans.length;
  // Placed off this thread (10,000 spans of a re-wrapped document take seconds); adopted if
  // neither the text nor the model changed meanwhile, else placed again here, against both as they are.
  const version = document.version;
  const revision = entry.revision;
  const anchored = await store.anchor(entry.annotations.all, document.getText());
  if (document.isClosed) return;
  const unchanged = document.version === version && entry.revision === revision;
  const report = unchanged ? entry.annotations.adoptAnchoring(anchored.annotations, anchored.anchoring) : entry.annotations.anchor(document.getText());
  if (report.moved.length > 0 || report.orphaned.length > 0) {
    entry.unsaved = true;
    const orphansChanged = report.orphaned.length > 0 || entry.annotations.orphans.length !== hadOrphans;
    store.fire({ document, reason: 'edited', reshaped: [...report.moved, ...report.orphaned], orphansChanged });
  }
  // The text on disk is what the model now points into: write the offsets that followed it.
  await store.persist(entry);
}
