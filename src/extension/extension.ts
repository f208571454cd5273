import type * as vscode from 'vscode';
import type * as Main from './extensionMain';

export type { SourceAnnotatorApi } from './extensionMain';

/*
 * The activation shell: the only code VS Code evaluates and calls while it times activation.
 * Everything else (the store, the views, the YAML and JSON Schema libraries) is the bundle
 * dist/extensionMain.js, loaded on the next turn of the event loop; activate() returns a promise
 * of the API at once. VS Code treats the extension as activating until that promise settles, so
 * a command run or a view opened meanwhile waits for the wiring instead of missing it.
 */

/** Beside this file in dist/ (its own bundle, see scripts/build.mjs); not bundled into this one. */
const MAIN_BUNDLE = './extensionMain.js';

let main: typeof Main | undefined;

function loadMain(): typeof Main {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy loading, see above
  main ??= require(MAIN_BUNDLE) as typeof Main;
  return main;
}

export function activate(context: vscode.ExtensionContext): Promise<Main.SourceAnnotatorApi> {
  return new Promise((resolve, reject) => {
    setImmediate(() => {
      try {
        resolve(loadMain().activate(context));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

export async function deactivate(): Promise<void> {
  await main?.deactivate();
}
