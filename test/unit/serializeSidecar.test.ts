import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ANNOTATION_KINDS } from '../../src/core/annotationKind';
import { parseSidecar } from '../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import {
  compareStoredAnnotations,
  normalizeStoredAnnotation,
  type SidecarFile,
  type StoredAnnotation,
} from '../../src/core/sidecar/sidecarFormat';

const HASH = 'sha256:' + '0123456789abcdef'.repeat(4);

const EXAMPLE: SidecarFile = {
  version: 1,
  documentHash: HASH,
  annotations: [
    { id: 'k7q2m9xw', kind: 'claim', start: 12, end: 31, text: 'Россия призвала НАТО', prefix: 'Lavrov: ', suffix: ' 😀 to cooperate', speaker: 'Sergey Lavrov', note: '', author: 'ann' },
    { id: 'zz99zz99', kind: 'speculation', start: 2, end: 4, text: 'll', prefix: 'He', suffix: 'o', author: 'bob' },
    { id: 'a1b2c3d4', kind: 'quote', start: 0, end: 5, text: 'Hello', prefix: '', suffix: ': "world" #1', note: ' see p. 2\r\n', author: 'ann', orphaned: false },
  ],
};

const EXPECTED = `# Source Annotator sidecar — see README "Sidecar format"

version: 1
documentHash: ${HASH}
annotations:
  # annotations by ann
  - id: a1b2c3d4
    kind: quote
    start: 0
    end: 5
    text: Hello
    prefix: ""
    suffix: ": \\"world\\" #1"
    note: " see p. 2\\r\\n"
    author: ann

  - id: k7q2m9xw
    kind: claim
    start: 12
    end: 31
    text: Россия призвала НАТО
    prefix: "Lavrov: "
    suffix: " 😀 to cooperate"
    speaker: Sergey Lavrov
    author: ann
  # end of annotations by ann

  # annotations by bob
  - id: zz99zz99
    kind: speculation
    start: 2
    end: 4
    text: ll
    prefix: He
    suffix: o
    author: bob
  # end of annotations by bob
`;

function roundTrip(file: SidecarFile): SidecarFile {
  const r = parseSidecar(serializeSidecar(file));
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.problems));
  return r.sidecar;
}

