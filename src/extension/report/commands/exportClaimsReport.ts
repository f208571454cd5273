import type * as vscode from 'vscode';
import type { ExportFormat } from '../../../core/interchange/formats';
import type { Command } from '../../commands/command';
import { openExport, renderWorkspace } from '../../interchange/exportAnnotations';
import { exportFormats } from '../../lazyCore';
import type { WorkspaceIndex } from '../../workspaceIndex';

/** "Export Claims Report to Markdown": the command line's `export --format markdown`, in an editor. */
export class ExportClaimsReportCommand implements Command {
  readonly id = 'sourceAnnotator.exportClaimsReport';

  constructor(private readonly workspaceIndex: WorkspaceIndex) {}

  async execute(): Promise<vscode.TextDocument> {
    const markdown = exportFormats().find((f) => f.id === 'markdown') as ExportFormat;
    return openExport(markdown, await renderWorkspace(this.workspaceIndex, markdown));
  }
}
