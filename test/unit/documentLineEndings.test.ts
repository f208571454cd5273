import assert from 'node:assert/strict';
import fc from 'fast-check';
import { claimsReportMarkdown } from '../../src/core/report/claimsReport';
import { CodePointLines } from '../../src/core/text/codePointLines';
import { lineColumnAt } from '../../src/core/text/lineColumn';

// Documents with LF, CRLF or lone CR line endings, in any mix: lines are counted as VS Code
// counts them (each of `\r\n`, `\r`, `\n` ends one line), so "line N" in the claims report, the
// claims panel and `check` points where the editor shows it.

/** VS Code's count: line and column of an offset that is not between a CR and its LF. */
function editorPosition(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

const piece = fc.oneof(fc.constantFrom('\n', '\r\n', '\r', 'a', ' ', '😀', 'é'), fc.string({ maxLength: 3 }));

describe('document line endings (LF, CRLF, lone CR, mixed)', () => {
  it('lineColumnAt and CodePointLines count lines as VS Code does (property)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const lines = new CodePointLines(text);
        let codePoint = 0;
        for (let offset = 0; offset <= text.length; offset++) {
          const c = text.charCodeAt(offset);
          const insideCrLf = text[offset - 1] === '\r' && text[offset] === '\n';
          const insidePair = c >= 0xdc00 && c <= 0xdfff && offset > 0;
          if (!insideCrLf && !insidePair) {
            const expected = editorPosition(text, offset);
            assert.deepEqual(lineColumnAt(text, offset), expected, `offset ${offset} of ${JSON.stringify(text)}`);
            assert.equal(lines.lineAt(codePoint), expected.line, `code point ${codePoint} of ${JSON.stringify(text)}`);
          }
          if (!insidePair || offset === 0) codePoint++;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps an offset between CR and LF on the line they end', () => {
    assert.deepEqual(lineColumnAt('ab\r\ncd', 3), { line: 1, column: 4 });
    assert.deepEqual(lineColumnAt('ab\r\ncd', 4), { line: 2, column: 1 });
  });

  it('gives the line of each annotation of a CR-only document in the claims report', () => {
    const text = 'Title\r\rLavrov said hello.\rNATO said no.\r';
    const start = [...text].indexOf('N');
    const markdown = claimsReportMarkdown([{ path: 'mac.txt', documentText: text, annotations: [{ id: 'abcd1234', kind: 'claim', start, end: start + 4, text: 'NATO', prefix: '', suffix: '' }] }]);
    assert.ok(markdown.includes('[`mac.txt`](mac.txt), line 4'), markdown);
  });
});
