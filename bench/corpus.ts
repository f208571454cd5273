import type { Annotation } from '../src/core/annotation';
import { ANNOTATION_KINDS } from '../src/core/annotationKind';

/**
 * The corpus every bench runs on: a realistic worst case of a ~1 MB document (Latin, Cyrillic,
 * emoji, LF in the first half and CRLF in the second) with 10,000 annotations, generated from a
 * fixed seed so every run measures the same data.
 */

const DOCUMENT_CHARS = 1_000_000;
const ANNOTATION_COUNT = 10_000;

/** Small deterministic PRNG so every run benches the same data. */
export function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['the', 'minister', 'said', 'security', 'partnership', 'Россия', 'призвала', 'НАТО', 'к', 'сотрудничеству', '😀', '👍🏽', '«цитата»', '"quoted"', 'it\'s', 'a: b', '#tag'];

export function generateDocument(random: () => number, chars = DOCUMENT_CHARS): string {
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const sentence: string[] = [];
    const n = 5 + Math.floor(random() * 15);
    for (let i = 0; i < n; i++) sentence.push(WORDS[Math.floor(random() * WORDS.length)]);
    const eol = length < chars / 2 ? '\n' : '\r\n';
    const line = sentence.join(' ') + '.' + (random() < 0.3 ? eol : ' ');
    parts.push(line);
    length += line.length;
  }
  return parts.join('');
}

/** Spans on character boundaries (never inside a surrogate pair), like real selections. */
export function generateAnnotations(text: string, random: () => number, count = ANNOTATION_COUNT): Annotation[] {
  const annotations: Annotation[] = [];
  const step = Math.floor(text.length / count);
  const onBoundary = (u: number) => (u > 0 && /[\uDC00-\uDFFF]/.test(text[u]) ? u - 1 : u);
  for (let i = 0; i < count; i++) {
    const start = onBoundary(i * step + Math.floor(random() * (step / 2)));
    const end = onBoundary(Math.min(text.length, start + 5 + Math.floor(random() * 80)));
    annotations.push({
      id: Math.floor(random() * 36 ** 8)
        .toString(36)
        .padStart(8, '0'),
      kind: ANNOTATION_KINDS[i % ANNOTATION_KINDS.length],
      start,
      end,
      text: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
      ...(i % 3 === 0 ? { speaker: 'Сергей Лавров' } : {}),
      ...(i % 5 === 0 ? { note: 'check against the transcript: "p. 4"' } : {}),
    });
  }
  return annotations;
}

export function generateCorpus(seed = 20240601, chars = DOCUMENT_CHARS, count = ANNOTATION_COUNT): { text: string; annotations: Annotation[] } {
  const random = mulberry32(seed);
  const text = generateDocument(random, chars);
  return { text, annotations: generateAnnotations(text, random, count) };
}

/**
 * `text` re-wrapped at `width` columns, as an editor's rewrap or a formatter does it: within each
 * paragraph (the stretches between `separator`s, by default each line), line breaks become spaces
 * and spaces become line breaks where a line would grow past the width.
 */
export function rewrap(text: string, width: number, separator = /(\r?\n)/u): string {
  return text
    .split(separator)
    .map((paragraph, i) => {
      // split with a capturing separator keeps the separators, at odd places.
      if (i % 2 === 1) return paragraph;
      let out = '';
      let column = 0;
      for (const word of paragraph.split(/[ \n]+/u)) {
        if (column > 0 && column + word.length > width) {
          out += '\n';
          column = 0;
        } else if (column > 0) {
          out += ' ';
          column++;
        }
        out += word;
        column += word.length;
      }
      return out;
    })
    .join('');
}
