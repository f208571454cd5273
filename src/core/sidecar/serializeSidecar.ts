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
 * Writes a sidecar deterministically: annotations grouped by author and sorted by (start, end, id)
 * within a group, keys in the fixed order, optional fields omitted when empty, LF line endings,
 * one blank line between annotation blocks (so that git diffs and merges see each annotation as
 * its own hunk), no timestamps.
 *
 * Each author's group is framed by two comment lines, "annotations by X" and "end of annotations
 * by X". Git's line merge conflicts only when both sides change the file between the same two
 * unchanged lines; with the frames, an annotator's additions always land inside their own group
 * and a new annotator's group lands between two frames, so two annotators adding annotations on
 * two branches, even to the same passage, merge cleanly with plain `git merge`.
 */
export function serializeSidecar(file: SidecarFile): string {
  const annotations = file.annotations.map(normalizeStoredAnnotation).sort(compareStoredAnnotations);
  const doc = new Document({ version: SIDECAR_VERSION, documentHash: file.documentHash, annotations });
  doc.commentBefore = ` ${SIDECAR_HEADER}`;

  const seq = doc.get('annotations', true);
  if (isSeq(seq)) {
    let previousAuthor: string | undefined;
    seq.items.forEach((item, i) => {
      if (!isMap(item)) return;
      forceQuotesWhereNeeded(item.items);
      const author = annotations[i].author ?? '';
      if (i === 0 || author !== previousAuthor) {
        const opening = ` ${groupLabel(author)}`;
        item.commentBefore = i === 0 ? opening : ` end of ${groupLabel(previousAuthor ?? '')}\n\n${opening}`;
      } else {
        item.spaceBefore = true;
      }
      previousAuthor = author;
    });
    if (previousAuthor !== undefined) seq.comment = ` end of ${groupLabel(previousAuthor)}`;
  }

  // Only double-quoted scalars can still contain these (forced above; comments are escaped by
  // groupLabel), so escaping them in the whole output is safe.
  return escapeInvisible(doc.toString(TO_STRING_OPTIONS));
}

function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'));
}

/**
 * The comment framing an author's group. The name is escaped like a JSON string and its invisible
 * characters written as escapes, so it stays on one line (YAML would split a comment at U+2028).
 */
function groupLabel(author: string): string {
  return author ? `annotations by ${escapeInvisible(JSON.stringify(author).slice(1, -1))}` : 'annotations without author';
}

function forceQuotesWhereNeeded(pairs: readonly Pair[]): void {
  for (const { value } of pairs) {
    // The `attributes:` mapping's values too: escaped in a plain scalar, they would read back as `\uXXXX`.
    if (isMap(value)) forceQuotesWhereNeeded(value.items);
    else if (isScalar(value) && typeof value.value === 'string') {
      if (INVISIBLE_TEST.test(value.value) || LONE_SURROGATE.test(value.value)) value.type = Scalar.QUOTE_DOUBLE;
    }
  }
}
