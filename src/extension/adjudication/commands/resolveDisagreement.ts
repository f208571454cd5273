import * as vscode from 'vscode';
import { resolveDisagreement, resolvesToNothing, type Resolution } from '../../../core/agreement/adjudication';
import type { Annotation } from '../../../core/annotation';
import type { AnnotationStore } from '../../annotationStore';
import type { Command } from '../../commands/command';
import { tryMutate } from '../../commands/annotationTarget';
import type { AdjudicationSession, DisagreementPosition } from '../adjudicationSession';
import type { AdjudicationView } from '../adjudicationView';

/** One resolution as written, to take it back. */
interface Applied {
  readonly position: DisagreementPosition;
  readonly document: vscode.TextDocument;
  readonly added: readonly string[];
  readonly removed: readonly Annotation[];
  readonly wasDecidedEmpty: boolean;
}

/** What each comparison's resolutions wrote, newest last: Undo Last Resolution takes them back in turn. */
export class ResolutionHistory {
  private readonly bySession = new WeakMap<AdjudicationSession, Applied[]>();

  of(session: AdjudicationSession): Applied[] {
    let applied = this.bySession.get(session);
    if (!applied) this.bySession.set(session, (applied = []));
    return applied;
  }
}

const IDS: Record<Resolution, string> = {
  takeA: 'sourceAnnotator.adjudication.takeA',
  takeB: 'sourceAnnotator.adjudication.takeB',
  keepBoth: 'sourceAnnotator.adjudication.keepBoth',
  edit: 'sourceAnnotator.adjudication.edit',
};

/**
 * Take A, Take B, Keep Both, Edit: writes the adjudicated annotations of the current (or chosen)
 * disagreement through the store, like any annotation change, replacing an earlier resolution of
 * it; the originals are left as they are. Then moves to the next unresolved disagreement, or, for
 * Edit, offers the usual ways to change the adjudicated copy.
 */
export class ResolveDisagreementCommand implements Command {
  readonly id: string;

  constructor(
    private readonly store: AnnotationStore,
    private readonly view: AdjudicationView,
    private readonly history: ResolutionHistory,
    private readonly resolution: Resolution,
  ) {
    this.id = IDS[resolution];
  }

  async execute(arg?: unknown): Promise<Annotation[] | undefined> {
    const session = this.view.current;
    const position = this.view.target(arg);
    if (!session || !position) return undefined;
    const found = await this.view.live(position);
    if (!found) {
      void vscode.window.showWarningMessage(vscode.l10n.t('That disagreement is no longer there.'));
      return undefined;
    }
    const { document, disagreement } = found;
    const added: Annotation[] = [];
    const removed: Annotation[] = [];
    const ok = await tryMutate(() =>
      this.store.mutate(document, (annotations, text) => {
        const edit = resolveDisagreement(disagreement, this.resolution, session.adjudicator, annotations.all);
        for (const id of edit.remove) {
          const gone = annotations.remove(id);
          if (gone) removed.push(gone);
        }
        for (const spec of edit.add) added.push(annotations.add(spec, text));
        return added.length + removed.length > 0;
      }),
    );
    const empty = resolvesToNothing(disagreement, this.resolution);
    if (!ok && !empty) return undefined;
    this.history.of(session).push({ position, document, added: added.map((x) => x.id), removed, wasDecidedEmpty: session.isDecidedEmpty(position) });
    session.setDecidedEmpty(position, empty);
    session.current = position;
    if (this.resolution === 'edit' && added[0]) await editAdjudicated(document, added[0]);
    else {
      const next = session.step(1, true);
      if (next) await this.view.goTo(next);
    }
    return added;
  }
}

/** Edit: the kind, speaker, attributes or note of the adjudicated copy, through the usual commands. */
async function editAdjudicated(document: vscode.TextDocument, annotation: Annotation): Promise<void> {
  const choices = [
    { label: `$(symbol-enum) ${vscode.l10n.t('Change Kind')}`, command: 'sourceAnnotator.changeKind' },
    { label: `$(person) ${vscode.l10n.t('Set Speaker')}`, command: 'sourceAnnotator.setSpeaker' },
    { label: `$(symbol-property) ${vscode.l10n.t('Set Attribute')}`, command: 'sourceAnnotator.setAttribute' },
    { label: `$(note) ${vscode.l10n.t('Edit Note')}`, command: 'sourceAnnotator.editNote' },
  ];
  const picked = await vscode.window.showQuickPick(choices, { title: vscode.l10n.t('Edit the adjudicated annotation'), placeHolder: vscode.l10n.t('What to change') });
  if (picked) await vscode.commands.executeCommand(picked.command, document.uri.toString(), annotation.id);
}

/** Undo Last Resolution: removes what the last resolution added and puts back what it replaced. */
export class UndoResolutionCommand implements Command {
  readonly id = 'sourceAnnotator.adjudication.undo';

  constructor(
    private readonly store: AnnotationStore,
    private readonly view: AdjudicationView,
    private readonly history: ResolutionHistory,
  ) {}

  async execute(): Promise<boolean> {
    const session = this.view.current;
    const last = session && this.history.of(session).pop();
    if (!last || !session) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No resolution to undo.'));
      return false;
    }
    if (last.added.length + last.removed.length > 0) {
      const ok = await tryMutate(() =>
        this.store.mutate(last.document, (annotations, text) => {
          for (const id of last.added) annotations.remove(id);
          for (const x of last.removed) annotations.restore(x, text);
          return true;
        }),
      );
      if (!ok) return false;
    }
    session.setDecidedEmpty(last.position, last.wasDecidedEmpty);
    await this.view.goTo(last.position);
    return true;
  }
}
