// `source-annotator diff <ref>`: what changed in the annotations since a git ref, on a real git
// repository, in text, JSON and Markdown (escaped for a pull-request comment).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import { parsed, remove, run, tag, update } from './sidecarFixtures';
import { tempDir } from './tempDirs';

const TEXT = 'The minister said taxes would fall.\nA *bold* <b>claim</b> followed.\n"That is false," the opposition leader said.\n';

function repoWith(sidecar: string): string {
  const dir = tempDir('diff');
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@example.com');
  fs.writeFileSync(path.join(dir, 'a.txt'), TEXT);
  fs.writeFileSync(path.join(dir, 'a.txt.annotations.yaml'), sidecar);
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  return dir;
}

describe('source-annotator diff', () => {
  const base = tag(
    undefined,
    TEXT,
    { phrase: 'taxes would fall', speaker: 'The minister' },
    { phrase: 'That is false', kind: 'quote', speaker: 'the opposition leader' },
    { phrase: 'A *bold* <b>claim</b>' },
  );
  const [taxes, quote, bold] = base.ids;

  it('lists added, removed and changed annotations by id, not a span that only moved with the text', async () => {
    const dir = repoWith(base.sidecar);
    // Text inserted above everything: every span moves, none changes.
    const edited = 'Breaking.\n' + TEXT;
    fs.writeFileSync(path.join(dir, 'a.txt'), edited);
    let sidecar = update(base.sidecar, TEXT, taxes, { speaker: 'Jane Roe' });
    sidecar = remove(sidecar, TEXT, quote);
    sidecar = tag(sidecar, TEXT, { phrase: 'the opposition leader', kind: 'claim' }).sidecar;
    fs.writeFileSync(path.join(dir, 'a.txt.annotations.yaml'), sidecar);

    const r = await run(dir, 'diff', 'main', '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const { changes } = JSON.parse(r.out);
    const summary = changes.map((c: { change: string; id: string; fields: string[]; kind: string; text: string; line: number }) => [c.change, c.kind, c.text, c.fields, c.line]);
    assert.deepEqual(summary, [
      ['changed', 'claim', 'taxes would fall', ['speaker'], 2],
      ['removed', 'quote', 'That is false', [], 4],
      ['added', 'claim', 'the opposition leader', [], 4],
    ]);
    assert.equal(changes.find((c: { id: string }) => c.id === taxes).before.speaker, 'The minister');
    assert.ok(!changes.some((c: { id: string }) => c.id === bold), 'a span that only moved is not a change');

    const text = await run(dir, 'diff', 'main');
    assert.match(text.out, /^a\.txt:2: changed speaker of claim "taxes would fall"/m);
    assert.match(text.out, /1 added, 1 removed, 1 changed in 1 document\(s\)\n$/);
  });

  it('writes Markdown in which quotes from the document stay text', async () => {
    const dir = repoWith(base.sidecar);
    fs.writeFileSync(path.join(dir, 'a.txt.annotations.yaml'), update(base.sidecar, TEXT, bold, { note: 'checked' }));
    const r = await run(dir, 'diff', 'main', '--format', 'markdown');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^### Annotation changes since `main`/);
    const tree = unified().use(remarkParse).parse(r.out);
    const types = new Set<string>();
    let text = '';
    const walk = (node: { type: string; value?: string; children?: unknown[] }): void => {
      types.add(node.type);
      if (node.type === 'text') text += node.value;
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(tree as never);
    assert.ok(!types.has('emphasis') && !types.has('html'), `markup from the document was interpreted: ${[...types].join(', ')}`);
    assert.ok(text.includes('A *bold* <b>claim</b>'), text);
    assert.ok(text.includes('note added'), text);
  });

  it('reports a change of adjudicatedFrom like any other field (text, JSON and Markdown)', async () => {
    const dir = repoWith(base.sidecar);
    const file = parsed(base.sidecar);
    const target = file.annotations.find((a) => a.id === bold)!;
    target.adjudicatedFrom = 'x1 y2';
    fs.writeFileSync(path.join(dir, 'a.txt.annotations.yaml'), serializeSidecar(file));
    const json = await run(dir, 'diff', 'main', '--format', 'json');
    assert.equal(json.code, 0, json.err);
    const { changes } = JSON.parse(json.out);
    assert.deepEqual(
      changes.map((c: { change: string; id: string; fields: string[]; after?: { adjudicatedFrom?: string } }) => [c.change, c.id, c.fields, c.after?.adjudicatedFrom]),
      [['changed', bold, ['adjudicatedFrom'], 'x1 y2']],
    );
    assert.match((await run(dir, 'diff', 'main')).out, /^a\.txt:2: changed adjudicatedFrom of claim /m);
    assert.match((await run(dir, 'diff', 'main', '--format', 'markdown')).out, /adjudicatedFrom added/);
  });

  it('leaves out a document whose sidecar is now invalid instead of calling all of it removed (exit 1)', async () => {
    const dir = repoWith(base.sidecar);
    fs.writeFileSync(path.join(dir, 'a.txt.annotations.yaml'), base.sidecar.replace('version: 1', 'version: [1'));
    const r = await run(dir, 'diff', 'main', '--format', 'json');
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.out).changes, []);
    assert.match(r.err, /a\.txt\.annotations\.yaml/);
  });

  it('says plainly when nothing changed, and refuses what is not a ref', async () => {
    const dir = repoWith(base.sidecar);
    const same = await run(dir, 'diff', 'HEAD', '--format', 'markdown');
    assert.match(same.out, /No annotation changed\./);
    const bad = await run(dir, 'diff', 'nope');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /not a git ref: nope/);
    const outside = await run(tempDir('no-git'), 'diff', 'main');
    assert.equal(outside.code, 2);
  });
});
