import type * as vscode from 'vscode';

/**
 * Shows a quick pick and resolves with what accepting it yields (`onAccept`), or undefined when
 * it is dismissed; disposes the quick pick and its listeners either way. `extra` are listeners
 * the caller attached (filtering, preview) that should end with it.
 */
export function runQuickPick<T extends vscode.QuickPickItem, R>(
  quickPick: vscode.QuickPick<T>,
  onAccept: (selected: T | undefined) => R | undefined,
  extra: vscode.Disposable[] = [],
): Promise<R | undefined> {
  return new Promise<R | undefined>((resolve) => {
    const disposables = [
      ...extra,
      quickPick.onDidAccept(() => {
        resolve(onAccept(quickPick.selectedItems[0]));
        quickPick.hide();
      }),
      quickPick.onDidHide(() => {
        resolve(undefined);
        disposables.forEach((d) => d.dispose());
        quickPick.dispose();
      }),
    ];
    quickPick.show();
  });
}
