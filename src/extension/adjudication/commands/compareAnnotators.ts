import * as vscode from 'vscode';
import { annotators } from '../../../core/agreement/disagreements';
import type { AnnotationStore } from '../../annotationStore';
import type { Command } from '../../commands/command';
import { annotationAuthor } from '../../settings';
import type { WorkspaceIndex } from '../../workspaceIndex';
import { AdjudicationSession } from '../adjudicationSession';
import { ADJUDICATION_VIEW_ID, type AdjudicationView } from '../adjudicationView';
import { AuthorSides, type ComparedSides } from '../comparedSides';
import { isRefArgument, refSides, type RefArgument } from './compareWithRef';

/** The authors of the workspace's annotations (adjudicated copies aside), in code unit order. */
export async function workspaceAnnotators(index: WorkspaceIndex): Promise<string[]> {
  await index.ready();
  return annotators(index.index.query({ includeOrphans: true }).map((x) => x.annotation));
}

/**
 * "Compare Annotators…": picks annotator A and annotator B among the authors of the workspace's
 * sidecars, or "Compare with a git ref…" (A: the sidecars at a branch, tag or commit; B: the
 * working tree), and opens their disagreements in the Compare Annotators view, the first
 * unresolved one shown in the editor. Arguments skip the pickers: `(A, B)` or
 * `({ ref, folder? })`.
 */
export class CompareAnnotatorsCommand implements Command {
  readonly id = 'sourceAnnotator.compareAnnotators';

  constructor(
    private readonly store: AnnotationStore,
    private readonly index: WorkspaceIndex,
    private readonly view: AdjudicationView,
    private readonly memory?: vscode.Memento,
  ) {}

  async execute(givenA?: unknown, givenB?: unknown): Promise<AdjudicationSession | undefined> {
    const sides = isRefArgument(givenA) ? await refSides(this.store, this.index, givenA) : await this.pickSides(givenA, givenB);
    if (!sides) return undefined;
    const session = new AdjudicationSession(sides, annotationAuthor(), this.memory);
    await this.view.start(session);
    await vscode.commands.executeCommand(`${ADJUDICATION_VIEW_ID}.focus`);
    const first = session.step(1, true) ?? session.step(1);
    if (first) await this.view.goTo(first);
    return session;
  }

  private async pickSides(givenA: unknown, givenB: unknown): Promise<ComparedSides | undefined> {
    if (typeof givenA === 'string' && typeof givenB === 'string') return new AuthorSides(givenA, givenB, this.index);
    const authors = await workspaceAnnotators(this.index);
    const a = typeof givenA === 'string' ? givenA : await pickFirst(authors);
    if (a === undefined) return undefined;
    if (isRefArgument(a)) return refSides(this.store, this.index, a);
    const b = await pick(authors.filter((x) => x !== a), vscode.l10n.t('Compare Annotators: annotator B (compared with {0})', a));
    return b === undefined ? undefined : new AuthorSides(a, b, this.index);
  }
}

/** Annotator A, or the choice of comparing with a git ref (always offered: one branch may hold one annotator). */
async function pickFirst(authors: readonly string[]): Promise<string | RefArgument | undefined> {
  type Item = vscode.QuickPickItem & { readonly choice: string | RefArgument };
  const items: (Item | vscode.QuickPickItem)[] = [];
  if (authors.length >= 2) items.push(...authors.map((label): Item => ({ label, iconPath: new vscode.ThemeIcon('person'), choice: label })));
  items.push(
    { label: vscode.l10n.t('git'), kind: vscode.QuickPickItemKind.Separator },
    {
      label: vscode.l10n.t('Compare with a git ref…'),
      iconPath: new vscode.ThemeIcon('git-compare'),
      detail: vscode.l10n.t("A: the sidecars at a branch, tag or commit (another annotator's branch); B: the working tree"),
      choice: { ref: '' },
    } as Item,
  );
  const placeHolder =
    authors.length >= 2
      ? vscode.l10n.t('Choose an annotator, or compare with a git ref')
      : vscode.l10n.t('The sidecars here have {0} author(s): compare them with a git ref', authors.length);
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Compare Annotators: annotator A'), placeHolder });
  return picked && 'choice' in picked ? (picked as Item).choice : undefined;
}

async function pick(authors: readonly string[], title: string): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    authors.map((label) => ({ label, iconPath: new vscode.ThemeIcon('person') })),
    { title, placeHolder: vscode.l10n.t('Choose an annotator') },
  );
  return picked?.label;
}
