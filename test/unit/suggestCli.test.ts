import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { loadSidecar } from '../../src/core/sidecar/sidecarDocument';
import { addScores, evaluateSuggestions, precisionRecall } from '../../src/core/suggest/evaluateSuggestions';
import { run, tag } from './sidecarFixtures';
import { tempDir } from './tempDirs';

const ARTICLE = '😀 Talks in Sochi\n\n“We will not give up the talks,” Anna Berg said.\n\nShare This\n';

interface Printed {
  documents: { document: string; suggestions: { kind: string; start: number; end: number; text: string; speaker?: string; cue?: string; rule: string }[] }[];
}

describe('source-annotator suggest', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('suggest');
    fs.writeFileSync(path.join(dir, 'a.txt'), ARTICLE);
    fs.writeFileSync(path.join(dir, 'b.md'), '\uFEFF' + ARTICLE.replace(/\n/g, '\r\n'));
    fs.writeFileSync(path.join(dir, 'notes.json'), '{"not": "a document"}');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints every suggestion with code point offsets (astral characters, BOM, CRLF) and writes nothing', async () => {
    const r = await run(dir, 'suggest', '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const printed = JSON.parse(r.out) as Printed;
    assert.deepEqual(
      printed.documents.map((d) => d.document),
      ['a.txt', 'b.md'],
    );
    const [quote, ad] = printed.documents[0].suggestions;
    assert.deepEqual(quote, { kind: 'quote', start: 19, end: 49, text: 'We will not give up the talks,', speaker: 'Anna Berg', cue: 'said', rule: 'paired marks' });
    assert.equal([...ARTICLE].slice(quote.start, quote.end).join(''), quote.text, 'code points, not UTF-16 units');
    assert.deepEqual([ad.kind, ad.text], ['advertisement', 'Share This']);
    const crlf = printed.documents[1].suggestions[0];
    assert.deepEqual([crlf.start, crlf.end], [21, 51], 'BOM not counted, each CRLF counts two');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.txt', 'b.md', 'notes.json']);
    assert.match(r.err, /\[1\/2\] a\.txt: 2 suggestion\(s\)/);
    assert.match(r.err, /Suggested 4 annotation\(s\) in 2 document\(s\); nothing written\./);
  });

  it('names speakers as the nearest speaker registry does, and warns about a registry with problems', async () => {
    fs.mkdirSync(path.join(dir, '.annotations'));
    fs.writeFileSync(path.join(dir, '.annotations', 'speakers.yaml'), 'speakers:\n  - name: Dr Anna Berg\n    aliases: [Anna Berg]\n');
    const r = await run(dir, 'suggest', 'a.txt');
    assert.equal(r.code, 0, r.err);
    assert.equal((JSON.parse(r.out) as Printed).documents[0].suggestions[0].speaker, 'Dr Anna Berg');
    fs.writeFileSync(path.join(dir, '.annotations', 'speakers.yaml'), 'speakers: [\n');
    const broken = await run(dir, 'suggest', 'a.txt');
    assert.equal(broken.code, 0, broken.err);
    assert.equal((JSON.parse(broken.out) as Printed).documents[0].suggestions[0].speaker, 'Anna Berg');
    assert.match(broken.err, /speakers\.yaml.*warning: .*speaker registry not used/);
  });

  it('prints YAML with the same content, and takes a file named directly whatever its extension', async () => {
    const r = await run(dir, 'suggest', 'notes.json', 'a.txt', '--format', 'yaml');
    assert.equal(r.code, 0, r.err);
    const printed = parse(r.out) as Printed;
    assert.deepEqual(
      printed.documents.map((d) => [d.document, d.suggestions.length]),
      [
        ['a.txt', 2],
        ['notes.json', 0],
      ],
    );
  });

  it('--write adds suggestions by "suggest", never duplicating an annotation of the same kind and span, and leaves an invalid sidecar alone', async () => {
    // a.txt already has the quote (tagged by alice): only the boilerplate line is new.
    fs.writeFileSync(path.join(dir, 'a.txt.annotations.yaml'), tag(undefined, ARTICLE, { phrase: 'We will not give up the talks,', kind: 'quote', author: 'alice' }).sidecar);
    const broken = 'version: 1\nannotations: [\n';
    fs.writeFileSync(path.join(dir, 'b.md.annotations.yaml'), broken);

    const first = await run(dir, 'suggest', '--write');
    assert.equal(first.code, 1, 'a skipped sidecar is reported in the exit code');
    assert.equal(first.out, '');
    assert.match(first.err, /b\.md\.annotations\.yaml: skipped, not a valid sidecar/);
    assert.equal(fs.readFileSync(path.join(dir, 'b.md.annotations.yaml'), 'utf8'), broken);

    const sidecar = fs.readFileSync(path.join(dir, 'a.txt.annotations.yaml'), 'utf8');
    const loaded = loadSidecar(sidecar, ARTICLE);
    assert.ok(loaded.ok);
    assert.deepEqual(
      loaded.annotations.all.map((a) => [a.kind, a.text, a.author, a.speaker]),
      [
        ['quote', 'We will not give up the talks,', 'alice', undefined],
        ['advertisement', 'Share This', 'suggest', undefined],
      ],
    );

    fs.rmSync(path.join(dir, 'b.md.annotations.yaml'));
    const second = await run(dir, 'suggest', '--write');
    assert.equal(second.code, 0, second.err);
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt.annotations.yaml'), 'utf8'), sidecar, 'nothing new: byte-identical');
    const created = loadSidecar(fs.readFileSync(path.join(dir, 'b.md.annotations.yaml'), 'utf8'), '\uFEFF' + ARTICLE.replace(/\n/g, '\r\n'));
    assert.ok(created.ok);
    assert.deepEqual(
      created.annotations.all.map((a) => [a.kind, a.text, a.speaker, a.author]),
      [
        ['quote', 'We will not give up the talks,', 'Anna Berg', 'suggest'],
        ['advertisement', 'Share This', undefined, 'suggest'],
      ],
    );
    assert.match(second.err, /2 annotation\(s\) added/);
  });

  it('refuses an unknown format and a missing path (usage errors)', async () => {
    assert.equal((await run(dir, 'suggest', '--format', 'xml')).code, 2);
    assert.equal((await run(dir, 'suggest', 'missing.txt')).code, 2);
  });
});