describe('serializeSidecar', () => {
  it('writes the documented layout: grouped by author between comment lines, sorted, fixed key order, blank line between blocks', () => {
    assert.equal(serializeSidecar(EXAMPLE), EXPECTED);
  });

  it('is independent of input order and of the optional fields being empty or absent', () => {
    const shuffled: SidecarFile = { ...EXAMPLE, annotations: [...EXAMPLE.annotations].reverse().map(normalizeStoredAnnotation) };
    assert.equal(serializeSidecar(shuffled), EXPECTED);
  });

  it('writes LF only, no trailing spaces, no tabs, and ends with one newline', () => {
    const out = serializeSidecar({ ...EXAMPLE, annotations: [{ ...EXAMPLE.annotations[1], text: 'a\r\n\tb ' }] });
    assert.equal(out.includes('\r'), false);
    assert.equal(out.includes('\t'), false);
    assert.equal(/ $/m.test(out), false);
    assert.ok(out.endsWith('\n') && !out.endsWith('\n\n'));
  });

  it('frames annotations without author first, and keeps odd author names on one escaped comment line', () => {
    const out = serializeSidecar({
      ...EXAMPLE,
      annotations: [
        { ...EXAMPLE.annotations[0], author: 'x\u2028y\n"z"' },
        { ...EXAMPLE.annotations[1], author: undefined },
      ],
    });
    const comments = out.split('\n').filter((l) => l.trimStart().startsWith('#')).slice(1);
    assert.deepEqual(comments, [
      '  # annotations without author',
      '  # end of annotations without author',
      '  # annotations by x\\u2028y\\n\\"z\\"',
      '  # end of annotations by x\\u2028y\\n\\"z\\"',
    ]);
    assert.equal(roundTrip({ ...EXAMPLE, annotations: [{ ...EXAMPLE.annotations[0], author: 'x\u2028y\n"z"' }] }).annotations[0].author, 'x\u2028y\n"z"');
  });

  it('writes an empty list as []', () => {
    const out = serializeSidecar({ version: 1, documentHash: HASH, annotations: [] });
    assert.ok(out.endsWith('annotations: []\n'));
    assert.deepEqual(roundTrip({ version: 1, documentHash: HASH, annotations: [] }).annotations, []);
  });

  it('never folds long lines', () => {
    const long = 'word '.repeat(200).trim();
    const out = serializeSidecar({ ...EXAMPLE, annotations: [{ ...EXAMPLE.annotations[0], text: long + '\n' + long }] });
    assert.equal(out.split('\n').filter((l) => l.includes('word')).length, 1);
  });

  it('escapes invisible and line-separator characters instead of writing them raw', () => {
    const text = 'a\u2028b\u2029c\u0085d\uFEFFe\u200Bf\u202Eg\u0007h';
    const out = serializeSidecar({ ...EXAMPLE, annotations: [{ ...EXAMPLE.annotations[1], text }] });
    assert.ok(out.includes('text: "a\\u2028b\\u2029c\\u0085d\\uFEFFe\\u200Bf\\u202Eg\\ah"'), out);
    // eslint-disable-next-line no-control-regex -- checks that BEL was escaped
    assert.equal(/[\u2028\u2029\u0085\uFEFF\u200B\u202E\u0007]/.test(out), false);
    assert.equal(roundTrip({ ...EXAMPLE, annotations: [{ ...EXAMPLE.annotations[1], text }] }).annotations[0].text, text);
  });

  it('round-trips strings that YAML treats specially', () => {
    const nasty = [
      ' leading', 'trailing ', '\r\n', 'a: b', 'a #b', '#', '# x', '---', '...', '- x', '? x', '"', "'", '`x`', '@x', '%x',
      '!x', '&x', '*x', '|', '>', '[x]', '{x}', 'true', 'null', '~', '0x1F', '1e3', '012', '.inf', '', ' ', '\t',
      'Привет', '😀', 'y', 'no', '=======', '<<<<<<< x', '\\', 'a\u0000b', '\uD83D', 'x\uDE00',
    ];
    const file: SidecarFile = {
      version: 1,
      documentHash: HASH,
      annotations: nasty.map((s, i) => ({ id: `id${String(i).padStart(4, '0')}`, kind: 'claim', start: i, end: i + 1, text: s, prefix: s, suffix: s, note: s })),
    };
    const back = roundTrip(file);
    back.annotations.forEach((a, i) => {
      assert.equal(a.text, nasty[i], JSON.stringify(nasty[i]));
      assert.equal(a.note, nasty[i] === '' ? undefined : nasty[i]);
    });
    assert.equal(serializeSidecar(back), serializeSidecar(file));
  });

  describe('round trip property', () => {
    const piece = fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
      { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
      {
        weight: 4,
        arbitrary: fc.constantFrom('\r\n', '\n', '\r', '\t', '"', "'", ' ', '  ', '#', ' #', '---', '...', ': ', '- ', '😀', '👍🏽', 'Привет', 'мир', '\\', '\u2028', '\u0085', '\uFEFF', '\u00A0', '=======', 'null', '1', '-1.5', '{', ']', '&', '*', '!', '%', '@', '`', ','),
      },
    );
    const str = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
    const annotation: fc.Arbitrary<StoredAnnotation> = fc
      .record(
        {
          id: fc.stringMatching(/^[a-z0-9]{4,12}$/),
          kind: fc.constantFrom(...ANNOTATION_KINDS),
          start: fc.nat({ max: 2_000_000 }),
          length: fc.integer({ min: 1, max: 5000 }),
          text: str,
          prefix: str,
          suffix: str,
          speaker: str,
          note: str,
          author: str,
          orphaned: fc.boolean(),
        },
        { requiredKeys: ['id', 'kind', 'start', 'length', 'text', 'prefix', 'suffix'] },
      )
      .map(({ length, ...a }) => ({ ...a, end: a.start + length }));
    const file: fc.Arbitrary<SidecarFile> = fc
      .record({
        documentHash: fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => 'sha256:' + h),
        annotations: fc.uniqueArray(annotation, { selector: (a) => a.id, maxLength: 6 }),
      })
      .map((f) => ({ version: 1 as const, ...f }));

    it('parse(serialize(f)) equals f in canonical form, and re-serializing is byte-identical', () => {
      fc.assert(
        fc.property(file, (f) => {
          const text = serializeSidecar(f);
          const back = roundTrip(f);
          assert.deepEqual(back, {
            version: 1,
            documentHash: f.documentHash,
            annotations: f.annotations.map(normalizeStoredAnnotation).sort(compareStoredAnnotations),
          });
          assert.equal(serializeSidecar(back), text);
          assert.equal(text.includes('\r'), false);
        }),
        { numRuns: 1000 },
      );
    });
  });
});
