// The one sidecar writer (src/core/sidecar/sidecarWriter.ts): its decisions as pure functions, and
// the writer run against an in-memory file system where outside writes, late watcher reports and
// answers of the user can come at any moment.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import type { FileSnapshot } from '../../src/core/sidecar/atomicWrite';
import { nodeSidecarFileSystem } from '../../src/core/sidecar/nodeSidecarFileSystem';
import { decideOnDiskChange, decideWrite, SidecarWriter, type ConflictPrompt, type ConflictQuestion, type ModelState, type SidecarModel, type WriteOutcome } from '../../src/core/sidecar/sidecarWriter';
import { MISSING, readSettled, readSidecarContent, sameVersion, type DiskVersion } from '../../src/core/sidecar/diskVersion';
import { planReplacement, replaceSidecar } from '../../src/core/sidecar/sidecarReplacement';
import { MemoryFileSystem, PATH, QUICK_SETTLE } from './memoryFileSystem';

/** The annotation model of one document, reduced to what the writer looks at: its sidecar text. */
class FakeModel implements SidecarModel {
  unsaved = false;
  documentSaved = true;
  invalid = false;
  /** The sidecar text of the model; undefined when it has no annotation. */
  text: string | undefined;
  readonly reloads: DiskVersion[] = [];
  onReload: ((disk: DiskVersion) => void) | undefined;

  constructor(text?: string) {
    this.text = text;
  }

  get empty(): boolean {
    return this.text === undefined;
  }

  render(): string {
    assert.ok(this.text !== undefined, 'render() of an empty model');
    return this.text;
  }

  setUnsaved(unsaved: boolean): void {
    this.unsaved = unsaved;
  }

  async reload(disk: DiskVersion): Promise<void> {
    this.reloads.push(disk);
    this.onReload?.(disk);
    this.text = disk.kind === 'text' ? disk.text : undefined;
    this.invalid = disk.kind === 'invalid';
    this.unsaved = false;
  }

  change(text: string | undefined): void {
    this.text = text;
    this.unsaved = true;
  }
}

/** Answers questions from a list (then: no answer), recording them. */
class FakePrompt implements ConflictPrompt {
  readonly questions: ConflictQuestion[] = [];
  constructor(private readonly answers: ('reload' | 'keep' | undefined)[] = []) {}
  async ask(question: ConflictQuestion): Promise<'reload' | 'keep' | undefined> {
    this.questions.push(question);
    return this.answers.shift();
  }
}

function textOf(disk: DiskVersion): string | undefined {
  return disk.kind === 'text' ? disk.text : undefined;
}

const SNAPSHOT: FileSnapshot = { bytes: Buffer.from('a'), size: 1, mtimeMs: 1, ino: 1, dev: 1 };
const ON_DISK: DiskVersion = { kind: 'text', text: 'a', snapshot: SNAPSHOT };
const state = (changes: Partial<ModelState> = {}): ModelState => ({ unsaved: true, documentSaved: true, invalid: false, empty: false, ...changes });
const never = (): string => assert.fail('render() must not be called');

