import assert from 'node:assert/strict';
import { BUILT_IN_SCHEME, type AnnotationScheme, type AttributeDefinition, type KindDefinition } from '../../src/core/scheme/scheme';
import { schemeErrors, schemeViolations, valueProblem, type SchemeViolation } from '../../src/core/scheme/schemeViolations';
import { schemeOf } from './schemeFixtures';
import { parseSidecar, type SidecarParseResult, type SidecarParseSuccess, type SidecarProblem } from '../../src/core/sidecar/parseSidecar';

const lines = (...l: string[]) => l.join('\n') + '\n';
const HASH = 'sha256:' + 'ab'.repeat(32);

/** Claims carry a required stance; anything may be verified or have a source. */
const SCHEME = schemeOf(
  lines(
    'kinds:',
    '  - id: claim',
    '  - id: opinion',
    'attributes:',
    '  - id: stance',
    '    type: choice',
    '    values: [supports, opposes]',
    '    kinds: [claim]',
    '    required: true',
    '  - id: verified',
    '    type: boolean',
    '  - id: source',
    '    type: text',
  ),
);

/** Declares whatever SIDECAR uses, every attribute as text, so it parses and can be checked against SCHEME. */
const kind = (id: string): KindDefinition => ({ id, label: id, style: 'underline', icon: 'tag', builtIn: false });
const text = (id: string): AttributeDefinition => ({ id, label: id, type: 'text', required: false, builtIn: false });
const PERMISSIVE: AnnotationScheme = {
  kinds: ['claim', 'opinion', 'rumour'].map(kind),
  attributes: [...BUILT_IN_SCHEME.attributes, ...['stance', 'verified', 'source', 'colour'].map(text)],
  panel: { kinds: ['claim'], groupBy: 'speaker' },
};

const block = (id: string, kindId: string, start: number, ...attributes: string[]) => [
  `  - id: ${id}`,
  `    kind: ${kindId}`,
  `    start: ${start}`,
  `    end: ${start + 1}`,
  '    text: x',
  '    prefix: ""',
  '    suffix: ""',
  ...(attributes.length > 0 ? ['    attributes:', ...attributes.map((a) => `      ${a}`)] : []),
];

const SIDECAR = lines(
  'version: 1', // 1
  `documentHash: ${HASH}`, // 2
  'annotations:', // 3
  ...block('aaaa0001', 'claim', 0, 'stance: opposes'), // 4-12: fine
  ...block('aaaa0002', 'rumour', 2), // 13-19: undeclared kind (line 14)
  ...block('aaaa0003', 'opinion', 4, 'stance: opposes'), // 20-28: stance does not apply to opinions (line 28)
  ...block('aaaa0004', 'claim', 6, 'colour: red', 'source: x', 'stance: maybe', 'verified: "yes"'), // 29-40
  ...block('aaaa0005', 'claim', 8), // 41-47: claim without its required stance
);

function success(result: SidecarParseResult): SidecarParseSuccess {
  assert.ok(result.ok, `expected success, got ${JSON.stringify(result.ok || result.problems)}`);
  return result as SidecarParseSuccess;
}

const fmt = (p: SidecarProblem | SchemeViolation) => `${'severity' in p ? p.severity + ' ' : ''}${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.message}`;

describe('schemeViolations', () => {
  const parsed = success(parseSidecar(SIDECAR, PERMISSIVE));

  it('reports each kind, attribute and value the scheme does not allow at its line and column, naming what it allows', () => {
    assert.deepEqual(schemeViolations(parsed, SCHEME).map(fmt), [
      'error 14:11-14:17 annotations[1].kind: unknown kind "rumour"; expected one of claim, opinion (the kinds of .annotations/schema.yaml)',
      'error 28:7-28:13 annotations[2].attributes.stance: "stance" does not apply to opinion; it applies to claim',
      'error 37:7-37:13 annotations[3].attributes.colour: unknown attribute "colour"; the scheme (.annotations/schema.yaml) declares stance, verified, source',
      'error 39:15-39:20 annotations[3].attributes.stance: "maybe" is not a value of stance; expected one of supports, opposes',
      'error 40:17-40:22 annotations[3].attributes.verified: expected true or false, got "yes"',
      'warning 41:5-48:1 annotations[4]: claim without stance, which the scheme requires',
    ]);
  });

  it('makes the errors, not the warning, stop parseSidecar at the schema stage, at the same places', () => {
    const result = parseSidecar(SIDECAR, SCHEME);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.stage, 'schema');
    const errors = schemeViolations(parsed, SCHEME).filter((v) => v.severity === 'error');
    assert.deepEqual(!result.ok && result.problems.map(fmt), errors.map(({ severity: _s, ...p }) => fmt(p)));
    assert.deepEqual(schemeErrors(parsed, SCHEME).map(fmt), errors.map(({ severity: _s, ...p }) => fmt(p)));
    // Only a required attribute missing: the sidecar loads, and the check warns.
    const missing = lines('version: 1', `documentHash: ${HASH}`, 'annotations:', ...block('aaaa0005', 'claim', 8));
    const loaded = success(parseSidecar(missing, SCHEME));
    assert.deepEqual(schemeViolations(loaded, SCHEME).map(fmt), ['warning 4:5-11:1 annotations[0]: claim without stance, which the scheme requires']);
  });

  it('against the built-in scheme: its four kinds, no attributes of its own', () => {
    const violations = schemeViolations(parsed, BUILT_IN_SCHEME).map(fmt);
    assert.deepEqual(violations.slice(0, 3), [
      'error 12:7-12:13 annotations[0].attributes.stance: unknown attribute "stance"; the built-in scheme (declare others in .annotations/schema.yaml) declares no attributes',
      'error 14:11-14:17 annotations[1].kind: unknown kind "rumour"; expected one of claim, quote, speculation, advertisement',
      'error 21:11-21:18 annotations[2].kind: unknown kind "opinion"; expected one of claim, quote, speculation, advertisement',
    ]);
    assert.equal(violations.length, 8);
  });

  it('does not take speaker or note under attributes: they are fields of their own', () => {
    const sidecar = lines('version: 1', `documentHash: ${HASH}`, 'annotations:', ...block('aaaa0001', 'claim', 0, 'speaker: Lavrov'));
    const loaded = parseSidecar(sidecar, { ...PERMISSIVE, source: '.annotations/schema.yaml' });
    assert.equal(loaded.ok, false);
    assert.deepEqual(!loaded.ok && loaded.problems.map(fmt), [
      '12:7-12:14 annotations[0].attributes.speaker: unknown attribute "speaker"; the scheme (.annotations/schema.yaml) declares stance, verified, source, colour',
    ]);
  });

  it('valueProblem: booleans, choices, text and person values', () => {
    const attribute = (type: AttributeDefinition['type'], values?: string[]): AttributeDefinition => ({ id: 'a', label: 'A', type, values, required: false, builtIn: false });
    assert.equal(valueProblem(attribute('boolean'), false), undefined);
    assert.equal(valueProblem(attribute('boolean'), 'true'), 'expected true or false, got "true"');
    assert.equal(valueProblem(attribute('choice', ['x', 'y']), 'y'), undefined);
    assert.equal(valueProblem(attribute('choice', ['x', 'y']), true), 'expected one of x, y, got true');
    assert.equal(valueProblem(attribute('choice', ['x', 'y']), 'z'), '"z" is not a value of a; expected one of x, y');
    assert.equal(valueProblem(attribute('text'), 'anything'), undefined);
    assert.equal(valueProblem(attribute('person'), true), 'expected a string, got true');
  });
});
