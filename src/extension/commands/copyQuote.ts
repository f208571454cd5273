import * as vscode from 'vscode';
import type { AnnotationStore } from '../annotationStore';
import { resolveAnnotationTarget } from './annotationTarget';
import type { Command } from './command';

export class CopyQuoteCommand implements Command {
  readonly id = 'sourceAnnotator.copyQuote';

  constructor(private readonly store: AnnotationStore) {}

  /** Copies the exact text of the annotation (a panel row, `[documentUri, id]` or at the cursor). */
  async execute(...args: unknown[]): Promise<string | undefined> {
    const target = await resolveAnnotationTarget(this.store, args);
    if (!target) return undefined;
    await vscode.env.clipboard.writeText(target.annotation.text);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the quote.'), 3000);
    return target.annotation.text;
  }
}
