import { ANNOTATION_FIELD_NAMES, ANNOTATION_FIELDS, type AnnotationFieldName } from '../annotationFields';
import type { StoredAnnotation } from './sidecarFormat';

/** The offset fields (start, end), in the order a block writes them. */
export const OFFSET_FIELDS: readonly AnnotationFieldName[] = ANNOTATION_FIELD_NAMES.filter((name) => ANNOTATION_FIELDS[name].value === 'offset');
/** Every other field: what decides whether a kept block may be used again. */
const OTHER_FIELDS: readonly AnnotationFieldName[] = ANNOTATION_FIELD_NAMES.filter((name) => ANNOTATION_FIELDS[name].value !== 'offset');

/**
 * An annotation's block in canonical form with its offsets left out: the text around them, one
 * piece more than there are offset fields (`  - id: …\n    kind: …\n    start: `, `\n    end: `,
 * `\n    text: …`). The block is `pieces[0] + start + pieces[1] + end + pieces[2]`.
 */
export type BlockPieces = readonly string[];

interface Kept {
  readonly annotation: StoredAnnotation;
  readonly pieces: BlockPieces;
  /** The last write that used it. */
  used: number;
}

/**
 * The text blocks of the annotations of the last sidecar written, so that the next save renders
 * only the annotations that changed (fastSidecarWriter.ts: a block depends on nothing but its own
 * annotation's fields). A block is kept without its offsets: typing above an annotation moves it
 * but leaves the rest of its block as it was, so after an edit near the top of a document only
 * the annotations whose quote or context changed are rendered again, and the others get their new
 * offsets put into the text they had. A block is found by the annotation's id and used only when
 * every other field is the same as when it was rendered, so a stale block cannot be written. It
 * keeps what the last write used and nothing else: its size follows the document's annotations.
 *
 * One cache per sidecar: the extension's sidecar writer (sidecarWriter.ts) keeps one for each
 * open document and hands it to every render of that document's sidecar.
 */
export class SidecarBlockCache {
  private readonly blocks = new Map<string, Kept>();
  /** The current write, counted from 1; blocks of earlier ones are dropped at its end. */
  private write = 0;
  /** Blocks the current write used (an id written twice counts once). */
  private used = 0;
  /** How the last write went: blocks taken from the cache, blocks rendered. */
  reused = 0;
  rendered = 0;

  /** Starts a write. */
  begin(): void {
    this.write++;
    this.used = 0;
    this.reused = 0;
    this.rendered = 0;
  }

  /**
   * The pieces of an annotation's block in canonical form, rendered by `render` unless known.
   * The caller puts the annotation's own offsets between them.
   */
  pieces(annotation: StoredAnnotation, render: (a: StoredAnnotation) => BlockPieces): BlockPieces {
    const known = this.blocks.get(annotation.id);
    if (known?.used !== this.write) this.used++;
    if (known && sameFieldsButOffsets(known.annotation, annotation)) {
      this.reused++;
      known.used = this.write;
      return known.pieces;
    }
    const pieces = render(annotation);
    this.rendered++;
    this.blocks.set(annotation.id, { annotation, pieces, used: this.write });
    return pieces;
  }

  /** Ends a write that succeeded: what it used is what is kept. */
  commit(): void {
    if (this.blocks.size > this.used) for (const [id, kept] of this.blocks) if (kept.used !== this.write) this.blocks.delete(id);
  }

  /** Blocks kept (for tests: the cache holds no more than the last write used). */
  get size(): number {
    return this.blocks.size;
  }
}

/** Two annotations in canonical form with the same fields but perhaps their offsets (Object.is: -0 is not 0, as the writer sees it). */
function sameFieldsButOffsets(x: StoredAnnotation, y: StoredAnnotation): boolean {
  for (const name of OTHER_FIELDS) {
    const a = x[name];
    const b = y[name];
    if (Object.is(a, b)) continue;
    if (ANNOTATION_FIELDS[name].value !== 'attributes' || typeof a !== 'object' || typeof b !== 'object') return false;
    // Same keys in the same order (the block writes them in this order), same values.
    const keys = Object.keys(a);
    const other = Object.keys(b);
    if (keys.length !== other.length) return false;
    for (let i = 0; i < keys.length; i++) if (other[i] !== keys[i] || !Object.is(a[keys[i]], b[keys[i]])) return false;
  }
  return true;
}
