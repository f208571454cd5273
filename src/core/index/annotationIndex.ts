import { authorFilterShows, type AuthorFilter } from '../agreement/authorFilter';
import type { AnnotationKind } from '../annotationKind';
import type { AttributeDefinition } from '../scheme/scheme';
import type { SidecarProblem } from '../sidecar/parseSidecar';
import type { StoredAnnotation } from '../sidecar/sidecarFormat';

/**
 * One annotation of the workspace as the index holds it: the stored form (code point offsets,
 * so the same numbers as in the sidecar) plus the document it belongs to.
 */
export interface IndexedAnnotation {
  /** The document's key (the extension uses URI strings, the command line paths). */
  readonly document: string;
  readonly annotation: Readonly<StoredAnnotation>;
}

export interface AnnotationQuery {
  /** Only these kinds; all kinds when absent. */
  readonly kinds?: ReadonlySet<AnnotationKind> | readonly AnnotationKind[];
  /** Only annotations whose canonical speaker is this; '' for annotations without a speaker. */
  readonly speaker?: string;
  /** Case-insensitive substring of the quote, speaker, note, author or a text attribute. */
  readonly text?: string;
  /** Orphans are left out unless asked for: they have no span to show or go to. */
  readonly includeOrphans?: boolean;
  /** Whose annotations (Show Annotations of…): all when absent. */
  readonly authors?: AuthorFilter;
  /** The annotator, for `authors: 'mine'`. */
  readonly me?: string;
}

export interface SpeakerGroup {
  /** The canonical name; undefined for the annotations with no speaker. */
  readonly speaker: string | undefined;
  /** In document order (document key, then start, end, id). */
  readonly annotations: readonly IndexedAnnotation[];
}

/** Maps a speaker as written in a sidecar to its canonical name (see speakers/speakerRegistry.ts). */
export type SpeakerResolver = (speaker: string) => string;

const identity: SpeakerResolver = (speaker) => speaker;

/** The built-in speaker attribute, as groupsBy needs it. */
const SPEAKER = { id: 'speaker', type: 'person', builtIn: true } as const;

/**
 * The annotations of every document of a workspace, kept current one document at a time, and the
 * queries the claims panel and cross-document navigation need. Pure data: the extension feeds it
 * from sidecars and open editors, the command line from files.
 *
 * Invalid sidecars are recorded with their problems and contribute no annotations: the index
 * never guesses what a broken file meant.
 */
export class AnnotationIndex {
  private readonly documentsByKey = new Map<string, readonly IndexedAnnotation[]>();
  private readonly invalid = new Map<string, readonly SidecarProblem[]>();
  private resolver: SpeakerResolver = identity;
  private sortedKeys: string[] | undefined;
  private ordered: IndexedAnnotation[] | undefined;
  private revision = 0;
  /** Every speaker's spellings, by canonical name, as of `revision`. */
  private spellings: { readonly revision: number; readonly byCanonical: ReadonlyMap<string, ReadonlySet<string>> } | undefined;

  /** Increases with every change, so views can cache what they computed from the index. */
  get version(): number {
    return this.revision;
  }

  /** Replaces the annotations of one document (an empty list keeps the document known). */
  setDocument(document: string, annotations: readonly StoredAnnotation[]): void {
    const entries = annotations.map((annotation) => ({ document, annotation })).sort(compareInDocument);
    this.invalid.delete(document);
    this.documentsByKey.set(document, entries);
    this.changed(true);
  }

  /** Records a document whose sidecar cannot be read; its annotations leave the index. */
  setInvalid(document: string, problems: readonly SidecarProblem[]): void {
    this.documentsByKey.delete(document);
    this.invalid.set(document, problems);
    this.changed(true);
  }

  removeDocument(document: string): void {
    const known = this.documentsByKey.delete(document);
    if (this.invalid.delete(document) || known) this.changed(true);
  }

  /** Clears everything (a rebuild from scratch). */
  clear(): void {
    this.documentsByKey.clear();
    this.invalid.clear();
    this.changed(true);
  }

  setSpeakerResolver(resolver: SpeakerResolver | undefined): void {
    this.resolver = resolver ?? identity;
    this.changed(false);
  }

  canonicalSpeaker(speaker: string | undefined): string | undefined {
    return speaker ? this.resolver(speaker) : undefined;
  }

  /** Keys of the documents with a valid sidecar, sorted (code unit order, stable everywhere). */
  documents(): readonly string[] {
    this.sortedKeys ??= [...this.documentsByKey.keys()].sort(compareStrings);
    return this.sortedKeys;
  }

  hasDocument(document: string): boolean {
    return this.documentsByKey.has(document);
  }

  /** The annotations of one document in document order; empty when unknown or invalid. */
  annotationsOf(document: string): readonly IndexedAnnotation[] {
    return this.documentsByKey.get(document) ?? [];
  }

  get(document: string, id: string): IndexedAnnotation | undefined {
    return this.annotationsOf(document).find((entry) => entry.annotation.id === id);
  }

  /** Documents whose sidecar is invalid, with why. */
  invalidDocuments(): ReadonlyMap<string, readonly SidecarProblem[]> {
    return this.invalid;
  }

  get size(): number {
    let n = 0;
    for (const entries of this.documentsByKey.values()) n += entries.length;
    return n;
  }

  /** Every annotation matching `query`, in document order across the workspace. */
  query(query: AnnotationQuery = {}): IndexedAnnotation[] {
    const match = this.matcher(query);
    return this.inOrder().filter(match);
  }

