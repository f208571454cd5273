import * as os from 'node:os';
import * as vscode from 'vscode';

/** Every setting lives under this prefix. */
export const SETTINGS_SECTION = 'sourceAnnotator';

function section(scope?: vscode.ConfigurationScope): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
}

/** Who is recorded as the author of new annotations: the setting, else the OS account name. */
export function annotationAuthor(scope?: vscode.ConfigurationScope): string | undefined {
  const configured = section(scope).get<string>('author', '').trim();
  if (configured) return configured;
  try {
    return os.userInfo().username || undefined;
  } catch {
    return undefined;
  }
}

export function showGutterIcons(): boolean {
  return section().get<boolean>('decorations.gutterIcons', true);
}
