import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { file, REPO_SIDECARS } from './sidecarArbitraries';
import schema from '../../schemas/sidecar.schema.json';
import { ANNOTATION_FIELD_NAMES, REQUIRED_FIELD_NAMES } from '../../src/core/annotationFields';
import { parseCanonicalSidecar, parseSidecar, parseSidecarWithoutFastPath, type SchemeCheck } from '../../src/core/sidecar/parseSidecar';
import { readCanonicalSidecar } from '../../src/core/sidecar/fastSidecarReader';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import type { StoredAnnotation } from '../../src/core/sidecar/sidecarFormat';
import { BUILT_IN_SCHEME } from '../../src/core/scheme/scheme';

// The fast reader (fastSidecarReader.ts) reads the layout serializeSidecar writes; anything else
// falls back to the general YAML path. Whichever path reads a file, the result must be the same,
// to the last position: these tests compare parseSidecar with parseSidecarWithoutFastPath.

const HASH = 'sha256:' + 'ab'.repeat(32);
const SCHEMES: SchemeCheck[] = [BUILT_IN_SCHEME, 'any'];

function assertSameAsGeneral(text: string, label = JSON.stringify(text.slice(0, 200))): void {
  for (const scheme of SCHEMES) {
    const general = parseSidecarWithoutFastPath(text, scheme);
    assert.deepStrictEqual(parseSidecar(text, scheme), general, label);
    // What the extension reads on its own thread (the rest goes to the worker): the same, when it answers.
    const canonical = parseCanonicalSidecar(text, scheme);
    if (canonical) assert.deepStrictEqual(canonical, general, label);
  }
}

function isFast(text: string): boolean {
  return readCanonicalSidecar(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) !== undefined;
}

