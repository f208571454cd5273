import { Document, isMap, isScalar, isSeq, Scalar, type Pair, type ToStringOptions } from 'yaml';
import {
  compareStoredAnnotations,
  normalizeStoredAnnotation,
  SIDECAR_VERSION,
  type SidecarFile,
} from './sidecarFormat';
import { escapeInvisible, groupLabel, mustQuote, SIDECAR_HEADER } from './sidecarLayout';
import { serializeCanonicalSidecar } from './fastSidecarWriter';
import type { SidecarBlockCache } from './sidecarBlockCache';

export { SIDECAR_HEADER } from './sidecarLayout';

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
 *
 * The canonical layout is written by hand (fastSidecarWriter.ts, the same bytes at a fraction of
 * the cost), the yaml library writing only what that writer is not sure of. With a cache (one per
 * sidecar, kept between saves), annotations that did not change but for their offsets are not
 * rendered again. `canonical`: the annotations are in canonical form and order already (as
 * buildSidecarFile returns them), so the fast writer does not normalise and sort them again.
 */
export function serializeSidecar(file: SidecarFile, cache?: SidecarBlockCache, options: { readonly canonical?: boolean } = {}): string {
  return serializeCanonicalSidecar(file, cache, options.canonical) ?? serializeSidecarWithoutFastPath(file);
}

/**
 * serializeSidecar with the yaml library, always (the fast writer, fastSidecarWriter.ts, writes
 * the same bytes for what it takes): for tests and benchmarks, which compare the two.
 */
export function serializeSidecarWithoutFastPath(file: SidecarFile): string {
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

function forceQuotesWhereNeeded(pairs: readonly Pair[]): void {
  for (const { value } of pairs) {
    // The `attributes:` mapping's values too: escaped in a plain scalar, they would read back as `\uXXXX`.
    if (isMap(value)) forceQuotesWhereNeeded(value.items);
    else if (isScalar(value) && typeof value.value === 'string') {
      if (mustQuote(value.value)) value.type = Scalar.QUOTE_DOUBLE;
    }
  }
}
