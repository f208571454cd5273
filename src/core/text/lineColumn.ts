/**
 * 1-based line and column (UTF-16 units, as editors count them) of an offset into `text`. Lines
 * end at CRLF, LF or a lone CR (old Mac files), as VS Code counts them.
 */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const lineBreak = /\r\n?|\n/g;
  for (let m = lineBreak.exec(text); m !== null && m.index < offset; m = lineBreak.exec(text)) {
    // An offset between the CR and the LF of a CRLF is still on the line they end.
    if (m.index + m[0].length > offset) break;
    line++;
    lineStart = m.index + m[0].length;
  }
  return { line, column: offset - lineStart + 1 };
}
