import { basename, dirname, join } from 'node:path';
import type { AnnotationScheme, AttributeValue } from '../scheme/scheme';
import { stripBom } from '../text/documentText';
import { exportableDocuments, safeRelativePath, withoutExtension, type ExportedDocument } from './exportDocuments';
import type { ExportFile, ImportedSpan, InterchangeFormat, ParsedImport } from './format';

/**
 * brat standoff: `X.ann` beside `X.txt`, offsets in characters of the text file read as UTF-8,
 * which are code points (brat is Python; it reads the file with the plain `utf8` codec, so a byte
 * order mark counts as a character, and `\r\n` as two).
 *
 * - `T1<TAB>Kind START END<TAB>text`: a span; the kind id is its type. A discontinuous span
 *   (`0 5;8 10`) is reported, not imported: an annotation has one span.
 * - `A1<TAB>name T1 [value]`: an attribute (a binary one, without value, is true; the export
 *   writes booleans as `true`/`false` values, as its `annotation.conf` declares them).
 * - `#1<TAB>AnnotatorNotes T1<TAB>text`: the note. The export writes the speaker, the author and
 *   attributes whose value is not a single word the same way, with `Speaker`, `Author` or the
 *   attribute id as the type, and the import reads them back.
 * - Relations (`R`), events (`E`), equivalences (`*`) and normalizations (`N`) have no
 *   counterpart: each line is reported.
 * Line breaks in a span's text or a note are written as spaces (the format is one line each).
 */
export const BRAT: InterchangeFormat = {
  id: 'brat',
  label: 'brat standoff',
  description: 'brat standoff: X.ann beside X.txt per document (code point offsets)',
  exporter: {
    language: 'plaintext',
    perDocument: true,
    render: (corpus, scheme) => {
      const notes: { document: string; message: string }[] = [];
      const files: ExportFile[] = [{ path: 'annotation.conf', text: annotationConf(scheme) }];
      for (const doc of exportableDocuments(corpus, notes)) {
        const stem = withoutExtension(safeRelativePath(doc.path));
        files.push({ path: `${stem}.txt`, text: doc.text }, { path: `${stem}.ann`, text: annText(doc, notes) });
      }
      return { files, notes };
    },
  },
  importer: {
    extensions: ['ann'],
    parse: (file, options) => parseAnn(stripBom(file.text), join(options.documentFolder ?? dirname(file.path), basename(file.path).replace(/\.ann$/i, '') + '.txt')),
  },
};

const oneLine = (text: string): string => text.replace(/[\r\n]/g, ' ');

/**
 * brat's `annotation.conf` for the export folder: the scheme's kinds as entities, its choice and
 * boolean attributes (values without spaces) as attributes, so brat opens the export as it is.
 */
export function annotationConf(scheme: AnnotationScheme): string {
  const attributes = scheme.attributes.flatMap((a) => {
    if (a.builtIn) return [];
    if (a.type === 'boolean') return [`${a.id}\tArg:<ENTITY>, Value:true|false`];
    const values = (a.values ?? []).filter((v) => /^\S+$/.test(v));
    return a.type === 'choice' && values.length > 0 ? [`${a.id}\tArg:<ENTITY>, Value:${values.join('|')}`] : [];
  });
  return ['[entities]', ...scheme.kinds.map((k) => k.id), '', '[relations]', '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>', '', '[events]', '', '[attributes]', ...attributes, ''].join('\n');
}

