/** How much text on each side of a span the sidecar keeps, in UTF-16 code units (about a phrase). */
export const CONTEXT_LENGTH = 32;

export interface QuoteContext {
  readonly text: string;
  readonly prefix: string;
  readonly suffix: string;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The quote and its surrounding context, as the W3C TextQuoteSelector defines them. The context
 * edges never split a surrogate pair, so the sidecar never holds half an emoji.
 */
export function quoteContext(text: string, start: number, end: number, length = CONTEXT_LENGTH): QuoteContext {
  let prefixStart = Math.max(0, start - length);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, end + length);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd--;
  return {
    text: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}
