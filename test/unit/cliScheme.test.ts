// The command line reads the annotation scheme of the corpus (.annotations/schema.yaml, or
// --scheme): check judges kinds, attributes and values against it, exports and stats name them as
// it does, suggest proposes only its kinds, and a broken scheme stops everything (exit 1).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { mergeSidecars } from '../../src/core/merge/mergeSidecars';
import { mergeSidecarTexts } from '../../src/core/merge/mergeSidecarTexts';
import { parseSidecar } from '../../src/core/sidecar/parseSidecar';
import type { StoredAnnotation } from '../../src/core/sidecar/sidecarFormat';
import { renderSidecar } from '../../src/core/sidecar/sidecarDocument';
import { run } from './sidecarFixtures';
import { tempDir } from './tempDirs';

const TEXT = 'The council said spending rose by 12 per cent in 2025.\n"We will cut it," the mayor said.\n';

const SCHEME = `kinds:
  - id: claim
  - id: statistic
    label: Statistic
attributes:
  - id: stance
    label: Stance
    type: choice
    values: [supports, opposes, neutral]
    kinds: [claim, statistic]
  - id: source
    type: text
  - id: checked
    label: Checked
    type: boolean
    kinds: [statistic]
    required: true
`;

/** A sidecar for TEXT with the given tags (kinds and attributes as given, not checked). */
function sidecarFor(...tags: { phrase: string; kind: string; attributes?: Record<string, string | boolean> }[]): string {
  const annotations = new DocumentAnnotations();
  for (const t of tags) {
    const start = TEXT.indexOf(t.phrase);
    assert.ok(start >= 0, t.phrase);
    annotations.add({ kind: t.kind, start, end: start + t.phrase.length, author: 'alice', attributes: t.attributes }, TEXT);
  }
  return renderSidecar(annotations, TEXT);
}

/** 1-based line and column of `needle` in `text` (its first occurrence). */
function lineColumn(text: string, needle: string): string {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const before = text.slice(0, at).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

describe('the command line and the annotation scheme', () => {
  let dir: string;
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  beforeEach(() => {
    dir = tempDir('scheme');
    fs.mkdirSync(path.join(dir, '.git'));
    write('.annotations/schema.yaml', SCHEME);
    write('docs/doc.txt', TEXT);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the scheme above the checked folder: its kinds are valid, a missing required attribute is a warning', async () => {
    write('docs/doc.txt.annotations.yaml', sidecarFor({ phrase: 'spending rose by 12 per cent', kind: 'statistic', attributes: { stance: 'neutral' } }));
    const r = await run(path.join(dir, 'docs'), 'check');
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /^doc\.txt\.annotations\.yaml:\d+:\d+: warning: annotations\[0\]: statistic without checked, which the scheme requires\n$/);
    assert.equal(r.err, 'Checked 1 sidecar(s): 0 error(s), 1 warning(s).\n');
  });

  it('reports an undeclared kind and an undeclared value at their line and column, and --fix leaves the file alone', async () => {
    const text = sidecarFor({ phrase: 'spending rose by 12 per cent', kind: 'statistic', attributes: { stance: 'neutral', checked: true } })
      .replace('kind: statistic', 'kind: rumour')
      .replace('stance: neutral', 'stance: agrees');
    const file = write('docs/doc.txt.annotations.yaml', text);
    const r = await run(dir, 'check', '--fix');
    assert.equal(r.code, 1);
    assert.equal(
      r.out,
      `docs/doc.txt.annotations.yaml:${lineColumn(text, 'rumour')}: error: annotations[0].kind: unknown kind "rumour"; expected one of claim, statistic (the kinds of .annotations/schema.yaml)\n` +
        `docs/doc.txt.annotations.yaml:${lineColumn(text, 'agrees')}: error: annotations[0].attributes.stance: "agrees" is not a value of stance; expected one of supports, opposes, neutral\n`,
    );
    assert.equal(fs.readFileSync(file, 'utf8'), text, 'never rewritten');
  });

  it('takes --scheme over the nearest file, and never looks above the repository root', async () => {
    write('docs/doc.txt.annotations.yaml', sidecarFor({ phrase: 'the mayor said', kind: 'quote' }));
    // The workspace scheme has no quote: an error.
    assert.equal((await run(dir, 'check')).code, 1);
    // Another scheme file says it is fine.
    write('other.yaml', 'kinds:\n  - id: quote\n');
    assert.equal((await run(dir, 'check', '--scheme', 'other.yaml')).code, 0);
    // A nested repository without a scheme of its own gets the built-in scheme, not its parent's.
    write('nested/doc.txt', TEXT);
    fs.mkdirSync(path.join(dir, 'nested', '.git'));
    write('nested/doc.txt.annotations.yaml', sidecarFor({ phrase: 'the mayor said', kind: 'quote' }));
    assert.equal((await run(path.join(dir, 'nested'), 'check')).code, 0);
  });

  it('stops on a broken scheme with its problems, reading no sidecar', async () => {
    write('.annotations/schema.yaml', SCHEME.replace('type: boolean', 'type: flag'));
    write('docs/doc.txt.annotations.yaml', 'not: [a sidecar');
    for (const command of ['check', 'export', 'stats', 'suggest']) {
      const r = await run(dir, command);
      assert.equal(r.code, 1, command);
      assert.equal(r.out, `.annotations/schema.yaml:${lineColumn(SCHEME, 'boolean')}: error: attributes[2].type: "flag" is not allowed; expected one of text, choice, person, boolean\n`, command);
      assert.match(r.err, /^The annotation scheme \.annotations\/schema\.yaml has 1 error\(s\); no sidecar was read\. Fix it first\.\n$/, command);
    }
    const missing = await run(dir, 'check', '--scheme', 'nowhere.yaml');
    assert.equal(missing.code, 1);
    assert.match(missing.out, /^nowhere\.yaml:1:1: error: the scheme file does not exist\n$/);
  });

  it('exports attributes in JSON, W3C and Markdown (escaped there), and counts them in stats', async () => {
    write(
      'docs/doc.txt.annotations.yaml',
      sidecarFor(
        { phrase: 'spending rose by 12 per cent', kind: 'statistic', attributes: { stance: 'opposes', checked: true, source: '**budget** <b>2025</b>\u202e' } },
        { phrase: 'We will cut it', kind: 'claim', attributes: { stance: 'opposes' } },
      ),
    );
    const json = JSON.parse((await run(dir, 'export', '--format', 'json')).out);
    assert.deepEqual(json.documents[0].annotations[0].attributes, { checked: true, source: '**budget** <b>2025</b>\u202e', stance: 'opposes' });

    const w3c = JSON.parse((await run(dir, 'export', '--format', 'w3c')).out);
    assert.deepEqual(w3c.first.items[0].body.slice(1), [
      { type: 'TextualBody', purpose: 'classifying', value: 'checked: yes' },
      { type: 'TextualBody', purpose: 'describing', value: 'source: **budget** <b>2025</b>\u202e' },
      { type: 'TextualBody', purpose: 'classifying', value: 'stance: opposes' },
    ]);

    const markdown = (await run(dir, 'export', '--format', 'markdown')).out;
    assert.match(markdown, /\*\*Statistic\*\* in/);
    // Everything an annotator typed is escaped (Markdown, HTML) and hidden characters shown.
    assert.ok(markdown.includes('  *Checked:* yes · *Source:* \\*\\*budget\\*\\* \\<b>2025\\</b>\\[U+202E] · *Stance:* opposes\n'), markdown);

    const stats = await run(dir, 'stats');
    assert.equal(stats.code, 0);
    assert.match(stats.out, /By kind:\n {7}1 {2}Claim\n {7}1 {2}Statistic\n/);
    assert.match(stats.out, /By stance:\n {7}0 {2}supports\n {7}2 {2}opposes\n {7}0 {2}neutral\n/);
    assert.match(stats.out, /By checked:\n {7}1 {2}yes\n {7}0 {2}no\n {7}1 {2}\(no checked\)\n/);
  });

  it('suggests only kinds the scheme declares', async () => {
    const missing = await run(dir, 'suggest', '--scheme', 'none.yaml');
    assert.equal(missing.code, 1, 'a missing --scheme file is an error, not the built-in scheme');
    assert.match(missing.out, /^none\.yaml:1:1: error: the scheme file does not exist\n$/);
    write('builtin.yaml', '');
    const builtIn = JSON.parse((await run(dir, 'suggest', 'docs', '--scheme', 'builtin.yaml')).out);
    assert.ok(builtIn.documents[0].suggestions.some((s: { kind: string }) => s.kind === 'quote'), 'the built-in scheme has quotes');
    // The same suggestions less the kinds this scheme lacks (quote, speculation, advertisement).
    const ours = JSON.parse((await run(dir, 'suggest', 'docs')).out);
    assert.deepEqual(
      ours.documents[0].suggestions,
      builtIn.documents[0].suggestions.filter((s: { kind: string }) => s.kind === 'claim' || s.kind === 'statistic'),
    );
    assert.ok(ours.documents[0].suggestions.length < builtIn.documents[0].suggestions.length);
  });
});

