import * as vscode from 'vscode';
import { resolvedKeys } from '../../core/agreement/adjudication';
import type { Disagreement } from '../../core/agreement/disagreements';
import type { StoredAnnotation } from '../../core/sidecar/sidecarFormat';
import { Disposable } from '../lifecycle';
import type { ComparedSides } from './comparedSides';

/** The disagreements of one document (stored form: code point offsets, as the index holds them). */
export interface DocumentDisagreements {
  /** The document's URI string (the index's key). */
  readonly document: string;
  readonly disagreements: readonly Disagreement<StoredAnnotation>[];
  readonly resolved: ReadonlySet<string>;
}

/** Where the adjudicator is: a document and the key of one of its disagreements. */
export interface DisagreementPosition {
  readonly document: string;
  readonly key: string;
}

/**
 * One comparison of side A with side B over the workspace (two authors, or a git ref and the
 * working tree: see ComparedSides): every document with disagreements, which are resolved, kept
 * current as the sides change (open documents' unsaved changes included). Resolutions that write nothing (taking the side
 * without a span) leave no trace in the sidecar, so they are remembered in the workspace state
 * (this machine only), per pair of annotators, by the ids of the annotations in question.
 */
export class AdjudicationSession extends Disposable {
  private documents: DocumentDisagreements[] = [];
  private readonly decidedEmpty = new Map<string, Set<string>>();
  current: DisagreementPosition | undefined;
  private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    readonly sides: ComparedSides,
    readonly adjudicator: string | undefined,
    private readonly memory?: vscode.Memento,
  ) {
    super();
    for (const [document, keys] of Object.entries(memory?.get<Record<string, string[]>>(this.memoryKey) ?? {})) this.decidedEmpty.set(document, new Set(keys));
    this._register(sides.onDidChange(() => this.refresh()));
    this.refresh();
  }

  /** The names of side A and side B. */
  get a(): string {
    return this.sides.a;
  }

  get b(): string {
    return this.sides.b;
  }

  private get memoryKey(): string {
    return `sourceAnnotator.adjudication.decidedEmpty:${this.sides.memoryKey}`;
  }

  get all(): readonly DocumentDisagreements[] {
    return this.documents;
  }

  progress(): { resolved: number; total: number } {
    let resolved = 0;
    let total = 0;
    for (const doc of this.documents) {
      resolved += doc.resolved.size;
      total += doc.disagreements.length;
    }
    return { resolved, total };
  }

  /** Remembers (or forgets) a disagreement resolved to no annotation. */
  setDecidedEmpty(position: DisagreementPosition, decided: boolean): void {
    let keys = this.decidedEmpty.get(position.document);
    if (!keys) this.decidedEmpty.set(position.document, (keys = new Set()));
    if (decided) keys.add(position.key);
    else keys.delete(position.key);
    const stored = Object.fromEntries([...this.decidedEmpty].filter(([, k]) => k.size > 0).map(([document, k]) => [document, [...k].sort()]));
    void this.memory?.update(this.memoryKey, Object.keys(stored).length > 0 ? stored : undefined);
    this.refresh();
  }

  isDecidedEmpty(position: DisagreementPosition): boolean {
    return this.decidedEmpty.get(position.document)?.has(position.key) ?? false;
  }

  find(position: DisagreementPosition | undefined): Disagreement<StoredAnnotation> | undefined {
    return position && this.documents.find((d) => d.document === position.document)?.disagreements.find((d) => d.key === position.key);
  }

  /** Every position in order: documents by path, disagreements in document order. */
  positions(): DisagreementPosition[] {
    return this.documents.flatMap((doc) => doc.disagreements.map((d) => ({ document: doc.document, key: d.key })));
  }

  /**
   * The next (or previous) position from the current one, wrapping around; `unresolvedOnly` skips
   * resolved ones (undefined when none is left).
   */
  step(direction: 1 | -1, unresolvedOnly = false): DisagreementPosition | undefined {
    const all = this.positions();
    if (all.length === 0) return undefined;
    const at = this.current ? all.findIndex((p) => p.document === this.current!.document && p.key === this.current!.key) : -1;
    for (let i = 1; i <= all.length; i++) {
      const index = at === -1 ? (direction === 1 ? i - 1 : all.length - i) : (at + direction * i + all.length * all.length) % all.length;
      const candidate = all[index];
      if (!unresolvedOnly || !this.isResolved(candidate)) return candidate;
    }
    return undefined;
  }

  isResolved(position: DisagreementPosition): boolean {
    return this.documents.find((d) => d.document === position.document)?.resolved.has(position.key) ?? false;
  }

  refresh(): void {
    this.documents = this.sides
      .documents()
      .sort((x, y) => (x.document < y.document ? -1 : x.document > y.document ? 1 : 0))
      .map(({ document, disagreements, working }) => ({ document, disagreements, resolved: resolvedKeys(disagreements, working, this.decidedEmpty.get(document)) }));
    this.changeEmitter.fire();
  }
}
