import { findKind, type AnnotationScheme } from '../scheme/scheme';

/**
 * How a format's labels become kinds of the scheme: `--map SRC=KIND` entries first (an empty
 * KIND, `--map Cue=`, leaves that label out on purpose), else the label lower-cased when the
 * scheme has such a kind; anything else is skipped with the reason.
 */
export class LabelMap {
  private constructor(private readonly entries: ReadonlyMap<string, string>) {}

  /** Parses `SRC=KIND` entries; throws an Error naming the entry that is malformed or names no kind. */
  static parse(entries: readonly string[], scheme: AnnotationScheme): LabelMap {
    const map = new Map<string, string>();
    for (const entry of entries) {
      const eq = entry.lastIndexOf('=');
      if (eq <= 0) throw new Error(`--map ${entry}: expected SOURCE=KIND (SOURCE= to leave a label out)`);
      const kind = entry.slice(eq + 1).trim();
      if (kind !== '' && !findKind(scheme, kind)) throw new Error(`--map ${entry}: "${kind}" is not a kind of the scheme; expected one of ${scheme.kinds.map((k) => k.id).join(', ')}`);
      map.set(entry.slice(0, eq).trim(), kind);
    }
    return new LabelMap(map);
  }

  static readonly none = new LabelMap(new Map());

  /** The kind of a label, or why it has none. */
  kindOf(label: string, scheme: AnnotationScheme): { readonly kind: string } | { readonly reason: string } {
    const mapped = this.entries.get(label);
    if (mapped === '') return { reason: `label "${label}" left out (--map ${label}=)` };
    if (mapped !== undefined) return { kind: mapped };
    const lower = label.toLowerCase();
    if (findKind(scheme, lower)) return { kind: lower };
    return { reason: `label "${label}" is not a kind of the scheme (map it with --map ${label}=KIND)` };
  }
}
