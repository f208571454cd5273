import * as vscode from 'vscode';
import { AUTHOR_PREFIX, authorFilterShows, type AuthorFilter } from '../core/agreement/authorFilter';
import type { AnnotationFields } from '../core/annotationFields';
import { Disposable } from './lifecycle';
import { annotationAuthor, AUTHOR_FILTER_SETTING, authorFilter, SETTINGS_SECTION, updateSettingWhereKept } from './settings';

/**
 * Show Annotations of… (`sourceAnnotator.decorations.authorFilter`) as every view applies it:
 * the decorations, the claims panel, navigation, document symbols and the status bar all ask
 * here, so they show the same annotations. The one predicate is core's `authorFilterShows`.
 */

/** The filter as index query fields (none for `all`); `scope` picks the `author` setting for `mine`. */
export function authorQuery(scope?: vscode.ConfigurationScope): { authors?: AuthorFilter; me?: string } {
  const authors = authorFilter();
  if (authors === 'all') return {};
  return authors === 'mine' ? { authors, me: annotationAuthor(scope) } : { authors };
}

/** Whether an annotation is shown under the current filter. */
export function shownByAuthor(scope?: vscode.ConfigurationScope): (annotation: Pick<AnnotationFields, 'author' | 'adjudicatedFrom'>) => boolean {
  const { authors, me } = authorQuery(scope);
  return authors === undefined ? () => true : (annotation) => authorFilterShows(authors, annotation, me);
}

/** "only adjudicated", "only mine (ann)", "only bob's"; undefined when everything is shown. */
export function describeAuthorFilter(filter: AuthorFilter = authorFilter()): string | undefined {
  if (filter === 'all') return undefined;
  if (filter === 'adjudicated') return vscode.l10n.t('only adjudicated');
  if (filter === 'mine') return vscode.l10n.t('only mine ({0})', annotationAuthor() ?? vscode.l10n.t('no author set'));
  return vscode.l10n.t("only {0}'s", filter.slice(AUTHOR_PREFIX.length));
}

/** A title or message with the filter after it ("Go to Annotation (only adjudicated)"), as it is when everything is shown. */
export function withAuthorFilter(text: string): string {
  const described = describeAuthorFilter();
  return described ? `${text} (${described})` : text;
}

export function affectsAuthorFilter(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SETTINGS_SECTION}.${AUTHOR_FILTER_SETTING}`) || event.affectsConfiguration(`${SETTINGS_SECTION}.author`);
}

/** Writes the filter where the user keeps the setting (`all` removes it). */
export function setAuthorFilter(filter: AuthorFilter): Promise<void> {
  return updateSettingWhereKept(AUTHOR_FILTER_SETTING, filter === 'all' ? undefined : filter);
}

/** A status bar item while a filter is on ("Showing only adjudicated"); clicking it changes the filter. */
export class AuthorFilterStatusBar extends Disposable {
  readonly item = this._register(vscode.window.createStatusBarItem('sourceAnnotator.authorFilter', vscode.StatusBarAlignment.Right, 101));

  constructor() {
    super();
    this.item.name = vscode.l10n.t('Source Annotator: Whose Annotations Are Shown');
    this.item.command = 'sourceAnnotator.showAnnotationsOf';
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this._register(vscode.workspace.onDidChangeConfiguration((event) => affectsAuthorFilter(event) && this.update()));
    this.update();
  }

  private update(): void {
    const described = describeAuthorFilter();
    if (!described) {
      this.item.hide();
      return;
    }
    this.item.text = `$(filter) ${vscode.l10n.t('Showing {0}', described)}`;
    this.item.tooltip = vscode.l10n.t('Decorations, the claims panel, navigation and the Outline are showing {0}. Click to change (Show Annotations of…).', described);
    this.item.show();
  }
}
