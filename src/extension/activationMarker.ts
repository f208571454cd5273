import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';

/** Environment variable naming the file that {@link announceActivation} writes. */
export const ACTIVATION_MARKER_ENV = 'SOURCE_ANNOTATOR_ACTIVATION_MARKER';

/**
 * The end-to-end tests' signal that the extension is active: when SOURCE_ANNOTATOR_ACTIVATION_MARKER
 * names a file, it is written once activate() has wired everything and the workbench has
 * acknowledged a context key set after all of activation's own (the workbench handles an
 * extension's messages in order). UI tests drive the workbench from outside and cannot call the
 * extension API; without this they would race its activation (a keybinding whose `when` clause
 * needs our context keys is silently dropped). Does nothing when the variable is unset.
 */
export async function announceActivation(): Promise<void> {
  const file = process.env[ACTIVATION_MARKER_ENV];
  if (!file) return;
  try {
    await vscode.commands.executeCommand('setContext', 'sourceAnnotator.active', true);
    await writeFile(file, JSON.stringify({ activated: new Date().toISOString(), pid: process.pid }) + '\n');
  } catch (err) {
    console.error(`Source Annotator: could not write the activation marker ${file}: ${String(err)}`);
  }
}
