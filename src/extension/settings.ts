import * as os from 'node:os';
import * as vscode from 'vscode';
import { parseAuthorFilter, type AuthorFilter } from '../core/agreement/authorFilter';
import { SUGGESTION_AUTHOR } from '../core/suggest/acceptedSuggestion';

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

/** Who is recorded as the author of accepted suggestions: `suggest` by default; empty means the annotator. */
export function suggestionAuthor(scope?: vscode.ConfigurationScope): string | undefined {
  return section(scope).get<string>('suggestions.author', SUGGESTION_AUTHOR).trim() || annotationAuthor(scope);
}

export function showGutterIcons(): boolean {
  return section().get<boolean>('decorations.gutterIcons', true);
}

/** How many annotations of one document the Outline lists at most (see AnnotationSymbolProvider). */
export function outlineMaxAnnotations(): number {
  return Math.max(1, Math.floor(section().get<number>('outline.maxAnnotations', 1000)));
}

/** Whether Next/Previous Annotation continue into the next annotated document. */
export function navigateAcrossDocuments(): boolean {
  return section().get<boolean>('navigation.acrossDocuments', true);
}

/** Kinds whose decorations are hidden (reading claims without the advertisement, say). */
export function hiddenDecorationKinds(): readonly string[] {
  return section().get<string[]>('decorations.hiddenKinds', []);
}

/** `sourceAnnotator.import.labelMap` as `SOURCE=KIND` entries, the form `import --map` takes. */
export function importLabelMap(): string[] {
  const map = section().get<Record<string, unknown>>('import.labelMap', {});
  return Object.entries(map).flatMap(([label, kind]) => (typeof kind === 'string' ? [`${label}=${kind}`] : []));
}

/** Writes a setting where the user keeps it: the workspace if it is set there, else user settings. */
export async function updateSettingWhereKept(name: string, value: unknown): Promise<void> {
  const configuration = section();
  const target = configuration.inspect(name)?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await configuration.update(name, value, target);
}

export const AUTHOR_FILTER_SETTING = 'decorations.authorFilter';

/** Whose annotations the editor draws (Show Annotations of…). */
export function authorFilter(): AuthorFilter {
  return parseAuthorFilter(section().get<string>(AUTHOR_FILTER_SETTING, 'all'));
}
