import { lines, trimRange, type TextRange } from '../paragraphs';

/**
 * The stretches of a plain-text news article inside double quotation marks, marks excluded, one
 * per paragraph (a line is a paragraph). Independent of the suggester's own quote finder, so the
 * gold built from it does not share its mistakes: “ opens, ” closes (a second “ restarts), a straight "
 * opens after a space or the paragraph start and closes otherwise. A paragraph that ends inside
 * marks (a quote over several paragraphs) keeps the stretch to its end.
 */
export function quotedRegions(text: string): TextRange[] {
  const regions: TextRange[] = [];
  for (const paragraph of lines(text, 0, text.length)) {
    let open = -1;
    for (let i = paragraph.start; i < paragraph.end; i++) {
      const ch = text[i];
      if (ch !== '"' && ch !== '“' && ch !== '”') continue;
      const before = i === paragraph.start ? ' ' : text[i - 1];
      const after = text[i + 1] ?? ' ';
      const opens = ch === '“' || (/[\s(—–-]/u.test(before) && /[^\s]/u.test(after));
      if (open === -1) {
        if (opens) open = i;
      } else if (ch === '“') {
        open = i;
      } else {
        push(regions, text, open + 1, i);
        open = -1;
      }
    }
    if (open !== -1) push(regions, text, open + 1, paragraph.end);
  }
  return regions;
}

function push(regions: TextRange[], text: string, start: number, end: number): void {
  const range = trimRange(text, start, end);
  if (range) regions.push(range);
}
