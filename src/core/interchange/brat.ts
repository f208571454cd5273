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
 *   (`0 5;8 10`: a content broken by its cue, "the fees, he said, are too high") is imported as
 *   one annotation per fragment, each with the span's label, fields and speaker.
 * - `A1<TAB>name T1 [value]`: an attribute (a binary one, without value, is true; the export
 *   writes booleans as `true`/`false` values, as its `annotation.conf` declares them).
 * - `#1<TAB>AnnotatorNotes T1<TAB>text`: the note. The export writes the speaker, the author and
 *   attributes whose value is not a single word the same way, with `Speaker`, `Author` or the
 *   attribute id as the type, and the import reads them back.
 * - An event or a relation with a `Source` or `Speaker` argument (`E1<TAB>Attribution:T4
 *   Content:T3 Cue:T2 Source:T1`, as attribution corpora write them) gives its other spans that
 *   argument's text as their speaker (several such arguments are joined with "and"); a span
 *   with a speaker already keeps it, and the line says so. Other events and relations,
 *   equivalences (`*`) and normalizations (`N`) have no counterpart: each line is reported.
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

type ParsedSpan = ImportedSpan & { speaker?: string; attributes?: Record<string, AttributeValue> };

/** A text-bound line read: its fragments (one for a contiguous span) and the text the line gives. */
interface TextBound {
  readonly fragments: ParsedSpan[];
  readonly text: string;
}

function parseAnn(text: string, documentPath: string): ParsedImport {
  const skipped: ParsedImport['skipped'][number][] = [];
  const bounds = new Map<string, TextBound>();
  const later: { where: string; id: string; rest: string[] }[] = [];
  const links: { where: string; id: string; body: string }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const where = `line ${i + 1}`;
    if (line.trim() === '') return;
    const [id, ...rest] = line.split('\t');
    const head = id.charAt(0);
    if (head === 'T') {
      const bound = textBound(id, rest, where);
      if (typeof bound === 'string') skipped.push({ where, reason: bound });
      else bounds.set(id, bound);
    } else if (head === 'A' || head === 'M' || head === '#') later.push({ where, id, rest });
    else if (head === 'E' || head === 'R') links.push({ where, id, body: rest[0] ?? '' });
    else if (NO_COUNTERPART[head]) skipped.push({ where, reason: `${NO_COUNTERPART[head]} (${id}) has no counterpart in the annotation model` });
    else skipped.push({ where, reason: `not a brat annotation line (it starts ${JSON.stringify(line.slice(0, 8))})` });
  });
  // Attributes and notes may come before the span they are about.
  for (const { where, id, rest } of later) {
    const [type, target, ...value] = (rest[0] ?? '').split(' ');
    const fragments = bounds.get(target ?? '')?.fragments;
    if (!fragments) {
      skipped.push({ where, reason: `${id}: its target ${target ?? '(none)'} is not an imported text span${target?.startsWith('T') ? '' : ' (events, relations have no counterpart)'}` });
      continue;
    }
    for (const span of fragments) {
      if (id.startsWith('#')) {
        const field = NOTE_FIELDS[type.toLowerCase()];
        const noteText = rest.slice(1).join('\t');
        if (field) Object.assign(span, { [field]: noteText });
        else span.attributes = { ...span.attributes, [type]: noteText };
      } else {
        span.attributes = { ...span.attributes, [type]: value.length === 0 ? true : value.join(' ') };
      }
    }
  }
  // After the notes: a speaker written in a note is the annotator's own word and stays.
  for (const link of links) skipped.push(...speakerFromLink(link, bounds));
  const spans = [...bounds.values()].flatMap((b) => b.fragments);
  return { documents: [{ where: basename(documentPath), documentPath, unit: 'code-point', countsBom: true, quoteLinesJoined: true, spans }], skipped };
}

