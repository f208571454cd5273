import * as vscode from 'vscode';
import { AUTHOR_PREFIX, parseAuthorFilter, type AuthorFilter } from '../../../core/agreement/authorFilter';
import type { Command } from '../../commands/command';
import { annotationAuthor, authorFilter } from '../../settings';
import { setAuthorFilter } from '../../shownAuthors';
import type { WorkspaceIndex } from '../../workspaceIndex';
import { workspaceAnnotators } from './compareAnnotators';

/**
 * "Show Annotations of…": all, only mine, only adjudicated, or one annotator's; writes
 * `sourceAnnotator.decorations.authorFilter`, which the decorations, the claims panel, navigation
 * and the Outline follow (see shownAuthors.ts). A filter
 * may be passed as the argument (`"mine"`, `"author:alice"`).
 */
export class ShowAnnotationsOfCommand implements Command {
  readonly id = 'sourceAnnotator.showAnnotationsOf';

  constructor(private readonly index: WorkspaceIndex) {}

  async execute(given?: unknown): Promise<AuthorFilter | undefined> {
    const filter = typeof given === 'string' ? parseAuthorFilter(given) : await this.pick();
    if (!filter) return undefined;
    await setAuthorFilter(filter);
    return filter;
  }

  private async pick(): Promise<AuthorFilter | undefined> {
    const current = authorFilter();
    const me = annotationAuthor();
    const item = (filter: AuthorFilter, label: string, icon: string, description?: string) => ({
      filter,
      label: `$(${icon}) ${label}`,
      description: filter === current ? vscode.l10n.t('shown now') : description,
    });
    const items = [
      item('all', vscode.l10n.t('All annotations'), 'eye'),
      item('mine', vscode.l10n.t('Only mine'), 'account', me),
      item('adjudicated', vscode.l10n.t('Only adjudicated'), 'law'),
      ...(await workspaceAnnotators(this.index)).map((name) => item(`${AUTHOR_PREFIX}${name}`, name, 'person')),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Show Annotations of'), placeHolder: vscode.l10n.t('Whose annotations the editor, the claims panel and navigation show') });
    return picked?.filter;
  }
}
