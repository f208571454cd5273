import * as vscode from 'vscode';
import type { AdjudicationEdit, Resolution } from '../../core/agreement/adjudication';
import { ResolutionLog, type LoggedResolution } from '../../core/agreement/resolutionLog';
import type { Annotation } from '../../core/annotation';
import type { AnnotationStore } from '../annotationStore';
import { tryMutate } from '../commands/annotationTarget';
import { excerpt } from '../excerpt';
import type { AdjudicationSession, DisagreementPosition } from './adjudicationSession';
import { typeLabel } from './adjudicationTree';
import type { LiveDisagreement } from './adjudicationView';

export function resolutionLabel(resolution: Resolution): string {
  switch (resolution) {
    case 'takeA':
      return vscode.l10n.t('Take A');
    case 'takeB':
      return vscode.l10n.t('Take B');
    case 'keepBoth':
      return vscode.l10n.t('Keep Both');
    case 'edit':
      return vscode.l10n.t('Edit');
  }
}

/** "Take B on Boundary differs, “the cracks were worse…” in bridge.txt": what a logged resolution was. */
export function describeResolution(entry: LoggedResolution): string {
  return vscode.l10n.t(
    '{0} on {1}, “{2}” in {3}',
    resolutionLabel(entry.resolution),
    typeLabel(entry.type),
    excerpt(entry.quote, 40),
    vscode.workspace.asRelativePath(vscode.Uri.parse(entry.document), false),
  );
}

/**
 * Writes a resolution through the store (like any annotation change) and logs it for undo in the
 * window's resolution log, which outlives the comparison. Returns the adjudicated annotations
 * written, or undefined when nothing could be written.
 */
export async function writeResolution(
  store: AnnotationStore,
  log: ResolutionLog<Annotation>,
  session: AdjudicationSession,
  position: DisagreementPosition,
  found: LiveDisagreement,
  resolution: Resolution,
  edit: (annotations: readonly Annotation[]) => AdjudicationEdit,
  empty: boolean,
): Promise<Annotation[] | undefined> {
  const { document, disagreement } = found;
  const added: Annotation[] = [];
  const removed: Annotation[] = [];
  const ok = await tryMutate(() =>
    store.mutate(document, (annotations, text) => {
      const change = edit(annotations.all);
      for (const id of change.remove) {
        const gone = annotations.remove(id);
        if (gone) removed.push(gone);
      }
      for (const spec of change.add) added.push(annotations.add(spec, text));
      return added.length + removed.length > 0;
    }),
  );
  if (!ok && !empty) return undefined;
  log.push(session.a, session.b, {
    document: position.document,
    key: position.key,
    resolution,
    type: disagreement.type,
    quote: (disagreement.a ?? disagreement.b)!.text,
    added,
    removed,
    wasDecidedEmpty: session.isDecidedEmpty(position),
  });
  session.setDecidedEmpty(position, empty);
  return added;
}
