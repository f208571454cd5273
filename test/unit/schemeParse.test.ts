import assert from 'node:assert/strict';
import { parseScheme, type SchemeParse } from '../../src/core/scheme/parseScheme';
import { BUILT_IN_SCHEME, builtInKind, findAttribute, findKind, kindOnly, type AnnotationScheme } from '../../src/core/scheme/scheme';
import type { SidecarProblem } from '../../src/core/sidecar/sourceRange';

const lines = (...l: string[]) => l.join('\n') + '\n';
const SOURCE = '.annotations/schema.yaml';

function scheme(result: SchemeParse): AnnotationScheme {
  assert.ok(result.ok, `expected a scheme, got ${JSON.stringify(result.ok || result.problems)}`);
  return (result as { scheme: AnnotationScheme }).scheme;
}

/** line:column-endLine:endColumn message, one string per problem so failures read well. */
function problems(result: SchemeParse): string[] {
  assert.equal(result.ok, false, 'expected the scheme to be rejected');
  return result.ok ? [] : result.problems.map((p: SidecarProblem) => `${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.message}`);
}

/** A scheme like the one in the feature request: two built-in kinds, two own ones, a stance per claim. */
const EXAMPLE = lines(
  '# Kinds and attributes of the fact-checking desk', // 1
  'kinds:', // 2
  '  - id: claim', // 3
  '  - id: quote', // 4
  '  - id: opinion', // 5
  '    label: Opinion', // 6
  '    description: A view held by the writer', // 7
  '    color: { light: "#8250df", dark: "#b08cf0" }', // 8
  '    style: highlight', // 9
  '    icon: comment', // 10
  '  - id: statistic', // 11
  '    color: charts.orange', // 12
  'attributes:', // 13
  '  - id: stance', // 14
  '    type: choice', // 15
  '    values: [supports, opposes, neutral]', // 16
  '    kinds: [claim, opinion]', // 17
  '    required: true', // 18
  '  - id: source-url', // 19
  '    label: Source URL', // 20
  '    type: text', // 21
  '  - id: verified', // 22
  '    type: boolean', // 23
  '  - id: target', // 24
  '    type: person', // 25
  'panel:', // 26
  '  kinds: [claim, opinion]', // 27
  '  groupBy: stance', // 28
);

