import * as vscode from 'vscode';
import type { AnnotationStore } from '../../annotationStore';
import type { Command } from '../../commands/command';
import { authorQuery, withAuthorFilter } from '../../shownAuthors';
import type { WorkspaceIndex } from '../../workspaceIndex';
import { pickAnnotation, type PickableAnnotation } from '../annotationPicker';
import { indexedTargets } from '../indexedTargets';

/** Go to Claim by Speaker…: pick a speaker (canonical names, with counts), then one of their claims (whose Show Annotations of… shows). */
export class GoToClaimBySpeakerCommand implements Command {
  readonly id = 'sourceAnnotator.goToClaimBySpeaker';

  constructor(
    private readonly store: AnnotationStore,
    private readonly workspaceIndex: WorkspaceIndex,
  ) {}

  async execute(): Promise<PickableAnnotation | undefined> {
    await this.workspaceIndex.ready();
    const groups = this.workspaceIndex.index.speakerGroups({ kinds: ['claim'], ...authorQuery() });
    if (groups.length === 0) {
      void vscode.window.showInformationMessage(withAuthorFilter(vscode.l10n.t('There are no claims in this workspace yet.')));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      groups.map((group) => ({
        label: group.speaker ?? vscode.l10n.t('Unattributed'),
        iconPath: new vscode.ThemeIcon(group.speaker ? 'person' : 'circle-slash'),
        description: group.annotations.length === 1 ? vscode.l10n.t('1 claim') : vscode.l10n.t('{0} claims', group.annotations.length),
        group,
      })),
      { title: withAuthorFilter(vscode.l10n.t('Go to Claim by Speaker')), placeHolder: vscode.l10n.t('Choose a speaker') },
    );
    if (!picked) return undefined;
    return pickAnnotation(this.store, await indexedTargets(this.workspaceIndex, picked.group.annotations), {
      title: withAuthorFilter(vscode.l10n.t('Claims by {0}', picked.label)),
      showDocument: true,
    });
  }
}
