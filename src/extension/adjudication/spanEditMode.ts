import * as vscode from 'vscode';
import { editStart } from '../../core/agreement/adjudication';
import { Disposable } from '../lifecycle';
import { revealAnnotation } from '../navigation/revealAnnotation';
import type { DisagreementPosition } from './adjudicationSession';
import type { AdjudicationView, LiveDisagreement } from './adjudicationView';

/** Context key: the adjudicator is choosing the span of an edited resolution (Enter confirms, Escape cancels). */
export const EDITING_SPAN_CONTEXT = 'sourceAnnotator.adjudication.editingSpan';
export const CONFIRM_SPAN_COMMAND = 'sourceAnnotator.adjudication.confirmSpan';

/** The disagreement whose adjudicated span is being chosen, and its document. */
export interface SpanBeingEdited {
  readonly position: DisagreementPosition;
  readonly uri: vscode.Uri;
}

/**
 * Edit's first step: the editor selects A's span (B's when A has none) with both spans drawn, and
 * the adjudicator moves the selection to the span they want. Until they confirm (Enter, the
 * status bar item, the editor's title button) or cancel (Escape), a status bar item and the
 * view's message say so. Closing the comparison cancels it.
 */
export class SpanEditMode extends Disposable {
  private editing: SpanBeingEdited | undefined;
  /** The last passing word in the status bar ("Edit cancelled…"), gone when the next edit starts. */
  private said: vscode.Disposable | undefined;
  private readonly item = this._register(vscode.window.createStatusBarItem('sourceAnnotator.adjudicatedSpan', vscode.StatusBarAlignment.Left, 1000));

  constructor(private readonly view: AdjudicationView) {
    super();
    this.item.name = vscode.l10n.t('Source Annotator: Adjudicated Span');
    this.item.text = `$(edit) ${vscode.l10n.t('Adjudicated span: adjust the selection · Enter confirms · Esc cancels')}`;
    this.item.tooltip = vscode.l10n.t('Select the span the adjudicated annotation should have, then press Enter (or click here) to choose its kind, speaker and note. Escape cancels; nothing is written until then.');
    this.item.command = CONFIRM_SPAN_COMMAND;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this._register(view.onDidChangeSession(() => this.stop()));
    this._register({ dispose: () => this.said?.dispose() });
    view.hints.push(() => this.editing && vscode.l10n.t('Editing the adjudicated span: Enter confirms, Esc cancels'));
  }

  get current(): SpanBeingEdited | undefined {
    return this.editing;
  }

  /** Shows the disagreement, selects the side Edit starts from and gives the editor the focus. */
  async start(position: DisagreementPosition, found: LiveDisagreement): Promise<void> {
    this.say(undefined);
    await this.view.goTo(position);
    const editor = await vscode.window.showTextDocument(found.document, { preserveFocus: false, preview: false });
    revealAnnotation(editor, editStart(found.disagreement));
    this.editing = { position, uri: found.document.uri };
    await vscode.commands.executeCommand('setContext', EDITING_SPAN_CONTEXT, true);
    this.item.show();
    this.view.refreshMessage();
  }

  /** A passing word in the status bar for a few seconds (or none), replacing the last one. */
  say(message: string | undefined): void {
    this.said?.dispose();
    this.said = message === undefined ? undefined : vscode.window.setStatusBarMessage(message, 5000);
  }

  stop(): void {
    if (!this.editing) return;
    this.editing = undefined;
    this.item.hide();
    void vscode.commands.executeCommand('setContext', EDITING_SPAN_CONTEXT, false);
    this.view.refreshMessage();
  }
}
