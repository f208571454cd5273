import * as vscode from 'vscode';
import type { CorpusDocument } from '../../../core/corpus/annotatedDocument';
import type { Exporter } from '../../../core/report/exporters';
import type { Command } from '../../commands/command';
import { exporters } from '../../lazyCore';
import { activeScheme } from '../../scheme/activeScheme';
import type { WorkspaceIndex } from '../../workspaceIndex';
import { readWorkspaceText } from '../../workspaceText';

/**
 * The workspace's annotations in one of the command line's export formats (the same exporters, in
 * core/report/exporters.ts), over the workspace index, so unsaved changes of open documents are in
 * it. Opens as an untitled document, to read, save or share.
 */
async function exportWorkspace(workspaceIndex: WorkspaceIndex, exporter: Exporter): Promise<vscode.TextDocument> {
  await workspaceIndex.ready();
  const index = workspaceIndex.index;
  const corpus: CorpusDocument[] = await Promise.all(
    index.documents().map(async (document) => {
      const uri = vscode.Uri.parse(document);
      return {
        path: vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/'),
        documentText: await readWorkspaceText(uri),
        annotations: index.annotationsOf(document).map((entry) => entry.annotation),
      };
    }),
  );
  const exported = await vscode.workspace.openTextDocument({ language: exporter.language, content: exporter.render(corpus, activeScheme()) });
  await vscode.window.showTextDocument(exported);
  return exported;
}

/** "Export Claims Report to Markdown": the command line's `export --format markdown`. */
export class ExportClaimsReportCommand implements Command {
  readonly id = 'sourceAnnotator.exportClaimsReport';

  constructor(private readonly workspaceIndex: WorkspaceIndex) {}

  execute(): Promise<vscode.TextDocument> {
    return exportWorkspace(this.workspaceIndex, exporters().find((e) => e.id === 'markdown') as Exporter);
  }
}

/** "Export Annotations…": any format of `export --format` (argument: its id, e.g. "w3c"). */
export class ExportAnnotationsCommand implements Command {
  readonly id = 'sourceAnnotator.exportAnnotations';

  constructor(private readonly workspaceIndex: WorkspaceIndex) {}

  async execute(format?: unknown): Promise<vscode.TextDocument | undefined> {
    const all = exporters();
    const exporter =
      all.find((e) => e.id === format) ??
      (
        await vscode.window.showQuickPick(
          all.map((e) => ({ label: e.label, detail: e.description, exporter: e })),
          { title: vscode.l10n.t('Export Annotations'), placeHolder: vscode.l10n.t('Choose the format') },
        )
      )?.exporter;
    return exporter ? exportWorkspace(this.workspaceIndex, exporter) : undefined;
  }
}
