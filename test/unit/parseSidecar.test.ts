import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkSidecarAgainstDocument,
  parseSidecar,
  type SidecarParseResult,
  type SidecarParseSuccess,
  type SidecarProblem,
} from '../../src/core/sidecar/parseSidecar';
import { documentPathForSidecar, isSidecarPath, sidecarPathFor } from '../../src/core/sidecar/sidecarFormat';

const HASH = 'sha256:' + 'ab'.repeat(32);

/** A valid sidecar; line numbers in comments are what the tests below rely on. */
const GOOD = [
  'version: 1', // 1
  `documentHash: ${HASH}`, // 2
  'annotations:', // 3
  '  - id: abcd1234', // 4
  '    kind: claim', // 5
  '    start: 0', // 6
  '    end: 5', // 7
  '    text: Hello', // 8
  '    prefix: ""', // 9
  '    suffix: ", мир 😀"', // 10
  '', // 11
  '  - id: efgh5678', // 12
  '    kind: quote', // 13
  '    start: 7', // 14
  '    end: 10', // 15
  '    text: мир', // 16
  '    prefix: "Hello, "', // 17
  '    suffix: " 😀"', // 18
  '    speaker: Лавров', // 19
  '', // 20
];

const lines = (...l: string[]) => l.join('\n');
const withLine = (n: number, text: string) => GOOD.map((l, i) => (i + 1 === n ? text : l));

function problems(result: SidecarParseResult): SidecarProblem[] {
  assert.equal(result.ok, false, 'expected the sidecar to be rejected');
  return result.ok ? [] : result.problems;
}

function success(result: SidecarParseResult): SidecarParseSuccess {
  assert.ok(result.ok, `expected success, got ${JSON.stringify(result.ok ? '' : result.problems)}`);
  return result as SidecarParseSuccess;
}

/** line:column-endLine:endColumn message, one string so failures read well. */
const fmt = (p: SidecarProblem) => `${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.message}`;

describe('sidecar paths', () => {
  it('maps a document to its sidecar and back', () => {
    assert.equal(sidecarPathFor('docs/a.txt'), 'docs/a.txt.annotations.yaml');
    assert.equal(documentPathForSidecar('docs/a.txt.annotations.yaml'), 'docs/a.txt');
    assert.equal(documentPathForSidecar('docs/a.txt'), undefined);
    assert.equal(isSidecarPath('C:\\d\\статья.md.annotations.yaml'), true);
    assert.equal(isSidecarPath('.annotations.yaml'), false);
  });
});

describe('parseSidecar: valid input', () => {
  it('reads annotations in file order, with locations of each field', () => {
    const r = success(parseSidecar(lines(...GOOD)));
    assert.equal(r.sidecar.version, 1);
    assert.equal(r.sidecar.documentHash, HASH);
    assert.deepEqual(r.sidecar.annotations[1], {
      id: 'efgh5678',
      kind: 'quote',
      start: 7,
      end: 10,
      text: 'мир',
      prefix: 'Hello, ',
      suffix: ' 😀',
      speaker: 'Лавров',
    });
    assert.deepEqual(r.locations.fields.documentHash, { line: 2, column: 15, endLine: 2, endColumn: 15 + HASH.length });
    assert.deepEqual(r.locations.annotations[1].fields.start, { line: 14, column: 12, endLine: 14, endColumn: 13 });
    assert.deepEqual(r.locations.annotations[1].fields.suffix, { line: 18, column: 13, endLine: 18, endColumn: 18 });
    assert.equal(r.locations.annotations[1].range.line, 12);
  });

  it('tolerates a BOM and CRLF line endings, with the same positions', () => {
    const r = success(parseSidecar('\uFEFF' + GOOD.join('\r\n')));
    assert.equal(r.sidecar.annotations[0].suffix, ', мир 😀');
    assert.deepEqual(r.locations.annotations[1].fields.start, { line: 14, column: 12, endLine: 14, endColumn: 13 });
  });

  it('accepts an empty annotations list, written [] or left empty', () => {
    for (const text of [lines('version: 1', `documentHash: ${HASH}`, 'annotations: []'), lines('version: 1', `documentHash: ${HASH}`, 'annotations:')]) {
      const r = success(parseSidecar(text));
      assert.deepEqual(r.sidecar.annotations, []);
    }
  });

  it('drops empty optional fields and orphaned: false (the canonical form)', () => {
    const r = success(parseSidecar(lines(...GOOD.slice(0, 10), '    note: ""', '    orphaned: false')));
    assert.equal('note' in r.sidecar.annotations[0], false);
    assert.equal('orphaned' in r.sidecar.annotations[0], false);
  });

  it('allows an empty span for an orphaned annotation', () => {
    const r = success(parseSidecar(lines(...withLine(15, '    end: 7'), '    orphaned: true')));
    assert.equal(r.sidecar.annotations[1].orphaned, true);
  });
});

