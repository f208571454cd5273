import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { Document } from 'yaml';
import { CORE_NOT_STRING, plainIsString } from '../../src/core/sidecar/coreSchemaScalars';
import { serializeCanonicalSidecar } from '../../src/core/sidecar/fastSidecarWriter';
import { parseSidecarWithoutFastPath } from '../../src/core/sidecar/parseSidecar';
import { SidecarBlockCache } from '../../src/core/sidecar/sidecarBlockCache';
import { renderSidecar } from '../../src/core/sidecar/sidecarDocument';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { serializeSidecar, serializeSidecarWithoutFastPath } from '../../src/core/sidecar/serializeSidecar';
import type { SidecarFile, StoredAnnotation } from '../../src/core/sidecar/sidecarFormat';
import { annotation, file, hostile, REPO_SIDECARS } from './sidecarArbitraries';

// The fast writer (fastSidecarWriter.ts) must write byte for byte what the yaml library path
// writes, or decline (undefined) so that the library writes. These tests compare the two.

const HASH = 'sha256:' + 'ab'.repeat(32);

function assertSameAsLibrary(f: SidecarFile, label?: string): boolean {
  const expected = serializeSidecarWithoutFastPath(f);
  const fast = serializeCanonicalSidecar(f);
  if (fast !== undefined) assert.equal(fast, expected, label ?? JSON.stringify(f).slice(0, 300));
  assert.equal(serializeSidecar(f), expected);
  return fast !== undefined;
}

/** Values the writer may meet in a SidecarFile built by hand or read from elsewhere. */
const odd: fc.Arbitrary<StoredAnnotation> = fc
  .tuple(annotation, fc.constantFrom<Partial<Record<string, unknown>>>(
    { start: -0 },
    { end: 1.5 },
    { start: -1 },
    { end: Number.MAX_SAFE_INTEGER + 2 },
    { kind: 42 },
    { speaker: '' },
    { orphaned: false },
    { attributes: {} },
    { attributes: { true: 'x' } },
    { attributes: { 'not a key': 'x' } },
    { attributes: { stance: 3 } },
    { author: 'trailing ' },
    { author: ' \u00A0' },
    { note: '---' },
    { note: '... x' },
    {},
  ))
  .map(([a, change]) => ({ ...a, ...change }) as StoredAnnotation);

