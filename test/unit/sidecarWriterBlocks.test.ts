// The extension's save path through the one sidecar writer: SidecarWriter keeps a block cache per
// sidecar and renders the document's annotations with it (renderSidecar), so a save after typing
// re-renders only the annotations whose fields other than their offsets changed. What it writes
// must be, byte for byte, what the yaml library writes for the same annotations, after any
// sequence of edits, annotation changes and saves.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { serializeSidecarWithoutFastPath } from '../../src/core/sidecar/serializeSidecar';
import type { SidecarBlockCache } from '../../src/core/sidecar/sidecarBlockCache';
import { buildSidecarFile } from '../../src/core/sidecar/sidecarCodec';
import { renderSidecar } from '../../src/core/sidecar/sidecarDocument';
import { SidecarWriter, type SidecarModel } from '../../src/core/sidecar/sidecarWriter';
import { type DiskVersion } from '../../src/core/sidecar/diskVersion';
import { hostile } from './sidecarArbitraries';
import { MemoryFileSystem, PATH, QUICK_SETTLE } from './memoryFileSystem';

/** A document's annotations and text as the extension's store hands them to the writer. */
class DocumentModel implements SidecarModel {
  unsaved = false;
  readonly documentSaved = true;
  readonly invalid = false;
  /** reused and rendered blocks of each render. */
  readonly renders: [number, number][] = [];

  constructor(
    public text: string,
    readonly annotations: DocumentAnnotations,
  ) {}

  get empty(): boolean {
    return this.annotations.size === 0;
  }

  render(blocks: SidecarBlockCache): string {
    const text = renderSidecar(this.annotations, this.text, blocks);
    this.renders.push([blocks.reused, blocks.rendered]);
    return text;
  }

  setUnsaved(unsaved: boolean): void {
    this.unsaved = unsaved;
  }

  async reload(_disk: DiskVersion): Promise<void> {
    assert.fail('nothing changes the sidecar on disk here');
  }

  /** Types `insert` over `text[offset, offset + length)`, as the store follows an edit. */
  edit(offset: number, length: number, insert: string): void {
    this.text = this.text.slice(0, offset) + insert + this.text.slice(offset + length);
    this.annotations.applyChanges([{ offset, length, text: insert }]);
    this.unsaved = true;
  }

  /** What the yaml library writes for the annotations as they are now. */
  expected(): string | undefined {
    return this.empty ? undefined : serializeSidecarWithoutFastPath(buildSidecarFile(this.annotations.all, this.text));
  }
}

const TEXT = 'Он сказал: «да». 😀 Then "yes": #1\r\nand more text: the minister said it was final. 👍🏽 Ещё строка.\n';

const operation = fc.oneof(
  fc.record({ type: fc.constant('edit' as const), at: fc.nat(), length: fc.nat({ max: 6 }), insert: hostile }),
  fc.record({ type: fc.constant('add' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }), kind: fc.constantFrom('claim', 'quote', 'speculation'), speaker: hostile }),
  fc.record({ type: fc.constant('update' as const), index: fc.nat(), field: fc.constantFrom('speaker', 'note', 'kind', 'stance'), value: hostile }),
  fc.record({ type: fc.constant('remove' as const), index: fc.nat() }),
  fc.record({ type: fc.constant('save' as const) }),
);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function apply(model: DocumentModel, op: Exclude<Operation, { type: 'save' }>): void {
  const all = model.annotations.all;
  switch (op.type) {
    case 'edit': {
      const offset = op.at % (model.text.length + 1);
      model.edit(offset, Math.min(op.length, model.text.length - offset), op.insert);
      return;
    }
    case 'add': {
      if (model.text.length < 2) return;
      const start = op.at % (model.text.length - 1);
      const end = Math.min(model.text.length, start + op.length);
      model.annotations.add({ kind: op.kind, start, end, speaker: op.speaker.trim() || undefined }, model.text);
      model.unsaved = true;
      return;
    }
    case 'update': {
      if (all.length === 0) return;
      const id = all[op.index % all.length].id;
      const patch = op.field === 'stance' ? { attributes: { stance: op.value } } : op.field === 'kind' ? { kind: op.value.trim() || 'claim' } : { [op.field]: op.value };
      if (model.annotations.update(id, patch)) model.unsaved = true;
      return;
    }
    case 'remove':
      if (all.length === 0) return;
      model.annotations.remove(all[op.index % all.length].id);
      model.unsaved = true;
      return;
  }
}

