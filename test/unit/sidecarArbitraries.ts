import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ANNOTATION_KINDS } from '../../src/core/annotationKind';
import type { SidecarFile, StoredAnnotation } from '../../src/core/sidecar/sidecarFormat';

// Generated sidecars with strings a YAML reader or writer can trip on, and every sidecar in the
// repository: what the fast reader and the fast writer are compared with the yaml library on.

const ROOT = path.resolve(__dirname, '../../..');

function sidecarFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sidecarFiles(p);
    return e.name.endsWith('.annotations.yaml') ? [p] : [];
  });
}

export const REPO_SIDECARS = ['seeds', 'test/gold', 'test/fixtures'].flatMap((d) => sidecarFiles(path.join(ROOT, d)));

// Strings built from pieces a YAML reader can trip on.
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '"', "'", '\\', '\\"', ': ', ' #', '#', ' ', '  ', '-', '- ', '?', '? ', ':', '[', ']', '{', '}', '*', '&', '!', '|', '>', '%', '@', '`', ',',
      '~', 'null', 'Null', 'NULL', 'true', 'True', 'false', 'yes', 'no', '1', '1.0', '-1.5', '+5', '007', '0x10', '0o7', '1e3', '.5', '.inf', '.nan', '. ', '---', '...',
      '\n', '\r\n', '\r', '\t', '\u0000', '\u0085', '\u00A0', '\u2028', '\u2029', '\u202E', '\u200B', '\uFEFF', '\uD800', '\uDC00', '😀', '👍🏽', 'Привет', '日本',
      '\\u0041', '\\x41', '\\n', 'word', 'two words', '=======',
    ),
  },
);
export const hostile = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
const attributeKey = fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,10}$/), fc.constantFrom('stance', 'verified', 'a', 'Z', 'x-y'));
const attributes = fc.dictionary(attributeKey, fc.oneof(hostile, fc.boolean()), { maxKeys: 4 });

export const annotation: fc.Arbitrary<StoredAnnotation> = fc
  .record(
    {
      id: fc.oneof(fc.stringMatching(/^[a-z0-9]{4,12}$/), fc.constantFrom('1234', '0000', '1e10', 'true', 'null')),
      kind: fc.oneof(fc.constantFrom(...ANNOTATION_KINDS), hostile),
      start: fc.nat({ max: 2_000_000 }),
      length: fc.integer({ min: 0, max: 5000 }),
      text: hostile,
      prefix: hostile,
      suffix: hostile,
      speaker: hostile,
      note: hostile,
      author: fc.oneof(fc.constantFrom('alice', 'bob', 'Ann "A" Smith'), hostile),
      adjudicatedFrom: fc.oneof(fc.constantFrom('abcd1234 efgh5678', 'abcd1234'), hostile),
      attributes,
      orphaned: fc.boolean(),
    },
    { requiredKeys: ['id', 'kind', 'start', 'length', 'text', 'prefix', 'suffix'] },
  )
  .map(({ length, ...a }) => ({ ...a, end: a.start + length }));

export const file: fc.Arbitrary<SidecarFile> = fc
  .record({
    documentHash: fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => 'sha256:' + h),
    annotations: fc.array(annotation, { maxLength: 6 }),
  })
  .map((f) => ({ version: 1 as const, ...f }));

