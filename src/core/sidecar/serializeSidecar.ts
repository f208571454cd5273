import { Document, isMap, isScalar, isSeq, Scalar, type Pair, type ToStringOptions } from 'yaml';
import {
  compareStoredAnnotations,
  normalizeStoredAnnotation,
  SIDECAR_VERSION,
  type SidecarFile,
} from './sidecarFormat';

export const SIDECAR_HEADER = 'Source Annotator sidecar — see README "Sidecar format"';

/**
 * Output options. Every choice here serves byte-identical, diff-friendly output:
 * - lineWidth 0 / doubleQuotedMinMultiLineLength Infinity: a string never spans lines, so a
 *   changed quote is a one-line diff and CRLF conversion by git cannot alter a value;
 * - blockQuote false: no `|`/`>` scalars, whose meaning depends on trailing newlines and indent;
 * - singleQuote false: when a string needs quoting it is always double-quoted, with escapes.
 */
const TO_STRING_OPTIONS: ToStringOptions = {
  lineWidth: 0,
  minContentWidth: 0,
  doubleQuotedMinMultiLineLength: Number.POSITIVE_INFINITY,
  blockQuote: false,
  singleQuote: false,
  defaultStringType: 'PLAIN',
  defaultKeyType: 'PLAIN',
  indent: 2,
  indentSeq: true,
  nullStr: 'null',
};

/**
 * Characters that are legal but invisible or treacherous in an editor: C0/C1 controls, zero-width
 * and bidi controls (Trojan-source style reordering), BOM, and U+2028/U+2029, which VS Code
 * offers to "fix" as unusual line terminators. Strings holding them are double-quoted and the
 * characters written as \uXXXX escapes, so what a reviewer sees in a diff is what is stored.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/g;
const INVISIBLE_TEST = new RegExp(INVISIBLE.source);
/** A surrogate half without its partner; JSON.stringify (used by yaml) escapes these itself. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Writes a sidecar deterministically: annotations sorted by (start, end, id), keys in the fixed
 * order, optional fields omitted when empty, LF line endings, one blank line between annotation
 * blocks (so that git diffs and merges see each annotation as its own hunk), no timestamps.
 */
export function serializeSidecar(file: SidecarFile): string {
  const annotations = file.annotations.map(normalizeStoredAnnotation).sort(compareStoredAnnotations);
  const doc = new Document({ version: SIDECAR_VERSION, documentHash: file.documentHash, annotations });
  doc.commentBefore = ` ${SIDECAR_HEADER}`;

  const seq = doc.get('annotations', true);
  if (isSeq(seq)) {
    seq.items.forEach((item, i) => {
      if (i > 0 && isMap(item)) item.spaceBefore = true;
      if (isMap(item)) forceQuotesWhereNeeded(item.items);
    });
  }

  const out = doc.toString(TO_STRING_OPTIONS);
  // Only double-quoted scalars can still contain these (forced above), so escaping them in
  // the whole output is safe.
  return out.replace(INVISIBLE, (c) => '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'));
}

function forceQuotesWhereNeeded(pairs: readonly Pair[]): void {
  for (const { value } of pairs) {
    if (isScalar(value) && typeof value.value === 'string') {
      if (INVISIBLE_TEST.test(value.value) || LONE_SURROGATE.test(value.value)) value.type = Scalar.QUOTE_DOUBLE;
    }
  }
}
