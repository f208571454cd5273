import { FileChangedError, type FileSnapshot } from './atomicWrite';
import { diskVersionOf, MISSING, readSettled, sameContent, SETTLE, type DiskVersion, type SettleOptions, type SidecarReader } from './diskVersion';
import { SidecarBlockCache } from './sidecarBlockCache';
import { serializeCanonicalSidecar } from './fastSidecarWriter';
import type { SidecarFile } from './sidecarFormat';

/**
 * The one sidecar writer: every decision about when and how a sidecar is written, removed or
 * reloaded, kept apart from the VS Code API so it runs (and is tested) in plain Node against any
 * file system that offers what `SidecarFileSystem` asks for.
 *
 * The rules, each a pure function below and applied in this order by `SidecarWriter`:
 * - write only when the model has unsaved changes, the sidecar has no problems and the document's
 *   text is saved (offsets into unsaved text must never reach the disk) — `decideWrite`;
 * - never write over a sidecar with problems (invalid YAML or schema, not UTF-8, too large);
 * - skip a write whose text is what the file already holds (it is not even touched);
 * - render the text from what changed: each writer keeps the blocks of the sidecar it last
 *   rendered (a SidecarBlockCache, without their offsets), so a save re-renders only the
 *   annotations whose fields other than their offsets changed (the same bytes either way);
 * - remove the sidecar when no annotation remains and a file exists;
 * - every write and removal happens only if the file is still the one last read or written
 *   (compare-and-swap on a `FileSnapshot`); a file changed meanwhile is never overwritten: the
 *   write is refused (a lost update) and the user is asked instead;
 * - a report that the file changed (the watcher, late) is compared with what was last read or
 *   written: our own writes are recognised and ignored; someone else's change reloads the model
 *   when it has no unsaved changes, and asks the user ("Reload from Disk" / "Keep Mine") when it
 *   has — `decideOnDiskChange`. Only "Keep Mine" lets a later write replace that change; an
 *   unanswered question leaves it protected (the next write is refused and asks again).
 *
 * All reads, writes and reloads of one sidecar run one after the other (a queue per
 * `SidecarWriter`), so a report is always compared with the last write that really happened.
 *
 * Who uses it: the extension's AnnotationStore (one `SidecarWriter` per open document; the store
 * only turns VS Code events into calls and implements `ConflictPrompt` with a notification), the
 * speaker ledger and the conflict resolution command (sidecarReplacement.ts: `planReplacement`, then a WorkspaceEdit:
 * there the edit is only the mechanism, kept because it gives VS Code's undo; the writer decided
 * what to write from a strict read, and `fileIsStill` checks just before the edit that the file is
 * still what was read, the same check as before an atomic rename), and the command line's
 * `writeSidecar` (`replaceSidecar`, the same compare-and-swap).
 */

/** What the writer needs from a file system: Node's in the extension and CLI, in memory in tests. */
export interface SidecarFileSystem extends SidecarReader {
  /**
   * Replaces the file atomically with `data` if it still is `expected` (null: only if there is no
   * file); returns the snapshot of what was written. Throws FileChangedError, writing nothing,
   * when the file is not `expected` any more. Undefined `expected`: no check (the CLI's tests).
   */
  write(path: string, data: string | Uint8Array, expected: FileSnapshot | null | undefined): Promise<FileSnapshot>;
  /** Removes the file if it still is `expected`; throws FileChangedError otherwise. */
  remove(path: string, expected: FileSnapshot): Promise<void>;
  /** Whether the file still is `expected` (the check `write` makes just before replacing it). */
  isUnchanged(path: string, expected: FileSnapshot): Promise<boolean>;
}


/** What a write decision looks at in the annotation model of a document. */
export interface ModelState {
  /** The model has changes the sidecar does not have yet. */
  readonly unsaved: boolean;
  /** The document's text is the text on disk (saved, and open), so offsets into it may be written. */
  readonly documentSaved: boolean;
  /** The sidecar the model came from has problems: the document is read-only for annotating. */
  readonly invalid: boolean;
  /** No annotation left. */
  readonly empty: boolean;
}