describe('fast sidecar reader', function () {
  // Properties of hundreds of runs, each read or written by the yaml library too: more than mocha's
  // default 10 s on a 2-core machine shared with other jobs.
  this.timeout(120_000);

  it('checks everything the JSON Schema says (the schema says nothing else)', () => {
    // The fast reader checks the schema's rules by hand; a new rule in the schema must be added there too.
    const s = schema as unknown as { properties: Record<string, object>; definitions: { annotation: { properties: Record<string, object>; required: string[] } } };
    assert.deepEqual(Object.keys(s.properties), ['version', 'documentHash', 'annotations']);
    const keywords = (o: object) => Object.keys(o).filter((k) => k !== 'title' && k !== 'description').sort();
    assert.deepEqual(keywords(s.properties.version), ['const']);
    assert.deepEqual(keywords(s.properties.documentHash), ['pattern', 'type']);
    assert.deepEqual(keywords(s.properties.annotations), ['items', 'type']);
    const expected: Record<string, string[]> = {
      id: ['pattern', 'type'],
      kind: ['minLength', 'type'],
      start: ['minimum', 'type'],
      end: ['minimum', 'type'],
      attributes: ['additionalProperties', 'propertyNames', 'type'],
    };
    for (const [name, property] of Object.entries(s.definitions.annotation.properties)) {
      assert.deepEqual(keywords(property), expected[name] ?? ['type'], name);
    }
    assert.deepEqual(Object.keys(s.definitions.annotation.properties), ANNOTATION_FIELD_NAMES);
    assert.deepEqual(s.definitions.annotation.required, REQUIRED_FIELD_NAMES);
    assert.equal((s.definitions.annotation.properties.kind as { minLength: number }).minLength, 1);
  });

  it('reads what serializeSidecar writes, with the same result as the general path (property)', () => {
    let fast = 0;
    fc.assert(
      fc.property(file, (f) => {
        const text = serializeSidecar(f);
        assertSameAsGeneral(text);
        assertSameAsGeneral(text.replace(/\n/g, '\r\n'));
        // Canonical output is what the fast reader is for: it takes all of it, except an empty
        // kind, which the JSON Schema refuses (so the general path must say so).
        const valid = f.annotations.every((a) => a.kind !== '');
        assert.equal(isFast(text), valid, text);
        assert.equal(isFast(text.replace(/\n/g, '\r\n')), valid);
        if (valid) fast++;
      }),
      { numRuns: 600 },
    );
    assert.ok(fast > 300, `only ${fast} runs took the fast path`);
  });

  it('takes the fast route for serialized annotations with hostile strings in quoted fields', () => {
    fc.assert(
      fc.property(file, (f) => {
        // Ids and kinds as a real sidecar has them (a number-like id is refused by the schema anyway).
        const sane = { ...f, annotations: f.annotations.map((a, i) => ({ ...a, id: `id${i}zz`, kind: 'claim' })) };
        const text = serializeSidecar(sane);
        assert.ok(isFast(text), text);
        assertSameAsGeneral(text);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result on both paths for every sidecar in the repository', () => {
    assert.ok(REPO_SIDECARS.length > 0);
    for (const p of REPO_SIDECARS) {
      const text = fs.readFileSync(p, 'utf8');
      assertSameAsGeneral(text, p);
      assertSameAsGeneral(text.replace(/\n/g, '\r\n'), `${p} (CRLF)`);
      assert.ok(isFast(text), `${p}: not read by the fast path`);
    }
  });

  describe('mutations of valid sidecars give the same result on both paths', () => {
    const bases = [
      ...REPO_SIDECARS.slice(0, 4).map((p) => fs.readFileSync(p, 'utf8')),
      serializeSidecar({
        version: 1,
        documentHash: HASH,
        annotations: [
          { id: 'abcd1', kind: 'claim', start: 0, end: 5, text: 'hello', prefix: '', suffix: 'x "y"', author: 'bob', attributes: { b: true, stance: 'opposes' } },
          { id: 'abcd2', kind: 'quote', start: 3, end: 3, text: '', prefix: 'a', suffix: 'b', orphaned: true, note: 'n' },
          { id: 'abcd3', kind: 'quote', start: 1, end: 9, text: 'q\u2028"', prefix: 'a', suffix: 'b' },
        ],
      }),
      serializeSidecar({ version: 1, documentHash: HASH, annotations: [] }),
    ];
    type Mutation = (lines: string[], at: number) => string[];
    const at = (f: (line: string) => string): Mutation => (lines, i) => lines.map((l, j) => (j === i ? f(l) : l));
    const mutations: Record<string, Mutation> = {
      'comment inserted': (lines, i) => [...lines.slice(0, i), '# inserted', ...lines.slice(i)],
      'indented comment inserted': (lines, i) => [...lines.slice(0, i), '    # inserted', ...lines.slice(i)],
      'trailing comment': at((l) => (l ? `${l} # c` : l)),
      'indentation +1': at((l) => ` ${l}`),
      'indentation -1': at((l) => l.replace(/^ /, '')),
      'single quotes': at((l) => l.replace(/: "([^"\\]*)"$/, ": '$1'").replace(/: ([a-z][^"']*)$/, ": '$1'")),
      'flow mapping': at((l) => l.replace(/^(\s*)(- )?([A-Za-z]+): (.+)$/, '$1$2{ $3: $4 }')),
      'duplicate key': (lines, i) => [...lines.slice(0, i + 1), ...(/^\s+[a-z]+: /.test(lines[i]) ? [lines[i].replace(/^(\s*)- /, '$1  ')] : []), ...lines.slice(i + 1)],
      'trailing spaces': at((l) => `${l}  `),
      tab: at((l) => l.replace(': ', ':\t')),
      'tab indent': at((l) => l.replace(/^ {2}/, '\t')),
      'line removed': (lines, i) => lines.filter((_, j) => j !== i),
      'blank line inserted': (lines, i) => [...lines.slice(0, i), '', ...lines.slice(i)],
      'lone CR': (lines, i) => [lines.slice(0, i + 1).join('\r'), ...lines.slice(i + 1)],
      'value unquoted': at((l) => l.replace(/: "(.*)"$/, ': $1')),
      'value emptied': at((l) => l.replace(/: .*$/, ':')),
      'number in odd form': at((l) => l.replace(/: ([0-9]+)$/, ': 0x$1').replace(/^(\s+end): ([0-9]+)$/, '$1: +$2')),
      'conflict marker': (lines, i) => [...lines.slice(0, i), '<<<<<<< ours', ...lines.slice(i)],
      'anchor': at((l) => l.replace(/: (.+)$/, ': &a $1')),
      'tag': at((l) => l.replace(/: (.+)$/, ': !!str $1')),
      'document marker': (lines, i) => [...lines.slice(0, i), '---', ...lines.slice(i)],
    };
    for (const [name, mutate] of Object.entries(mutations)) {
      it(name, () => {
        for (const base of bases) {
          const lines = base.split('\n');
          // Every line of the short bases; a sample of lines of the long ones (the checks are slow).
          const step = Math.max(1, Math.floor(lines.length / 40));
          for (let i = 0; i < lines.length; i += step) {
            const mutated = mutate(lines, i).join('\n');
            assertSameAsGeneral(mutated, `${name} at line ${i + 1}`);
          }
        }
      });
    }
    it('BOM and CRLF', () => {
      for (const base of bases) {
        for (const text of ['\uFEFF' + base, base.replace(/\n/g, '\r\n'), '\uFEFF' + base.replace(/\n/g, '\r\n'), base.replace(/\n$/, ''), base + '\n\n']) {
          assertSameAsGeneral(text);
        }
        assert.ok(isFast('\uFEFF' + base.replace(/\n/g, '\r\n')));
      }
    });
  });

  it('falls back on plain values the core schema does not read as strings, and reads the others', () => {
    const withText = (value: string) =>
      serializeSidecar({ version: 1, documentHash: HASH, annotations: [{ id: 'abcd1', kind: 'claim', start: 0, end: 1, text: 'PLACE', prefix: '', suffix: '' }] }).replace(
        'text: PLACE',
        `text: ${value}`,
      );
    const notStrings = ['~', 'null', 'Null', 'NULL', 'true', 'False', 'TRUE', '0x10', '0o17', '1e3', '+5', '007', '-3', '1.5', '.5', '-.5', '+.inf', '.NaN', ''];
    for (const v of notStrings) {
      assert.equal(isFast(withText(v)), false, v);
      assertSameAsGeneral(withText(v), v);
    }
    // YAML 1.2 (the core schema, what the yaml library reads) has no yes/no/on/off booleans.
    const strings = ['yes', 'no', 'on', 'off', 'y', 'n', 'nULL', 'tRUE', '0x', '1e', '1.2.3', '0b101', '0o8', '~x', '-x', '?x', ':x', '. x', '.nan1', 'a\tb', 'a\\b', '= 1'];
    for (const v of strings) {
      assert.equal(isFast(withText(v)), true, v);
      assertSameAsGeneral(withText(v), v);
    }
  });

  it('decodes double-quoted escapes as YAML does', () => {
    const escapes = ['\\u0041\\U0001F600\\x41', '\\n\\t\\"\\\\\\/\\0\\a\\b\\e\\f\\r\\v\\N\\_\\L\\P\\ ', '\\uD83D\\uDE00\\uD800', '\\q', '\\x4', '\\U00110000', 'a\\'];
    for (const e of escapes) {
      const text = serializeSidecar({ version: 1, documentHash: HASH, annotations: [{ id: 'abcd1', kind: 'claim', start: 0, end: 1, text: 'PLACE', prefix: '', suffix: '' }] }).replace('text: PLACE', `text: "${e}"`);
      assertSameAsGeneral(text, e);
    }
  });

  it('uses the fast path for a canonical sidecar of 1,000 annotations', () => {
    const annotations: StoredAnnotation[] = Array.from({ length: 1000 }, (_, i) => ({
      id: `a${i.toString(36).padStart(5, '0')}`,
      kind: i % 3 === 0 ? 'quote' : 'claim',
      start: i * 10,
      end: i * 10 + 7,
      text: i % 2 ? `claim number ${i}: "quoted"` : 'plain text',
      prefix: '. Before it',
      suffix: `\n${i}`,
      speaker: i % 5 === 0 ? 'Jane Doe' : undefined,
      author: i % 7 === 0 ? 'alice' : 'bob',
    }));
    const text = serializeSidecar({ version: 1, documentHash: HASH, annotations });
    const fast = readCanonicalSidecar(text);
    assert.ok(fast, 'fast path not taken');
    assert.equal(fast.data.annotations.length, 1000);
    const result = parseSidecar(text);
    assert.ok(result.ok);
    assert.deepStrictEqual(result, parseSidecarWithoutFastPath(text));
  });
});