function annText(doc: ExportedDocument, notes: { document: string; message: string }[]): string {
  const lines: string[] = [];
  let a = 0;
  let n = 0;
  const note = (type: string, t: string, value: string) => {
    if (/[\r\n]/.test(value)) notes.push({ document: doc.path, message: `${t} ${type}: line breaks written as spaces` });
    lines.push(`#${++n}\t${type} ${t}\t${oneLine(value)}`);
  };
  doc.annotations.forEach((annotation, i) => {
    const t = `T${i + 1}`;
    lines.push(`${t}\t${annotation.kind} ${annotation.start} ${annotation.end}\t${oneLine(annotation.text)}`);
    if (annotation.note) note('AnnotatorNotes', t, annotation.note);
    if (annotation.speaker) note('Speaker', t, annotation.speaker);
    if (annotation.author) note('Author', t, annotation.author);
    for (const [id, value] of Object.entries(annotation.attributes ?? {})) {
      if (typeof value === 'boolean' || /^\S+$/.test(value)) lines.push(`A${++a}\t${id} ${t} ${String(value)}`);
      else note(id, t, value);
    }
  });
  return lines.map((l) => l + '\n').join('');
}

/** The fields an `#` note line of a type sets. */
const NOTE_FIELDS: Readonly<Record<string, 'note' | 'speaker' | 'author'>> = { annotatornotes: 'note', speaker: 'speaker', author: 'author' };

function parseAnn(text: string, documentPath: string): ParsedImport {
  const skipped: ParsedImport['skipped'][number][] = [];
  const spans = new Map<string, ImportedSpan & { attributes?: Record<string, AttributeValue> }>();
  const later: { where: string; id: string; rest: string[] }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const where = `line ${i + 1}`;
    if (line.trim() === '') return;
    const [id, ...rest] = line.split('\t');
    const head = id.charAt(0);
    if (head === 'T') {
      const span = textBound(id, rest, where);
      if (typeof span === 'string') skipped.push({ where, reason: span });
      else spans.set(id, span);
    } else if (head === 'A' || head === 'M' || head === '#') later.push({ where, id, rest });
    else if (NO_COUNTERPART[head]) skipped.push({ where, reason: `${NO_COUNTERPART[head]} (${id}) has no counterpart in the annotation model` });
    else skipped.push({ where, reason: `not a brat annotation line (it starts ${JSON.stringify(line.slice(0, 8))})` });
  });
  // Attributes and notes may come before the span they are about.
  for (const { where, id, rest } of later) {
    const [type, target, ...value] = (rest[0] ?? '').split(' ');
    const span = spans.get(target ?? '');
    if (!span) {
      skipped.push({ where, reason: `${id}: its target ${target ?? '(none)'} is not an imported text span${target?.startsWith('T') ? '' : ' (events, relations have no counterpart)'}` });
      continue;
    }
    if (id.startsWith('#')) {
      const field = NOTE_FIELDS[type.toLowerCase()];
      const noteText = rest.slice(1).join('\t');
      if (field) Object.assign(span, { [field]: noteText });
      else span.attributes = { ...span.attributes, [type]: noteText };
    } else {
      span.attributes = { ...span.attributes, [type]: value.length === 0 ? true : value.join(' ') };
    }
  }
  return { documents: [{ where: basename(documentPath), documentPath, unit: 'code-point', countsBom: true, quoteLinesJoined: true, spans: [...spans.values()] }], skipped };
}

const NO_COUNTERPART: Readonly<Record<string, string>> = { R: 'a relation', E: 'an event', '*': 'an equivalence', N: 'a normalization' };

function textBound(id: string, rest: string[], where: string): (ImportedSpan & { attributes?: Record<string, AttributeValue> }) | string {
  const [typeAndSpan, quote] = [rest[0] ?? '', rest.slice(1).join('\t')];
  const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(typeAndSpan);
  // The line's own text is not echoed: it may be a sentence of the document.
  if (!match || !/^T\d+$/.test(id)) return `not a text-bound line "T<n><TAB>TYPE START END<TAB>text" (it starts ${JSON.stringify(id.slice(0, 8))})`;
  if (match[2].includes(';')) return `${id}: a discontinuous span (${match[2]}); an annotation has one span`;
  const [start, end] = match[2].split(' ').map(Number);
  return { where, label: match[1], start, end, quote };
}