export type WriteDecision =
  | { readonly action: 'wait'; readonly reason: 'no-changes' | 'document-unsaved' }
  | { readonly action: 'refuse'; readonly reason: 'sidecar-invalid' }
  | { readonly action: 'skip'; readonly reason: 'identical' | 'nothing-to-remove' }
  | { readonly action: 'remove'; readonly expected: FileSnapshot }
  | { readonly action: 'write'; readonly text: string; readonly expected: FileSnapshot | null };

/**
 * Whether and how to write the model's sidecar, given what is on disk as far as the writer knows
 * (`disk`); `render` gives the sidecar text of the model and is only called when it is needed.
 */
export function decideWrite(model: ModelState, disk: DiskVersion, render: () => string): WriteDecision {
  if (!model.unsaved) return { action: 'wait', reason: 'no-changes' };
  if (model.invalid || disk.kind === 'invalid') return { action: 'refuse', reason: 'sidecar-invalid' };
  if (!model.documentSaved) return { action: 'wait', reason: 'document-unsaved' };
  if (model.empty) return disk.kind === 'text' ? { action: 'remove', expected: disk.snapshot } : { action: 'skip', reason: 'nothing-to-remove' };
  const text = render();
  if (disk.kind === 'text' && disk.text === text) return { action: 'skip', reason: 'identical' };
  return { action: 'write', text, expected: disk.kind === 'text' ? disk.snapshot : null };
}

export type DiskChangeDecision =
  /** `known`: what was last read or written (our own write, reported late, or nothing new); `asked`: the user is already asked about this version. */
  | { readonly action: 'ignore'; readonly reason: 'known' | 'asked' }
  | { readonly action: 'reload' }
  | { readonly action: 'ask' };

export interface DiskChangeContext {
  readonly unsaved: boolean;
  readonly invalid: boolean;
  /**
   * The document's own text was just reloaded from disk (git checkout, Revert File): a sidecar
   * that changed with it belongs to that text and wins over unsaved annotation changes.
   */
  readonly documentReloaded?: boolean;
}

/**
 * What to do about the sidecar found on disk (`now`), told that it may have changed, when the
 * writer last read or wrote `known` and has asked the user about `asked` (if anything).
 */
export function decideOnDiskChange(known: DiskVersion, now: DiskVersion, model: DiskChangeContext, asked?: DiskVersion): DiskChangeDecision {
  if (sameContent(known, now)) return { action: 'ignore', reason: 'known' };
  if (!model.unsaved || model.invalid || model.documentReloaded) return { action: 'reload' };
  if (asked && sameContent(asked, now)) return { action: 'ignore', reason: 'asked' };
  return { action: 'ask' };
}

/** The annotation model a `SidecarWriter` writes from and reloads into. */
export interface SidecarModel extends ModelState {
  /**
   * The sidecar text of the model, rendered with `blocks`, the writer's cache of the blocks it
   * last rendered (renderSidecar takes it), so that only what changed is rendered again.
   */
  render(blocks: SidecarBlockCache): string;
  /** The writer took the model's changes to write them (false), or gives them back (true: the write failed or was refused, or the user kept them). */
  setUnsaved(unsaved: boolean): void;
  /** Replaces the model with what is on disk; runs before anything queued after it. */
  reload(disk: DiskVersion): Promise<void>;
}

export interface ConflictQuestion {
  readonly path: string;
  /** `changed-on-disk`: the file changed while the model has unsaved changes; `write-refused`: a write was refused because it had (a lost update avoided). */
  readonly reason: 'changed-on-disk' | 'write-refused';
  /** The version on disk the answer is about: "keep" discards exactly this one. */
  readonly onDisk: DiskVersion;
}

/** Asks the user about a sidecar changed on disk; undefined when they did not answer. */
export interface ConflictPrompt {
  ask(question: ConflictQuestion): Promise<'reload' | 'keep' | undefined>;
}

export type DiskChangeOutcome =
  | { readonly kind: 'ignored'; readonly reason: 'known' | 'asked' }
  | { readonly kind: 'reloaded' }
  /** The user kept the model: its write replaces the version they were asked about. */
  | { readonly kind: 'kept'; readonly write: WriteOutcome }
  /** No answer: the version on disk stays protected. */
  | { readonly kind: 'unanswered' };

