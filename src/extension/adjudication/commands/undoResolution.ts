import * as vscode from 'vscode';
import { editedSince, type LoggedResolution, type ResolutionLog } from '../../../core/agreement/resolutionLog';
import type { Annotation } from '../../../core/annotation';
import type { AnnotationStore } from '../../annotationStore';
import { tryMutate } from '../../commands/annotationTarget';
import type { Command } from '../../commands/command';
import type { AdjudicationView } from '../adjudicationView';
import { describeResolution } from '../resolutionWriter';

/**
 * Undo Last Resolution: removes what the last resolution of these two annotators added and puts
 * back what it replaced, even after the comparison was closed and opened again (the log is the
 * window's). It says what it undid; it refuses, saying why, when an annotation the resolution
 * wrote was changed since, rather than lose that change.
 */
export class UndoResolutionCommand implements Command {
  readonly id = 'sourceAnnotator.adjudication.undo';

  constructor(
    private readonly store: AnnotationStore,
    private readonly view: AdjudicationView,
    private readonly log: ResolutionLog<Annotation>,
  ) {}

  async execute(): Promise<boolean> {
    const session = this.view.current;
    const last = session && this.log.last(session.a, session.b);
    if (!session || !last) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No resolution to undo.'));
      return false;
    }
    const what = describeResolution(last);
    const document = await Promise.resolve(vscode.workspace.openTextDocument(vscode.Uri.parse(last.document))).catch(() => undefined);
    const entry = document && (await this.store.entryFor(document));
    if (!document || !entry) {
      this.refuse(last, vscode.l10n.t('Cannot undo {0}: the document cannot be opened.', what));
      return false;
    }
    const edited = editedSince(last, entry.annotations.all);
    if (edited.length > 0) {
      this.refuse(last, vscode.l10n.t('Not undone: {0}. Its adjudicated annotation was changed since; undoing would lose that change. Change or remove it by hand, or forget this step.', what));
      return false;
    }
    if (last.added.length + last.removed.length > 0) {
      const ok = await tryMutate(() =>
        this.store.mutate(document, (annotations, text) => {
          for (const x of last.added) annotations.remove(x.id);
          for (const x of last.removed) annotations.restore(x, text);
          return true;
        }),
      );
      if (!ok) return false;
    }
    this.log.pop(session.a, session.b);
    const position = { document: last.document, key: last.key };
    session.setDecidedEmpty(position, last.wasDecidedEmpty);
    await this.view.goTo(position);
    void vscode.window.showInformationMessage(vscode.l10n.t('Undid {0}.', what));
    return true;
  }

  /** A warning that offers to drop the step, so the ones before it can still be undone. */
  private refuse(step: LoggedResolution<Annotation>, message: string): void {
    const session = this.view.current;
    const forget = vscode.l10n.t('Forget This Step');
    void vscode.window.showWarningMessage(message, forget).then((choice) => {
      // Only that step, and only while it is still the last one.
      if (choice !== forget || !session || this.log.last(session.a, session.b) !== step) return;
      this.log.pop(session.a, session.b);
      this.view.refreshMessage();
    });
  }
}
