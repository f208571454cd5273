// Git in the extension-host tests: the test host switches the built-in Git extension off (a quiet,
// offline workbench); suites that need it switch it on, and it is switched back after the run.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { getApi, waitFor } from './helpers';

/** Runs git in `dir` (test set-up only: the extension itself goes through the Git extension's API). */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Ann Otator', '-c', 'user.email=ann@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
}

/** The user setting `git.enabled` as it was before the first suite switched git on; unset while untouched. */
let settingBefore: { readonly value: boolean | undefined } | undefined;

/**
 * Mocha hooks of a suite that needs git: the Git extension on before it. It stays on until the
 * whole run ends (switched off and on again between suites, the Git extension forgets the
 * repositories it was told to open), then the setting is put back as it was.
 * `whileOff` runs while git is still off, to check what the suite's commands say then.
 */
export function useGit(whileOff?: () => Promise<void>): void {
  before(async () => {
    await getApi();
    const gitExtension = vscode.extensions.getExtension<{ enabled: boolean }>('vscode.git');
    assert.ok(gitExtension, 'the built-in Git extension is not in this VS Code');
    const api = await gitExtension.activate();
    if (!api.enabled) {
      await whileOff?.();
      settingBefore ??= { value: gitSettings().inspect<boolean>('enabled')?.globalValue };
      await gitSettings().update('enabled', true, vscode.ConfigurationTarget.Global);
      await waitFor(() => api.enabled, 10000, 'the Git extension to switch on');
    }
    await waitFor(async () => (await vscode.commands.getCommands(true)).includes('git.openRepository'), 10000, "the Git extension's commands");
  });
}

function gitSettings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('git');
}

// A root hook: after every suite of the run.
after(async () => {
  if (settingBefore) await gitSettings().update('enabled', settingBefore.value, vscode.ConfigurationTarget.Global);
});