describe('merging attributes', () => {
  const base: StoredAnnotation = { id: 'abcd1234', kind: 'claim', start: 0, end: 5, text: 'Hello', prefix: '', suffix: '', attributes: { stance: 'neutral', source: 'wire' } };
  const file = (a: StoredAnnotation) => ({ version: 1 as const, documentHash: 'sha256:' + '1'.repeat(64), annotations: [a] });

  it('takes one attribute from each side', () => {
    const merged = mergeSidecars(file(base), file({ ...base, attributes: { ...base.attributes, stance: 'opposes' } }), file({ ...base, attributes: { ...base.attributes, checked: true } }));
    assert.deepEqual(merged.conflicts, []);
    assert.deepEqual(merged.file.annotations[0].attributes, { stance: 'opposes', source: 'wire', checked: true });
  });

  it('keeps both versions when both sides change the same attribute differently', () => {
    const merged = mergeSidecars(file(base), file({ ...base, attributes: { ...base.attributes, stance: 'opposes' } }), file({ ...base, attributes: { ...base.attributes, stance: 'supports' } }));
    assert.equal(merged.conflicts.length, 1);
    assert.deepEqual(merged.file.annotations.map((a) => a.attributes?.stance), ['opposes', 'supports']);
  });

  it('removes an attribute one side removed and the other left alone', () => {
    const merged = mergeSidecars(file(base), file({ ...base, attributes: { stance: 'neutral' } }), file(base));
    assert.deepEqual(merged.conflicts, []);
    assert.deepEqual(merged.file.annotations[0].attributes, { stance: 'neutral' });
  });

  it('merges sidecars whatever their kinds: git runs the driver while the scheme may be changing', () => {
    const text = sidecarFor({ phrase: 'We will cut it', kind: 'rumour', attributes: { mood: 'grim' } });
    assert.equal(parseSidecar(text).ok, false, 'the built-in scheme has no rumour');
    const result = mergeSidecarTexts(text, text, text);
    assert.ok(result.ok);
    assert.equal(result.text, text);
  });
});
