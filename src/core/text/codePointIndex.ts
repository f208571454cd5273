/**
 * Converts between UTF-16 offsets (what JavaScript strings and the VS Code API use) and Unicode
 * code point offsets (what the sidecar stores, following the W3C Web Annotation
 * TextPositionSelector). The two differ only after astral characters (emoji, rare CJK, ...),
 * which take two UTF-16 units but count as one code point.
 *
 * The index records where each astral character starts, so a conversion is a binary search:
 * O(log a) per call for a astral characters, after one O(n) scan of the text. Build one index
 * per text and reuse it for every offset; never rescan the text per offset.
 *
 * Lone surrogates (malformed UTF-16) count as one code point each, as `[...text]` does.
 */
export class CodePointIndex {
  /** UTF-16 offsets of the high surrogate of every well-formed surrogate pair, ascending. */
  private readonly astral: Uint32Array;
  /** Length of the text in UTF-16 code units. */
  readonly utf16Length: number;
  /** Length of the text in Unicode code points. */
  readonly codePointLength: number;

  constructor(text: string) {
    const positions: number[] = [];
    const n = text.length;
    for (let i = 0; i < n - 1; i++) {
      const c = text.charCodeAt(i);
      // Cheap range test first: almost every character is outside the surrogate block.
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          positions.push(i);
          i++;
        }
      }
    }
    this.astral = Uint32Array.from(positions);
    this.utf16Length = n;
    this.codePointLength = n - positions.length;
  }

  /** Number of astral characters in the text. */
  get astralCount(): number {
    return this.astral.length;
  }

  /**
   * Code point offset of a UTF-16 offset in [0, utf16Length].
   *
   * An offset between the two halves of a surrogate pair rounds DOWN to the code point that
   * pair encodes (i.e. to the start of the character), so conversions never invent half
   * characters and `start <= end` is preserved.
   */
  toCodePoint(utf16Offset: number): number {
    checkOffset(utf16Offset, this.utf16Length, 'UTF-16');
    // k = number of pairs starting before the offset. Each fully-passed pair contributes one
    // extra unit; a pair the offset splits also gives u - k, which is exactly "round down".
    const k = lowerBound(this.astral, utf16Offset, 0);
    return utf16Offset - k;
  }

  /** UTF-16 offset of a code point offset in [0, codePointLength]. */
  toUtf16(codePointOffset: number): number {
    checkOffset(codePointOffset, this.codePointLength, 'code point');
    // Pair i starts at code point astral[i] - i (strictly increasing), so count the pairs
    // that start before the wanted code point; each adds one unit.
    const k = lowerBound(this.astral, codePointOffset, 1);
    return codePointOffset + k;
  }
}

/**
 * First index i with (a[i] - i * shift) >= value; with shift 0 a plain lower bound, with
 * shift 1 a lower bound on the code point positions of the pairs.
 */
function lowerBound(a: Uint32Array, value: number, shift: 0 | 1): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] - mid * shift < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function checkOffset(offset: number, max: number, unit: string): void {
  // Out-of-range offsets are caller bugs; clamping here would hide them.
  if (!Number.isInteger(offset) || offset < 0 || offset > max) {
    throw new RangeError(`${unit} offset ${offset} is outside [0, ${max}]`);
  }
}
