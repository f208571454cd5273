import * as vscode from 'vscode';

/** The orphan (and optionally which of its candidates) a command of the orphans view acts on. */
export interface OrphanArgument {
  readonly uri: vscode.Uri;
  readonly annotationId: string;
  readonly candidateIndex: number;
}

/**
 * From a view row (`{ documentUri, annotationId, candidateIndex? }`) or from plain arguments
 * `[documentUri, annotationId, candidateIndex?]`; the first candidate when none is named.
 */
export function orphanArgument(args: readonly unknown[]): OrphanArgument | undefined {
  const row = args[0] as { documentUri?: unknown; annotationId?: unknown; candidateIndex?: unknown } | undefined;
  const [uri, id, index] = row && typeof row === 'object' && !(row instanceof vscode.Uri) ? [row.documentUri, row.annotationId, row.candidateIndex] : args;
  const parsed = uri instanceof vscode.Uri ? uri : typeof uri === 'string' ? vscode.Uri.parse(uri) : undefined;
  if (!parsed || typeof id !== 'string') return undefined;
  return { uri: parsed, annotationId: id, candidateIndex: typeof index === 'number' ? index : 0 };
}