const NO_COUNTERPART: Readonly<Record<string, string>> = { R: 'a relation', E: 'an event', '*': 'an equivalence', N: 'a normalization' };

/** The arguments of an event or a relation whose text is the speaker of the others. */
const SPEAKER_ROLE = /^(?:source|speaker)\d*$/iu;

/**
 * The arguments of an event's or a relation's line after its id ("Attribution:T4 Content:T3
 * Source:T1", "Speaker Arg1:T3 Arg2:T1"): each `role:id`, an event's trigger first.
 */
export function bratArguments(body: string): { role: string; id: string }[] {
  return body
    .trim()
    .split(/\s+/u)
    .filter((arg) => arg.includes(':'))
    .map((arg) => ({ role: arg.slice(0, arg.lastIndexOf(':')), id: arg.slice(arg.lastIndexOf(':') + 1) }));
}

/**
 * Gives the spans of an event or relation the text of its Source or Speaker arguments as their
 * speaker; what could not be done, as skipped lines.
 */
function speakerFromLink(link: { where: string; id: string; body: string }, bounds: ReadonlyMap<string, TextBound>): { where: string; reason: string }[] {
  const what = link.id.startsWith('E') ? 'an event' : 'a relation';
  const args = bratArguments(link.body);
  const sources = args.filter((a) => SPEAKER_ROLE.test(a.role));
  if (sources.length === 0) return [{ where: link.where, reason: `${what} (${link.id}) has no counterpart in the annotation model` }];
  const missing = sources.find((a) => !bounds.has(a.id));
  if (missing) return [{ where: link.where, reason: `${link.id}: its ${missing.role} ${missing.id} is not a text span, so it names no speaker` }];
  const speaker = sources.map((a) => bounds.get(a.id)!.text.replace(/\s+/gu, ' ').trim()).join(' and ');
  const reasons: { where: string; reason: string }[] = [];
  const spoken = new Set(args.filter((a) => !SPEAKER_ROLE.test(a.role) && !sources.some((s) => s.id === a.id)).map((a) => a.id));
  for (const id of spoken) {
    const fragments = bounds.get(id)?.fragments;
    if (!fragments) continue;
    let kept = false;
    for (const span of fragments) {
      if (span.speaker === undefined) span.speaker = speaker;
      else kept ||= span.speaker !== speaker;
    }
    if (kept) reasons.push({ where: link.where, reason: `${link.id}: ${id} has a speaker already, which it keeps` });
  }
  return reasons;
}

function textBound(id: string, rest: string[], where: string): TextBound | string {
  const [typeAndSpan, quote] = [rest[0] ?? '', rest.slice(1).join('\t')];
  const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(typeAndSpan);
  // The line's own text is not echoed: it may be a sentence of the document.
  if (!match || !/^T\d+$/.test(id)) return `not a text-bound line "T<n><TAB>TYPE START END<TAB>text" (it starts ${JSON.stringify(id.slice(0, 8))})`;
  const ranges = match[2].split(';').map((r) => r.split(' ').map(Number) as [number, number]);
  if (ranges.length === 1) return { fragments: [{ where, label: match[1], start: ranges[0][0], end: ranges[0][1], quote }], text: quote };
  // brat writes the text of a discontinuous span as its fragments' texts joined by a space: split it back when it adds up.
  const lengths = ranges.map(([start, end]) => end - start);
  const chars = [...quote];
  const texts: (string | undefined)[] = [];
  if (chars.length === lengths.reduce((sum, n) => sum + n, 0) + lengths.length - 1) {
    let at = 0;
    for (const n of lengths) {
      texts.push(chars.slice(at, at + n).join(''));
      at += n + 1;
    }
  }
  const fragments = ranges.map(([start, end], i) => ({ where: `${where}, fragment ${i + 1} of ${ranges.length}`, label: match[1], start, end, ...(texts[i] === undefined ? {} : { quote: texts[i] }) }));
  return { fragments, text: quote };
}
