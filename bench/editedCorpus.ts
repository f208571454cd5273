import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quoteContext } from '../src/core/anchoring/quoteContext';
import { generateDocument, mulberry32 } from './corpus';

/**
 * Documents, annotations and realistic edits with the right answer known by construction, for the
 * re-anchoring bench. Every character carries an identity through the edits, so where each
 * annotation's first and last characters went (or that they were deleted) is a fact, not a guess.
 *
 * Edits, as documents change under committed sidecars: sentences inserted or deleted, a typo
 * fixed inside a quote, paragraphs (lines) reordered, a paragraph duplicated, CRLF conversion.
 */

interface Char {
  readonly c: string;
  readonly id: number;
}

export interface BenchTarget {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly prefix: string;
  readonly suffix: string;
}

export interface EditedCase {
  readonly name: string;
  readonly before: string;
  readonly after: string;
  readonly targets: readonly BenchTarget[];
  /** Per target: its span in `after`, or undefined when its text was deleted (an orphan is right). */
  readonly expected: readonly ({ start: number; end: number } | undefined)[];
  readonly edits: readonly string[];
}

export const EDIT_KINDS = ['insert sentence', 'delete sentence', 'typo in quote', 'reorder paragraphs', 'duplicate paragraph', 'crlf'] as const;
type EditKind = (typeof EDIT_KINDS)[number];

let nextId = 0;
/** One entry per UTF-16 unit, so indexes are the offsets annotations use. */
const chars = (text: string): Char[] => text.split('').map((c) => ({ c, id: nextId++ }));
const join_ = (cs: readonly Char[]): string => cs.map((c) => c.c).join('');

function wordStarts(text: string): number[] {
  const starts: number[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu)) starts.push(m.index);
  return starts;
}

