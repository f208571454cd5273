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
import { isSmallOrphanSearch } from './sidecarParsing/sidecarParser';
import type { OrphanSearch } from '../core/documentAnnotations';

/** What following edits needs from the annotation store (annotationStore.ts). */
export interface EditFollowingStore {
  /** Tells the store's listeners that a model changed. */
  fire(change: StoreChange): void;
  /** The entry's model as the sidecar writer sees it. */
  modelOf(entry: DocumentEntry): SidecarModel;
  /** Writes the entry's sidecar if it has unsaved changes and may be written. */
  persist(entry: DocumentEntry): Promise<void>;
  /** Copies of `annotations` anchored against `text`, off the extension host thread when there are many (SidecarParser.anchor). */
  anchor(document: vscode.TextDocument, annotations: readonly Annotation[], text: string): Promise<AnchoredAnnotations>;
  /** What reanchorOrphans would find for the orphans among `annotations`, off the extension host thread when it is a large search (SidecarParser.searchOrphans). */
  searchOrphans(document: vscode.TextDocument, annotations: readonly Annotation[], text: string): Promise<OrphanSearch>;
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
    // An undo can bring back text that orphaned a span: look for the lost quotes again, at once when that is quick,
    // else off this thread (each quote the text does not have costs a search of the whole text).
    if (isSmallOrphanSearch(entry.annotations.orphans.length, event.document.getText().length)) {
      const restored = entry.annotations.reanchorOrphans(event.document.getText());
      if (restored.length > 0) {
        reshaped = [...reshaped, ...restored];
        orphansChanged = true;
      }
    } else {
      void findOrphansAgain(entry, store, revision);
    }
  }
  if (before) void reanchorIfReloaded(entry, before, revision, store);
  if (!report.changed && reshaped.length === 0) return;
  entry.unsaved = true;
  store.fire({ document: event.document, reason: 'edited', reshaped, orphansChanged });
}

/**
 * Looks for the orphans' lost quotes again off the extension host thread, and takes what was found if neither the text
 * nor the model changed meanwhile; else looks again here, against the text as it is now.
 */
async function findOrphansAgain(entry: DocumentEntry, store: EditFollowingStore, revision: number): Promise<void> {
  const { document } = entry;
  const version = document.version;
  const found = await store.searchOrphans(document, entry.annotations.all, document.getText());
  if (document.isClosed || entry.problems) return;
  const restored = document.version === version && entry.revision === revision ? entry.annotations.adoptOrphanSearch(found).moved : entry.annotations.reanchorOrphans(document.getText());
  if (restored.length === 0) return;
  entry.unsaved = true;
  store.fire({ document, reason: 'edited', reshaped: restored, orphansChanged: true });
}

/**
 * After a change that may be a reload from disk: if the text now is the file's text, the change
 * was not typed but a new version of the file. Its minimal diff says nothing reliable about
 * where a quote went (a pasted duplicate paragraph, say), so every span goes back to where it
 * was and is placed again by its quote, as when the document is opened. Until that is done, the
 * model keeps the places the diff gave it, which fit the text: the anchoring may take seconds
 * (in the worker), and everything reading the model meanwhile (decorations, the workspace index)
 * must find offsets inside the text.
 */
async function reanchorIfReloaded(entry: DocumentEntry, before: readonly SpanSnapshot[], revision: number, store: EditFollowingStore): Promise<void> {
  const onDisk = await fs.readFile(entry.document.uri.fsPath, 'utf8').catch(() => undefined);
  // Anything that happened to the model meanwhile (another edit, a relocation) wins.
  if (entry.revision !== revision || entry.document.isClosed) return;
  if (onDisk === undefined || stripBom(onDisk) !== entry.document.getText()) return;
  // Copies where the spans were before the reload: what is placed again.
  const restored = before.map(({ annotation, start, end, orphaned }): Annotation => {
    const copy: Annotation = { ...annotation, start, end };
    if (orphaned) copy.orphaned = true;
    else delete copy.orphaned;
    return copy;
  });
  await reanchorAfterReload(entry, store, restored);
}

async function reanchorAfterReload(entry: DocumentEntry, store: EditFollowingStore, restored: readonly Annotation[]): Promise<void> {
  const { document } = entry;
  // A checkout usually brings the sidecar of the same commit: that one wins over our model.
  const outcome = await entry.sidecar.diskChanged(store.modelOf(entry), { documentReloaded: true }).catch(() => undefined);
  if (document.isClosed || outcome?.kind === 'reloaded') return;
  const hadOrphans = restored.filter((a) => a.orphaned).length;
  // Placed off this thread (10,000 spans of a re-wrapped document take seconds), and adopted if
  // neither the text nor the model changed meanwhile; else the model's spans go back to where they
  // were and are placed again here, against the text as it is.
  const version = document.version;
  const revision = entry.revision;
  const anchored = await store.anchor(document, restored, document.getText());
  if (document.isClosed) return;
  let report;
  if (document.version === version && entry.revision === revision) {
    report = entry.annotations.adoptAnchoring(anchored.annotations, anchored.anchoring);
  } else {
    const places = new Map(restored.map((a) => [a.id, a]));
    for (const annotation of entry.annotations.all) {
      const place = places.get(annotation.id);
      if (!place) continue;
      annotation.start = place.start;
      annotation.end = place.end;
      if (place.orphaned) annotation.orphaned = true;
      else delete annotation.orphaned;
    }
    report = entry.annotations.anchor(document.getText());
  }
  if (report.moved.length > 0 || report.orphaned.length > 0) {
    entry.unsaved = true;
    const orphansChanged = report.orphaned.length > 0 || entry.annotations.orphans.length !== hadOrphans;
    store.fire({ document, reason: 'edited', reshaped: [...report.moved, ...report.orphaned], orphansChanged });
  }
  // The text on disk is what the model now points into: write the offsets that followed it.
  await store.persist(entry);
}
