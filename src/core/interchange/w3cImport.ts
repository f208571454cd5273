import { isAbsolute, resolve, dirname } from 'node:path';
import { findAttribute, type AttributeValue } from '../scheme/scheme';
import { stripBom } from '../text/documentText';
import { parseJson } from './carriedFields';
import type { ImportedDocument, ImportedSpan, ImportOptions, ParsedImport } from './format';

/**
 * Reads W3C Web Annotations (JSON-LD): an AnnotationCollection (as `export --format w3c` writes),
 * an AnnotationPage, a list, or one Annotation. Each target's `source` names the document
 * (an IRI reference relative to `documentFolder`, default the import file's folder); the
 * TextQuoteSelector (exact, prefix, suffix) places the span by re-anchoring, and a
 * TextPositionSelector (code points) is only the expected place. Bodies: `tagging` is the label,
 * `commenting` the note, `identifying` the speaker (or `id: value` of a person attribute),
 * `classifying`/`describing` `id: value` an attribute; `creator.name` the author.
 */
export function parseW3c(file: { path: string; text: string }, options: ImportOptions): ParsedImport {
  const parsed = parseJson(stripBom(file.text), 'the file');
  if (!parsed.ok) return { documents: [], skipped: [{ where: 'the file', reason: parsed.reason.slice('the file: '.length), whole: true }] };
  const skipped: ParsedImport['skipped'][number][] = [];
  const byDocument = new Map<string, ImportedSpan[]>();
  items(parsed.value).forEach((item, i) => {
    const a = (item ?? {}) as Record<string, unknown>;
    const where = `annotation ${i + 1}${typeof a.id === 'string' ? ` (${a.id})` : ''}`;
    const target = (Array.isArray(a.target) ? a.target[0] : a.target) as Record<string, unknown> | string | undefined;
    const source = typeof target === 'string' ? target : typeof target?.source === 'string' ? target.source : undefined;
    if (!source || typeof target !== 'object') return void skipped.push({ where, reason: 'no target with a source and selectors' });
    const selectors = (Array.isArray(target.selector) ? target.selector : [target.selector]) as (Record<string, unknown> | undefined)[];
    const quote = selectors.find((s) => s?.type === 'TextQuoteSelector');
    const position = selectors.find((s) => s?.type === 'TextPositionSelector');
    const span: ImportedSpan & { attributes?: Record<string, AttributeValue> } = { where, label: '' };
    if (quote && typeof quote.exact === 'string') Object.assign(span, { quote: quote.exact, ...(typeof quote.prefix === 'string' ? { prefix: quote.prefix } : {}), ...(typeof quote.suffix === 'string' ? { suffix: quote.suffix } : {}) });
    if (position && typeof position.start === 'number' && typeof position.end === 'number') Object.assign(span, { start: position.start, end: position.end });
    const creator = a.creator as Record<string, unknown> | undefined;
    if (creator && typeof creator.name === 'string') Object.assign(span, { author: creator.name });
    readBodies(a.body, span, options);
    if (span.label === '') return void skipped.push({ where, reason: 'no tagging body (the kind)' });
    const path = documentPath(source, file.path, options.documentFolder);
    byDocument.set(path, [...(byDocument.get(path) ?? []), span]);
  });
  const documents: ImportedDocument[] = [...byDocument].map(([documentPath, spans]) => ({ where: documentPath, documentPath, unit: 'code-point', anchorByQuote: true, spans }));
  return { documents, skipped };
}

function items(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  const v = (value ?? {}) as Record<string, unknown>;
  if (v.type === 'AnnotationCollection') return items(v.first);
  if (v.type === 'AnnotationPage') return Array.isArray(v.items) ? v.items : [];
  return [value];
}

function readBodies(body: unknown, span: ImportedSpan & { attributes?: Record<string, AttributeValue> }, options: ImportOptions): void {
  const bodies = (Array.isArray(body) ? body : body ? [body] : []) as Record<string, unknown>[];
  for (const b of bodies) {
    if (typeof b?.value !== 'string') continue;
    const value = b.value;
    const named = /^([^:\s]+): ([\s\S]*)$/.exec(value);
    switch (b.purpose) {
      case 'tagging':
        if (span.label === '') Object.assign(span, { label: value });
        break;
      case 'commenting':
        Object.assign(span, { note: value });
        break;
      case 'identifying':
        if (named && findAttribute(options.scheme, named[1])?.type === 'person' && named[1] !== 'speaker') span.attributes = { ...span.attributes, [named[1]]: named[2] };
        else Object.assign(span, { speaker: value });
        break;
      case 'classifying':
      case 'describing':
        if (named) span.attributes = { ...span.attributes, [named[1]]: named[2] };
        break;
    }
  }
}

/** The file a target's source names: a relative IRI reference, percent-decoded. */
function documentPath(source: string, importPath: string, folder: string | undefined): string {
  let path = source.replace(/^file:\/\//, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // Not percent-encoded as UTF-8: taken as written.
  }
  return isAbsolute(path) ? path : resolve(folder ?? dirname(importPath), path);
}
