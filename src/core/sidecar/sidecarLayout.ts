/**
 * What both sidecar writers (serializeSidecar.ts, the yaml library; fastSidecarWriter.ts, the
 * canonical layout by hand) put around and into values, so that they write the same bytes.
 */

export const SIDECAR_HEADER = 'Source Annotator sidecar — see README "Sidecar format"';

/**
 * Characters that are legal but invisible or treacherous in an editor: C0/C1 controls, zero-width
 * and bidi controls (Trojan-source style reordering), BOM, and U+2028/U+2029, which VS Code
 * offers to "fix" as unusual line terminators. Strings holding them are double-quoted and the
 * characters written as \uXXXX escapes, so what a reviewer sees in a diff is what is stored.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/g;
export const INVISIBLE_TEST = new RegExp(INVISIBLE.source);
/** A surrogate half without its partner; JSON.stringify (used by yaml) escapes these itself. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The invisible characters of `text` as `\uXXXX` escapes (only ever applied inside double quotes and comments). */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'));
}

/** A string value that must be double-quoted whatever else it holds: invisible characters, lone surrogates. */
export function mustQuote(value: string): boolean {
  return INVISIBLE_TEST.test(value) || !isWellFormed(value);
}

/** No lone surrogate in `text` (String.prototype.isWellFormed where the runtime has it: much faster than the pattern). */
export function isWellFormed(text: string): boolean {
  const native = (text as unknown as { isWellFormed?: () => boolean }).isWellFormed;
  return typeof native === 'function' ? native.call(text) : !LONE_SURROGATE.test(text);
}

/**
 * The comment framing an author's group. The name is escaped like a JSON string and its invisible
 * characters written as escapes, so it stays on one line (YAML would split a comment at U+2028).
 */
export function groupLabel(author: string): string {
  return author ? `annotations by ${escapeInvisible(JSON.stringify(author).slice(1, -1))}` : 'annotations without author';
}
