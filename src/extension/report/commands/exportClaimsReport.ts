import * as vscode from 'vscode';
import type { CorpusDocument } from '../../../core/corpus/annotatedDocument';
import type { Command } from '../../commands/command';
import { claimsReportMarkdown } from '../../lazyCore';
import type { WorkspaceIndex } from '../../workspaceIndex';
import { readWorkspaceText } from '../../workspaceText';

/**
 * "Export Claims Report to Markdown": the command line's `export --format markdown` report (the
 * same mdast builder in core/report), over the workspace index, so unsaved changes of open
 * documents are in it. Opens as an untitled Markdown document, to read, save or share.
 */
export class ExportClaimsReportCommand implements Command {
  readonly id = 'sourceAnnotator.exportClaimsReport';

  constructor(private readonly workspaceIndex: WorkspaceIndex) {}

  async execute(): Promise<vscode.TextDocument> {
    await this.workspaceIndex.ready();
    const index = this.workspaceIndex.index;
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
    const report = await vscode.workspace.openTextDocument({ language: 'markdown', content: claimsReportMarkdown(corpus) });
    await vscode.window.showTextDocument(report);
    return report;
  }
}
