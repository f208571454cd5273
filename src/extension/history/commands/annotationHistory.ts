import * as vscode from 'vscode';
import { annotationHistory, type HistoryEntry, type SidecarVersion } from '../../../core/history/annotationHistory';
import { excerpt } from '../../excerpt';
import type { AnnotationStore } from '../../annotationStore';
import { resolveAnnotationTarget } from '../../commands/annotationTarget';
import type { Command } from '../../commands/command';
import { GitUnavailableError, repositoryFor } from '../gitApi';

/** Commits of a sidecar read for one history: enough for years of work on one document. */
const MAX_COMMITS = 200;

/**
 * "Annotate: Annotation History": who changed what of the annotation at the cursor (or the one
 * named by the arguments), and when, from the commits of its sidecar (the Git extension's log).
 */
export class AnnotationHistoryCommand implements Command {
  readonly id = 'sourceAnnotator.history.annotationHistory';

  constructor(private readonly store: AnnotationStore) {}

  async execute(...args: unknown[]): Promise<HistoryEntry[] | undefined> {
    const target = await resolveAnnotationTarget(this.store, args);
    if (!target) return undefined;
    const entry = this.store.get(target.document);
    if (!entry) return undefined;
    try {
      const repository = await repositoryFor(entry.sidecarUri);
      const path = entry.sidecarUri.fsPath;
      const commits = await repository.log({ path, maxEntries: MAX_COMMITS });
      const versions: SidecarVersion[] = await Promise.all(
        commits.map(async (c) => ({
          commit: c.hash,
          author: c.authorName ?? '',
          date: c.authorDate ?? c.commitDate,
          message: c.message,
          text: await repository.show(c.hash, path).catch(() => undefined),
        })),
      );
      const { entries, unreadable } = annotationHistory(target.annotation.id, versions);
      if (unreadable.length > 0) void vscode.window.showWarningMessage(vscode.l10n.t('{0} version(s) of the sidecar could not be read and were skipped.', unreadable.length));
      // Shown, not awaited: the command returns the history (for keybindings and tests) while it is on screen.
      void this.show(entries, target.annotation.text, entry.unsaved);
      return entries;
    } catch (error) {
      void vscode.window.showErrorMessage(error instanceof GitUnavailableError ? error.message : vscode.l10n.t('Cannot read the history: {0}', error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  }

  private async show(entries: readonly HistoryEntry[], quote: string, unsaved: boolean): Promise<void> {
    const title = vscode.l10n.t('History of “{0}”', excerpt(quote, 40));
    if (entries.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” is not in any commit yet.', excerpt(quote, 40)));
      return;
    }
    const items: vscode.QuickPickItem[] = [...entries].reverse().map((e) => ({
      label: `${e.change === 'added' ? '$(diff-added)' : e.change === 'removed' ? '$(diff-removed)' : '$(diff-modified)'} ${describe(e)}`,
      description: [e.author, e.date?.toLocaleString()].filter(Boolean).join(' · '),
      detail: `${e.commit.slice(0, 8)} ${firstLine(e.message)}`,
    }));
    if (unsaved) items.unshift({ label: vscode.l10n.t('$(circle-filled) Changes not written yet'), description: vscode.l10n.t('save the document to write them') });
    await vscode.window.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true });
  }
}

function describe(e: HistoryEntry): string {
  if (e.change === 'added') return vscode.l10n.t('Added as {0}', e.after?.kind ?? '');
  if (e.change === 'removed') return vscode.l10n.t('Removed');
  const parts = e.fields.map((f) => {
    const key = f.startsWith('attributes.') ? f.slice('attributes.'.length) : f;
    const value = (a: HistoryEntry['before']): string => {
      const v = f.startsWith('attributes.') ? a?.attributes?.[key] : (a as Record<string, unknown> | undefined)?.[f];
      return v === undefined || v === '' ? '—' : excerpt(String(v), 30);
    };
    return `${key}: ${value(e.before)} → ${value(e.after)}`;
  });
  return parts.join('; ');
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0];
}
