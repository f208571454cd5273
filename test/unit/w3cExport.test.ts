import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import type { CorpusDocument } from '../../src/core/corpus/annotatedDocument';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { encodePathSegment, pathToIriReference } from '../../src/core/report/iri';
import { w3cAnnotationId, w3cCollection, type W3cCollection } from '../../src/core/report/w3cExport';
import { toStoredAnnotations } from '../../src/core/sidecar/sidecarCodec';
import type { StoredAnnotation } from '../../src/core/sidecar/sidecarFormat';
import { ARTICLE, run, tag } from './sidecarFixtures';
import { tempDir } from './tempDirs';

/** RFC 3986 relative-ref with a path only: pchar (":" excluded from the first segment) and "/". */
const RELATIVE_PATH_REF = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=@]|%[0-9A-F]{2})*(?:\/(?:[A-Za-z0-9\-._~!$&'()*+,;=@:]|%[0-9A-F]{2})*)*$/;
/** RFC 3986 absolute URI (scheme ":" hier-part), ASCII only, well-formed escapes, no fragment. */
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})+$/;

/**
 * The MUSTs of the W3C Web Annotation Data Model the export touches (sections 3.1, 3.2, 4.2.4,
 * 4.2.5, 5.1, 5.2), as a JSON schema; ids are absolute URIs, like the web-platform-tests
 * annotation-model suite checks them ("format": "uri").
 */
const W3C_SHAPE = {
  type: 'object',
  required: ['@context', 'id', 'type', 'total', 'first'],
  properties: {
    '@context': { const: 'http://www.w3.org/ns/anno.jsonld' },
    id: { type: 'string', pattern: ABSOLUTE_URI.source },
    type: { const: 'AnnotationCollection' },
    label: { type: 'string' },
    total: { type: 'integer', minimum: 0 },
    first: {
      type: 'object',
      required: ['id', 'type', 'items'],
      properties: {
        id: { type: 'string', pattern: ABSOLUTE_URI.source },
        type: { const: 'AnnotationPage' },
        partOf: { type: 'string', pattern: ABSOLUTE_URI.source },
        startIndex: { type: 'integer', minimum: 0 },
        items: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'type', 'motivation', 'body', 'target'],
            properties: {
              id: { type: 'string', pattern: ABSOLUTE_URI.source },
              type: { const: 'Annotation' },
              motivation: { enum: ['tagging', 'commenting', 'identifying', 'describing', 'classifying'] },
              creator: { type: 'object', required: ['type', 'name'], properties: { type: { const: 'Person' }, name: { type: 'string' } } },
              body: {
                type: 'array',
                minItems: 1,
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['type', 'value'],
                  properties: { type: { const: 'TextualBody' }, purpose: { enum: ['tagging', 'identifying', 'commenting'] }, value: { type: 'string' } },
                },
              },
              target: {
                type: 'object',
                additionalProperties: false,
                required: ['source', 'selector'],
                properties: {
                  source: { type: 'string', pattern: RELATIVE_PATH_REF.source },
                  selector: {
                    type: 'array',
                    minItems: 1,
                    items: {
                      oneOf: [
                        {
                          type: 'object',
                          additionalProperties: false,
                          required: ['type', 'exact'],
                          properties: { type: { const: 'TextQuoteSelector' }, exact: { type: 'string' }, prefix: { type: 'string', minLength: 1 }, suffix: { type: 'string', minLength: 1 } },
                        },
                        {
                          type: 'object',
                          additionalProperties: false,
                          required: ['type', 'start', 'end'],
                          properties: { type: { const: 'TextPositionSelector' }, start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 } },
                        },
                      ],
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};
const validateShape = new Ajv({ allErrors: true, strict: false }).compile(W3C_SHAPE);

function assertW3cShape(collection: W3cCollection): void {
  assert.ok(validateShape(collection), JSON.stringify(validateShape.errors, null, 1));
  assert.equal(collection.total, collection.first.items.length);
  assert.equal(new Set(collection.first.items.map((a) => a.id)).size, collection.total, 'annotation ids are unique');
}

/** Path segments as people name files: spaces, "#", "%", "?", ":", any script, bidi controls, emoji. */
const segment = fc
  .array(fc.oneof(fc.constantFrom(' ', '#', '%', '?', ':', '%20', '&', '+', '\u202E', '\u200F', 'é', 'ü', 'Привет', '文件', '😀', '..', '.', '\\', '[', ']', '(', ')', "'", '@'), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join(''))
  .filter((s) => s !== '.' && s !== '..' && !s.includes('/'));
const documentPath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => segments.join('/'));

const ANNOTATION: StoredAnnotation = { id: 'abcd1234', kind: 'claim', start: 0, end: 5, text: 'Hello', prefix: '', suffix: ', world' };

describe('W3C Web Annotation export', () => {
  it('targets each document by a relative IRI reference that resolves to exactly its path (property)', () => {
    fc.assert(
      fc.property(documentPath, (p) => {
        const source = pathToIriReference(p);
        assert.match(source, RELATIVE_PATH_REF);
        // Resolved like a browser or JSON-LD processor would: no query, no fragment, no scheme, same segments.
        const url = new URL(source, 'file:///corpus/');
        assert.equal(url.protocol, 'file:');
        assert.equal(url.search, '');
        assert.equal(url.hash, '');
        assert.equal(url.pathname, '/corpus/' + source);
        assert.deepEqual(source.split('/').map(decodeURIComponent), p.split('/'));
      }),
      { numRuns: 500 },
    );
  });

  it('encodes the characters that would change what a path names', () => {
    assert.equal(pathToIriReference('my notes/a#1 50%?.txt'), 'my%20notes/a%231%2050%25%3F.txt');
    assert.equal(pathToIriReference('C:/docs/статья.md'), 'C%3A/docs/%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F.md');
    assert.equal(pathToIriReference('../up/\u202Etxt.exe'), '../up/%E2%80%AEtxt.exe');
    assert.equal(encodePathSegment('a/b'), 'a%2Fb');
    assert.equal(encodePathSegment('\uD800x'), '%EF%BF%BDx', 'a lone surrogate is U+FFFD, not a crash');
  });

  it('gives annotations ids from document path and annotation id: stable, and different for different pairs (property)', () => {
    fc.assert(
      fc.property(documentPath, documentPath, fc.stringMatching(/^[a-z0-9]{4,32}$/), fc.stringMatching(/^[a-z0-9]{4,32}$/), (p, q, i, j) => {
        const a = w3cAnnotationId(p, i);
        assert.match(a, ABSOLUTE_URI);
        assert.equal(w3cAnnotationId(p, i), a);
        assert.equal(a === w3cAnnotationId(q, j), p === q && i === j);
      }),
      { numRuns: 500 },
    );
    assert.equal(w3cAnnotationId('/abs/a b.txt', 'abcd1234'), 'urn:source-annotator:%2Fabs/a%20b.txt:abcd1234');
  });

  it('has a valid W3C shape and unique ids for any document paths (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(documentPath, { minLength: 1, maxLength: 4 }), (paths) => {
        // Every document holds the same annotation, as copies of one file do.
        const corpus: CorpusDocument[] = paths.map((p) => ({ path: p, documentText: undefined, annotations: [ANNOTATION, { ...ANNOTATION, id: 'efgh5678', orphaned: true, start: 3, end: 3 }] }));
        const collection = w3cCollection(corpus);
        assertW3cShape(collection);
        assert.deepEqual(w3cCollection([...corpus].reverse()), collection, 'stable whatever the input order');
      }),
      { numRuns: 200 },
    );
  });

  it('gives TextPositionSelector offsets in code points: they cut the exact text out of the document (property)', () => {
    const char = fc.oneof(fc.constantFrom('a', ' ', '\r\n', '\n', '\r', '😀', '👍🏽', 'é', '\u202E'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(fc.array(char, { minLength: 2, maxLength: 40 }), fc.boolean(), fc.nat(), fc.nat(), (chars, bom, x, y) => {
        const text = (bom ? '\uFEFF' : '') + chars.join('');
        const body = bom ? text.slice(1) : text;
        // A span on code point boundaries, in UTF-16 units as the editor has it.
        const points = [...body];
        const i = x % (points.length - 1);
        const j = i + 1 + (y % (points.length - i - 1 || 1));
        const utf16 = (n: number) => points.slice(0, n).join('').length;
        const annotations = new DocumentAnnotations();
        annotations.add({ kind: 'quote', start: utf16(i), end: utf16(j) }, body);
        const stored = toStoredAnnotations([...annotations.all], text);
        const [item] = w3cCollection([{ path: 'doc.txt', documentText: text, annotations: stored }]).first.items;
        const [quote, position] = item.target.selector;
        assert.equal(position.type, 'TextPositionSelector');
        assert.equal(quote.type, 'TextQuoteSelector');
        if (position.type !== 'TextPositionSelector' || quote.type !== 'TextQuoteSelector') return;
        assert.deepEqual([position.start, position.end], [i, j]);
        assert.equal(points.slice(position.start, position.end).join(''), quote.exact);
      }),
      { numRuns: 300 },
    );
  });

  it('exports a copied document and one with spaces, "#" and unicode in its name: distinct ids, encoded sources', async () => {
    const dir = tempDir('w3c-paths');
    const sidecar = tag(undefined, ARTICLE, { phrase: 'the Lisbon summit', speaker: 'Sergey Lavrov' }).sidecar;
    for (const name of ['a.txt', 'copy of a #2.txt', 'статья.txt']) {
      fs.writeFileSync(path.join(dir, name), ARTICLE);
      fs.writeFileSync(path.join(dir, `${name}.annotations.yaml`), sidecar);
    }
    const r = await run(dir, 'export', '--format', 'w3c');
    assert.equal(r.code, 0, r.err);
    const collection = JSON.parse(r.out) as W3cCollection;
    assertW3cShape(collection);
    assert.deepEqual(collection.first.items.map((a) => a.target.source), ['a.txt', 'copy%20of%20a%20%232.txt', '%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F.txt']);
    const id = collection.first.items[0].id.split(':').pop();
    assert.deepEqual(collection.first.items.map((a) => a.id), [
      `urn:source-annotator:a.txt:${id}`,
      `urn:source-annotator:copy%20of%20a%20%232.txt:${id}`,
      `urn:source-annotator:%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F.txt:${id}`,
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
