import { CodePointIndex } from '../text/codePointIndex';
import type { SpanAnnotation } from './spanMatching';

/**
 * What each of two annotators says about every stretch of a document: the kinds whose spans cover
 * it ('' for "no annotation"; overlapping kinds joined with '+', in code-unit order, so `claim+quote`
 * is one label). Offsets are whatever unit the spans use; the segments cover [0, length) exactly.
 */
export interface LabelSegment {
  readonly start: number;
  readonly end: number;
  readonly a: string;
  readonly b: string;
}

export function labelSegments(length: number, a: readonly SpanAnnotation[], b: readonly SpanAnnotation[]): LabelSegment[] {
  const cuts = new Set<number>([0, length]);
  for (const x of [...a, ...b]) {
    if (x.end <= x.start) continue;
    cuts.add(clamp(x.start, length));
    cuts.add(clamp(x.end, length));
  }
  const bounds = [...cuts].sort((x, y) => x - y);
  const activeA = new Coverage(a, length);
  const activeB = new Coverage(b, length);
  const segments: LabelSegment[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i];
    const end = bounds[i + 1];
    if (end <= start) continue;
    segments.push({ start, end, a: activeA.labelAt(start), b: activeB.labelAt(start) });
  }
  return segments;
}

/** The spans of one side, walked forward: `labelAt` must be called with non-decreasing offsets. */
class Coverage {
  private readonly starts: SpanAnnotation[];
  private next = 0;
  private readonly open: SpanAnnotation[] = [];

  constructor(spans: readonly SpanAnnotation[], private readonly length: number) {
    this.starts = spans.filter((s) => s.end > s.start && s.start < length).sort((x, y) => x.start - y.start);
  }

  labelAt(offset: number): string {
    while (this.next < this.starts.length && this.starts[this.next].start <= offset) this.open.push(this.starts[this.next++]);
    for (let i = this.open.length - 1; i >= 0; i--) if (clamp(this.open[i].end, this.length) <= offset) this.open.splice(i, 1);
    if (this.open.length === 0) return '';
    const kinds = [...new Set(this.open.map((s) => s.kind))].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    return kinds.join('+');
  }
}

function clamp(offset: number, length: number): number {
  return Math.max(0, Math.min(offset, length));
}

/**
 * Word tokens of a text in code point offsets: runs of letters, marks and digits (with inner
 * apostrophes and hyphens), and each other non-space character on its own.
 */
export function codePointTokens(text: string): { start: number; end: number }[] {
  const index = new CodePointIndex(text);
  const pattern = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
  return [...text.matchAll(pattern)].map((m) => {
    const at = m.index ?? 0;
    return { start: index.toCodePoint(at), end: index.toCodePoint(at + m[0].length) };
  });
}

/**
 * Each token's label on both sides: the kinds of every segment it touches (a token half inside a
 * quote is in the quote, as token-level agreement studies count it).
 */
export function tokenLabels(tokens: readonly { start: number; end: number }[], segments: readonly LabelSegment[]): { a: string; b: string }[] {
  const labels: { a: string; b: string }[] = [];
  let s = 0;
  for (const token of tokens) {
    while (s < segments.length && segments[s].end <= token.start) s++;
    const a = new Set<string>();
    const b = new Set<string>();
    for (let k = s; k < segments.length && segments[k].start < token.end; k++) {
      for (const kind of segments[k].a.split('+')) if (kind) a.add(kind);
      for (const kind of segments[k].b.split('+')) if (kind) b.add(kind);
    }
    labels.push({ a: joinKinds(a), b: joinKinds(b) });
  }
  return labels;
}

function joinKinds(kinds: Set<string>): string {
  return [...kinds].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).join('+');
}