export type WriteOutcome =
  | { readonly kind: 'written'; readonly text: string }
  | { readonly kind: 'removed' }
  | { readonly kind: 'waiting'; readonly reason: 'no-changes' | 'document-unsaved' }
  | { readonly kind: 'unchanged'; readonly reason: 'identical' | 'nothing-to-remove' }
  | { readonly kind: 'refused'; readonly reason: 'sidecar-invalid' }
  /** Lost update avoided: the file changed since it was last read; nothing was written, and the user is asked (`resolution`). */
  | { readonly kind: 'refused'; readonly reason: 'changed-on-disk'; readonly onDisk: DiskVersion; readonly resolution: Promise<DiskChangeOutcome> };

type WriteStep = Exclude<WriteOutcome, { reason: 'changed-on-disk' }> | { readonly kind: 'refused'; readonly reason: 'changed-on-disk'; readonly onDisk: DiskVersion };

/** How many times a write is retried when the file was only re-saved with the same content. */
const SAME_CONTENT_RETRIES = 3;

/** The writer of one sidecar: what it last read or wrote there, and a queue of its file operations. */
export class SidecarWriter {
  private disk: DiskVersion = MISSING;
  /** The outside version the user was asked about and did not decide on yet. */
  private asked: DiskVersion | undefined;
  private asking: Promise<DiskChangeOutcome> | undefined;
  private openQuestion: ConflictQuestion | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  /** The blocks of the sidecar last rendered, for the next render of this sidecar. */
  private readonly blocks = new SidecarBlockCache();

  constructor(
    readonly path: string,
    private readonly fs: SidecarFileSystem,
    private readonly prompt: ConflictPrompt,
    private readonly settle: SettleOptions = SETTLE,
  ) {}

  /** What the writer last read from or wrote to the file. */
  get known(): DiskVersion {
    return this.disk;
  }

  /** The question put to the user and not answered yet (undefined when none is open). */
  get question(): ConflictQuestion | undefined {
    return this.openQuestion;
  }

  /** Reads the file (after every queued operation) and takes it as what the model is based on. */
  read(): Promise<DiskVersion> {
    return this.run(async () => {
      this.disk = diskVersionOf(await this.fs.read(this.path));
      this.asked = undefined;
      return this.disk;
    });
  }

  /** Writes (or removes) the sidecar if `decideWrite` says so, only over the version last read or written. */
  async save(model: SidecarModel): Promise<WriteOutcome> {
    const step = await this.run(() => this.writeNow(model));
    if (step.kind !== 'refused' || step.reason !== 'changed-on-disk') return step;
    return { ...step, resolution: this.askUser(model, 'write-refused') };
  }

  /** The file may have changed on disk (a watcher report, a save in an editor): `decideOnDiskChange`. */
  async diskChanged(model: SidecarModel, options: { readonly documentReloaded?: boolean } = {}): Promise<DiskChangeOutcome> {
    const step = await this.run(async (): Promise<DiskChangeOutcome | undefined> => {
      const now = await this.settledRead();
      const decision = decideOnDiskChange(this.disk, now, { unsaved: model.unsaved, invalid: model.invalid, documentReloaded: options.documentReloaded }, this.asked);
      if (decision.action === 'ignore') {
        // The same content saved again gets a new snapshot, which the next write must match.
        if (decision.reason === 'known') this.disk = now;
        else this.asked = now;
        return { kind: 'ignored', reason: decision.reason };
      }
      if (decision.action === 'reload') {
        await this.reloadFrom(now, model);
        return { kind: 'reloaded' };
      }
      this.asked = now;
      return undefined;
    });
    return step ?? this.askUser(model, 'changed-on-disk');
  }

  /**
   * Renders the blocks of `file`, the sidecar as just read from disk, into the cache, so that the
   * first save renders only what changed since it was read, like every later save (on 10,000
   * annotations the first save rendered every block, 190 ms of the extension host). Queued like
   * the writer's file operations; does nothing once a write has filled the cache. The cache uses
   * a block only when every field but the offsets is the same, so what was read can never be
   * written in place of what changed.
   */
  prefill(file: SidecarFile): Promise<void> {
    return this.run(async () => {
      if (this.blocks.size === 0) serializeCanonicalSidecar(file, this.blocks);
    });
  }