describe('fast sidecar writer', function () {
  // Properties of hundreds of runs, each read or written by the yaml library too: more than mocha's
  // default 10 s on a 2-core machine shared with other jobs.
  this.timeout(120_000);

  it('quotes plain values by the same core schema patterns as the yaml library', () => {
    const tags = new Document({}).schema.tags.filter((t) => t.default && t.tag !== 'tag:yaml.org,2002:str' && t.test);
    assert.deepEqual(CORE_NOT_STRING.map((r) => r.source), tags.map((t) => t.test?.source));
  });

  it('decides plain values as the core schema patterns do, the shortcut for a leading letter included (property)', () => {
    const byPatterns = (v: string) => !CORE_NOT_STRING.some((r) => r.test(v));
    const words = ['null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'fALSE', 'nan', 'inf', '0o7', '0x1F', '1e5', '.5', '-3', '~', ''];
    const pieces = fc.constantFrom(...words, 'n', 't', 'f', 'N', 'T', 'F', 'e', 'x', 'o', '.', '-', '+', '0', '9', ' ', '_', '@', '`', '[', '{', 'é');
    fc.assert(
      fc.property(fc.oneof(fc.array(pieces, { maxLength: 4 }).map((p) => p.join('')), fc.string(), fc.fullUnicodeString()), (v) => {
        assert.equal(plainIsString(v), byPatterns(v), JSON.stringify(v));
      }),
      { numRuns: 2000 },
    );
    for (const v of words) assert.equal(plainIsString(v), byPatterns(v), v);
  });

  it('writes what the yaml library writes, byte for byte (property, hostile strings)', () => {
    let fast = 0;
    fc.assert(
      fc.property(file, (f) => {
        if (assertSameAsLibrary(f)) fast++;
      }),
      { numRuns: 600 },
    );
    // It declines only where it is not sure (see the odd values below), not on hostile strings.
    assert.ok(fast > 550, `only ${fast} of 600 written by the fast path`);
  });

  it('writes what the yaml library writes or declines, for odd values (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(annotation, odd), { maxLength: 5 }), (annotations) => {
        assertSameAsLibrary({ version: 1, documentHash: HASH, annotations });
      }),
      { numRuns: 300 },
    );
  });

  it('writes what the yaml library writes for every sidecar in the repository', () => {
    assert.ok(REPO_SIDECARS.length > 0);
    for (const p of REPO_SIDECARS) {
      const parsed = parseSidecarWithoutFastPath(fs.readFileSync(p, 'utf8'), 'any');
      assert.ok(parsed.ok, p);
      assert.ok(assertSameAsLibrary(parsed.sidecar, p), `${p}: not written by the fast path`);
    }
  });

  it('declines a document hash of another form', () => {
    assert.equal(serializeCanonicalSidecar({ version: 1, documentHash: 'sha256:AB', annotations: [] }), undefined);
    assertSameAsLibrary({ version: 1, documentHash: 'sha256:AB', annotations: [] });
  });

  describe('block cache', () => {
    const base = (n: number): StoredAnnotation[] =>
      Array.from({ length: n }, (_, i) => ({ id: `a${i}`, kind: 'claim', start: i, end: i + 1, text: `t ${i}: "x"`, prefix: '', suffix: 's', author: i % 3 ? 'bob' : undefined }));

    it('renders only the annotations that changed, with the same bytes', () => {
      const cache = new SidecarBlockCache();
      const annotations = base(20);
      const first = serializeSidecar({ version: 1, documentHash: HASH, annotations }, cache);
      assert.equal(first, serializeSidecarWithoutFastPath({ version: 1, documentHash: HASH, annotations }));
      assert.deepEqual([cache.reused, cache.rendered], [0, 20]);
      const changed = annotations.map((a, i) => (i === 7 ? { ...a, text: 'new' } : { ...a }));
      const second = serializeSidecar({ version: 1, documentHash: HASH, annotations: changed }, cache);
      assert.equal(second, serializeSidecarWithoutFastPath({ version: 1, documentHash: HASH, annotations: changed }));
      assert.deepEqual([cache.reused, cache.rendered], [19, 1]);
    });

    it('puts the new offsets of an annotation that only moved into its kept block', () => {
      const cache = new SidecarBlockCache();
      const annotations = base(20);
      serializeSidecar({ version: 1, documentHash: HASH, annotations }, cache);
      const moved = annotations.map((a) => ({ ...a, start: a.start + 1000, end: a.end + 1003 }));
      const text = serializeSidecar({ version: 1, documentHash: HASH, annotations: moved }, cache);
      assert.equal(text, serializeSidecarWithoutFastPath({ version: 1, documentHash: HASH, annotations: moved }));
      assert.deepEqual([cache.reused, cache.rendered], [20, 0]);
      // An offset the fast writer is not sure of is still declined, kept block or not.
      const odd = moved.map((a, i) => (i === 3 ? { ...a, start: -0 } : a));
      assert.equal(serializeCanonicalSidecar({ version: 1, documentHash: HASH, annotations: odd }, cache), undefined);
      assertSameAsLibrary({ version: 1, documentHash: HASH, annotations: odd });
    });

    it('never writes a stale block: a sequence of edits gives what the library writes (property)', () => {
      const edit = fc.record({ index: fc.nat(), field: fc.constantFrom('text', 'prefix', 'suffix', 'note', 'speaker', 'kind', 'start', 'end', 'adjudicatedFrom', 'attributes', 'orphaned', 'author', 'id'), value: hostile });
      fc.assert(
        fc.property(fc.array(annotation, { minLength: 1, maxLength: 6 }), fc.array(edit, { maxLength: 8 }), (initial, edits) => {
          const cache = new SidecarBlockCache();
          let annotations = initial;
          for (const e of [undefined, ...edits]) {
            if (e) {
              const i = e.index % annotations.length;
              const a = { ...annotations[i] } as Record<string, unknown>;
              if (e.field === 'start' || e.field === 'end') a[e.field] = e.value.length;
              else if (e.field === 'orphaned') a.orphaned = !a.orphaned;
              else if (e.field === 'attributes') a.attributes = { ...(a.attributes as object), stance: e.value };
              else if (e.field === 'id') a.id = annotations[(i + 1) % annotations.length].id; // a duplicate id too
              else a[e.field] = e.value;
              annotations = annotations.map((x, j) => (j === i ? (a as unknown as StoredAnnotation) : x));
            }
            const f: SidecarFile = { version: 1, documentHash: HASH, annotations };
            assert.equal(serializeSidecar(f, cache), serializeSidecarWithoutFastPath(f));
          }
        }),
        { numRuns: 200 },
      );
    });

    it('renderSidecar with a document\'s cache writes what it writes without one', () => {
      const text = 'Он сказал: «да». 😀 Then "yes": #1\r\nand more';
      const model = () =>
        new DocumentAnnotations([
          { id: 'abcd1', kind: 'quote', start: 11, end: 15, text: '', prefix: '', suffix: '' },
          { id: 'abcd2', kind: 'claim', start: 17, end: 30, text: '', prefix: '', suffix: '', speaker: 'Он' },
        ]);
      const cache = new SidecarBlockCache();
      const first = renderSidecar(model(), text, cache);
      assert.equal(first, renderSidecar(model(), text));
      assert.equal(renderSidecar(model(), text, cache), first);
      assert.deepEqual([cache.reused, cache.rendered], [2, 0]);
    });

    it('keeps only the blocks of the last write', () => {
      const cache = new SidecarBlockCache();
      serializeSidecar({ version: 1, documentHash: HASH, annotations: base(10) }, cache);
      serializeSidecar({ version: 1, documentHash: HASH, annotations: base(2) }, cache);
      assert.equal(cache.size, 2);
      serializeSidecar({ version: 1, documentHash: HASH, annotations: base(10) }, cache);
      assert.deepEqual([cache.reused, cache.rendered], [2, 8]);
      assert.equal(cache.size, 10);
    });
  });
});
