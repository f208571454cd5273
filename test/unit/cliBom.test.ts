// A UTF-8 BOM is not part of the text annotations refer to (VS Code's getText() has none), so a
// BOM added to or removed from a document must change nothing the command line says or writes.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { renderSidecar } from '../../src/core/sidecar/sidecarDocument';
import { run, SEEDS } from './sidecarFixtures';
import { tempDir } from './tempDirs';

const BOM = '\uFEFF';
const SEED_DOCUMENTS = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));

describe('source-annotator and documents with a UTF-8 BOM', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('bom');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const copySeeds = (into: string, bom: boolean): void => {
    fs.mkdirSync(into, { recursive: true });
    for (const name of SEED_DOCUMENTS) {
      const text = fs.readFileSync(path.join(SEEDS, name), 'utf8');
      fs.writeFileSync(path.join(into, name), (bom ? BOM : '') + text);
      fs.copyFileSync(path.join(SEEDS, name + '.annotations.yaml'), path.join(into, name + '.annotations.yaml'));
    }
  };

  it('checks, fixes, exports and counts the seeds with a BOM exactly as without one (an annotation ends at the end of a seed)', async () => {
    copySeeds(path.join(dir, 'plain'), false);
    copySeeds(path.join(dir, 'bom'), true);
    const sidecarsBefore = SEED_DOCUMENTS.map((n) => fs.readFileSync(path.join(dir, 'bom', n + '.annotations.yaml'), 'utf8'));

    const check = await run(path.join(dir, 'bom'), 'check');
    assert.deepEqual(check, { code: 0, out: '', err: `Checked ${SEED_DOCUMENTS.length} sidecar(s): 0 error(s), 0 warning(s).\n` });
    const fixed = await run(path.join(dir, 'bom'), 'check', '--fix');
    assert.equal(fixed.code, 0, fixed.out + fixed.err);
    assert.match(fixed.err, / 0 fixed in 0 file\(s\)/);
    assert.deepEqual(SEED_DOCUMENTS.map((n) => fs.readFileSync(path.join(dir, 'bom', n + '.annotations.yaml'), 'utf8')), sidecarsBefore, '--fix rewrites nothing');

    for (const args of [['export', '--format', 'json'], ['export', '--format', 'w3c'], ['export', '--format', 'markdown'], ['stats', '--format', 'json']]) {
      const plain = await run(path.join(dir, 'plain'), ...args);
      const bom = await run(path.join(dir, 'bom'), ...args);
      assert.equal(bom.code, 0, `${args.join(' ')}: ${bom.err}`);
      assert.deepEqual(bom, plain, args.join(' '));
    }
  });

  it('accepts what suggest --write wrote for a document with a BOM', async () => {
    const text = BOM + '“We will not give up the talks,” Anna Berg said.\n\nShare This';
    fs.writeFileSync(path.join(dir, 'a.txt'), text);
    const write = await run(dir, 'suggest', '--write');
    assert.equal(write.code, 0, write.err);
    assert.match(write.err, /[1-9]\d* added/);
    const check = await run(dir, 'check');
    assert.deepEqual([check.code, check.out], [0, '']);
  });

  // Documents of words, astral characters, CRLF and LF line breaks and stray U+FEFF inside; a
  // sidecar tagging some spans; then maybe an edit before the spans (so --fix has work to do).
  const piece = fc.constantFrom('Lavrov', 'said', 'NATO', ' ', ' ', '. ', '\n', '\r\n', '😀', 'é', '“', '”', '\uFEFF', 'x');
  const scenario = fc
    .record({
      pieces: fc.array(piece, { minLength: 1, maxLength: 60 }),
      spans: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 })), { minLength: 1, maxLength: 5 }),
      inserted: fc.option(fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join('')), { nil: undefined }),
    })
    .map(({ pieces, spans, inserted }) => {
      // A U+FEFF first would itself be read as a BOM; inside the text it is ordinary content.
      const text = (pieces[0] === '\uFEFF' ? 'x' : '') + pieces.join('');
      const annotations = new DocumentAnnotations();
      for (const [at, length] of spans) {
        const start = at % text.length;
        const end = Math.min(text.length, start + 1 + length);
        annotations.add({ kind: 'claim', start, end, author: 'alice' }, text);
      }
      const document = (inserted ?? '') + text;
      return { sidecar: renderSidecar(annotations, text), document: document.startsWith('\uFEFF') ? 'x' + document : document };
    });

  it('property: any document gives the same check result and the same --fix output with a BOM as without', async function () {
    this.timeout(60_000);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ sidecar, document }) => {
        const results: unknown[] = [];
        for (const bom of [false, true]) {
          const sub = path.join(dir, `${n++}`);
          fs.mkdirSync(sub);
          fs.writeFileSync(path.join(sub, 'doc.txt'), (bom ? BOM : '') + document);
          const file = path.join(sub, 'doc.txt.annotations.yaml');
          fs.writeFileSync(file, sidecar);
          const check = await run(sub, 'check', '--format', 'json');
          const fix = await run(sub, 'check', '--fix');
          const after = await run(sub, 'check');
          results.push({ check, fix, fixed: fs.readFileSync(file, 'utf8'), after });
        }
        assert.deepEqual(results[1], results[0]);
      }),
      { numRuns: 40 },
    );
  });
});