  /**
   * The matching annotations grouped by canonical speaker: speakers by number of annotations
   * (most first), then name; the group without a speaker last.
   */
  speakerGroups(query: AnnotationQuery = {}): SpeakerGroup[] {
    return this.groupsBy(query, SPEAKER);
  }

  /**
   * The matching annotations grouped by the value of an attribute of the scheme (the panel's
   * `groupBy`): by canonical speaker for `speaker` (speakerGroups) and for person attributes;
   * in the scheme's order of values for a choice, true before false for a boolean; most
   * annotations first otherwise. Annotations without a value come last, as group `undefined`.
   * Values of booleans are the strings "true" and "false".
   */
  groupsBy(query: AnnotationQuery, attribute: Pick<AttributeDefinition, 'id' | 'type' | 'builtIn' | 'values'>): SpeakerGroup[] {
    const valueOf = (a: Readonly<StoredAnnotation>): string | undefined => {
      const raw: unknown = attribute.builtIn ? (a as unknown as Record<string, unknown>)[attribute.id] : a.attributes?.[attribute.id];
      if (raw === undefined || raw === '') return undefined;
      if (typeof raw === 'boolean') return String(raw);
      return attribute.type === 'person' ? this.canonicalSpeaker(raw as string) : (raw as string);
    };
    const groups = new Map<string, IndexedAnnotation[]>();
    const none: IndexedAnnotation[] = [];
    for (const entry of this.query(query)) {
      const value = valueOf(entry.annotation);
      if (value === undefined) {
        none.push(entry);
        continue;
      }
      let group = groups.get(value);
      if (!group) groups.set(value, (group = []));
      group.push(entry);
    }
    const order = attribute.type === 'choice' ? (attribute.values ?? []) : attribute.type === 'boolean' ? ['true', 'false'] : undefined;
    const named: SpeakerGroup[] = [...groups].map(([speaker, annotations]) => ({ speaker, annotations }));
    if (order) {
      // Declared values first in their order; a value the scheme no longer declares after them.
      const rank = (v: string) => (order.includes(v) ? order.indexOf(v) : order.length);
      named.sort((a, b) => rank(a.speaker!) - rank(b.speaker!) || compareNames(a.speaker!, b.speaker!));
    } else {
      named.sort((a, b) => b.annotations.length - a.annotations.length || compareNames(a.speaker!, b.speaker!));
    }
    return none.length > 0 ? [...named, { speaker: undefined, annotations: none }] : named;
  }

  /** How many annotations (orphans included) each canonical speaker has, most first. */
  speakerCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const entries of this.documentsByKey.values()) {
      for (const { annotation } of entries) {
        const speaker = this.canonicalSpeaker(annotation.speaker);
        if (speaker !== undefined) counts.set(speaker, (counts.get(speaker) ?? 0) + 1);
      }
    }
    return new Map([...counts].sort((a, b) => b[1] - a[1] || compareNames(a[0], b[0])));
  }

  /** The speakers as written in sidecars that resolve to `canonical` (for rename and merge). */
  spellingsOf(canonical: string): Set<string> {
    if (this.spellings?.revision !== this.revision) {
      // Once per change of the index for every speaker: the claims panel asks for each of its rows.
      const byCanonical = new Map<string, Set<string>>();
      for (const entries of this.documentsByKey.values()) {
        for (const { annotation } of entries) {
          if (annotation.speaker === undefined) continue;
          const resolved = this.resolver(annotation.speaker);
          let spellings = byCanonical.get(resolved);
          if (!spellings) byCanonical.set(resolved, (spellings = new Set()));
          spellings.add(annotation.speaker);
        }
      }
      this.spellings = { revision: this.revision, byCanonical };
    }
    return new Set(this.spellings.byCanonical.get(canonical));
  }

  private matcher(query: AnnotationQuery): (entry: IndexedAnnotation) => boolean {
    const kinds = query.kinds === undefined ? undefined : new Set<AnnotationKind>(query.kinds);
    const needle = query.text?.trim().toLocaleLowerCase() || undefined;
    return ({ annotation }) => {
      if (annotation.orphaned && !query.includeOrphans) return false;
      if (kinds && !kinds.has(annotation.kind)) return false;
      if (query.authors !== undefined && !authorFilterShows(query.authors, annotation, query.me)) return false;
      if (query.speaker !== undefined && (this.canonicalSpeaker(annotation.speaker) ?? '') !== query.speaker) return false;
      if (needle === undefined) return true;
      const attributes = Object.values(annotation.attributes ?? {}).filter((v): v is string => typeof v === 'string');
      return [annotation.text, annotation.speaker, annotation.note, annotation.author, this.canonicalSpeaker(annotation.speaker), ...attributes].some(
        (field) => field !== undefined && field.toLocaleLowerCase().includes(needle),
      );
    };
  }

  private inOrder(): IndexedAnnotation[] {
    this.ordered ??= this.documents().flatMap((document) => this.annotationsOf(document));
    return this.ordered;
  }

  private changed(documents: boolean): void {
    if (documents) this.sortedKeys = undefined;
    this.ordered = undefined;
    this.revision++;
  }
}

function compareInDocument(a: IndexedAnnotation, b: IndexedAnnotation): number {
  const x = a.annotation;
  const y = b.annotation;
  return x.start - y.start || x.end - y.end || compareStrings(x.id, y.id);
}

/** Code unit order: the same on every machine and locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Names as people read them: case-insensitive first, then code unit order to stay total. */
function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) || compareStrings(a, b);
}
