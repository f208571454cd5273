import * as vscode from 'vscode';
import type { Annotation } from '../core/annotation';
import type { AnnotationStore } from './annotationStore';
import { attributesOf, findAttribute, formatAttributeValue } from '../core/scheme/scheme';
import { kindPresentation } from './kindPresentation';
import { activeScheme } from './scheme/activeScheme';

/** Commands a hover may run; nothing else is trusted in its Markdown. */
const HOVER_COMMANDS = ['sourceAnnotator.changeKind', 'sourceAnnotator.setSpeaker', 'sourceAnnotator.setAttribute', 'sourceAnnotator.editNote', 'sourceAnnotator.removeAnnotation'];

function commandLink(title: string, command: string, document: vscode.TextDocument, annotation: Annotation): string {
  const args = encodeURIComponent(JSON.stringify([document.uri.toString(), annotation.id]));
  return `[${title}](command:${command}?${args})`;
}

/** Describes every annotation under the pointer, innermost first, with links to act on it. */
export class AnnotationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: AnnotationStore) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const entry = this.store.get(document);
    if (!entry) return undefined;
    const offset = document.offsetAt(position);
    // The pointer is over the character after `offset`, so a span's end edge is outside it.
    const here = entry.annotations
      .containing(offset)
      .filter((a) => offset < a.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start));
    if (here.length === 0) return undefined;

    const markdown = new vscode.MarkdownString(undefined, true);
    markdown.isTrusted = { enabledCommands: HOVER_COMMANDS };
    here.forEach((annotation, index) => {
      if (index > 0) markdown.appendMarkdown('\n\n---\n\n');
      const presentation = kindPresentation(annotation.kind);
      // The label comes from the scheme file: text, never Markdown (the icon id is checked there).
      markdown.appendMarkdown(`$(${presentation.icon.id}) **`);
      markdown.appendText(presentation.label);
      markdown.appendMarkdown('**');
      if (annotation.speaker) {
        markdown.appendMarkdown(' · ');
        // User text is always appended as text: it is escaped, never interpreted as Markdown.
        markdown.appendText(annotation.speaker);
      }
      // The scheme's own attributes, in its order; a value it no longer declares is shown too.
      const own = attributesOf(activeScheme(), annotation.kind).filter((a) => !a.builtIn);
      const ids = [...new Set([...own.map((a) => a.id), ...Object.keys(annotation.attributes ?? {})])];
      const lines = ids.flatMap((id) => {
        const value = annotation.attributes?.[id];
        return value === undefined ? [] : [`${findAttribute(activeScheme(), id)?.label ?? id}: ${formatAttributeValue(value)}`];
      });
      if (lines.length > 0) {
        markdown.appendMarkdown('\n\n');
        lines.forEach((line, i) => {
          if (i > 0) markdown.appendMarkdown('  \n');
          markdown.appendText(line);
        });
      }
      if (annotation.note) {
        markdown.appendMarkdown('\n\n');
        markdown.appendText(annotation.note);
      }
      if (annotation.author) {
        markdown.appendMarkdown('\n\n*');
        markdown.appendText(vscode.l10n.t('Tagged by {0}', annotation.author));
        markdown.appendMarkdown('*');
      }
      markdown.appendMarkdown('\n\n');
      markdown.appendMarkdown(
        [
          commandLink(vscode.l10n.t('Change Kind'), 'sourceAnnotator.changeKind', document, annotation),
          commandLink(vscode.l10n.t('Set Speaker'), 'sourceAnnotator.setSpeaker', document, annotation),
          ...(own.length > 0 ? [commandLink(vscode.l10n.t('Set Attribute'), 'sourceAnnotator.setAttribute', document, annotation)] : []),
          commandLink(vscode.l10n.t('Edit Note'), 'sourceAnnotator.editNote', document, annotation),
          commandLink(vscode.l10n.t('Remove'), 'sourceAnnotator.removeAnnotation', document, annotation),
        ].join(' · '),
      );
    });
    const innermost = here[0];
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(innermost.start), document.positionAt(innermost.end)));
  }
}
