import type * as vscode from 'vscode';
import type { CommandManager } from '../commands/command';
import type { WorkspaceIndex } from '../workspaceIndex';
import { ClaimsReportPanel } from './claimsReportPanel';
import { ExportClaimsReportCommand } from './commands/exportClaimsReport';
import { ShowClaimsReportCommand } from './commands/showClaimsReport';

/** Wires the claims report: its webview panel and the Markdown export. */
export function registerClaimsReport(workspaceIndex: WorkspaceIndex, extensionUri: vscode.Uri, commands: CommandManager): { claimsReport: ClaimsReportPanel; disposables: vscode.Disposable[] } {
  const claimsReport = new ClaimsReportPanel(workspaceIndex, extensionUri);
  commands.register(new ShowClaimsReportCommand(claimsReport));
  commands.register(new ExportClaimsReportCommand(workspaceIndex));
  return { claimsReport, disposables: [claimsReport] };
}
