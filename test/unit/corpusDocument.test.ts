import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareAnnotations } from '../../src/core/annotation';
import { corpusDocument, intactStoredAnnotations, type AnnotatedDocument } from '../../src/core/corpus/annotatedDocument';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { parseSidecar } from '../../src/core/sidecar/parseSidecar';
import { buildSidecarFile, toStoredAnnotations } from '../../src/core/sidecar/sidecarCodec';
import { loadParsedSidecar } from '../../src/core/sidecar/sidecarDocument';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import { hashDocumentText } from '../../src/core/text/documentText';
import { annotateSpans, applyEdits } from './editedTexts';

// The reports (stats, export, diff) take a sidecar's annotations as stored when every quote is
// still at its offsets, without loading the sidecar (hash, conversions, re-anchoring). That must
// give exactly what the load gives, on documents edited every way; here the load is the reference.

// Few letters, so quotes and contexts recur; CRLF, astral characters, a combining mark, a BOM.
const piece = fc.constantFrom('a', 'b', 'ab', ' ', '\n', '\r\n', '😀', 'e\u0301', 'ba', '\uFEFF');
const text = fc.array(piece, { minLength: 1, maxLength: 40 }).map((p) => p.join('')).filter((t) => !t.startsWith('\uFEFF'));
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(4), insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')) });
const spans = fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 6 })), { minLength: 1, maxLength: 6 });

/** A sidecar written for `original`, read beside `documentText`; `loaded` is computed by the load itself. */
function annotated(sidecarText: string, documentText: string): AnnotatedDocument {
  const parsed = parseSidecar(sidecarText);
  return {
    sidecarPath: '/x/d.txt.annotations.yaml',
    documentPath: '/x/d.txt',
    sidecarText,
    sidecarSnapshot: { bytes: new Uint8Array(), size: 0, mtimeMs: 0, ino: 0, dev: 0 },
    documentText,
    documentProblem: undefined,
    parsed,
    loaded: loadParsedSidecar(parsed, documentText),
  };
}

/** What corpusDocument gave before it had a fast path: always through the load. */
function byLoad(doc: AnnotatedDocument): unknown {
  if (doc.loaded?.ok && doc.documentText !== undefined) return toStoredAnnotations(doc.loaded.annotations.all, doc.documentText).sort(compareAnnotations);
  return doc.parsed.ok ? [...doc.parsed.sidecar.annotations].sort(compareAnnotations) : undefined;
}

describe('report input: annotations still at their offsets are taken as stored', () => {
  it('gives exactly what loading the sidecar gives, on edited documents, and check may skip the load (property)', () => {
    let intact = 0;
    let loadedInstead = 0;
    fc.assert(
      fc.property(text, spans, fc.array(edit, { maxLength: 2 }), fc.boolean(), (original, where, edits, orphan) => {
        const doc = annotateSpans(original, where, { speaker: 'S' });
        // A stored orphan: its offsets are empty, so it is never taken as intact.
        if (orphan) Object.assign(doc.all[0], { orphaned: true, end: doc.all[0].start });
        const sidecar = serializeSidecar(buildSidecarFile(doc.all, original));
        const edited = applyEdits(original, edits);
        // The command line reads documents without their BOM (readDocumentText): no text starts with one.
        if (edited.startsWith('\uFEFF')) return;
        const read = annotated(sidecar, edited);
        if (read.parsed.ok && intactStoredAnnotations(read.parsed.sidecar.annotations, edited)) {
          intact++;
          // What check relies on to skip the load: it would move, orphan and refuse nothing.
          const loaded = read.loaded;
          assert.ok(loaded?.ok);
          assert.deepEqual([loaded.anchoring.moved.length, loaded.anchoring.orphaned.length], [0, 0]);
          assert.equal(loaded.documentChanged, read.parsed.sidecar.documentHash !== hashDocumentText(edited));
        } else loadedInstead++;
        assert.deepEqual(corpusDocument(read, 'd.txt')?.annotations, byLoad(read));
      }),
      { numRuns: 1500 },
    );
    // Both ways were taken, many times: the property compares something.
    assert.ok(intact > 100 && loadedInstead > 100, `${intact} intact, ${loadedInstead} loaded`);
  });

  it('takes nothing as intact when an offset is past the end or a quote moved', () => {
    const original = 'one two three 😀 four';
    const doc = new DocumentAnnotations();
    doc.add({ kind: 'claim', start: original.indexOf('three'), end: original.indexOf('three') + 5 }, original);
    const parsed = parseSidecar(serializeSidecar(buildSidecarFile(doc.all, original)));
    assert.ok(parsed.ok);
    assert.equal(intactStoredAnnotations(parsed.sidecar.annotations, original)?.length, 1);
    assert.equal(intactStoredAnnotations(parsed.sidecar.annotations, 'zero ' + original), undefined);
    assert.equal(intactStoredAnnotations(parsed.sidecar.annotations, 'one two'), undefined);
  });
});
