// Annotation schemes for unit tests, parsed the way `.annotations/schema.yaml` is.
import assert from 'node:assert/strict';
import { parseScheme } from '../../src/core/scheme/parseScheme';
import type { AnnotationScheme } from '../../src/core/scheme/scheme';

/** The scheme of a schema file's text; fails the test with the problems when it is invalid. */
export function schemeOf(text: string): AnnotationScheme {
  const result = parseScheme(text, '.annotations/schema.yaml');
  assert.ok(result.ok, JSON.stringify(result.ok || result.problems));
  return result.scheme;
}

/** A schema file declaring `kinds` and three attributes: a choice (one value with a colon and a space), a text and a boolean. */
export function schemeTextWithAttributes(kinds: readonly string[]): string {
  return [
    'kinds:',
    ...kinds.map((kind) => `  - id: ${kind}`),
    'attributes:',
    '  - id: stance',
    '    type: choice',
    '    values: [supports, opposes, "neutral: for now"]',
    '  - id: source',
    '    type: text',
    '  - id: verified',
    '    type: boolean',
    '',
  ].join('\n');
}
