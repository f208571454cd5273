import assert from 'node:assert/strict';
import { parseSpeakerRegistry } from '../../src/core/speakers/speakerRegistry';
import { parseScheme } from '../../src/core/scheme/parseScheme';
import { setSpeakersInSidecar } from '../../src/core/speakers/setSpeakersInSidecar';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import { CodePointLines } from '../../src/core/text/codePointLines';

describe('parseSpeakerRegistry', () => {
  it('maps aliases to canonical names ignoring case and spaces', () => {
    const { registry, problems } = parseSpeakerRegistry('version: 1\nspeakers:\n  - name: Jens Stoltenberg\n    aliases:\n      - Stoltenberg\n      - NATO Secretary General\n  - name: Sergey Lavrov\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(registry.names, ['Jens Stoltenberg', 'Sergey Lavrov']);
    assert.equal(registry.canonical(' stoltenberg '), 'Jens Stoltenberg');
    assert.equal(registry.canonical('Unknown Person'), 'Unknown Person');
    assert.ok(registry.isAlias('Stoltenberg'));
    assert.ok(!registry.isAlias('Jens Stoltenberg'));
  });

  it('reports schema violations at their line and column and maps nothing then', () => {
    const { registry, problems } = parseSpeakerRegistry('speakers:\n  - name: A\n    alias: [B]\n  - aliases: [C]\n');
    assert.equal(registry.names.length, 0);
    assert.deepEqual(
      problems.map((p) => [p.line, p.column, /alias|name/.test(p.message)]),
      [
        [2, 5, true],
        [4, 5, true],
      ],
    );
  });

  it('reports a name given to two speakers where it is repeated, and YAML syntax errors', () => {
    const duplicate = parseSpeakerRegistry('speakers:\n  - name: Sergey Lavrov\n    aliases: [Lavrov]\n  - name: Lavrov\n');
    assert.equal(duplicate.problems.length, 1);
    assert.equal(duplicate.problems[0].line, 4);
    assert.match(duplicate.problems[0].message, /"Lavrov" is already a name or alias of "Sergey Lavrov"/);
    const syntax = parseSpeakerRegistry('speakers:\n  - name: "unterminated\n');
    assert.ok(syntax.problems.length > 0);
    assert.match(syntax.problems[0].message, /YAML/);
  });

  it('accepts an empty file', () => {
    assert.deepEqual(parseSpeakerRegistry('').problems, []);
  });

  it('reads lone CR line endings (old Mac) like LF, instead of an empty registry, problems on the same lines', () => {
    const lf = '# speakers\nspeakers:\n  - name: Sergey Lavrov\n    aliases: [Lavrov]\n  - name: Lavrov\n';
    for (const text of [lf.replace(/\n/g, '\r'), lf.replace(/\n/g, (_, i: number) => (i % 2 ? '\r' : '\r\n'))]) {
      assert.deepEqual(parseSpeakerRegistry(text).problems, parseSpeakerRegistry(lf).problems);
      assert.equal(parseSpeakerRegistry(text).problems[0]?.line, 5);
    }
    assert.deepEqual(parseSpeakerRegistry('# speakers\rspeakers:\r  - name: A\r    aliases: [B]\r').registry.canonical('b'), 'A');
  });
});

describe('setSpeakersInSidecar', () => {
  const sidecar = serializeSidecar({
    version: 1,
    documentHash: 'sha256:' + '0'.repeat(64),
    annotations: [
      { id: 'aaaa1111', kind: 'claim', start: 0, end: 4, text: 'abcd', prefix: '', suffix: '', speaker: 'Lavrov' },
      { id: 'bbbb2222', kind: 'quote', start: 5, end: 9, text: 'efgh', prefix: '', suffix: '', speaker: 'Putin' },
    ],
  });

  it('changes only the named annotations, leaving every other line as it was', () => {
    const result = setSpeakersInSidecar(sidecar, new Map([['aaaa1111', 'Sergey Lavrov']]));
    assert.ok(result.ok);
    assert.deepEqual(result.changed, ['aaaa1111']);
    const before = sidecar.split('\n');
    const after = result.text.split('\n');
    assert.equal(after.length, before.length);
    assert.deepEqual(
      after.filter((line, i) => line !== before[i]),
      ['    speaker: Sergey Lavrov'],
    );
  });

  it('clears with an empty name, leaves the text alone when nothing changes, refuses broken sidecars', () => {
    const cleared = setSpeakersInSidecar(sidecar, new Map([['bbbb2222', '']]));
    assert.ok(cleared.ok && !cleared.text.includes('Putin'));
    const same = setSpeakersInSidecar(sidecar, new Map([['aaaa1111', 'Lavrov']]));
    assert.ok(same.ok && same.text === sidecar && same.changed.length === 0);
    const broken = setSpeakersInSidecar(sidecar.replace('version: 1', 'version: 7'), new Map([['aaaa1111', 'X']]));
    assert.ok(!broken.ok);
  });

  it('takes the kinds of the workspace scheme, and refuses what it does not declare', () => {
    const custom = sidecar.replace('kind: quote', 'kind: statistic');
    const parsed = parseScheme('kinds:\n  - id: claim\n  - id: statistic\n', '.annotations/schema.yaml');
    assert.ok(parsed.ok);
    const renamed = setSpeakersInSidecar(custom, new Map([['bbbb2222', 'Vladimir Putin']]), parsed.scheme);
    assert.ok(renamed.ok && renamed.text.includes('speaker: Vladimir Putin') && renamed.text.includes('kind: statistic'));
    assert.ok(!setSpeakersInSidecar(custom, new Map([['bbbb2222', 'X']])).ok, 'the built-in scheme has no statistic');
  });
});

describe('CodePointLines', () => {
  it('gives 1-based lines of code point offsets, astral characters counting once', () => {
    const lines = new CodePointLines('a😀b\nc\r\n\nd');
    // code points: a 😀 b \n c \r \n \n d
    assert.equal(lines.lineAt(0), 1);
    assert.equal(lines.lineAt(3), 1);
    assert.equal(lines.lineAt(4), 2);
    assert.equal(lines.lineAt(7), 3);
    assert.equal(lines.lineAt(8), 4);
    assert.equal(lines.lineAt(100), 4);
    assert.equal(lines.lineCount, 4);
  });
});
