import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseSidecar, type SidecarParseResult, type SidecarProblem } from '../../src/core/sidecar/parseSidecar';
import { loadSidecar } from '../../src/core/sidecar/sidecarDocument';
import { ARTICLE, run, tag } from './sidecarFixtures';
import { tempDir } from './tempDirs';

// The sidecar format is plain YAML 1.2 (mappings, lists, scalars). Tags, anchors, aliases,
// directives and merge keys say something the writer cannot write back, so a sidecar using them
// is refused at the line and column of each use, and is never rewritten.

const HASH = 'sha256:' + 'ab'.repeat(32);
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
  '    suffix: ", world"', // 10
  '    speaker: Sergey Lavrov', // 11
  '    note: "a note"', // 12
];

/** Lines (1-based) whose value can carry a property, and the column where the value starts. */
const VALUE_LINES = GOOD.map((l, i) => ({ line: i + 1, column: l.indexOf(': ') + 3 })).filter(({ line }) => line !== 3);

function problems(result: SidecarParseResult): SidecarProblem[] {
  assert.equal(result.ok, false, 'expected the sidecar to be refused');
  return result.ok ? [] : result.problems;
}

/** A sidecar with `property` written before the value of `line`. */
function withProperty(line: number, column: number, property: string): string {
  return GOOD.map((l, i) => (i + 1 === line ? `${l.slice(0, column - 1)}${property} ${l.slice(column - 1)}` : l)).join('\n') + '\n';
}

const tagName = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
const anyTag = fc.oneof(
  tagName.map((n) => `!${n}`),
  tagName.map((n) => `!!${n}`),
  fc.constantFrom('!', '!!binary', '!!str', '!!int', '!!float', '!!bool', '!!null', '!!set', '!!omap', '!!timestamp', '!!map', '!!seq', '!<tag:yaml.org,2002:str>', '!<tag:example.com,2025:x>', '!foo%21'),
);

describe('sidecar YAML features a rewrite would lose', () => {
  it('refuses any tag on any value, at the tag (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALUE_LINES), anyTag, ({ line, column }, t) => {
        const r = parseSidecar(withProperty(line, column, t));
        assert.equal(r.ok || r.stage, 'syntax');
        const p = problems(r);
        assert.deepEqual(
          p.map((x) => [x.line, x.column, x.endLine, x.endColumn]),
          [[line, column, line, column + t.length]],
        );
        assert.match(p[0].message, new RegExp(`^YAML tag ${t.replace(/[!<>%.,:]/g, (c) => `\\${c}`)} is not allowed: .*remove the tag`));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a tag on the root, on an annotation and on the list', () => {
    const lines = (...l: string[]) => l.join('\n') + '\n';
    const at = (r: SidecarParseResult) => problems(r).map((p) => [p.line, p.column]);
    assert.deepEqual(at(parseSidecar(lines('!custom', ...GOOD))), [[1, 1]]);
    assert.deepEqual(at(parseSidecar(lines(...GOOD.slice(0, 2), 'annotations: !!seq', ...GOOD.slice(3)))), [[3, 14]]);
    assert.deepEqual(at(parseSidecar(lines(...GOOD.slice(0, 3), '  - !foo', '    id: abcd1234', ...GOOD.slice(4)))), [[4, 5]]);
  });

  it('refuses anchors and aliases on any value, at each of them (property)', () => {
    const anchorName = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,8}$/);
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...VALUE_LINES), { minLength: 2, maxLength: 2, selector: (v) => v.line }), anchorName, ([a, b], name) => {
        const [first, second] = a.line < b.line ? [a, b] : [b, a];
        // The alias replaces the whole value of the later line.
        const text = withProperty(first.line, first.column, `&${name}`)
          .split('\n')
          .map((l, i) => (i + 1 === second.line ? `${l.slice(0, second.column - 1)}*${name}` : l))
          .join('\n');
        const p = problems(parseSidecar(text));
        assert.deepEqual(
          p.map((x) => [x.line, x.column, x.endColumn]),
          [
            [first.line, first.column, first.column + name.length + 1],
            [second.line, second.column, second.column + name.length + 1],
          ],
        );
        assert.match(p[0].message, /^YAML anchor &\w+ is not allowed/);
        assert.match(p[1].message, /^YAML alias \*\w+ is not allowed: .*write the value out in full/);
      }),
      { numRuns: 150 },
    );
  });

  it('never expands an alias bomb: it is refused at its anchors before any conversion', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const p = problems(parseSidecar(bomb.join('\n')));
    assert.equal(p[0].line, 1);
    assert.ok(p.every((x) => /^YAML (anchor|alias)/.test(x.message)));
  });

  it('refuses %TAG and %YAML directives other than %YAML 1.2 at their line; %YAML 1.2 is fine', () => {
    const doc = (directive: string) => `${directive}\n---\n${GOOD.join('\n')}\n`;
    for (const directive of ['%YAML 1.1', '%TAG !e! tag:example.com,2000:', '%FOO bar']) {
      const p = problems(parseSidecar(doc(directive)));
      assert.deepEqual(p.map((x) => [x.line, x.column, x.endColumn]), [[1, 1, directive.length + 1]], directive);
      assert.match(p[0].message, /^YAML directive ".*" is not allowed/);
    }
    assert.equal(parseSidecar(doc('%YAML 1.2')).ok, true);
  });

  it('refuses a merge key ("<<") at the key, never merging it', () => {
    const p = problems(parseSidecar([...GOOD, '    <<: {speaker: Lavrov}'].join('\n')));
    assert.deepEqual(p.map((x) => [x.line, x.column]), [[13, 5]]);
    assert.match(p[0].message, /annotations\[0\]: merge keys \("<<"\) are not supported/);
  });

  it('never rewrites a sidecar holding a tag: check --fix and suggest --write leave its bytes alone', async () => {
    const dir = tempDir('yaml-tags');
    fs.writeFileSync(path.join(dir, 'doc.txt'), ARTICLE);
    const good = tag(undefined, ARTICLE, { phrase: 'the Lisbon summit', speaker: 'Sergey Lavrov' }).sidecar;
    const tagged = good.replace('speaker: Sergey Lavrov', 'speaker: !person Sergey Lavrov');
    assert.notEqual(tagged, good);
    const file = path.join(dir, 'doc.txt.annotations.yaml');
    fs.writeFileSync(file, tagged);
    assert.equal(loadSidecar(tagged, ARTICLE).ok, false);

    const line = tagged.split('\n').findIndex((l) => l.includes('!person')) + 1;
    const checked = await run(dir, 'check', '--fix');
    assert.equal(checked.code, 1);
    assert.match(checked.out, new RegExp(`^doc\\.txt\\.annotations\\.yaml:${line}:14: error: YAML tag !person is not allowed`, 'm'));
    const suggested = await run(dir, 'suggest', '--write', 'doc.txt');
    assert.equal(suggested.code, 1);
    assert.equal(fs.readFileSync(file, 'utf8'), tagged);
  });
});