describe('sidecar writer: decisions', () => {
  it('writes only what has unsaved changes, into saved text, over a valid sidecar, based on what was read', () => {
    assert.deepEqual(decideWrite(state({ unsaved: false }), ON_DISK, never), { action: 'wait', reason: 'no-changes' });
    assert.deepEqual(decideWrite(state({ documentSaved: false }), ON_DISK, never), { action: 'wait', reason: 'document-unsaved' });
    assert.deepEqual(decideWrite(state(), ON_DISK, () => 'b'), { action: 'write', text: 'b', expected: SNAPSHOT });
    assert.deepEqual(decideWrite(state(), MISSING, () => 'b'), { action: 'write', text: 'b', expected: null });
  });

  it('never writes over a sidecar with problems, whether the bytes or the YAML are at fault', () => {
    const invalid: DiskVersion = { kind: 'invalid', problem: { line: 1, column: 1, endLine: 1, endColumn: 2, message: 'not UTF-8' }, snapshot: SNAPSHOT };
    assert.deepEqual(decideWrite(state(), invalid, never), { action: 'refuse', reason: 'sidecar-invalid' });
    assert.deepEqual(decideWrite(state({ invalid: true }), ON_DISK, never), { action: 'refuse', reason: 'sidecar-invalid' });
    assert.deepEqual(decideWrite(state({ invalid: true, empty: true }), ON_DISK, never), { action: 'refuse', reason: 'sidecar-invalid' });
  });

  it('skips a text identical to the file, removes an empty model’s file, and does nothing when there is none', () => {
    assert.deepEqual(decideWrite(state(), ON_DISK, () => 'a'), { action: 'skip', reason: 'identical' });
    assert.deepEqual(decideWrite(state({ empty: true }), ON_DISK, never), { action: 'remove', expected: SNAPSHOT });
    assert.deepEqual(decideWrite(state({ empty: true }), MISSING, never), { action: 'skip', reason: 'nothing-to-remove' });
  });

  it('on a report from disk: ignores what it knows, reloads a model without unsaved changes, asks when it has some', () => {
    const other: DiskVersion = { kind: 'text', text: 'b', snapshot: { ...SNAPSHOT, mtimeMs: 2 } };
    const touched: DiskVersion = { kind: 'text', text: 'a', snapshot: { ...SNAPSHOT, mtimeMs: 3 } };
    assert.deepEqual(decideOnDiskChange(ON_DISK, touched, { unsaved: true, invalid: false }), { action: 'ignore', reason: 'known' });
    assert.deepEqual(decideOnDiskChange(MISSING, MISSING, { unsaved: true, invalid: false }), { action: 'ignore', reason: 'known' });
    assert.deepEqual(decideOnDiskChange(ON_DISK, other, { unsaved: false, invalid: false }), { action: 'reload' });
    assert.deepEqual(decideOnDiskChange(ON_DISK, MISSING, { unsaved: false, invalid: false }), { action: 'reload' });
    assert.deepEqual(decideOnDiskChange(ON_DISK, other, { unsaved: true, invalid: false }), { action: 'ask' });
    assert.deepEqual(decideOnDiskChange(ON_DISK, other, { unsaved: true, invalid: false }, other), { action: 'ignore', reason: 'asked' });
    // A broken model has nothing to keep; a document reloaded from disk takes the sidecar that came with it.
    assert.deepEqual(decideOnDiskChange(ON_DISK, other, { unsaved: true, invalid: true }), { action: 'reload' });
    assert.deepEqual(decideOnDiskChange(ON_DISK, other, { unsaved: true, invalid: false, documentReloaded: true }), { action: 'reload' });
  });

  it('never takes an unreadable sidecar for a known one: it is read again each time', () => {
    const invalid: DiskVersion = { kind: 'invalid', problem: { line: 1, column: 1, endLine: 1, endColumn: 2, message: 'too large' } };
    assert.deepEqual(decideOnDiskChange(invalid, invalid, { unsaved: false, invalid: true }), { action: 'reload' });
  });
});

