import * as vscode from 'vscode';
import type { Command } from '../../commands/command';
import type { SpeakerDirectory } from '../../speakerDirectory';
import { showLedgerSummary, type SpeakerLedger } from '../speakerLedger';
import { speakerArgument } from './speakerArgument';

export class MergeSpeakerCommand implements Command {
  readonly id = 'sourceAnnotator.mergeSpeaker';

  constructor(
    private readonly ledger: SpeakerLedger,
    private readonly speakers: SpeakerDirectory,
  ) {}

  /** Arguments: the speaker to merge (a panel row or a name), optionally the one to merge into. */
  async execute(speakerArg?: unknown, targetArg?: unknown): Promise<number> {
    const from = speakerArgument(speakerArg);
    if (!from) return 0;
    let into = typeof targetArg === 'string' ? targetArg.trim() : undefined;
    if (into === undefined) {
      const others = (await this.speakers.speakers()).filter((s) => s !== from);
      const picked = await vscode.window.showQuickPick(
        others.map((label) => ({ label, iconPath: new vscode.ThemeIcon('person') })),
        { title: vscode.l10n.t('Merge “{0}” Into…', from), placeHolder: vscode.l10n.t('The speaker whose name every annotation of “{0}” takes', from) },
      );
      into = picked?.label;
    }
    if (!into || into === from) return 0;
    const result = await this.ledger.rewrite(from, into, vscode.l10n.t('Merge speakers'));
    void showLedgerSummary(this.ledger, result, vscode.l10n.t('Merged “{0}” into “{1}”: {2} annotation(s) across {3} file(s).', from, into, result.annotations, result.files));
    return result.annotations;
  }
}
