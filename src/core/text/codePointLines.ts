/**
 * Line numbers of code point offsets (the sidecar's unit) in one text: the code point offset where
 * each line starts, found with one scan, so a lookup is a binary search. The claims panel keeps one
 * per document to show "file:line" for thousands of rows without rescanning the text per row.
 */
export class CodePointLines {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    let codePoint = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // The low half of a surrogate pair is part of the previous code point.
      if (c >= 0xdc00 && c <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1))) continue;
      codePoint++;
      // A line ends at LF, or at a CR not followed by LF (old Mac files), as VS Code counts lines.
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) this.starts.push(codePoint);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line of a code point offset (offsets past the end count as the last line). */
  lineAt(codePointOffset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    // Last line start <= offset.
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] <= codePointOffset) lo = mid;
      else hi = mid;
    }
    return lo + 1;
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
