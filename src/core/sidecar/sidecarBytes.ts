import { stripBom } from '../text/documentText';
import type { SidecarProblem } from './sourceRange';

/**
 * The largest sidecar read, in bytes: 16 MiB, about 40,000 annotations in the canonical layout.
 * Anything bigger is refused with a clear error instead of tying up memory and time in the
 * general YAML parser (a 50 MB file took over a minute and gigabytes). Documented in the README.
 */
export const MAX_SIDECAR_BYTES = 16 * 1024 * 1024;

export type DecodedSidecar = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: SidecarProblem };

const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of a sidecar's bytes, or the reason it cannot be read: too large, or not UTF-8 (with
 * the line and column of the first bad byte). A sidecar is never decoded leniently: replacing a
 * bad byte by U+FFFD and writing the file back would destroy what was there.
 */
export function decodeSidecarBytes(bytes: Uint8Array): DecodedSidecar {
  const tooLarge = sidecarSizeProblem(bytes.byteLength);
  if (tooLarge) return { ok: false, problem: tooLarge };
  try {
    return { ok: true, text: fatalDecoder.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    // The valid part before the bad byte gives its line and column (in UTF-16 units, as editors count).
    const before = stripBom(fatalDecoder.decode(bytes.subarray(0, bad)));
    const lineStart = before.lastIndexOf('\n') + 1;
    const line = before.split('\n').length;
    const hex = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
    return fail(line, before.length - lineStart + 1, `the sidecar is not valid UTF-8: byte 0x${hex} at byte offset ${bad}; it is not read or rewritten (re-save it as UTF-8)`);
  }
}

/**
 * The problem of a sidecar of `byteLength` bytes when it is over MAX_SIDECAR_BYTES (the one
 * decodeSidecarBytes reports), else undefined: lets a reader refuse a huge file from its size,
 * before reading it into memory.
 */
export function sidecarSizeProblem(byteLength: number): SidecarProblem | undefined {
  if (byteLength <= MAX_SIDECAR_BYTES) return undefined;
  const mib = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return problemAt(1, 1, `the sidecar is ${mib(byteLength)} MiB, over the limit of ${mib(MAX_SIDECAR_BYTES)} MiB; it is not read (split the document, or remove annotations with another tool)`);
}

function problemAt(line: number, column: number, message: string): SidecarProblem {
  return { message, line, column, endLine: line, endColumn: column + 1 };
}

function fail(line: number, column: number, message: string): DecodedSidecar {
  return { ok: false, problem: problemAt(line, column, message) };
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (b < 0x80) length = 1;
    else if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) min = 0xa0; // no overlong forms
      if (b === 0xed) max = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f; // nothing past U+10FFFF
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c < lo || c > hi) return i;
    }
    i += length;
  }
  return bytes.length;
}
