// Sidecars under a custom scheme: custom attributes stored under `attributes:`, written in key
// order, read back unchanged; sidecars written before schemes read and write as before; one
// field table for the code and the JSON Schema.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ANNOTATION_FIELD_NAMES, REQUIRED_FIELD_NAMES, normalizeFields } from '../../src/core/annotationFields';
import type { AnnotationScheme, AttributeValue } from '../../src/core/scheme/scheme';
import { parseSidecar, type SidecarParseResult, type SidecarParseSuccess } from '../../src/core/sidecar/parseSidecar';
import { serializeSidecar, SIDECAR_HEADER } from '../../src/core/sidecar/serializeSidecar';
import type { SidecarFile, StoredAnnotation } from '../../src/core/sidecar/sidecarFormat';
import { schemeOf, schemeTextWithAttributes } from './schemeFixtures';
import { SEEDS } from './sidecarFixtures';

const ROOT = path.join(__dirname, '..', '..', '..');
const HASH = 'sha256:' + '0123456789abcdef'.repeat(4);
const SEED = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261204);

function success(result: SidecarParseResult): SidecarParseSuccess {
  assert.ok(result.ok, `expected success, got ${JSON.stringify(result.ok || result.problems)}`);
  return result as SidecarParseSuccess;
}

const SCHEME = schemeOf(schemeTextWithAttributes(['claim', 'opinion']));

describe('sidecars with custom attributes', () => {
  const annotation: StoredAnnotation = {
    id: 'abcd1234',
    kind: 'opinion',
    start: 0,
    end: 5,
    text: 'Hello',
    prefix: '',
    suffix: ', world',
    speaker: 'Ann',
    // Given out of order: written in key order.
    attributes: { verified: false, stance: 'opposes', source: 'p. 3 # footnote: "x"' },
  };
  const EXPECTED = [
    `# ${SIDECAR_HEADER}`,
    '',
    'version: 1',
    `documentHash: ${HASH}`,
    'annotations:',
    '  # annotations without author',
    '  - id: abcd1234',
    '    kind: opinion',
    '    start: 0',
    '    end: 5',
    '    text: Hello',
    '    prefix: ""',
    '    suffix: ", world"',
    '    speaker: Ann',
    '    attributes:',
    '      source: "p. 3 # footnote: \\"x\\""',
    '      stance: opposes',
    '      verified: false',
    '  # end of annotations without author',
    '',
  ].join('\n');

  it('writes attributes after the built-in fields, in key order, and reads them back byte-identically', () => {
    const text = serializeSidecar({ version: 1, documentHash: HASH, annotations: [annotation] });
    assert.equal(text, EXPECTED);
    const parsed = success(parseSidecar(text, SCHEME));
    assert.deepEqual(parsed.sidecar.annotations[0].attributes, { source: 'p. 3 # footnote: "x"', stance: 'opposes', verified: false });
    assert.deepEqual(Object.keys(parsed.sidecar.annotations[0].attributes ?? {}), ['source', 'stance', 'verified']);
    assert.equal(serializeSidecar(parsed.sidecar), text);
    // Where each attribute is, for the checks.
    assert.deepEqual(parsed.locations.annotations[0].attributes.stance.value, { line: 17, column: 15, endLine: 17, endColumn: 22 });
  });

  it('reads a hand-written attributes mapping in any key order and writes it sorted', () => {
    const text = EXPECTED.replace('      source: "p. 3 # footnote: \\"x\\""\n      stance: opposes\n', '      stance: opposes\n      source: "p. 3 # footnote: \\"x\\""\n');
    assert.notEqual(text, EXPECTED);
    assert.equal(serializeSidecar(success(parseSidecar(text, SCHEME)).sidecar), EXPECTED);
  });

  it('a choice value that needs quoting is still one of the choices; an empty mapping is dropped', () => {
    const quoted = serializeSidecar({ version: 1, documentHash: HASH, annotations: [{ ...annotation, attributes: { stance: 'neutral: for now' } }] });
    assert.match(quoted, /^ {6}stance: "neutral: for now"$/m);
    assert.equal(serializeSidecar(success(parseSidecar(quoted, SCHEME)).sidecar), quoted);
    const none = serializeSidecar({ version: 1, documentHash: HASH, annotations: [{ ...annotation, attributes: {} }] });
    assert.doesNotMatch(none, /attributes/);
  });

  it('writes invisible characters in attribute values as escapes inside double quotes, and reads them back', () => {
    const source = 'a\u202Eb\uFEFFc\u2028d';
    const text = serializeSidecar({ version: 1, documentHash: HASH, annotations: [{ ...annotation, attributes: { source } }] });
    assert.match(text, /^ {6}source: "a\\u202Eb\\uFEFFc\\u2028d"$/m);
    assert.equal(success(parseSidecar(text, SCHEME)).sidecar.annotations[0].attributes?.source, source);
  });

  it('is refused under the built-in scheme, which declares no attributes', () => {
    const result = parseSidecar(EXPECTED);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.stage, 'schema');
  });
});

