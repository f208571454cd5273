import * as vscode from 'vscode';
import { GitUnavailableError, gitApi, refsOf, type GitRepository } from './gitApi';

/**
 * The repository to work in: the one holding `folder` (or the active editor's document), the
 * only one open, or one the user picks. Throws GitUnavailableError when there is none.
 */
export async function pickRepository(folder: vscode.Uri | undefined): Promise<GitRepository | undefined> {
  const api = await gitApi();
  const hint = folder ?? vscode.window.activeTextEditor?.document.uri;
  const known = hint && api.getRepository(hint);
  if (known) return known;
  if (api.repositories.length === 1) return api.repositories[0];
  if (api.repositories.length === 0) throw new GitUnavailableError(vscode.l10n.t('No git repository is open in this window.'));
  const picked = await vscode.window.showQuickPick(
    api.repositories.map((repository) => ({ label: vscode.workspace.asRelativePath(repository.rootUri), repository })),
    { title: vscode.l10n.t('Which repository?') },
  );
  return picked?.repository;
}

export interface RefPickerOptions {
  readonly title: string;
  /** What choosing HEAD means here. */
  readonly headDescription: string;
}

/**
 * A branch, tag or commit: HEAD, then the repository's branches and tags (the current branch
 * aside, most recently committed first), or any ref typed in.
 */
export async function pickRef(repository: GitRepository, options: RefPickerOptions): Promise<string | undefined> {
  const refs = await refsOf(repository);
  const items: (vscode.QuickPickItem & { ref?: string })[] = [
    { label: '$(git-commit) HEAD', description: options.headDescription, ref: 'HEAD' },
    ...refs.map((r) => ({ label: `${r.type === 2 ? '$(tag)' : r.remote ? '$(cloud)' : '$(git-branch)'} ${r.name}`, description: r.commit?.slice(0, 8), ref: r.name })),
  ];
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { ref?: string }>();
  quickPick.title = options.title;
  quickPick.placeholder = vscode.l10n.t('A branch, tag or commit (type any ref)');
  quickPick.items = items;
  return new Promise((resolve) => {
    quickPick.onDidAccept(() => {
      const chosen = quickPick.selectedItems[0]?.ref ?? quickPick.value.trim();
      resolve(chosen || undefined);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}

/** What to tell the user when comparing with a ref failed. */
export function refErrorMessage(error: unknown): string {
  return error instanceof GitUnavailableError ? error.message : vscode.l10n.t('Cannot compare with that ref: {0}', error instanceof Error ? error.message : String(error));
}
