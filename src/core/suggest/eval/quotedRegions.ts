import { lines, trimRange, type TextRange } from '../paragraphs';

/**
 * The stretches of a plain-text news article inside double quotation marks, marks excluded, one
 * per paragraph (a line is a paragraph). Independent of the suggester's own quote finder, so the
 * gold built from it does not share its mistakes: “ opens, ” closes (a second “ restarts), a straight "
 * opens after a space or the paragraph start and closes otherwise; two apostrophes ('') are one
 * straight double mark (the typewriter style some news texts, e.g. The New York Times in PolNeAR,
 * are saved in). A paragraph that ends inside marks (a quote over several paragraphs) keeps the
 * stretch to its end.
 */
export function quotedRegions(text: string): TextRange[] {
  const regions: TextRange[] = [];
  for (const paragraph of lines(text, 0, text.length)) {
    let open = -1;
    for (let i = paragraph.start; i < paragraph.end; i++) {
      const doubled = text[i] === "'" && text[i + 1] === "'" && i + 1 < paragraph.end;
      const ch = doubled ? '"' : text[i];
      if (ch !== '"' && ch !== '“' && ch !== '”') continue;
      const width = doubled ? 2 : 1;
      const before = i === paragraph.start ? ' ' : text[i - 1];
      const after = text[i + width] ?? ' ';
      const opens = ch === '“' || (/[\s(—–-]/u.test(before) && /[^\s]/u.test(after));
      if (open === -1) {
        if (opens) open = i + width - 1;
      } else if (ch === '“') {
        open = i;
      } else {
        push(regions, text, open + 1, i);
        open = -1;
      }
      i += width - 1;
    }
    if (open !== -1) push(regions, text, open + 1, paragraph.end);
  }
  return regions;
}

function push(regions: TextRange[], text: string, start: number, end: number): void {
  const range = trimRange(text, start, end);
  if (range) regions.push(range);
}