describe('sidecar writer: against a file system', () => {
  let files: MemoryFileSystem;
  let prompt: FakePrompt;
  let writer: SidecarWriter;
  let model: FakeModel;

  async function start(onDisk: string | Uint8Array | undefined, answers: ('reload' | 'keep' | undefined)[] = []): Promise<void> {
    files = new MemoryFileSystem();
    if (onDisk !== undefined) files.outsideWrite(onDisk);
    prompt = new FakePrompt(answers);
    writer = new SidecarWriter(PATH, files, prompt, QUICK_SETTLE);
    model = new FakeModel(textOf(await writer.read()));
  }

  it('writes when the document is saved, not before', async () => {
    await start('v1');
    model.documentSaved = false;
    model.change('v2');
    assert.deepEqual(await writer.save(model), { kind: 'waiting', reason: 'document-unsaved' });
    assert.equal(files.content(), 'v1');
    model.documentSaved = true;
    assert.deepEqual(await writer.save(model), { kind: 'written', text: 'v2' });
    assert.equal(files.content(), 'v2');
    assert.equal(model.unsaved, false);
  });

  it('leaves the file untouched when the text is what it holds', async () => {
    await start('v1');
    const mtime = files.mtime();
    model.change('v1');
    assert.deepEqual(await writer.save(model), { kind: 'unchanged', reason: 'identical' });
    assert.equal(files.mtime(), mtime);
    assert.equal(files.writes, 0);
    assert.equal(model.unsaved, false);
  });

  it('removes the file when the last annotation is removed, and creates none for an empty model', async () => {
    await start('v1');
    model.change(undefined);
    assert.deepEqual(await writer.save(model), { kind: 'removed' });
    assert.equal(files.content(), undefined);
    model.change(undefined);
    assert.deepEqual(await writer.save(model), { kind: 'unchanged', reason: 'nothing-to-remove' });
    model.change('v2');
    assert.deepEqual(await writer.save(model), { kind: 'written', text: 'v2' });
  });

  it('writes concurrent saves in the order they were asked for, the last one last', async () => {
    await start(undefined);
    let tick = 0;
    files.pause = () => new Promise((resolve) => setTimeout(resolve, tick++ % 3));
    const written: string[] = [];
    files.onCommit = (_replaced, by) => void written.push(by ?? '(removed)');
    const saves: Promise<WriteOutcome>[] = [];
    for (let i = 1; i <= 12; i++) {
      model.change(`v${i}`);
      saves.push(writer.save(model));
    }
    await Promise.all(saves);
    // Each save writes the model as it is when its turn comes: never an older text after a newer.
    assert.deepEqual(written, [...written].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
    assert.equal(written.at(-1), 'v12');
    assert.equal(files.content(), 'v12');
    assert.equal(prompt.questions.length, 0);
  });

  it('recognises its own writes when the watcher reports them late, even while another write is on its way', async () => {
    await start('v1');
    model.change('v2');
    await writer.save(model);
    model.change('v3');
    const third = writer.save(model);
    // Reports of v2 and v3 arrive after both writes started.
    const reports = [writer.diskChanged(model), writer.diskChanged(model)];
    await third;
    assert.deepEqual(await Promise.all(reports), [
      { kind: 'ignored', reason: 'known' },
      { kind: 'ignored', reason: 'known' },
    ]);
    assert.equal(model.reloads.length, 0);
    assert.equal(prompt.questions.length, 0);
    assert.equal(files.content(), 'v3');
  });

  it('reloads a sidecar changed by someone else when the model has no unsaved changes', async () => {
    await start('v1');
    files.outsideWrite('theirs');
    assert.deepEqual(await writer.diskChanged(model), { kind: 'reloaded' });
    assert.equal(model.text, 'theirs');
    assert.equal(prompt.questions.length, 0);
    // What was reloaded is the base of the next write.
    model.change('mine');
    assert.deepEqual(await writer.save(model), { kind: 'written', text: 'mine' });
  });

  it('asks when the model has unsaved changes; no answer keeps the outside change protected, and the next write asks again', async () => {
    await start('v1');
    model.documentSaved = false;
    model.change('mine');
    files.outsideWrite('theirs');
    assert.deepEqual(await writer.diskChanged(model), { kind: 'unanswered' });
    assert.deepEqual(prompt.questions.map((q) => [q.reason, textOf(q.onDisk)]), [['changed-on-disk', 'theirs']]);
    // The same version reported again is not asked about again.
    assert.deepEqual(await writer.diskChanged(model), { kind: 'ignored', reason: 'asked' });
    model.documentSaved = true;
    const refused = await writer.save(model);
    assert.equal(refused.kind, 'refused');
    assert.equal(refused.kind === 'refused' && refused.reason, 'changed-on-disk');
    assert.equal(files.content(), 'theirs', 'the outside change is not overwritten');
    assert.equal(model.unsaved, true, 'the model keeps its changes');
    assert.deepEqual(prompt.questions.map((q) => q.reason), ['changed-on-disk', 'write-refused']);
  });

  it('refuses a write over a file changed between its read and its write (lost update), tells the user, keeps both', async () => {
    await start('v1', [undefined]);
    files.beforeCommit = () => {
      files.beforeCommit = undefined;
      files.outsideWrite('saved meanwhile');
    };
    model.change('v2');
    const outcome = await writer.save(model);
    assert.equal(outcome.kind === 'refused' && outcome.reason, 'changed-on-disk');
    assert.equal(files.content(), 'saved meanwhile');
    assert.equal(files.writes, 0);
    assert.equal(model.unsaved, true);
    assert.equal(model.text, 'v2');
    assert.ok(outcome.kind === 'refused' && outcome.reason === 'changed-on-disk');
    assert.deepEqual(await outcome.resolution, { kind: 'unanswered' });
    assert.equal(writer.question, undefined);
    assert.deepEqual(prompt.questions.map((q) => [q.reason, textOf(q.onDisk)]), [['write-refused', 'saved meanwhile']]);
  });

  it('"Keep Mine" replaces exactly the version the user was asked about; "Reload" takes it', async () => {
    await start('v1', ['keep']);
    files.beforeCommit = () => {
      files.beforeCommit = undefined;
      files.outsideWrite('saved meanwhile');
    };
    model.change('v2');
    const kept = await writer.save(model);
    assert.ok(kept.kind === 'refused' && kept.reason === 'changed-on-disk');
    assert.deepEqual(await kept.resolution, { kind: 'kept', write: { kind: 'written', text: 'v2' } });
    assert.equal(files.content(), 'v2');

    await start('v1', ['reload']);
    model.change('mine');
    files.outsideWrite('theirs');
    assert.deepEqual(await writer.diskChanged(model), { kind: 'reloaded' });
    assert.equal(model.text, 'theirs');
    assert.equal(model.unsaved, false);
    assert.equal(files.writes, 0);
  });

  it('"Keep Mine" does not cover a newer outside change that came while the user was asked', async () => {
    let answer: (a: 'keep') => void = () => undefined;
    await start('v1');
    const asked: ConflictQuestion[] = [];
    const slow: ConflictPrompt = { ask: (q) => (asked.push(q), new Promise((resolve) => (answer = resolve))) };
    writer = new SidecarWriter(PATH, files, slow, QUICK_SETTLE);
    await writer.read();
    model.change('mine');
    files.outsideWrite('theirs 1');
    const first = writer.diskChanged(model);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual([writer.question?.reason, textOf(writer.question?.onDisk ?? MISSING)], ['changed-on-disk', 'theirs 1'], 'the open question');
    files.outsideWrite('theirs 2');
    answer('keep');
    const outcome = await first;
    assert.equal(outcome.kind === 'kept' && outcome.write.kind === 'refused' && outcome.write.reason, 'changed-on-disk');
    assert.equal(writer.question?.reason, 'write-refused', 'asked again, about the newer version');
    assert.equal(files.content(), 'theirs 2');
    assert.deepEqual(asked.map((q) => textOf(q.onDisk)), ['theirs 1', 'theirs 2']);
  });

  it('writes over the same content saved again (a touch): nothing would be lost', async () => {
    await start('v1');
    files.outsideWrite('v1');
    model.change('v2');
    assert.deepEqual(await writer.save(model), { kind: 'written', text: 'v2' });
    assert.equal(prompt.questions.length, 0);
  });

  it('never writes or removes a sidecar that is not UTF-8, nor one whose YAML has problems', async () => {
    const bad = Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]);
    await start(bad);
    assert.equal(writer.known.kind, 'invalid');
    model.change('mine');
    assert.deepEqual(await writer.save(model), { kind: 'refused', reason: 'sidecar-invalid' });
    model.change(undefined);
    assert.deepEqual(await writer.save(model), { kind: 'refused', reason: 'sidecar-invalid' });
    assert.deepEqual(files.content(), Buffer.from(bad).toString('utf8'));
    assert.equal(files.overwrites.length, 0);

    await start('<<<<<<< HEAD\n');
    model.invalid = true;
    model.change('mine');
    assert.deepEqual(await writer.save(model), { kind: 'refused', reason: 'sidecar-invalid' });
    assert.equal(files.content(), '<<<<<<< HEAD\n');
  });

  it('plans whole-text rewrites (speaker ledger, conflict resolution) from a strict read, and replaces only the file read', async () => {
    await start(Buffer.from([0xff]));
    assert.equal((await planReplacement(files, PATH, (t) => ({ ok: true, text: t + '!' }))).action, 'refuse');
    await start('v1');
    assert.deepEqual(await planReplacement(files, PATH, (t) => ({ ok: true, text: t })), { action: 'skip', reason: 'identical' });
    assert.deepEqual(await planReplacement(files, PATH, () => ({ ok: false, message: 'bad YAML' })), { action: 'refuse', reason: 'sidecar-invalid', message: 'bad YAML' });
    const plan = await planReplacement(files, PATH, (t) => ({ ok: true, text: `${t} and more` }));
    assert.ok(plan.action === 'write');
    files.outsideWrite('saved meanwhile');
    assert.deepEqual(await replaceSidecar(files, PATH, plan.text, plan.expected), { ok: false, changed: true });
    assert.equal(files.content(), 'saved meanwhile');
  });
});

