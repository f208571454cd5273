import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseSidecar, type SidecarParseResult } from '../../src/core/sidecar/parseSidecar';
import { decodeSidecarBytes } from '../../src/core/sidecar/sidecarBytes';
import { SEEDS } from './sidecarFixtures';

// Sidecars whose lines end in LF, CRLF or a lone CR (old Mac), in any mix. YAML 1.2 (§5.4) and
// VS Code (its text model counts `\r\n`, `\r` and `\n` as one line break each) agree that a lone
// CR ends a line, so such a file must read exactly like its LF twin: same annotations, and every
// location and problem at the same line and column.

const SEED_SIDECAR = fs.readFileSync(path.join(SEEDS, '000_acd874037fc5962e.txt.annotations.yaml'), 'utf8');
const SEED_LINES = SEED_SIDECAR.replace(/\n$/, '').split('\n');
const HASH = 'sha256:' + 'ab'.repeat(32);

const SMALL = [
  '# a comment first, as the writer puts one', // 1
  'version: 1', // 2
  `documentHash: ${HASH}`, // 3
  'annotations:', // 4
  '  - id: abcd1234', // 5
  '    kind: claim', // 6
  '    start: 0', // 7
  '    end: 5', // 8
  '    text: Hello', // 9
  '    prefix: ""', // 10
  '    suffix: ", мир 😀"', // 11
];

/** Lines that break the small sidecar at line 6, each in its own way (stage by stage). */
const BAD_LINE_6 = [
  '    kind: rumour',
  '    kind: "open',
  '    kind: claim: quote',
  '    start: 3',
  '=======',
  '    foo: bar',
  '    kind:',
];

const ending = fc.constantFrom('\n', '\r\n', '\r');

/** The lines, each ended as `endings` say (cycling). */
function join(lines: readonly string[], endings: readonly string[]): string {
  let out = '';
  lines.forEach((line, i) => {
    let eol = endings[i % endings.length];
    // A CR, an empty line and an LF would make one CRLF: one line break, not two.
    if (line === '' && eol === '\n' && out.endsWith('\r')) eol = '\r\n';
    out += line + eol;
  });
  return out;
}

/** What a user compares: the outcome and each problem's place and message. */
function summary(r: SidecarParseResult): unknown {
  return r.ok ? { ok: true, sidecar: r.sidecar, locations: r.locations } : { ok: false, stage: r.stage, problems: r.problems };
}

describe('sidecar line endings (LF, CRLF, lone CR, mixed)', () => {
  it('reads a CR-only sidecar written by the extension, instead of calling it empty', () => {
    const r = parseSidecar(SEED_SIDECAR.replace(/\n/g, '\r'));
    assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.problems));
    assert.deepEqual(summary(r), summary(parseSidecar(SEED_SIDECAR)));
    assert.equal(r.sidecar.annotations.length, 14);
  });

  it('reads any mix of line endings like the LF file, with the same locations (property)', () => {
    fc.assert(
      fc.property(fc.array(ending, { minLength: 1, maxLength: 12 }), fc.boolean(), (endings, bom) => {
        const text = (bom ? '\uFEFF' : '') + join(SEED_LINES, endings);
        assert.deepEqual(summary(parseSidecar(text)), summary(parseSidecar(SEED_SIDECAR)));
      }),
      { numRuns: 60 },
    );
  });

  it('reports problems at the same line and column whatever the line endings (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BAD_LINE_6), fc.array(ending, { minLength: 1, maxLength: 11 }), (bad, endings) => {
        const lines = SMALL.map((l, i) => (i === 5 ? bad : l));
        const expected = parseSidecar(lines.join('\n') + '\n');
        assert.equal(expected.ok, false);
        assert.deepEqual(summary(parseSidecar(join(lines, endings))), summary(expected));
      }),
      { numRuns: 150 },
    );
  });

  it('counts a CR followed by CRLF as two line breaks, as VS Code does', () => {
    const r = parseSidecar(SMALL.slice(1, 5).join('\r') + '\r\r\n' + SMALL.slice(5).join('\r').replace('kind: claim', 'kind: rumour'));
    assert.equal(r.ok, false);
    if (!r.ok) assert.deepEqual([r.problems[0].line, r.problems[0].column], [6, 11]);
  });

  it('puts an invalid byte of a CR-only sidecar on its line', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('version: 1\rannotations:\r  - text: é'), 0xff]);
    const result = decodeSidecarBytes(bytes);
    assert.equal(result.ok, false);
    if (!result.ok) assert.deepEqual([result.problem.line, result.problem.column], [3, 12]);
  });
});