  /** Resolves once every operation queued so far (and any queued meanwhile) has finished. */
  async idle(): Promise<void> {
    for (let seen: Promise<unknown> | undefined; seen !== this.tail; ) {
      seen = this.tail;
      await seen;
    }
  }

  private async writeNow(model: SidecarModel): Promise<WriteStep> {
    for (let attempt = 0; ; attempt++) {
      const decision = decideWrite(model, this.disk, () => model.render(this.blocks));
      switch (decision.action) {
        case 'wait':
          return { kind: 'waiting', reason: decision.reason };
        case 'refuse':
          return { kind: 'refused', reason: decision.reason };
        case 'skip':
          model.setUnsaved(false);
          return { kind: 'unchanged', reason: decision.reason };
      }
      model.setUnsaved(false);
      try {
        if (decision.action === 'write') {
          const snapshot = await this.fs.write(this.path, decision.text, decision.expected);
          this.disk = { kind: 'text', text: decision.text, snapshot };
          return { kind: 'written', text: decision.text };
        }
        await this.fs.remove(this.path, decision.expected);
        this.disk = MISSING;
        return { kind: 'removed' };
      } catch (error) {
        model.setUnsaved(true);
        if (!(error instanceof FileChangedError)) throw error;
      }
      const now = diskVersionOf(await this.fs.read(this.path));
      // Saved again with the same content (a touch, a checkout of the same version): nothing to lose.
      if (sameContent(now, this.disk) && attempt < SAME_CONTENT_RETRIES) {
        this.disk = now;
        continue;
      }
      this.asked = now;
      return { kind: 'refused', reason: 'changed-on-disk', onDisk: now };
    }
  }

  /** One question at a time: a second reason to ask while the user is being asked waits for that answer. */
  private askUser(model: SidecarModel, reason: ConflictQuestion['reason']): Promise<DiskChangeOutcome> {
    const onDisk = this.asked;
    if (this.asking) return this.asking;
    if (!onDisk) return Promise.resolve({ kind: 'ignored', reason: 'known' });
    const finished = () => {
      this.asking = undefined;
      this.openQuestion = undefined;
    };
    this.openQuestion = { path: this.path, reason, onDisk };
    this.asking = this.prompt.ask(this.openQuestion).then(
      (answer) => {
        finished();
        return this.answer(model, answer, onDisk);
      },
      (error: unknown) => {
        finished();
        throw error;
      },
    );
    return this.asking;
  }

  private async answer(model: SidecarModel, answer: 'reload' | 'keep' | undefined, onDisk: DiskVersion): Promise<DiskChangeOutcome> {
    if (answer === 'reload') {
      return this.run(async () => {
        await this.reloadFrom(diskVersionOf(await this.fs.read(this.path)), model);
        return { kind: 'reloaded' } as const;
      });
    }
    if (answer === undefined) return { kind: 'unanswered' };
    await this.run(async () => {
      // The version the user chose to discard becomes the one the write may replace; if it was
      // replaced again meanwhile, the write is refused and the user asked about the newer one.
      if (this.asked && sameContent(this.asked, onDisk)) {
        this.disk = this.asked;
        this.asked = undefined;
        model.setUnsaved(true);
      }
    });
    return { kind: 'kept', write: await this.save(model) };
  }

  private async reloadFrom(now: DiskVersion, model: SidecarModel): Promise<void> {
    this.disk = now;
    this.asked = undefined;
    await model.reload(now);
  }

  /**
   * What is on disk once the file has stopped changing (readSettled): a version other than the writer's own may be half
   * written, which would be reloaded as an invalid sidecar (or put to the user as a change) until the finished file is
   * reported.
   */
  private settledRead(): Promise<DiskVersion> {
    return readSettled(this.fs, this.path, (version) => sameContent(this.disk, version), this.settle);
  }

  private run<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.tail.then(operation);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
