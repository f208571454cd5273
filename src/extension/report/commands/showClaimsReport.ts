import type * as vscode from 'vscode';
import type { Command } from '../../commands/command';
import type { ClaimsReportPanel } from '../claimsReportPanel';

/** Opens the claims report webview. */
export class ShowClaimsReportCommand implements Command {
  readonly id = 'sourceAnnotator.showClaimsReport';

  constructor(private readonly panel: ClaimsReportPanel) {}

  execute(): Promise<vscode.WebviewPanel> {
    return this.panel.show();
  }
}
