import * as vscode from 'vscode';
import { annotators } from '../../../core/agreement/disagreements';
import type { Command } from '../../commands/command';
import { annotationAuthor } from '../../settings';
import type { WorkspaceIndex } from '../../workspaceIndex';
import { AdjudicationSession } from '../adjudicationSession';
import { ADJUDICATION_VIEW_ID, type AdjudicationView } from '../adjudicationView';

/** The authors of the workspace's annotations (adjudicated copies aside), in code unit order. */
export async function workspaceAnnotators(index: WorkspaceIndex): Promise<string[]> {
  await index.ready();
  return annotators(index.index.query({ includeOrphans: true }).map((x) => x.annotation));
}

/**
 * "Compare Annotators…": picks annotator A and annotator B among the authors of the workspace's
 * sidecars (or takes them as arguments) and opens their disagreements in the Compare Annotators
 * view, the first unresolved one shown in the editor.
 */
export class CompareAnnotatorsCommand implements Command {
  readonly id = 'sourceAnnotator.compareAnnotators';

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly view: AdjudicationView,
    private readonly memory?: vscode.Memento,
  ) {}

  async execute(givenA?: unknown, givenB?: unknown): Promise<AdjudicationSession | undefined> {
    const authors = await workspaceAnnotators(this.index);
    if (authors.length < 2) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Comparing needs the annotations of two authors; the sidecars of this workspace have {0}.', authors.length));
      return undefined;
    }
    const a = typeof givenA === 'string' ? givenA : await pick(authors, vscode.l10n.t('Compare Annotators: annotator A'));
    if (!a) return undefined;
    const b = typeof givenB === 'string' ? givenB : await pick(authors.filter((x) => x !== a), vscode.l10n.t('Compare Annotators: annotator B (compared with {0})', a));
    if (!b) return undefined;
    const session = new AdjudicationSession(a, b, annotationAuthor(), this.index, this.memory);
    await this.view.start(session);
    await vscode.commands.executeCommand(`${ADJUDICATION_VIEW_ID}.focus`);
    const first = session.step(1, true) ?? session.step(1);
    if (first) await this.view.goTo(first);
    return session;
  }
}

async function pick(authors: readonly string[], title: string): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    authors.map((label) => ({ label, iconPath: new vscode.ThemeIcon('person') })),
    { title, placeHolder: vscode.l10n.t('Choose an annotator') },
  );
  return picked?.label;
}
