import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { W3C_ANNOTATION_CONTEXT, type W3cCollection } from '../../src/core/report/w3cExport';
import { ARTICLE, run, tag } from './sidecarFixtures';
import { tempDir } from './tempDirs';

describe('source-annotator export and stats', () => {
  let dir: string;
  before(() => {
    dir = tempDir('export');
    fs.writeFileSync(path.join(dir, 'b.txt'), ARTICLE);
    fs.writeFileSync(
      path.join(dir, 'b.txt.annotations.yaml'),
      tag(
        undefined,
        ARTICLE,
        { phrase: 'Russia has called on NATO', speaker: 'Sergey Lavrov', author: 'alice', note: 'Reported *speech* <b>' },
        { phrase: 'the Lisbon summit', kind: 'quote', speaker: 'Sergey Lavrov', author: 'bob' },
        { phrase: 'Why does our enemy want to become our friend?', kind: 'speculation', author: 'alice' },
      ).sidecar,
    );
    const other = '😀 Ads: buy *now* [here](http://x)\n';
    fs.writeFileSync(path.join(dir, 'a.txt'), other);
    fs.writeFileSync(path.join(dir, 'a.txt.annotations.yaml'), tag(undefined, other, { phrase: 'buy *now* [here](http://x)', kind: 'advertisement', speaker: '# Not a heading' }).sidecar);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('shows hidden characters of names in stats and of quotes in check as [U+XXXX], never raw on the terminal', async () => {
    const hostile = tempDir('hostile');
    try {
      const text = 'Plain words, then a reversed\u202E line and an escape \u001b[31m here.\n';
      fs.writeFileSync(path.join(hostile, 'h.txt'), text);
      const { sidecar } = tag(undefined, text, { phrase: 'reversed\u202E line', speaker: 'Eve\u202E\u001b[31mRED' });
      fs.writeFileSync(path.join(hostile, 'h.txt.annotations.yaml'), sidecar);
      const stats = await run(hostile, 'stats');
      assert.ok(stats.out.includes('Eve[U+202E][U+001B][31mRED'), stats.out);
      fs.writeFileSync(path.join(hostile, 'h.txt'), text.replace('Plain', 'Some plain'));
      const check = await run(hostile, 'check');
      assert.match(check.out, /reversed\[U\+202E\] line/);
      for (const out of [stats.out, check.out]) assert.ok(!out.includes('\u202E') && !out.includes('\u001b'), JSON.stringify(out));
    } finally {
      fs.rmSync(hostile, { recursive: true, force: true });
    }
  });

  it('writes the claims-by-speaker report as Markdown whose text survives a parse (escaped)', async () => {
    const r = await run(dir, 'export', '--format', 'markdown');
    assert.equal(r.code, 0);
    const tree = unified().use(remarkParse).parse(r.out);
    const headings = tree.children.filter((n) => n.type === 'heading').map((h) => ('children' in h ? h.children.map((c) => ('value' in c ? c.value : '')).join('') : ''));
    assert.deepEqual(headings, ['Claims by speaker', 'Sergey Lavrov (2)', '# Not a heading (1)', 'Unattributed (1)']);
    assert.ok(r.out.includes('> buy \\*now\\* \\[here]\\(http://x)'), r.out);
    assert.ok(r.out.includes('[`b.txt`](b.txt), line 9, tagged by alice'), r.out);
    assert.ok(!/^<b>/m.test(r.out));
  });

  it('writes W3C Web Annotations with TextQuote and TextPosition (code point) selectors, in a stable order', async () => {
    const r = await run(dir, 'export', '--format', 'w3c');
    assert.equal(r.code, 0);
    const collection = JSON.parse(r.out) as W3cCollection;
    assert.equal(collection['@context'], W3C_ANNOTATION_CONTEXT);
    assert.equal(collection.total, 4);
    const [ad, ...rest] = collection.first.items;
    assert.equal(ad.target.source, 'a.txt');
    assert.deepEqual(ad.target.selector, [
      { type: 'TextQuoteSelector', exact: 'buy *now* [here](http://x)', prefix: '😀 Ads: ', suffix: '\n' },
      { type: 'TextPositionSelector', start: 7, end: 33 },
    ]);
    assert.deepEqual(ad.body, [
      { type: 'TextualBody', purpose: 'tagging', value: 'advertisement' },
      { type: 'TextualBody', purpose: 'identifying', value: '# Not a heading' },
    ]);
    assert.deepEqual(rest.map((a) => a.body[0].value), ['speculation', 'claim', 'quote']);
    assert.deepEqual(rest[1].creator, { type: 'Person', name: 'alice' });
    assert.equal((await run(dir, 'export', '--format', 'w3c')).out, r.out);
  });

  it('counts per kind, speaker, document and annotator', async () => {
    const r = await run(dir, 'stats', '--format', 'json');
    assert.equal(r.code, 0);
    const stats = JSON.parse(r.out) as Record<string, unknown>;
    assert.deepEqual(stats.byKind, { claim: 1, quote: 1, speculation: 1, advertisement: 1 });
    assert.deepEqual(stats.bySpeaker, { 'Sergey Lavrov': 2, '': 1, '# Not a heading': 1 });
    assert.deepEqual(stats.byDocument, { 'b.txt': 3, 'a.txt': 1 });
    assert.deepEqual(stats.byAuthor, { alice: 2, '': 1, bob: 1 });
    const text = await run(dir, 'stats');
    assert.match(text.out, /^4 annotation\(s\) in 2 document\(s\), 0 orphaned\n/);
  });
});
