import * as vscode from 'vscode';
import { resolveDisagreement, resolvesToNothing, type Resolution } from '../../../core/agreement/adjudication';
import type { ResolutionLog } from '../../../core/agreement/resolutionLog';
import type { Annotation } from '../../../core/annotation';
import type { AnnotationStore } from '../../annotationStore';
import type { Command } from '../../commands/command';
import type { AdjudicationView } from '../adjudicationView';
import { writeResolution } from '../resolutionWriter';

const IDS: Record<Exclude<Resolution, 'edit'>, string> = {
  takeA: 'sourceAnnotator.adjudication.takeA',
  takeB: 'sourceAnnotator.adjudication.takeB',
  keepBoth: 'sourceAnnotator.adjudication.keepBoth',
};

/**
 * Take A, Take B, Keep Both: writes the adjudicated annotations of the current (or chosen)
 * disagreement through the store, like any annotation change, replacing an earlier resolution of
 * it; the originals are left as they are. Then moves to the next unresolved disagreement. (Edit,
 * which lets the adjudicator choose the span, is commands/editResolution.ts.)
 */
export class ResolveDisagreementCommand implements Command {
  readonly id: string;

  constructor(
    private readonly store: AnnotationStore,
    private readonly view: AdjudicationView,
    private readonly log: ResolutionLog<Annotation>,
    private readonly resolution: Exclude<Resolution, 'edit'>,
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
    const d = found.disagreement;
    const added = await writeResolution(this.store, this.log, session, position, found, this.resolution, (all) => resolveDisagreement(d, this.resolution, session.adjudicator, all), resolvesToNothing(d, this.resolution));
    if (!added) return undefined;
    session.current = position;
    const next = session.step(1, true);
    if (next) await this.view.goTo(next);
    return added;
  }
}
