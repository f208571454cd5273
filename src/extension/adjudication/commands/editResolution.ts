import * as vscode from 'vscode';
import { editedResolution } from '../../../core/agreement/adjudication';
import type { ResolutionLog } from '../../../core/agreement/resolutionLog';
import type { Annotation } from '../../../core/annotation';
import type { AnnotationStore } from '../../annotationStore';
import type { Command } from '../../commands/command';
import { kindArgument } from '../../kindPicker';
import { pickAdjudicatedFields, type AdjudicatedFields } from '../adjudicatedFields';
import { ADJUDICATION_VIEW_ID, type AdjudicationView } from '../adjudicationView';
import { writeResolution } from '../resolutionWriter';
import { CONFIRM_SPAN_COMMAND, type SpanEditMode } from '../spanEditMode';

/**
 * Edit (E): the adjudicator chooses the span of the adjudicated annotation in the editor, starting
 * from A's (or B's) selected, then confirms it (Confirm Adjudicated Span) or cancels (Escape).
 */
export class EditResolutionCommand implements Command {
  readonly id = 'sourceAnnotator.adjudication.edit';

  constructor(
    private readonly view: AdjudicationView,
    private readonly mode: SpanEditMode,
  ) {}

  async execute(arg?: unknown): Promise<boolean> {
    const position = this.view.target(arg);
    if (!this.view.current || !position) return false;
    const found = await this.view.live(position);
    if (!found) {
      void vscode.window.showWarningMessage(vscode.l10n.t('That disagreement is no longer there.'));
      return false;
    }
    await this.mode.start(position, found);
    return true;
  }
}

/** The fields a caller (a keybinding, a test) gave instead of asking: `{ kind, speaker?, note? }`. */
function givenFields(arg: unknown): AdjudicatedFields | undefined {
  const kind = kindArgument(arg);
  if (!kind || typeof arg !== 'object') return undefined;
  const { speaker, note } = arg as { speaker?: unknown; note?: unknown };
  const fields: AdjudicatedFields = { kind };
  if (typeof speaker === 'string' && speaker.trim()) fields.speaker = speaker.trim();
  if (typeof note === 'string' && note.trim()) fields.note = note.trim();
  return fields;
}

/**
 * Confirm Adjudicated Span (Enter while choosing it): takes the selection in the document being
 * adjudicated as the span, asks for kind, speaker and note (offered as A's or B's), and writes the
 * adjudicated annotation as Take A / Take B do. Escape while asking goes back to the span.
 */
export class ConfirmAdjudicatedSpanCommand implements Command {
  readonly id = CONFIRM_SPAN_COMMAND;

  constructor(
    private readonly store: AnnotationStore,
    private readonly view: AdjudicationView,
    private readonly mode: SpanEditMode,
    private readonly log: ResolutionLog<Annotation>,
  ) {}

  async execute(arg?: unknown): Promise<Annotation[] | undefined> {
    const editing = this.mode.current;
    const session = this.view.current;
    if (!editing || !session) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No adjudicated span is being edited: press E on a disagreement first.'));
      return undefined;
    }
    const uri = editing.uri.toString();
    const active = vscode.window.activeTextEditor;
    const editor = active?.document.uri.toString() === uri ? active : vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
    if (!editor) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Show {0} to confirm the span selected in it.', vscode.workspace.asRelativePath(editing.uri, false)));
      return undefined;
    }
    if (editor.selection.isEmpty) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Select the span the adjudicated annotation should have, then confirm.'));
      return undefined;
    }
    const found = await this.view.live(editing.position);
    if (!found) {
      this.mode.stop();
      void vscode.window.showWarningMessage(vscode.l10n.t('That disagreement is no longer there.'));
      return undefined;
    }
    const span = { start: editor.document.offsetAt(editor.selection.start), end: editor.document.offsetAt(editor.selection.end) };
    const fields = givenFields(arg) ?? (await pickAdjudicatedFields(found.disagreement, { a: session.a, b: session.b }));
    if (!fields) {
      this.mode.say(vscode.l10n.t('Nothing written yet: adjust the span and press Enter, or Escape to cancel.'));
      return undefined;
    }
    const d = found.disagreement;
    this.mode.say(undefined);
    this.mode.stop();
    const added = await writeResolution(this.store, this.log, session, editing.position, found, 'edit', (all) => editedResolution(d, { ...fields, ...span }, session.adjudicator, all), false);
    if (!added) return undefined;
    session.current = editing.position;
    const next = session.step(1, true);
    if (next) await this.view.goTo(next);
    // Back to the view, where the one-key resolutions work.
    await vscode.commands.executeCommand(`${ADJUDICATION_VIEW_ID}.focus`);
    return added;
  }
}

/** Cancel (Escape while choosing the span): nothing is written; back to the view. */
export class CancelAdjudicatedSpanCommand implements Command {
  readonly id = 'sourceAnnotator.adjudication.cancelSpan';

  constructor(private readonly mode: SpanEditMode) {}

  async execute(): Promise<void> {
    if (!this.mode.current) return;
    this.mode.stop();
    this.mode.say(vscode.l10n.t('Edit cancelled: nothing was written.'));
    await vscode.commands.executeCommand(`${ADJUDICATION_VIEW_ID}.focus`);
  }
}