describe('evaluateSuggestions', () => {
  it('counts exact and one-to-one overlap matches per kind, and speakers on overlap matches', () => {
    const gold = [
      { kind: 'quote' as const, start: 0, end: 10, speaker: 'A' },
      { kind: 'quote' as const, start: 20, end: 30, speaker: 'B' },
      { kind: 'quote' as const, start: 40, end: 50 },
      { kind: 'advertisement' as const, start: 60, end: 65 },
    ];
    const suggested = [
      { kind: 'quote' as const, start: 0, end: 10, speaker: 'A' },
      { kind: 'quote' as const, start: 22, end: 30, speaker: 'C' },
      { kind: 'quote' as const, start: 25, end: 35, speaker: 'B' },
      { kind: 'quote' as const, start: 40, end: 50 },
      { kind: 'claim' as const, start: 60, end: 65 },
    ];
    const scores = evaluateSuggestions(gold, suggested);
    assert.deepEqual(scores.quote.exact, { gold: 3, suggested: 4, matched: 2 });
    assert.deepEqual(scores.quote.overlap, { gold: 3, suggested: 4, matched: 3 }, 'the larger overlap wins; the other suggestion stays unmatched');
    assert.equal(scores.quote.speakerRight, 2, 'A right, C wrong (larger overlap than B), none = none right');
    assert.deepEqual(precisionRecall(scores.advertisement.exact), { precision: 1, recall: 0, f1: 0 });
    assert.deepEqual(precisionRecall(scores.quote.overlap), { precision: 0.75, recall: 1, f1: 6 / 7 });
    assert.equal(addScores(scores, scores).quote.overlap.matched, 6);
  });
});
