import type { List, ListItem, PhrasingContent, Root } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { excerpt } from '../text/excerpt';
import { pathToIriReference } from '../report/iri';
import { visibleLine } from '../report/visibleText';
import { kindLabel, type AnnotationScheme } from '../scheme/scheme';
import type { AnnotationChange } from './annotationChanges';

/** "3 added, 1 removed, 2 changed in 2 document(s)". */
export function changesSummary(changes: readonly AnnotationChange[]): string {
  const count = (c: AnnotationChange['change']): number => changes.filter((x) => x.change === c).length;
  const documents = new Set(changes.map((c) => c.document)).size;
  return `${count('added')} added, ${count('removed')} removed, ${count('changed')} changed in ${documents} document(s)`;
}

/** One line per change: `path:line: added claim "quote"` (changed: the fields). Control characters made visible. */
export function changesText(changes: readonly AnnotationChange[], scheme: AnnotationScheme): string {
  const lines = changes.map((c) => {
    const what = c.change === 'changed' ? `changed ${c.fields.join(', ')} of` : c.change;
    return visibleLine(`${c.document}:${c.line ?? 'orphaned'}: ${what} ${kindLabel(scheme, c.kind).toLocaleLowerCase()} "${excerpt(c.text)}" (${c.id})`);
  });
  return [...lines, changesSummary(changes)].join('\n') + '\n';
}

/**
 * The changes as Markdown for a pull-request comment: a heading per document, a list item per
 * change. Built as mdast, so quotes and names from documents and sidecars are escaped by the
 * serializer, never read as markup.
 */
export function changesMarkdown(changes: readonly AnnotationChange[], since: string, scheme: AnnotationScheme): string {
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'heading', depth: 3, children: [{ type: 'text', value: 'Annotation changes since ' }, { type: 'inlineCode', value: visibleLine(since) }] },
      { type: 'paragraph', children: [{ type: 'text', value: changes.length === 0 ? 'No annotation changed.' : `${changesSummary(changes)}.` }] },
    ],
  };
  const byDocument = new Map<string, AnnotationChange[]>();
  for (const c of changes) byDocument.set(c.document, [...(byDocument.get(c.document) ?? []), c]);
  for (const [document, list] of byDocument) {
    tree.children.push({ type: 'paragraph', children: [{ type: 'link', url: pathToIriReference(document), children: [{ type: 'inlineCode', value: visibleLine(document) }] }] });
    const items: List = { type: 'list', ordered: false, spread: false, children: list.map((c) => item(c, scheme)) };
    tree.children.push(items);
  }
  return unified().use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*' }).stringify(tree);
}

function item(c: AnnotationChange, scheme: AnnotationScheme): ListItem {
  const where = c.line === undefined ? 'orphaned' : `line ${c.line}`;
  const children: PhrasingContent[] = [
    { type: 'strong', children: [{ type: 'text', value: c.change }] },
    { type: 'text', value: ` ${visibleLine(kindLabel(scheme, c.kind))}, ${where}: “${visibleLine(excerpt(c.text, 80))}”` },
  ];
  if (c.change === 'changed') children.push({ type: 'text', value: ` (${c.fields.map((f) => describe(c, f)).join('; ')})` });
  return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] };
}

function describe(c: AnnotationChange, field: string): string {
  const before = c.before as Record<string, unknown> | undefined;
  if (field === 'span') return `span, was “${visibleLine(excerpt(String(before?.text ?? ''), 40))}”`;
  if (field.startsWith('attributes.')) return field.slice('attributes.'.length);
  const was = before?.[field];
  return was === undefined || was === '' ? `${field} added` : `${field}, was ${visibleLine(excerpt(String(was), 40))}`;
}
