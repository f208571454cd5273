import { ANNOTATION_FIELD_NAMES, ANNOTATION_FIELDS } from '../annotationFields';
import type { StoredAnnotation } from './sidecarFormat';

/**
 * The text blocks of the annotations of the last sidecar written, so that the next save renders
 * only the annotations that changed (fastSidecarWriter.ts: a block depends on nothing but its own
 * annotation's fields). A block is found by the annotation's id and used only when every field is
 * the same as when it was rendered, so a stale block cannot be written. It keeps what the last
 * write used and nothing else: its size follows the document's annotations.
 *
 * One cache per sidecar (the extension keeps one per document): pass it to serializeSidecar on
 * every save of that document.
 */
export class SidecarBlockCache {
  private blocks = new Map<string, { annotation: StoredAnnotation; block: string }>();
  private next = new Map<string, { annotation: StoredAnnotation; block: string }>();
  /** How the last write went: blocks taken from the cache, blocks rendered. */
  reused = 0;
  rendered = 0;

  /** Starts a write. */
  begin(): void {
    this.next = new Map();
    this.reused = 0;
    this.rendered = 0;
  }

  /** The block of an annotation in canonical form, rendered by `render` unless it is known. */
  block(annotation: StoredAnnotation, render: (a: StoredAnnotation) => string): string {
    const known = this.next.get(annotation.id) ?? this.blocks.get(annotation.id);
    if (known && sameFields(known.annotation, annotation)) {
      this.reused++;
      this.next.set(annotation.id, known);
      return known.block;
    }
    const block = render(annotation);
    this.rendered++;
    this.next.set(annotation.id, { annotation, block });
    return block;
  }

  /** Ends a write that succeeded: what it used is what is kept. */
  commit(): void {
    this.blocks = this.next;
    this.next = new Map();
  }

  /** Ends a write that did not happen: the blocks of the last one stay. */
  abandon(): void {
    this.next = new Map();
  }
}

/** Two annotations in canonical form with the same fields (Object.is: -0 is not 0, as the writer sees it). */
function sameFields(x: StoredAnnotation, y: StoredAnnotation): boolean {
  for (const name of ANNOTATION_FIELD_NAMES) {
    const a = x[name];
    const b = y[name];
    if (Object.is(a, b)) continue;
    if (ANNOTATION_FIELDS[name].value !== 'attributes' || typeof a !== 'object' || typeof b !== 'object') return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys) if (!Object.hasOwn(b, key) || !Object.is(a[key], b[key])) return false;
  }
  return true;
}
