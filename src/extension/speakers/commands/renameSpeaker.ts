import * as vscode from 'vscode';
import type { Command } from '../../commands/command';
import { showLedgerSummary, type SpeakerLedger } from '../speakerLedger';
import { speakerArgument } from './speakerArgument';

export class RenameSpeakerCommand implements Command {
  readonly id = 'sourceAnnotator.renameSpeaker';

  constructor(private readonly ledger: SpeakerLedger) {}

  /** Arguments: the speaker (a panel row or a name), optionally the new name. */
  async execute(speakerArg?: unknown, newName?: unknown): Promise<number> {
    const from = speakerArgument(speakerArg);
    if (!from) return 0;
    const to =
      typeof newName === 'string'
        ? newName.trim()
        : (
            await vscode.window.showInputBox({
              title: vscode.l10n.t('Rename Speaker'),
              prompt: vscode.l10n.t('New name for “{0}” in every sidecar of the workspace', from),
              value: from,
              validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('A speaker needs a name.')),
            })
          )?.trim();
    if (!to || to === from) return 0;
    const result = await this.ledger.rewrite(from, to, vscode.l10n.t('Rename speaker'));
    void showLedgerSummary(this.ledger, result, vscode.l10n.t('Renamed “{0}” to “{1}” in {2} annotation(s) across {3} file(s).', from, to, result.annotations, result.files));
    return result.annotations;
  }
}