describe('parseScheme', () => {
  it('reads the example scheme: kinds in order, built-in attributes first, then its own', () => {
    const s = scheme(parseScheme(EXAMPLE, SOURCE));
    assert.deepEqual(
      s.kinds.map((k) => [k.id, k.label, k.style, k.icon, k.builtIn]),
      [
        ['claim', 'Claim', 'underline', 'megaphone', true],
        ['quote', 'Quote', 'box', 'quote', true],
        ['opinion', 'Opinion', 'highlight', 'comment', false],
        ['statistic', 'Statistic', 'underline', 'tag', false],
      ],
    );
    assert.deepEqual(findKind(s, 'opinion')?.color, { light: '#8250df', dark: '#b08cf0', highContrast: '#b08cf0' });
    assert.deepEqual(findKind(s, 'statistic')?.color, { light: 'charts.orange', dark: 'charts.orange', highContrast: 'charts.orange' });
    assert.equal(findKind(s, 'opinion')?.description, 'A view held by the writer');
    assert.deepEqual(
      s.attributes.map((a) => [a.id, a.label, a.type, a.builtIn, a.required]),
      [
        ['speaker', 'Speaker', 'person', true, false],
        ['note', 'Note', 'text', true, false],
        ['stance', 'Stance', 'choice', false, true],
        ['source-url', 'Source URL', 'text', false, false],
        ['verified', 'Verified', 'boolean', false, false],
        ['target', 'Target', 'person', false, false],
      ],
    );
    assert.deepEqual(findAttribute(s, 'stance')?.values, ['supports', 'opposes', 'neutral']);
    assert.deepEqual(findAttribute(s, 'stance')?.kinds, ['claim', 'opinion']);
    assert.equal(findAttribute(s, 'verified')?.kinds, undefined);
    assert.deepEqual(s.panel, { kinds: ['claim', 'opinion'], groupBy: 'stance' });
    assert.equal(s.source, SOURCE);
  });

  it('reads an empty file, or one with only comments, as the built-in scheme', () => {
    for (const text of ['', '\n', '# no scheme yet\n', '\uFEFF']) {
      const s = scheme(parseScheme(text, SOURCE));
      assert.deepEqual({ ...s, source: undefined }, { ...BUILT_IN_SCHEME, source: undefined }, JSON.stringify(text));
    }
    assert.deepEqual(scheme(parseScheme('attributes:\n')).kinds, BUILT_IN_SCHEME.kinds);
  });

  it('keeps the look of a built-in kind listed by its id, whatever else it changes', () => {
    const s = scheme(parseScheme(lines('kinds:', '  - id: quote', '    label: Citation', '  - id: advertisement', '    icon: law')));
    const quote = builtInKind('quote')!;
    assert.deepEqual(findKind(s, 'quote'), { ...kindOnly(quote), label: 'Citation', color: undefined });
    assert.deepEqual(findKind(s, 'advertisement'), { ...kindOnly(builtInKind('advertisement')!), icon: 'law', color: undefined });
    // No claim in the scheme: the panel lists its first kind.
    assert.deepEqual(s.panel, { kinds: ['quote'], groupBy: 'speaker' });
  });

  it('gives own kinds without a colour distinct colours and a label from the id', () => {
    const s = scheme(parseScheme(lines('kinds:', '  - id: first-hand', '  - id: second_hand')));
    assert.equal(findKind(s, 'first-hand')?.label, 'First hand');
    assert.equal(findKind(s, 'second_hand')?.label, 'Second hand');
    assert.notDeepEqual(findKind(s, 'first-hand')?.color, findKind(s, 'second_hand')?.color);
  });

  it('reports a kind or attribute declared twice at the second id', () => {
    assert.deepEqual(problems(parseScheme(lines('kinds:', '  - id: a', '  - id: b', '  - id: a'))), ['4:9-4:10 kinds[2].id: "a" is already declared by kinds[0]']);
    assert.deepEqual(problems(parseScheme(lines('attributes:', '  - id: x', '    type: text', '  - id: x', '    type: boolean'))), [
      '4:9-4:10 attributes[1].id: "x" is already declared by attributes[0]',
    ]);
    assert.deepEqual(problems(parseScheme(lines('attributes:', '  - id: s', '    type: choice', '    values: [a, b, a]'))), ['4:20-4:21 attributes[0].values[2]: "a" is listed twice']);
  });

  it('refuses attribute ids that are the annotation’s own fields or built-in attributes', () => {
    const text = lines('attributes:', '  - id: speaker', '    type: text', '  - id: note', '    type: text', '  - id: kind', '    type: text', '  - id: orphaned', '    type: boolean', '  - id: attributes', '    type: text');
    assert.deepEqual(problems(parseScheme(text)), [
      '2:9-2:16 attributes[0].id: "speaker" is a built-in attribute (every scheme has speaker and note); choose another id',
      '4:9-4:13 attributes[1].id: "note" is a built-in attribute (every scheme has speaker and note); choose another id',
      '6:9-6:13 attributes[2].id: "kind" is a field of every annotation; choose another id',
      '8:9-8:17 attributes[3].id: "orphaned" is a field of every annotation; choose another id',
      '10:9-10:19 attributes[4].id: "attributes" is a field of every annotation; choose another id',
    ]);
    for (const id of ['id', 'start', 'end', 'text', 'prefix', 'suffix', 'author']) {
      assert.match(problems(parseScheme(lines('attributes:', `  - id: ${id}`, '    type: text')))[0], /is a field of every annotation/, id);
    }
  });

  it('wants values for a choice attribute and none for the others', () => {
    assert.deepEqual(problems(parseScheme(lines('attributes:', '  - id: stance', '    type: choice'))), ['3:11-3:17 attributes[0]: a choice attribute needs its values (values: [a, b, …])']);
    assert.deepEqual(problems(parseScheme(lines('attributes:', '  - id: stance', '    type: text', '    values: [a, b]'))), [
      '4:5-4:11 attributes[0].values: only a choice attribute has values; "stance" is text',
    ]);
    assert.deepEqual(problems(parseScheme(lines('attributes:', '  - id: stance', '    type: choice', '    values: []'))), ['4:13-4:15 attributes[0].values: must list at least one entry']);
  });

  it('reports kinds that attributes and the panel name but the scheme does not declare, naming those it does', () => {
    const text = lines('kinds:', '  - id: claim', '  - id: quote', 'attributes:', '  - id: stance', '    type: text', '    kinds: [claim, opinion]', 'panel:', '  kinds: [quote, rumour]');
    assert.deepEqual(problems(parseScheme(text)), [
      '7:20-7:27 attributes[0].kinds[1]: unknown kind "opinion"; the scheme declares claim, quote',
      '9:18-9:24 panel.kinds: unknown kind "rumour"; the scheme declares claim, quote',
    ]);
  });

  it('groups the panel by speaker or a person or choice attribute only', () => {
    assert.deepEqual(problems(parseScheme(lines('attributes:', '  - id: stance', '    type: text', 'panel:', '  groupBy: stance'))), [
      '5:12-5:18 panel.groupBy: "stance" is a text attribute; the panel groups by a person or choice attribute',
    ]);
    assert.deepEqual(problems(parseScheme(lines('panel:', '  groupBy: note'))), ['2:12-2:16 panel.groupBy: "note" is a text attribute; the panel groups by a person or choice attribute']);
    assert.deepEqual(problems(parseScheme(lines('panel:', '  groupBy: nobody'))), [
      '2:12-2:18 panel.groupBy: unknown attribute "nobody"; group by speaker or an attribute of type person or choice',
    ]);
    assert.equal(scheme(parseScheme(lines('attributes:', '  - id: target', '    type: person', 'panel:', '  groupBy: target'))).panel.groupBy, 'target');
  });

  it('reports a bad colour, icon, style or id at its value, saying what is allowed', () => {
    assert.deepEqual(problems(parseScheme(lines('kinds:', '  - id: a', '    color: "#12345"'))), [
      '3:12-3:20 kinds[0].color: expected a colour (#rrggbb or a theme colour id) or a mapping with light, dark and optionally highContrast',
    ]);
    assert.deepEqual(problems(parseScheme(lines('kinds:', '  - id: a', '    color: { light: "#fff", dark: "#000", highContrast: "#ggg" }'))), [
      '3:57-3:63 kinds[0].color.highContrast: invalid colour "#ggg"; expected #rgb, #rrggbb, #rrggbbaa or a theme colour id such as charts.orange',
    ]);
    // A mapping is told what is wrong inside it, not that it is neither a colour nor a mapping.
    assert.deepEqual(problems(parseScheme(lines('kinds:', '  - id: a', '    color: { light: "#fff", hc: "#000" }'))), [
      '3:12-3:41 kinds[0].color: missing required field "dark"',
      '3:29-3:31 kinds[0].color: unexpected field "hc"; allowed fields are light, dark, highContrast',
    ]);
    assert.deepEqual(problems(parseScheme(lines('kinds:', '  - id: a', '    icon: Big Icon'))), ['3:11-3:19 kinds[0].icon: invalid icon "Big Icon"; expected a codicon id such as graph or megaphone']);
    assert.deepEqual(problems(parseScheme(lines('kinds:', '  - id: a', '    style: bold'))), ['3:12-3:16 kinds[0].style: "bold" is not allowed; expected one of underline, box, wavy, dim, highlight']);
    assert.deepEqual(problems(parseScheme(lines('kinds:', '  - id: Claim'))), [
      '2:9-2:14 kinds[0].id: invalid id "Claim"; ids are 1-40 lowercase letters, digits, - or _, starting with a letter',
    ]);
    assert.deepEqual(problems(parseScheme(lines('attributes:', '  - id: x', '    type: date'))), ['3:11-3:15 attributes[0].type: "date" is not allowed; expected one of text, choice, person, boolean']);
  });

  it('reports an unknown field at its key, listing the allowed ones', () => {
    assert.deepEqual(problems(parseScheme(lines('kinds:', '  - id: a', '    colour: "#fff"'))), [
      '3:5-3:11 kinds[0]: unexpected field "colour"; allowed fields are id, label, description, color, style, icon',
    ]);
    assert.deepEqual(problems(parseScheme(lines('kinds:', '  - id: a', 'attribute: []'))), ['3:1-3:10 unexpected field "attribute"; allowed fields are kinds, attributes, panel']);
    assert.deepEqual(problems(parseScheme(lines('attributes:', '  - id: a', '    type: text', '    default: x'))), [
      '4:5-4:12 attributes[0]: unexpected field "default"; allowed fields are id, label, description, type, values, kinds, required',
    ]);
    assert.deepEqual(problems(parseScheme(lines('panel:', '  sortBy: speaker'))), ['2:3-2:9 panel: unexpected field "sortBy"; allowed fields are kinds, groupBy']);
  });

  it('reports missing fields, wrong types and YAML errors, and never a scheme with problems', () => {
    assert.deepEqual(problems(parseScheme(lines('attributes:', '  - id: a'))), ['2:5-3:1 attributes[0]: missing required field "type"']);
    assert.deepEqual(problems(parseScheme(lines('kinds: claim'))), ['1:8-1:13 kinds: expected a list']);
    assert.deepEqual(problems(parseScheme(lines('attributes:', '  - id: a', '    type: boolean', '    required: yes'))), ['4:15-4:18 attributes[0].required: expected true or false']);
    assert.deepEqual(problems(parseScheme(lines('kinds:', '  - id: a', '   - id: b'))), ['3:4-3:5 YAML syntax error: All sequence items must start at the same column']);
    assert.deepEqual(problems(parseScheme(lines('kinds:', '  - id: a', '  - id: a', 'kinds: []'))).length, 1);
  });

  it('reads lone CR line endings and a BOM like LF, problems on the same lines', () => {
    const bad = lines('kinds:', '  - id: a', '  - id: a');
    assert.deepEqual(problems(parseScheme(bad.replace(/\n/g, '\r'))), problems(parseScheme(bad)));
    assert.deepEqual(problems(parseScheme('\uFEFF' + bad.replace(/\n/g, '\r\n'))), problems(parseScheme(bad)));
    assert.deepEqual(scheme(parseScheme(EXAMPLE.replace(/\n/g, '\r\n'))), scheme(parseScheme(EXAMPLE)));
  });
});
