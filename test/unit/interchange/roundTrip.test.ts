// Export then import gives back the same kinds, spans, speakers, notes, authors and attributes,
// for every format that both exports and imports: over the seeds, and over generated corpora with
// CRLF line endings, a byte order mark, astral characters and combining marks.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { annotationConf } from '../../../src/core/interchange/brat';
import { IMPORT_FORMATS, EXPORT_FORMATS } from '../../../src/core/interchange/formats';
import { BUILT_IN_SCHEME } from '../../../src/core/scheme/scheme';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { buildSidecarFile } from '../../../src/core/sidecar/sidecarCodec';
import { DocumentAnnotations } from '../../../src/core/documentAnnotations';
import { stripBom } from '../../../src/core/text/documentText';
import { assertSameAnnotations, roundTrip, TEST_SCHEME } from './roundTripHelpers';
import { tempDir } from '../tempDirs';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const SEEDS = path.join(ROOT, 'seeds');
const ROUND_TRIP_FORMATS = IMPORT_FORMATS.filter((f) => EXPORT_FORMATS.includes(f as never)).map((f) => f.id);

describe('interchange round trips', () => {
  it('brat: annotation.conf declares the kinds, the boolean and the choice values brat can hold', () => {
    const conf = annotationConf(TEST_SCHEME);
    assert.match(conf, /^\[entities\]\nclaim\nquote\nspeculation\nadvertisement\nopinion\n/);
    assert.match(conf, /\nstance\tArg:<ENTITY>, Value:supports\|opposes\n/);
    assert.match(conf, /\nverified\tArg:<ENTITY>, Value:true\|false\n/);
    assert.doesNotMatch(conf, /\nsource\t/);
  });

  it('covers brat, Label Studio, doccano and W3C', () => {
    assert.deepEqual([...ROUND_TRIP_FORMATS].sort(), ['brat', 'doccano', 'label-studio', 'w3c']);
  });

  for (const format of ROUND_TRIP_FORMATS) {
    it(`${format}: the seeds come back unchanged`, async () => {
      const { summaries, target } = await roundTrip(format, SEEDS, BUILT_IN_SCHEME);
      assert.deepEqual(
        summaries.flatMap((s) => s.skipped),
        [],
      );
      const count = assertSameAnnotations(SEEDS, target);
      assert.equal(summaries.reduce((n, s) => n + s.imported, 0), count);
      assert.ok(count >= 70, `only ${count} seed annotations`);
    });

    it(`${format}: generated corpora (CRLF, BOM, astral characters, attributes) come back unchanged`, async () => {
      await fc.assert(
        fc.asyncProperty(corpusArbitrary, async (docs) => {
          const source = tempDir(`${format}-gen`);
          writeCorpus(source, docs);
          const { summaries, target } = await roundTrip(format, source, TEST_SCHEME);
          assert.deepEqual(summaries.flatMap((s) => s.skipped), []);
          assertSameAnnotations(source, target);
        }),
        { numRuns: 15 },
      );
    });
  }
});

interface GeneratedDocument {
  readonly text: string;
  readonly bom: boolean;
  readonly spans: { start: number; end: number; kind: string; speaker?: string; note?: string; author?: string; attributes?: Record<string, string | boolean> }[];
}

const pieces = fc.constantFrom('Hello', ' world', '\r\n', '\n', '😀', '𝒜', 'é', 'e\u0301', '“quoted”', ' said ', 'x', '\t', '中文');
const word = fc.constantFrom('Ann Lee', 'Bob', 'a note', 'Zoë 😀', 'O’Brien', 'two  spaces');
const attributes = fc.record({ stance: fc.constantFrom('supports', 'opposes', 'neutral: for now'), source: word, verified: fc.boolean() }, { requiredKeys: [] });

const corpusArbitrary = fc.array(
  fc
    .tuple(fc.array(pieces, { minLength: 3, maxLength: 30 }), fc.boolean(), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('claim', 'quote', 'opinion'), fc.option(word), fc.option(word), fc.option(word), fc.option(attributes)), { maxLength: 6 }))
    .map(([parts, bom, raw]): GeneratedDocument => {
      const chars = [...parts.join('')];
      const text = parts.join('');
      const spans = raw.flatMap(([a, b, kind, speaker, note, author, attrs]) => {
        const s = a % chars.length;
        const e = s + 1 + (b % Math.min(12, chars.length - s));
        const start = chars.slice(0, s).join('').length;
        const end = chars.slice(0, e).join('').length;
        // A span edge between \r and \n is not a place any editor gives.
        if (text[start - 1] === '\r' && text[start] === '\n') return [];
        if (text[end - 1] === '\r' && text[end] === '\n') return [];
        return [{ start, end, kind, ...(speaker ? { speaker } : {}), ...(note ? { note } : {}), ...(author ? { author } : {}), ...(attrs && Object.keys(attrs).length > 0 ? { attributes: attrs } : {}) }];
      });
      return { text, bom, spans };
    }),
  { minLength: 1, maxLength: 3 },
);

function writeCorpus(root: string, docs: readonly GeneratedDocument[]): void {
  docs.forEach((doc, i) => {
    const file = path.join(root, `doc${i}.txt`);
    fs.writeFileSync(file, (doc.bom ? '\uFEFF' : '') + doc.text);
    const model = new DocumentAnnotations();
    const seen = new Set<string>();
    for (const span of doc.spans) {
      const key = `${span.kind}:${span.start}:${span.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      model.add(span, stripBom(doc.text));
    }
    if (model.size > 0) fs.writeFileSync(`${file}.annotations.yaml`, serializeSidecar(buildSidecarFile([...model.all], doc.text)));
  });
}