describe('sidecar writer: on the real file system', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-writer-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes again and again over its own writes (the snapshot of a write matches the file), and refuses over an outside save', async () => {
    const file = path.join(dir, 'doc.txt.annotations.yaml');
    const writer = new SidecarWriter(file, nodeSidecarFileSystem(), new FakePrompt());
    const model = new FakeModel(textOf(await writer.read()));
    for (const text of ['one\n', 'two\n', 'three\n']) {
      model.change(text);
      assert.deepEqual(await writer.save(model), { kind: 'written', text });
    }
    assert.deepEqual(await writer.diskChanged(model), { kind: 'ignored', reason: 'known' });
    fs.writeFileSync(file, 'saved by an editor\n');
    model.change('four\n');
    const outcome = await writer.save(model);
    assert.equal(outcome.kind === 'refused' && outcome.reason, 'changed-on-disk');
    assert.equal(fs.readFileSync(file, 'utf8'), 'saved by an editor\n');
    model.change(undefined);
    assert.equal((await writer.save(model)).kind, 'refused');
    assert.equal(fs.readFileSync(file, 'utf8'), 'saved by an editor\n');
    assert.deepEqual(fs.readdirSync(dir), ['doc.txt.annotations.yaml'], 'no temp file left');
  });

  it('refuses a write when the file changes right before the rename, through the same check as the command line', async () => {
    const file = path.join(dir, 'doc.txt.annotations.yaml');
    fs.writeFileSync(file, 'v1\n');
    const files = nodeSidecarFileSystem({ beforeReplace: (p) => fs.writeFileSync(p, 'saved meanwhile\n') });
    const writer = new SidecarWriter(file, files, new FakePrompt(), QUICK_SETTLE);
    const model = new FakeModel(textOf(await writer.read()));
    model.change('v2\n');
    const outcome = await writer.save(model);
    assert.equal(outcome.kind === 'refused' && outcome.reason, 'changed-on-disk');
    assert.equal(fs.readFileSync(file, 'utf8'), 'saved meanwhile\n');
  });
});