describe('sidecars written before schemes', () => {
  const seeds = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.annotations.yaml'));

  it('finds the seed sidecars', () => assert.equal(seeds.length, 5));

  for (const name of seeds) {
    it(`${name} reads and writes back to the same bytes, under the built-in scheme and under a custom one`, () => {
      const text = fs.readFileSync(path.join(SEEDS, name), 'utf8');
      assert.equal(serializeSidecar(success(parseSidecar(text)).sidecar), text);
      const withBuiltIns = schemeOf('kinds:\n  - id: claim\n  - id: quote\n  - id: speculation\n  - id: advertisement\n  - id: opinion\nattributes:\n  - id: stance\n    type: text\n');
      assert.equal(serializeSidecar(success(parseSidecar(text, withBuiltIns)).sidecar), text);
    });
  }
});

describe('the annotation field table', () => {
  const sidecarSchema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'sidecar.schema.json'), 'utf8')) as {
    definitions: { annotation: { properties: Record<string, unknown>; required: string[] } };
  };
  const stored = sidecarSchema.definitions.annotation;

  it('names the JSON Schema’s annotation properties, in the same order', () => {
    assert.deepEqual(Object.keys(stored.properties), ANNOTATION_FIELD_NAMES, 'add a field to ANNOTATION_FIELDS (src/core/annotationFields.ts) and schemas/sidecar.schema.json together');
  });

  it('requires what the JSON Schema requires', () => {
    assert.deepEqual(stored.required, REQUIRED_FIELD_NAMES);
  });
});

describe('custom attributes round trip (property)', () => {
  const IDS = ['a', 'b-c', 'd_e', 'stance', 'verified', 'z9'];
  // Every id both as text and, for the booleans, as boolean: one scheme takes any of the maps below.
  const scheme: AnnotationScheme = {
    ...SCHEME,
    attributes: [
      ...SCHEME.attributes.filter((a) => a.builtIn),
      ...IDS.map((id, i) => ({ id, label: id, type: i % 2 === 0 ? ('text' as const) : ('boolean' as const), required: false, builtIn: false })),
    ],
  };
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 5 }) },
    {
      weight: 5,
      arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\t', '"', "'", '#', ' #', ': ', '- ', '---', '...', '\u202E', '\u2066', '\u2069', '\u200F', '\u061C', '\u2028', '\u0085', '\uFEFF', '\\', '&a', '*a', '!!str', '{', '[', 'null', 'true', '0x1', '~', ' ', '😀', 'мир'),
    },
  );
  const hostile = fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
  const attributes: fc.Arbitrary<Record<string, AttributeValue>> = fc
    .uniqueArray(fc.nat({ max: IDS.length - 1 }), { maxLength: IDS.length })
    .chain((indices) => fc.tuple(...indices.map((i) => (i % 2 === 0 ? hostile : fc.boolean()).map((v) => [IDS[i], v] as const))))
    .map((pairs) => Object.fromEntries(pairs));
  const annotation: fc.Arbitrary<StoredAnnotation> = fc.record({
    id: fc.stringMatching(/^[a-z0-9]{8}$/),
    kind: fc.constantFrom('claim', 'opinion'),
    start: fc.nat({ max: 1000 }),
    end: fc.constant(0),
    text: hostile,
    prefix: fc.constant(''),
    suffix: fc.constant(''),
    attributes,
  });

  it('serialize → parse gives back every attribute value, and the same bytes again', () => {
    fc.assert(
      fc.property(fc.uniqueArray(annotation, { selector: (a) => a.id, minLength: 1, maxLength: 4 }), (generated) => {
        const annotations = generated.map((a) => ({ ...a, end: a.start + 1 }));
        const file: SidecarFile = { version: 1, documentHash: HASH, annotations };
        const text = serializeSidecar(file);
        const back = success(parseSidecar(text, scheme)).sidecar;
        const byId = new Map(back.annotations.map((a) => [a.id, a]));
        for (const a of annotations) {
          const read = byId.get(a.id);
          assert.deepEqual(read, normalizeFields(a));
          // Empty strings are "no value", like empty speakers and notes; everything else survives as it was.
          const kept = Object.fromEntries(Object.entries(a.attributes ?? {}).filter(([, v]) => v !== ''));
          assert.deepEqual(read?.attributes ?? {}, kept);
        }
        assert.equal(serializeSidecar(back), text);
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});
