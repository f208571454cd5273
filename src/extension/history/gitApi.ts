import * as vscode from 'vscode';

/*
 * The part of the built-in Git extension's API (`vscode.git`, API version 1) this feature uses.
 * Declared here rather than copied from VS Code's git.d.ts: only what is called, all of it stable
 * since long before VS Code 1.100.
 */

export interface GitCommit {
  readonly hash: string;
  readonly message: string;
  readonly authorName?: string;
  readonly authorDate?: Date;
  readonly commitDate?: Date;
}

export interface GitChange {
  readonly uri: vscode.Uri;
  readonly originalUri: vscode.Uri;
}

export interface GitRef {
  readonly type: number;
  readonly name?: string;
  readonly commit?: string;
  readonly remote?: string;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly HEAD?: GitRef; readonly refs?: readonly GitRef[] };
  show(ref: string, path: string): Promise<string>;
  diffWith(ref: string): Promise<GitChange[]>;
  log(options?: { readonly maxEntries?: number; readonly path?: string }): Promise<GitCommit[]>;
  getCommit(ref: string): Promise<GitCommit>;
  getRefs?(query: { readonly sort?: 'alphabetically' | 'committerdate' }): Promise<GitRef[]>;
}

interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly repositories: readonly GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
}

/** How long to wait, at most, for the Git extension's first look for repositories (just activated). */
const INITIALIZATION_WAIT_MS = 10_000;

interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

export class GitUnavailableError extends Error {}

/**
 * The Git extension's API, activating it on first use (never at this extension's activation: the
 * history commands are rare and git is slow to start), and waiting for its first look for
 * repositories when it was just activated. Throws GitUnavailableError, with a message
 * for people, when the extension is missing or disabled (`git.enabled: false`).
 */
export async function gitApi(): Promise<GitApi> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) throw new GitUnavailableError(vscode.l10n.t('The built-in Git extension is not available.'));
  const exports = extension.isActive ? extension.exports : await extension.activate();
  if (!exports.enabled) throw new GitUnavailableError(vscode.l10n.t('Git is disabled (setting git.enabled).'));
  const api = exports.getAPI(1);
  if (api.state === 'uninitialized') await initialized(api);
  return api;
}

/** Resolves once the Git extension has looked for the workspace's repositories (or after a while: then it knows what it knows). */
function initialized(api: GitApi): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const timer = setTimeout(done, INITIALIZATION_WAIT_MS);
    const listener = api.onDidChangeState((state) => {
      if (state === 'initialized') done();
    });
  });
}

/** The repository the Git extension knows a file to be in. */
export async function repositoryFor(uri: vscode.Uri): Promise<GitRepository> {
  const api = await gitApi();
  const known = api.getRepository(uri);
  if (known) return known;
  throw new GitUnavailableError(vscode.l10n.t('{0} is not in a git repository the Git extension knows.', vscode.workspace.asRelativePath(uri)));
}

/** Branches and tags to offer, most recently committed first, the current branch first of all. */
export async function refsOf(repository: GitRepository): Promise<GitRef[]> {
  const refs = repository.getRefs ? await repository.getRefs({ sort: 'committerdate' }) : [...(repository.state.refs ?? [])];
  const head = repository.state.HEAD?.name;
  return refs.filter((r) => r.name && r.name !== head).sort((a, b) => Number(b.type === 0) - Number(a.type === 0));
}