describe('sidecar writer: a file reported while it is being written', () => {
  const FULL = 'annotations:\n  - id: a1\n    kind: claim\n';
  let files: MemoryFileSystem;
  let reads: number;

  /** The file is known as `v1`; someone starts writing FULL, and `steps[i]` is what the (i+1)-th read of the report finds. */
  async function reported(steps: (string | undefined)[], model: FakeModel, writer: SidecarWriter): Promise<void> {
    reads = 0;
    files.pause = async () => {
      const step = steps[reads++];
      if (step !== undefined) files.outsideWrite(step);
    };
    await writer.diskChanged(model);
  }

  async function start(settle = QUICK_SETTLE, answers: ('reload' | 'keep' | undefined)[] = []): Promise<{ writer: SidecarWriter; model: FakeModel; prompt: FakePrompt }> {
    files = new MemoryFileSystem();
    files.outsideWrite('v1');
    const prompt = new FakePrompt(answers);
    const writer = new SidecarWriter(PATH, files, prompt, settle);
    return { writer, model: new FakeModel(textOf(await writer.read())), prompt };
  }

  it('reloads the finished file, not the half it read first (cut mid-line, or emptied before the write)', async () => {
    for (const half of [FULL.slice(0, 17), '']) {
      const { writer, model } = await start();
      await reported([half, FULL], model, writer);
      assert.deepEqual(model.reloads.map(textOf), [FULL], `first read: ${JSON.stringify(half)}`);
      assert.equal(reads, 3, 'read until two reads agree');
    }
  });

  it('asks the user about the finished file, not the half of it, when the model has unsaved changes', async () => {
    const { writer, model, prompt } = await start(QUICK_SETTLE, [undefined]);
    model.change('mine');
    await reported([FULL.slice(0, 9), FULL], model, writer);
    assert.deepEqual(prompt.questions.map((q) => textOf(q.onDisk)), [FULL]);
    assert.deepEqual(model.reloads, []);
  });

  it('reads its own write once, with no pause', async () => {
    let paused = 0;
    const { writer, model } = await start({ ...QUICK_SETTLE, sleep: async () => void paused++ });
    model.change('v2');
    await writer.save(model);
    await reported([], model, writer);
    assert.equal(reads, 1);
    assert.equal(paused, 0);
    assert.deepEqual(model.reloads, []);
  });

  it('stops reading a file that never stops changing after maxReads reads, and takes the last', async () => {
    const { writer, model } = await start({ ...QUICK_SETTLE, maxReads: 4 });
    await reported(['w1', 'w2', 'w3', 'w4', 'w5', 'w6'], model, writer);
    assert.equal(reads, 4);
    assert.deepEqual(model.reloads.map(textOf), ['w4']);
  });

  it('starts from a read already made (the index parsed it and found it broken) and reads until the file stops changing', async () => {
    files = new MemoryFileSystem();
    files.outsideWrite(FULL.slice(0, 12));
    const half = await readSidecarContent(files, PATH);
    files.outsideWrite(FULL);
    reads = 0;
    files.pause = async () => void reads++;
    const settled = await readSettled(files, PATH, () => false, QUICK_SETTLE, half);
    assert.equal(textOf(settled), FULL);
    assert.equal(reads, 2, 'the whole file read twice, the half not again');
  });

  it('tells a file read twice unchanged from one written again with the same text', () => {
    const a: DiskVersion = { kind: 'text', text: 'x', snapshot: SNAPSHOT };
    assert.ok(sameVersion(a, { ...a }));
    assert.ok(!sameVersion(a, { kind: 'text', text: 'x', snapshot: { ...SNAPSHOT, mtimeMs: 2 } }));
    assert.ok(!sameVersion(a, { kind: 'text', text: 'y', snapshot: SNAPSHOT }));
    assert.ok(sameVersion(MISSING, MISSING));
    assert.ok(!sameVersion(MISSING, a));
  });
});

