import * as vscode from 'vscode';
import type { CorpusDocument } from '../../core/corpus/annotatedDocument';
import { annotationChanges, type AnnotationChange } from '../../core/history/annotationChanges';
import type { AnnotationScheme } from '../../core/scheme/scheme';
import { toStoredAnnotations } from '../../core/sidecar/sidecarCodec';
import { CodePointIndex } from '../../core/text/codePointIndex';
import type { AnnotationStore } from '../annotationStore';
import type { GitRepository } from './gitApi';
import { anchoredTo, changedSidecars, currentText, documentUriOf, showAtRef } from './sidecarsAtRef';

/** A change with where it is in the document now (UTF-16 offsets, for ranges). */
export interface LocatedChange extends AnnotationChange {
  readonly documentUri: vscode.Uri;
  /** UTF-16 offsets into the current text; undefined for an orphan or a document that is gone. */
  readonly range: { readonly start: number; readonly end: number } | undefined;
}

export interface ChangesSince {
  readonly ref: string;
  readonly changes: LocatedChange[];
  /** Sidecars left out because one of their versions could not be read, with why. */
  readonly skipped: { readonly uri: vscode.Uri; readonly reason: string }[];
}

/**
 * The annotation changes of a repository since a ref: the sidecars git reports as changed (and
 * those with changes not written yet), each version read against the document's current text,
 * the current one from the open editor when there is one (unsaved annotations included).
 */
export async function changesSince(repository: GitRepository, ref: string, store: AnnotationStore, scheme: AnnotationScheme): Promise<ChangesSince> {
  const changes: LocatedChange[] = [];
  const skipped: { uri: vscode.Uri; reason: string }[] = [];
  for (const sidecarUri of await changedSidecars(repository, ref, store)) {
    const documentUri = documentUriOf(sidecarUri);
    const key = documentUri.toString();
    const text = await currentText(repository, ref, documentUri);
    if (text === undefined) {
      skipped.push({ uri: sidecarUri, reason: vscode.l10n.t('its document cannot be read now or at {0}', ref) });
      continue;
    }
    const old = await showAtRef(repository, ref, sidecarUri.fsPath);
    const before = old === undefined ? undefined : anchoredTo(old, text, scheme);
    const after = await currentVersion(store, documentUri, text);
    if (before === 'invalid' || after === 'invalid') {
      skipped.push({ uri: sidecarUri, reason: before === 'invalid' ? vscode.l10n.t('not a valid sidecar at {0}', ref) : vscode.l10n.t('not a valid sidecar now') });
      continue;
    }
    const doc = (annotations: CorpusDocument['annotations']): CorpusDocument[] => [{ path: key, documentText: text, annotations }];
    const index = new CodePointIndex(text);
    for (const change of annotationChanges(doc(before ?? []), doc(after ?? []))) {
      const source = change.change === 'removed' ? change.before : (after ?? []).find((a) => a.id === change.id);
      const range = change.line !== undefined && source?.start !== undefined && source.end !== undefined ? { start: index.toUtf16(source.start), end: index.toUtf16(source.end) } : undefined;
      changes.push({ ...change, documentUri, range });
    }
  }
  changes.sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : (a.range?.start ?? Infinity) - (b.range?.start ?? Infinity)));
  return { ref, changes, skipped };
}

/** The annotations now: the open document's model (unsaved changes included), else the sidecar on disk. */
async function currentVersion(store: AnnotationStore, documentUri: vscode.Uri, text: string): Promise<CorpusDocument['annotations'] | undefined | 'invalid'> {
  const entry = store.all().find((e) => e.document.uri.toString() === documentUri.toString());
  if (entry) return entry.problems ? 'invalid' : toStoredAnnotations(entry.annotations.all, entry.document.getText());
  const loaded = await store.loadSidecarOf(documentUri, text);
  if (!loaded) return undefined;
  return loaded.ok ? toStoredAnnotations(loaded.annotations.all, text) : 'invalid';
}
