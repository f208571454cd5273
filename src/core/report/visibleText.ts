/*
 * What a report shows of text that users typed or documents contain. Characters that are
 * invisible yet change how the text around them reads are replaced by a visible `[U+XXXX]`:
 * - bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), with which a
 *   speaker name or a quote could reorder the report's own text (Trojan Source, CVE-2021-42574);
 * - C0 and C1 controls other than tab and line breaks, U+2028/U+2029 (line breaks to some
 *   renderers only), zero-width space, word joiner and invisible operators, BOM, interlinear
 *   annotation marks and U+180E; lone surrogates.
 * Zero-width (non-)joiners stay: emoji sequences and several scripts need them.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u180E\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HIDDEN_OR_BREAK = new RegExp(`${HIDDEN.source}|[\\t\\n\\r]`, 'g');

const codePoint = (c: string): string => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`;

/** Text for a block (a quote, a note): hidden characters made visible, line breaks kept. */
export function visibleText(text: string): string {
  return text.replace(HIDDEN, codePoint);
}

/** Text for one line (a heading, a name, a path): line breaks and tabs made visible too. */
export function visibleLine(text: string): string {
  return text.replace(HIDDEN_OR_BREAK, codePoint);
}
