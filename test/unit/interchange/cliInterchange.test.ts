// The command line's import and export: options, exit codes, and a whole round trip through files.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run, SEEDS } from '../sidecarFixtures';
import { assertSameAnnotations } from './roundTripHelpers';
import { tempDir } from '../tempDirs';

function seedCopy(): string {
  const dir = tempDir('cli');
  fs.cpSync(SEEDS, path.join(dir, 'seeds'), { recursive: true });
  return dir;
}

describe('source-annotator import / export', () => {
  it('export --format brat needs --out; --out writes X.txt and X.ann per document', async () => {
    const dir = seedCopy();
    const refused = await run(dir, 'export', 'seeds', '--format', 'brat');
    assert.equal(refused.code, 2);
    assert.match(refused.err, /--format brat writes one file per document: give a folder with --out DIR/);
    const written = await run(dir, 'export', 'seeds', '--format', 'brat', '--out', 'out');
    assert.equal(written.code, 0, written.err);
    assert.equal(fs.readdirSync(path.join(dir, 'out', 'seeds')).filter((f) => f.endsWith('.ann')).length, 5);
    // brat opens the folder as it is: its annotation.conf declares the scheme's kinds.
    assert.match(fs.readFileSync(path.join(dir, 'out', 'annotation.conf'), 'utf8'), /^\[entities\]\nclaim\nquote\nspeculation\nadvertisement\n\n\[relations\]\n/);
    const imported = await run(dir, 'import', '--format', 'brat', 'out');
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.err, /Imported 70 annotation\(s\) from 5 file\(s\); 0 skipped\./);
    assert.equal(assertSameAnnotations(path.join(dir, 'seeds'), path.join(dir, 'out', 'seeds')), 70);
  });

  it('export --format spacy prints JSONL with code point offsets', async () => {
    const dir = seedCopy();
    const { code, out } = await run(dir, 'export', 'seeds', '--format', 'spacy');
    assert.equal(code, 0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { text: string; spans: { start: number; end: number; label: string }[]; meta: { document: string } });
    assert.equal(lines.length, 5);
    for (const line of lines) for (const span of line.spans) assert.ok([...line.text].slice(span.start, span.end).join('').length > 0);
    assert.deepEqual(Object.keys(lines[0].spans[0]), ['start', 'end', 'label']);
  });

  it('import --as suggestions writes X.suggestions.yaml, not the sidecar; --map and its errors', async () => {
    const dir = tempDir('cli-suggest');
    fs.writeFileSync(path.join(dir, 'a.jsonl'), JSON.stringify({ text: 'Ann said hello.', label: [[0, 3, 'Speaker'], [9, 14, 'Q']], document: 'a.txt' }) + '\n');
    const usage = await run(dir, 'import', '--format', 'doccano', '--map', 'Q=nope', 'a.jsonl');
    assert.equal(usage.code, 2);
    assert.match(usage.err, /"nope" is not a kind of the scheme/);
    const result = await run(dir, 'import', '--format', 'doccano', '--as', 'suggestions', '--map', 'Q=quote', '--map', 'Speaker=', 'a.jsonl');
    assert.equal(result.code, 0, result.err);
    assert.match(result.err, /Imported 1 suggestion\(s\) from 1 file\(s\); 1 skipped\./);
    assert.match(result.err, /line 1, label 1: label "Speaker" left out \(--map Speaker=\)/);
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), 'Ann said hello.');
    assert.ok(fs.existsSync(path.join(dir, 'a.txt.suggestions.yaml')));
    assert.equal(fs.existsSync(path.join(dir, 'a.txt.annotations.yaml')), false);
  });

  it('import exits 1 when a document could not be imported at all, 2 without --format', async () => {
    const dir = tempDir('cli-missing');
    fs.writeFileSync(path.join(dir, 'gone.ann'), 'T1\tClaim 0 5\tHello\n');
    const missing = await run(dir, 'import', '--format', 'brat', 'gone.ann');
    assert.equal(missing.code, 1);
    assert.match(missing.err, /gone\.ann: gone\.txt: document gone\.txt: no such file or directory \(1 span\(s\) not imported\)/);
    assert.equal((await run(dir, 'import', 'gone.ann')).code, 2);
  });
});