/** `count` lines, each with one annotation of `kind` on its quoted statement. */
function statements(count: number, kind: string, eol: string): { text: string; annotations: DocumentAnnotations } {
  const lines = Array.from({ length: count }, (_, i) => `Line ${i}: the minister said "statement ${i}" 😀 was final.`);
  const text = lines.join(eol) + eol;
  const annotations = new DocumentAnnotations();
  let offset = 0;
  for (const line of lines) {
    const start = offset + line.indexOf('"');
    annotations.add({ kind, start, end: start + 13, speaker: 'The minister' }, text);
    offset += line.length + eol.length;
  }
  return { text, annotations };
}

describe('sidecar writer with its block cache (the extension save path)', function () {
  // Every save is compared with the yaml library's output: hundreds of library writes.
  this.timeout(120_000);

  it('writes what the yaml library writes after any edits, changes and saves (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (ops) => {
        const fs = new MemoryFileSystem();
        const writer = new SidecarWriter(PATH, fs, { ask: () => assert.fail('no conflict here') }, QUICK_SETTLE);
        const model = new DocumentModel(TEXT, new DocumentAnnotations());
        for (const op of [...ops, { type: 'save' as const }]) {
          if (op.type !== 'save') {
            apply(model, op);
            continue;
          }
          const writes = fs.writes;
          const outcome = await writer.save(model);
          assert.equal(fs.content(), model.expected());
          // Nothing is written when the sidecar would not change.
          if (outcome.kind === 'unchanged') assert.equal(fs.writes, writes);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('renders again only the annotations whose quote, context or fields changed, and skips a save that changes nothing', async () => {
    const { text, annotations } = statements(40, 'claim', '\r\n');
    const fs = new MemoryFileSystem();
    const writer = new SidecarWriter(PATH, fs, { ask: () => assert.fail('no conflict here') }, QUICK_SETTLE);
    const model = new DocumentModel(text, annotations);
    model.unsaved = true;
    assert.equal((await writer.save(model)).kind, 'written');
    assert.deepEqual(model.renders.at(-1), [0, 40]);

    // Typing on the second line: every later annotation moves, only those whose context holds the edit change.
    model.edit(text.indexOf('\r\n') + 2 + 5, 0, 'xyz');
    assert.equal((await writer.save(model)).kind, 'written');
    assert.equal(fs.content(), model.expected());
    const [reused, rendered] = model.renders.at(-1) ?? [0, 0];
    assert.ok(rendered >= 1 && rendered <= 2, `rendered ${rendered}`);
    assert.equal(reused + rendered, 40);

    // A speaker changed: that one annotation.
    assert.ok(annotations.update(annotations.all[20].id, { speaker: 'Someone else' }));
    model.unsaved = true;
    await writer.save(model);
    assert.deepEqual(model.renders.at(-1), [39, 1]);
    assert.equal(fs.content(), model.expected());

    // Changed and changed back: rendered, found identical, nothing written.
    const writes = fs.writes;
    assert.ok(annotations.update(annotations.all[20].id, { note: 'x' }));
    assert.ok(annotations.update(annotations.all[20].id, { note: '' }));
    model.unsaved = true;
    assert.deepEqual(await writer.save(model), { kind: 'unchanged', reason: 'identical' });
    assert.equal(fs.writes, writes);
  });

  it('prefilled with the sidecar as read, renders at the first save only what changed since, and writes what the yaml library writes', async () => {
    const { text, annotations } = statements(30, 'quote', '\n');
    const onDisk = buildSidecarFile(annotations.all, text);
    const fs = new MemoryFileSystem();
    fs.outsideWrite(serializeSidecarWithoutFastPath(onDisk));
    const writer = new SidecarWriter(PATH, fs, { ask: () => assert.fail('no conflict here') }, QUICK_SETTLE);
    await writer.read();
    await writer.prefill(onDisk);
    const model = new DocumentModel(text, annotations);
    // Typing above everything moves every annotation; a speaker changed on one; a new one added.
    model.edit(0, 0, 'New first words. ');
    assert.ok(annotations.update(annotations.all[7].id, { speaker: 'Someone else' }));
    annotations.add({ kind: 'claim', start: 0, end: 9 }, model.text);
    assert.equal((await writer.save(model)).kind, 'written');
    assert.equal(fs.content(), model.expected());
    // The first annotation's context held the edit; the seventh changed; the new one is new.
    const [reused, rendered] = model.renders.at(-1) ?? [0, 0];
    assert.ok(rendered >= 2 && rendered <= 3, `rendered ${rendered}`);
    assert.equal(reused + rendered, 31);

    // Once a save has filled the cache, a prefill with an older reading changes nothing.
    await writer.prefill(onDisk);
    assert.ok(annotations.update(annotations.all[3].id, { note: 'checked' }));
    model.unsaved = true;
    await writer.save(model);
    assert.deepEqual(model.renders.at(-1), [30, 1]);
    assert.equal(fs.content(), model.expected());
  });
});
