import type { BlockContent, ListItem, PhrasingContent, Root } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { BUILT_IN_SCHEME, findAttribute, formatAttributeValue, kindLabel, type AnnotationScheme } from '../scheme/scheme';
import type { CorpusDocument } from '../corpus/annotatedDocument';
import type { StoredAnnotation } from '../sidecar/sidecarFormat';
import { stripBom } from '../text/documentText';
import { CodePointLines } from '../text/codePointLines';
import { pathToIriReference } from './iri';
import { visibleLine, visibleText } from './visibleText';


const UNATTRIBUTED = 'Unattributed';

interface Attributed {
  readonly document: CorpusDocument;
  readonly annotation: StoredAnnotation;
}

/**
 * The "claims by speaker" report as a Markdown syntax tree: one section per speaker (most
 * annotations first, unattributed last), each annotation a list item with its kind, document and
 * line, the quote as a block quote, and the note. Built as mdast rather than by concatenating
 * strings so that whatever a document or an annotator wrote is escaped by the serializer; before
 * that, characters that could reorder or hide text (bidi controls, …) are made visible, and so
 * are line breaks in names and paths. Links to documents are percent-encoded IRI references.
 */
export function claimsReportTree(corpus: readonly CorpusDocument[], scheme: AnnotationScheme = BUILT_IN_SCHEME): Root {
  const bySpeaker = new Map<string, Attributed[]>();
  for (const document of corpus) {
    for (const annotation of document.annotations) {
      const speaker = annotation.speaker ?? '';
      const items = bySpeaker.get(speaker) ?? [];
      items.push({ document, annotation });
      bySpeaker.set(speaker, items);
    }
  }
  const count = (speaker: string): number => bySpeaker.get(speaker)?.length ?? 0;
  const speakers = [...bySpeaker.keys()].sort((a, b) => Number(a === '') - Number(b === '') || count(b) - count(a) || (a < b ? -1 : a > b ? 1 : 0));
  const total = corpus.reduce((n, d) => n + d.annotations.length, 0);
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'heading', depth: 1, children: [{ type: 'text', value: 'Claims by speaker' }] },
      {
        type: 'paragraph',
        children: [{ type: 'text', value: `${total} annotation(s) in ${corpus.length} document(s), ${speakers.filter((s) => s).length} speaker(s).` }],
      },
    ],
  };
  for (const speaker of speakers) {
    const items = bySpeaker.get(speaker) ?? [];
    tree.children.push(
      { type: 'heading', depth: 2, children: [{ type: 'text', value: `${speaker ? visibleLine(speaker) : UNATTRIBUTED} (${items.length})` }] },
      { type: 'list', ordered: false, spread: true, children: items.map((item) => listItem(item, scheme)) },
    );
  }
  return tree;
}

/** The report as Markdown text. */
export function claimsReportMarkdown(corpus: readonly CorpusDocument[], scheme: AnnotationScheme = BUILT_IN_SCHEME): string {
  return unified().use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-' }).stringify(claimsReportTree(corpus, scheme));
}

/** Kinds and attributes are named as the scheme names them; an attribute is a line of its own, after the quote. */
function listItem({ document, annotation }: Attributed, scheme: AnnotationScheme): ListItem {
  const where = annotation.orphaned ? 'orphaned' : `line ${lineOf(document, annotation)}`;
  const children: BlockContent[] = [
    {
      type: 'paragraph',
      children: [
        { type: 'strong', children: [{ type: 'text', value: visibleLine(kindLabel(scheme, annotation.kind)) }] },
        { type: 'text', value: ' in ' },
        { type: 'link', url: pathToIriReference(document.path), children: [{ type: 'inlineCode', value: visibleLine(document.path) }] },
        { type: 'text', value: `, ${where}${annotation.author ? `, tagged by ${visibleLine(annotation.author)}` : ''}` },
      ],
    },
    { type: 'blockquote', children: [{ type: 'paragraph', children: lines(annotation.text) }] },
  ];
  const attributes = Object.entries(annotation.attributes ?? {});
  if (attributes.length > 0) {
    children.push({
      type: 'paragraph',
      children: attributes.flatMap(([id, value], i): PhrasingContent[] => [
        ...(i > 0 ? [{ type: 'text' as const, value: ' · ' }] : []),
        { type: 'emphasis', children: [{ type: 'text', value: `${visibleLine(findAttribute(scheme, id)?.label ?? id)}:` }] },
        { type: 'text', value: ` ${visibleLine(formatAttributeValue(value))}` },
      ]),
    });
  }
  if (annotation.note) children.push({ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: 'Note:' }] }, { type: 'text', value: ' ' }, ...lines(annotation.note)] });
  return { type: 'listItem', spread: true, children };
}

/**
 * A quote or note as lines joined by hard breaks, so each line starts where the serializer
 * escapes what a line start means (`---` under a line is a heading underline; remark-stringify
 * does not escape it inside a text value). Empty lines at either end are left out: a break
 * cannot end a paragraph.
 */
function lines(text: string): PhrasingContent[] {
  const all = visibleText(text).split(/\r\n|\r|\n/);
  let first = 0;
  let last = all.length;
  while (first < last && all[first] === '') first++;
  while (last > first && all[last - 1] === '') last--;
  if (first === last) return [{ type: 'text', value: '' }];
  return all.slice(first, last).flatMap((value, i): PhrasingContent[] => (i === 0 ? [{ type: 'text', value }] : [{ type: 'break' }, { type: 'text', value }]));
}

/** One index per document, not per annotation: a report can list thousands of annotations. */
const lineIndexes = new WeakMap<CorpusDocument, CodePointLines>();

function lineOf(document: CorpusDocument, annotation: StoredAnnotation): number | string {
  if (document.documentText === undefined) return '?';
  let lines = lineIndexes.get(document);
  if (!lines) {
    lines = new CodePointLines(stripBom(document.documentText));
    lineIndexes.set(document, lines);
  }
  return lines.lineAt(annotation.start);
}