describe('sidecar writer: any interleaving', () => {
  type Command =
    | { readonly t: 'change'; readonly empty: boolean }
    | { readonly t: 'type' }
    | { readonly t: 'save' }
    | { readonly t: 'outside'; readonly kind: 'write' | 'touch' | 'remove' }
    | { readonly t: 'report' }
    | { readonly t: 'checkout' };

  const command: fc.Arbitrary<Command> = fc.oneof(
    fc.record({ t: fc.constant('change' as const), empty: fc.boolean() }),
    fc.constant({ t: 'type' as const }),
    fc.constant({ t: 'save' as const }),
    fc.record({ t: fc.constant('outside' as const), kind: fc.constantFrom('write' as const, 'touch' as const, 'remove' as const) }),
    fc.constant({ t: 'report' as const }),
    fc.constant({ t: 'checkout' as const }),
  );
  const answer = fc.constantFrom('reload' as const, 'keep' as const, undefined);

  it('never overwrites an outside change the user did not discard, and never refuses a write without asking', async function () {
    this.timeout(60_000);
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(command, { minLength: 1, maxLength: 24 }), fc.array(answer, { maxLength: 8 }), async (s, commands, answers) => {
        const files = new MemoryFileSystem();
        files.outsideWrite('ours 0');
        const violations: string[] = [];
        // The contents the model is based on: written or reloaded by it, or discarded by the user.
        let based = new Set<string | undefined>(['ours 0']);
        files.onCommit = (replaced, by) => {
          if (!based.has(replaced)) violations.push(`overwrote ${JSON.stringify(replaced)} (based on ${JSON.stringify([...based])}) with ${JSON.stringify(by)}`);
          based = new Set([by]);
        };
        const questions: ConflictQuestion[] = [];
        const prompt: ConflictPrompt = {
          ask: (question) => {
            questions.push(question);
            const given = answers.shift();
            if (given === 'keep') based.add(textOf(question.onDisk));
            return s.schedule(Promise.resolve(given));
          },
        };
        const writer = new SidecarWriter(PATH, files, prompt, QUICK_SETTLE);
        const model = new FakeModel('ours 0');
        model.onReload = (disk) => {
          based = new Set([textOf(disk)]);
        };
        await writer.read();
        // From here on, the scheduler decides what happens between any two file operations.
        files.pause = () => s.schedule(Promise.resolve());
        let serial = 0;
        const refusals: Promise<unknown>[] = [];
        const check = (outcome: WriteOutcome) => {
          if (outcome.kind === 'refused' && outcome.reason === 'changed-on-disk') {
            refusals.push(
              outcome.resolution.then((resolution) => {
                if (resolution.kind === 'ignored') violations.push('a refused write was not reported');
              }),
            );
          }
        };
        const run = async (c: Command): Promise<void> => {
          switch (c.t) {
            case 'change':
              model.change(c.empty ? undefined : `ours ${++serial}`);
              return check(await writer.save(model));
            case 'type':
              model.documentSaved = false;
              return;
            case 'save':
              model.documentSaved = true;
              return check(await writer.save(model));
            case 'outside':
              if (c.kind === 'remove') files.outsideRemove();
              else files.outsideWrite(c.kind === 'touch' ? (files.content() ?? 'new') : `theirs ${++serial}`);
              return;
            case 'report':
              await writer.diskChanged(model);
              return;
            case 'checkout':
              await writer.diskChanged(model, { documentReloaded: true });
              return;
          }
        };
        const done = commands.map((c) => s.schedule(Promise.resolve(c)).then(run));
        for (;;) {
          await new Promise((resolve) => setImmediate(resolve));
          if (s.count() === 0) break;
          await s.waitOne();
        }
        await Promise.all(done);
        await Promise.all(refusals);
        await writer.idle();
        assert.deepEqual(violations, []);
      }),
      { numRuns: 300, seed: 20240611, timeout: 5000 },
    );
  });
});