describe('parseSidecar: bad input, reported at the right place', () => {
  it('reports every git conflict marker line as an unresolved merge conflict', () => {
    const text = lines(
      ...GOOD.slice(0, 13),
      '<<<<<<< HEAD', // 14
      '    start: 7', // 15
      '=======', // 16
      '    start: 8', // 17
      '>>>>>>> feature/x', // 18
      ...GOOD.slice(14),
    );
    const r = parseSidecar(text);
    assert.equal(r.ok || r.stage, 'conflict');
    assert.deepEqual(
      problems(r).map((p) => [p.line, p.column, p.endLine, p.endColumn]),
      [
        [14, 1, 14, 13],
        [16, 1, 16, 8],
        [18, 1, 18, 18],
      ],
    );
    for (const p of problems(r)) assert.match(p.message, /unresolved merge conflict/);
  });

  it('finds conflict markers in a CRLF file, without counting the CR', () => {
    const p = problems(parseSidecar('version: 1\r\n=======\r\nx: 1\r\n'));
    assert.deepEqual(p.map(fmt), [`2:1-2:8 ${p[0].message}`]);
  });

  it('reports a YAML syntax error at its token', () => {
    const r = parseSidecar(lines(...withLine(8, '    text: "Hello" world')));
    assert.equal(r.ok || r.stage, 'syntax');
    assert.deepEqual(problems(r).map(fmt), ['8:19-8:24 YAML syntax error: Unexpected scalar at node end']);
  });

  it('reports a nested-mapping syntax error at the second colon', () => {
    const p = problems(parseSidecar(lines(...withLine(8, '    text: Hello: world'))));
    assert.deepEqual(p.map(fmt), ['8:11-8:12 YAML syntax error: Nested mappings are not allowed in compact mappings']);
  });

  it('reports duplicate keys as a syntax error at the second key', () => {
    const p = problems(parseSidecar(lines(...withLine(6, '    kind: quote'))));
    assert.deepEqual(p.map(fmt), ['6:5-6:6 YAML syntax error: Map keys must be unique']);
  });

  it('reports an unknown kind at its value, listing the kinds', () => {
    const p = problems(parseSidecar(lines(...withLine(13, '    kind: claimm'))));
    assert.deepEqual(p.map(fmt), [
      '13:11-13:17 annotations[1].kind: unknown kind "claimm"; expected one of claim, quote, speculation, advertisement',
    ]);
  });

  it('reports a missing field at the first line of the annotation', () => {
    const p = problems(parseSidecar(lines(...GOOD.filter((_, i) => i + 1 !== 16))));
    assert.deepEqual(p.map(fmt), ['12:5-12:17 annotations[1]: missing required field "text"']);
  });

  it('reports an unexpected field at its key', () => {
    const p = problems(parseSidecar(lines(...withLine(11, '    foo: bar'))));
    assert.equal(p.length, 1);
    assert.match(fmt(p[0]), /^11:5-11:8 annotations\[0\]: unexpected field "foo"/);
  });

  it('reports a wrong type at the value', () => {
    const p = problems(parseSidecar(lines(...withLine(14, '    start: "7"'))));
    assert.deepEqual(p.map(fmt), ['14:12-14:15 annotations[1].start: expected an integer, got the string "7"']);
  });

  it('reports an empty value at its key', () => {
    const p = problems(parseSidecar(lines(...withLine(13, '    kind:'))));
    assert.deepEqual(p.map(fmt), ['13:5-13:9 annotations[1].kind: expected a string, got nothing']);
  });

  it('reports negative offsets, bad ids, bad hashes and a wrong version at their values', () => {
    const text = lines(...withLine(1, 'version: 2').map((l, i) => (i + 1 === 2 ? 'documentHash: md5:abc' : i + 1 === 4 ? '  - id: ABC' : i + 1 === 7 ? '    end: -5' : l)));
    assert.deepEqual(problems(parseSidecar(text)).map(fmt), [
      '1:10-1:11 version: unsupported version 2; this extension reads version 1',
      '2:15-2:22 documentHash: invalid hash "md5:abc"; expected "sha256:" followed by 64 lowercase hex digits',
      '4:9-4:12 annotations[0].id: invalid id "ABC"; ids are 4-32 lowercase letters or digits',
      '7:10-7:12 annotations[0].end: must be 0 or more, got -5',
    ]);
  });

  it('reports a duplicate id at the second occurrence, naming the first line', () => {
    const r = parseSidecar(lines(...withLine(12, '  - id: abcd1234')));
    assert.equal(r.ok || r.stage, 'semantic');
    assert.deepEqual(problems(r).map(fmt), ['12:9-12:17 annotations[1].id: duplicate id "abcd1234"; first used by annotations[0] on line 4']);
  });

  it('reports start after end at start, and an empty non-orphaned span at end', () => {
    assert.deepEqual(problems(parseSidecar(lines(...withLine(6, '    start: 9')))).map(fmt), [
      '6:12-6:13 annotations[0]: start 9 is after end 5',
    ]);
    assert.deepEqual(problems(parseSidecar(lines(...withLine(15, '    end: 7')))).map(fmt), [
      '15:10-15:11 annotations[1]: empty span (start = end = 7); only an orphaned annotation may be empty',
    ]);
  });

  it('reports an empty file, a scalar file and an unresolved alias', () => {
    assert.deepEqual(problems(parseSidecar('')).map(fmt), ['1:1-1:1 the sidecar is empty; expected version, documentHash and annotations']);
    assert.deepEqual(problems(parseSidecar('# just a comment\n')).length, 1);
    assert.match(problems(parseSidecar('hello'))[0].message, /must be a mapping/);
    assert.deepEqual(problems(parseSidecar(lines(...withLine(16, '    text: *nope')))).map((p) => [p.line, p.column]), [[16, 11]]);
  });

  it('never throws, whatever the input', () => {
    const token = fc.constantFrom('version: 1\n', 'annotations:\n', '  - ', 'id: ', '"', "'", '[', '{', '&a ', '*a', '\r\n', ': ', '#', '---\n', '=======\n', '\t', '😀');
    fc.assert(
      fc.property(fc.array(fc.oneof(token, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 40 }), (parts) => {
        const r = parseSidecar(parts.join(''));
        if (!r.ok) {
          assert.ok(r.problems.length > 0);
          for (const p of r.problems) assert.ok(p.line >= 1 && p.column >= 1 && p.endLine >= p.line && p.message.length > 0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('checkSidecarAgainstDocument', () => {
  it('reports offsets past the end of the document (in code points) at the field', () => {
    const parsed = success(parseSidecar(lines(...GOOD)));
    // "Hello, мир 😀" is 13 UTF-16 units but 12 code points: end 10 fits, and so would 12.
    assert.deepEqual(checkSidecarAgainstDocument(parsed, '\uFEFFHello, мир 😀'), []);
    const short = checkSidecarAgainstDocument(parsed, 'Hello, м😀');
    assert.deepEqual(short.map(fmt), ['15:10-15:12 annotations[1].end: offset 10 is past the end of the document (9 code points)']);
    const tiny = checkSidecarAgainstDocument(parsed, 'Hi');
    assert.deepEqual(
      tiny.map((p) => [p.line, p.column]),
      [
        [7, 10],
        [14, 12],
        [15, 10],
      ],
    );
  });
});
