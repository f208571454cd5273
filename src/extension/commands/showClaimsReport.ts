import type * as vscode from 'vscode';
import type { ClaimsReportPanel } from '../report/claimsReportPanel';
import type { Command } from './command';

/** Opens the claims report webview. */
export class ShowClaimsReportCommand implements Command {
  readonly id = 'sourceAnnotator.showClaimsReport';

  constructor(private readonly panel: ClaimsReportPanel) {}

  execute(): Promise<vscode.WebviewPanel> {
    return this.panel.show();
  }
}
