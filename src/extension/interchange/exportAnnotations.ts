import * as vscode from 'vscode';
import type { ExportFormat } from '../../core/interchange/formats';
import type { ExportResult } from '../../core/interchange/format';
import type { Command } from '../commands/command';
import { exportFormats } from '../lazyCore';
import { activeScheme } from '../scheme/activeScheme';
import type { WorkspaceIndex } from '../workspaceIndex';
import { workspaceCorpus } from './workspaceCorpus';

/** What an export produced: the editor it opened, or the files it wrote. */
export interface ExportOutcome {
  readonly opened?: vscode.TextDocument;
  readonly written: vscode.Uri[];
  readonly notes: number;
}

/** Renders the workspace in a format of the shared registry (the command line's `export`). */
export async function renderWorkspace(workspaceIndex: WorkspaceIndex, format: ExportFormat): Promise<ExportResult> {
  return format.exporter.render(await workspaceCorpus(workspaceIndex), activeScheme());
}

/** Opens a single-file export as an untitled document, to read, save or share. */
export async function openExport(format: ExportFormat, result: ExportResult): Promise<vscode.TextDocument> {
  const opened = await vscode.workspace.openTextDocument({ language: format.exporter.language, content: result.files.map((f) => f.text).join('') });
  await vscode.window.showTextDocument(opened);
  return opened;
}

/**
 * "Annotate: Export Annotations…": every export format of the registry (core/interchange),
 * opened in an editor or written to a destination folder (brat, one pair of files per document,
 * always to a folder). Arguments, for keybindings and tests: the format id and the folder.
 */
export class ExportAnnotationsCommand implements Command {
  readonly id = 'sourceAnnotator.exportAnnotations';

  constructor(private readonly workspaceIndex: WorkspaceIndex) {}

  async execute(formatId?: unknown, destination?: unknown): Promise<ExportOutcome | undefined> {
    const all = exportFormats();
    const format =
      all.find((f) => f.id === formatId) ??
      (await vscode.window.showQuickPick(
        all.map((f) => ({ label: f.label, detail: f.description, format: f })),
        { title: vscode.l10n.t('Export Annotations'), placeHolder: vscode.l10n.t('Choose the format') },
      ))?.format;
    if (!format) return undefined;
    const folder = destination instanceof vscode.Uri ? destination : await this.chooseDestination(format, formatId !== undefined);
    if (folder === undefined) return undefined;
    const result = await renderWorkspace(this.workspaceIndex, format);
    if (result.notes.length > 0) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('{0}: {1} thing(s) could not be exported, e.g. {2}: {3}', format.label, result.notes.length, result.notes[0].document, result.notes[0].message),
      );
    }
    if (folder === 'editor') return { opened: await openExport(format, result), written: [], notes: result.notes.length };
    const written = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0}', format.label) }, async (progress) => {
      const uris: vscode.Uri[] = [];
      for (const file of result.files) {
        const uri = vscode.Uri.joinPath(folder, ...file.path.split('/'));
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(file.text));
        uris.push(uri);
        progress.report({ increment: 100 / result.files.length });
      }
      return uris;
    });
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} file(s) to {1}.', written.length, folder.fsPath));
    return { written, notes: result.notes.length };
  }

  /** An editor for single-file formats unless a folder is wanted; a folder (asked) otherwise. */
  private async chooseDestination(format: ExportFormat, quiet: boolean): Promise<vscode.Uri | 'editor' | undefined> {
    if (!format.exporter.perDocument) {
      if (quiet) return 'editor';
      const choice = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('Open in an Editor'), value: 'editor' as const },
          { label: vscode.l10n.t('Save to a Folder…'), value: 'folder' as const },
        ],
        { title: vscode.l10n.t('Export Annotations: destination') },
      );
      if (!choice) return undefined;
      if (choice.value === 'editor') return 'editor';
    }
    const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: vscode.l10n.t('Export Here') });
    return picked?.[0];
  }
}
