import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotation';
import type { AnnotationKind } from '../../core/annotationKind';
import type { AnnotationStore } from '../annotationStore';
import { isAnnotatable } from '../annotatable';
import { kindArgument, pickAnnotationKind } from '../kindPicker';
import { kindPresentation } from '../kindPresentation';
import { findKind } from '../../core/scheme/scheme';
import { activeScheme, assertSchemeUsable } from '../scheme/activeScheme';
import { annotationAuthor } from '../settings';
import { tryMutate } from './annotationTarget';
import type { Command } from './command';

/**
 * Tags every non-empty selection of the active editor (multi-cursor included) as `kind`.
 * Returns the new annotations, so callers such as tests can follow up on them.
 */
export async function tagSelections(store: AnnotationStore, kind: AnnotationKind): Promise<Annotation[]> {
  try {
    assertSchemeUsable();
  } catch (error) {
    void vscode.window.showErrorMessage((error as Error).message);
    return [];
  }
  if (!findKind(activeScheme(), kind)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The annotation scheme has no kind "{0}". Declare it in .annotations/schema.yaml.', kind));
    return [];
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isAnnotatable(editor.document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and select text to annotate it.'));
    return [];
  }
  const document = editor.document;
  const spans = editor.selections.filter((s) => !s.isEmpty).map((s) => ({ start: document.offsetAt(s.start), end: document.offsetAt(s.end) }));
  if (spans.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select the text to tag as {0} first.', kindPresentation(kind).label));
    return [];
  }
  const added: Annotation[] = [];
  const author = annotationAuthor(document.uri);
  await tryMutate(() =>
    store.mutate(document, (annotations, text) => {
      for (const span of spans) {
        // Tagging the same span with the same kind twice would only make a duplicate.
        if (annotations.all.some((a) => !a.orphaned && a.kind === kind && a.start === span.start && a.end === span.end)) continue;
        added.push(annotations.add({ kind, ...span, author }, text));
      }
      return added.length > 0;
    }),
  );
  return added;
}

export class TagSelectionAsCommand implements Command {
  readonly id: string;

  constructor(
    private readonly store: AnnotationStore,
    private readonly kind: AnnotationKind,
  ) {
    this.id = `sourceAnnotator.tagAs${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
  }

  execute(): Promise<Annotation[]> {
    return tagSelections(this.store, this.kind);
  }
}

/**
 * "Tag Selection…": every kind of the scheme. A keybinding can name the kind, so custom kinds need
 * no command of their own: `{"command": "sourceAnnotator.tagSelection", "args": "statistic"}`
 * (or `"args": {"kind": "statistic"}`).
 */
export class TagSelectionCommand implements Command {
  readonly id = 'sourceAnnotator.tagSelection';

  constructor(private readonly store: AnnotationStore) {}

  async execute(arg?: unknown): Promise<Annotation[]> {
    const given = kindArgument(arg);
    const kind = given ?? (await pickAnnotationKind(vscode.l10n.t('Tag Selection')));
    return kind ? tagSelections(this.store, kind) : [];
  }
}