/** Random word-aligned spans of 1 to 12 words within one line, like real selections. */
function pickSpans(text: string, count: number, random: () => number): { start: number; end: number }[] {
  const starts = wordStarts(text);
  const spans: { start: number; end: number }[] = [];
  for (let tries = 0; spans.length < count && tries < count * 20; tries++) {
    const i = Math.floor(random() * starts.length);
    const words = 1 + Math.floor(random() * 12);
    const last = starts[Math.min(starts.length - 1, i + words)] ?? text.length;
    let end = last;
    while (end > starts[i] && /[\s,;:.!?“”"«»()-]/.test(text[end - 1])) end--;
    const start = starts[i];
    if (end - start < 3 || text.slice(start, end).includes('\n')) continue;
    spans.push({ start, end });
  }
  return spans;
}

function sentenceBoundaries(cs: readonly Char[]): number[] {
  const out = [0];
  for (let i = 1; i < cs.length; i++) {
    if (cs[i - 1].c === '\n' || (cs[i - 1].c === ' ' && i >= 2 && /[.!?”"]/.test(cs[i - 2].c))) out.push(i);
  }
  out.push(cs.length);
  return [...new Set(out)];
}

function lineRanges(cs: readonly Char[]): [number, number][] {
  const ranges: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < cs.length; i++) {
    if (cs[i].c === '\n') {
      ranges.push([from, i + 1]);
      from = i + 1;
    }
  }
  if (from < cs.length) ranges.push([from, cs.length]);
  return ranges.filter(([a, b]) => b - a > 1);
}

interface Model {
  cs: Char[];
  readonly spans: { first: number; last: number }[];
}

/** Each span's first and last character position in the current text (undefined when deleted). */
function spanPositions(model: Model): (readonly [number, number] | undefined)[] {
  const ids = new Map(model.cs.map((c, i) => [c.id, i]));
  return model.spans.map((s) => {
    const a = ids.get(s.first);
    const b = ids.get(s.last);
    return a === undefined || b === undefined ? undefined : ([a, b] as const);
  });
}

function insideSpan(positions: ReturnType<typeof spanPositions>, at: number): boolean {
  return positions.some((p) => p !== undefined && p[0] < at && at <= p[1]);
}

function crossesSpanEdge(positions: ReturnType<typeof spanPositions>, from: number, to: number): boolean {
  return positions.some((p) => {
    if (p === undefined) return false;
    const containsA = p[0] >= from && p[0] < to;
    const containsB = p[1] >= from && p[1] < to;
    return containsA !== containsB;
  });
}

function applyEdit(model: Model, kind: EditKind, random: () => number, donor: string): boolean {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const cs = model.cs;
  switch (kind) {
    case 'insert sentence': {
      const positions = spanPositions(model);
      const at = pick(sentenceBoundaries(cs).filter((b) => !insideSpan(positions, b)));
      if (at === undefined) return false;
      const sentences = donor.split(/(?<=[.!?])\s+/).filter((s) => s.length > 10);
      cs.splice(at, 0, ...chars(pick(sentences) + ' '));
      return true;
    }
    case 'delete sentence': {
      const bounds = sentenceBoundaries(cs);
      const positions = spanPositions(model);
      const options = bounds.slice(0, -1).map((b, i) => [b, bounds[i + 1]] as const).filter(([a, b]) => !crossesSpanEdge(positions, a, b));
      const chosen = pick(options);
      if (!chosen) return false;
      cs.splice(chosen[0], chosen[1] - chosen[0]);
      return true;
    }
    case 'typo in quote': {
      const spans = spanPositions(model).filter((p): p is readonly [number, number] => p !== undefined && p[1] - p[0] >= 12);
      const span = pick(spans);
      if (!span) return false;
      const at = span[0] + 1 + Math.floor(random() * (span[1] - span[0] - 2));
      const variant = Math.floor(random() * 3);
      if (variant === 0) cs.splice(at, 1, ...chars(cs[at].c === 'e' ? 'a' : 'e'));
      else if (variant === 1) cs.splice(at, 1);
      else cs.splice(at, 0, ...chars(cs[at].c));
      return true;
    }
    case 'reorder paragraphs': {
      const lines = lineRanges(cs);
      if (lines.length < 3) return false;
      const i = Math.floor(random() * (lines.length - 1));
      const [a, b] = lines[i];
      const [c, d] = lines[i + 1];
      const first = cs.slice(a, b);
      const second = cs.slice(c, d);
      if (first[first.length - 1].c !== '\n' || second[second.length - 1].c !== '\n') return false;
      cs.splice(a, d - a, ...second, ...cs.slice(b, c), ...first);
      return true;
    }
    case 'duplicate paragraph': {
      const [a, b] = pick(lineRanges(cs)) ?? [];
      if (a === undefined || cs[b - 1].c !== '\n') return false;
      cs.splice(b, 0, ...chars('\n' + join_(cs.slice(a, b))));
      return true;
    }
    case 'crlf': {
      model.cs = cs.flatMap((ch) => (ch.c === '\n' ? [{ c: '\r', id: nextId++ }, ch] : [ch]));
      return true;
    }
  }
}

/** Documents: the seed articles one by one, all of them together, and a slice of the bench corpus. */
export function benchDocuments(): { name: string; text: string }[] {
  const seeds = join(__dirname, '..', '..', 'seeds');
  const files = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();
  const texts = files.map((f) => readFileSync(join(seeds, f), 'utf8'));
  return [
    ...files.map((f, i) => ({ name: f, text: texts[i] })),
    { name: 'all seeds', text: texts.join('\n\n') },
    { name: 'bench corpus (50 KB)', text: generateDocument(mulberry32(7)).slice(0, 50_000).replace(/\r\n/g, '\n') },
  ];
}

/** `perDocument` cases per document, each with 1 to 3 random edits. */
export function generateEditedCases(perDocument = 40, seed = 20240611): EditedCase[] {
  const random = mulberry32(seed);
  const documents = benchDocuments();
  const cases: EditedCase[] = [];
  for (const [d, document] of documents.entries()) {
    const donor = documents[(d + 1) % documents.length].text;
    for (let n = 0; n < perDocument; n++) {
      const before = document.text;
      const spans = pickSpans(before, Math.max(8, Math.round(before.length / 300)), random).slice(0, 60);
      const model: Model = { cs: chars(before), spans: [] };
      for (const s of spans) model.spans.push({ first: model.cs[s.start].id, last: model.cs[s.end - 1].id });
      const edits: string[] = [];
      const count = 1 + Math.floor(random() * 3);
      for (let e = 0; e < count; e++) {
        const kind = EDIT_KINDS[Math.floor(random() * (EDIT_KINDS.length - 1))];
        if (applyEdit(model, kind, random, donor)) edits.push(kind);
      }
      if (random() < 0.2 && applyEdit(model, 'crlf', random, donor)) edits.push('crlf');
      const after = join_(model.cs);
      const index = new Map(model.cs.map((c, i) => [c.id, i]));
      const expected = model.spans.map((s) => {
        const a = index.get(s.first);
        const b = index.get(s.last);
        return a === undefined || b === undefined ? undefined : { start: a, end: b + 1 };
      });
      const targets = spans.map((s) => ({ start: s.start, end: s.end, ...quoteContext(before, s.start, s.end) }));
      cases.push({ name: `${document.name} #${n}`, before, after, targets, expected, edits });
    }
  }
  return cases;
}
