// Every importer on files written by the tool itself (samples from brat's, doccano's and Label
// Studio's own repositories, see test/fixtures/interchange/LICENSES.md), and the import rules:
// label mapping, what is reported, no duplicates, invalid sidecars untouched, suggestions.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importFiles, type FileSummary } from '../../../src/core/interchange/applyImport';
import { IMPORT_FORMATS } from '../../../src/core/interchange/formats';
import { LabelMap } from '../../../src/core/interchange/labelMap';
import type { ImportTarget } from '../../../src/core/interchange/resolveSpans';
import { parseSuggestionsFile } from '../../../src/core/interchange/suggestionsFile';
import type { AnnotationScheme } from '../../../src/core/scheme/scheme';
import { schemeOf } from '../schemeFixtures';
import { sidecarAnnotations } from './roundTripHelpers';
import { tempDir } from '../tempDirs';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'interchange');

const NEWS = schemeOf(['kinds:', '  - id: person', '  - id: organization', '  - id: money', '  - id: gpe', '  - id: date', '  - id: org', '  - id: misc', ''].join('\n'));

/** Copies fixture files into a new folder and imports them from there. */
async function importFixtures(format: string, names: string[], options: { scheme?: AnnotationScheme; map?: string[]; target?: ImportTarget } = {}): Promise<{ dir: string; summaries: FileSummary[] }> {
  const dir = tempDir(`fixture-${format}`);
  for (const name of names) fs.copyFileSync(path.join(FIXTURES, name), path.join(dir, path.basename(name)));
  const importer = IMPORT_FORMATS.find((f) => f.id === format);
  assert.ok(importer);
  const scheme = options.scheme ?? NEWS;
  const files = names.filter((n) => importer.importer.extensions.some((e) => n.endsWith(`.${e}`))).map((n) => path.join(dir, path.basename(n)));
  const summaries = await importFiles({ format: importer, files, target: options.target ?? 'annotations', labels: LabelMap.parse(options.map ?? [], scheme), scheme, display: (p) => path.relative(dir, p) });
  return { dir, summaries };
}

const reasons = (summaries: FileSummary[]) => summaries.flatMap((s) => s.skipped.map((k) => `${k.where}: ${k.reason}`));

describe('importers on the tools\' own files', () => {
  it('brat (tutorial 000-introduction): text spans, the note and the reported lines', async () => {
    const { dir, summaries } = await importFixtures('brat', ['brat/000-introduction.txt', 'brat/000-introduction.ann']);
    assert.equal(summaries[0].imported, 6);
    const annotations = sidecarAnnotations(path.join(dir, '000-introduction.txt.annotations.yaml'));
    assert.deepEqual(
      annotations.map((a) => [a.kind, a.text]),
      [
        ['organization', 'Citibank'],
        ['money', '$100 million'],
        ['person', 'Raul Salinas de Gortari'],
        ['person', 'former Mexican president'],
        ['organization', 'banks'],
        ['gpe', 'Switzerland'],
      ],
    );
    assert.equal(annotations[1].note, '100000000 USD');
    const skipped = reasons(summaries);
    for (const expected of [
      'line 3: label "Transfer-money" is not a kind of the scheme',
      'line 4: an event (E1) has no counterpart',
      'line 9: a relation (R2) has no counterpart',
      'line 11: a relation (R1) has no counterpart',
      'line 17: a normalization (N1) has no counterpart',
      'line 16: A5: its target E1 is not an imported text span',
      'attribute "Mention" is not in the scheme',
    ]) {
      assert.ok(skipped.some((s) => s.includes(expected)), `${expected} in ${skipped.join('\n')}`);
    }
  });

  it('brat: --map turns a label into a kind; a discontinuous span one annotation per fragment; a BOM-counted offset', async () => {
    const dir = tempDir('brat-bom');
    fs.writeFileSync(path.join(dir, 'a.txt'), '\uFEFFSay 😀 hello\r\nworld');
    fs.writeFileSync(path.join(dir, 'a.ann'), 'T1\tGreeting 7 12\thello\nT2\tGreeting 1 4;7 12\tSay hello\nT3\tGreeting 7 19\thello  world\n');
    const brat = IMPORT_FORMATS.find((f) => f.id === 'brat');
    assert.ok(brat);
    const summaries = await importFiles({ format: brat, files: [path.join(dir, 'a.ann')], target: 'annotations', labels: LabelMap.parse(['Greeting=quote'], NEWS_WITH_QUOTE), scheme: NEWS_WITH_QUOTE, display: (p) => p });
    // T2's second fragment is T1's span: an annotation of the same kind and span is not added twice.
    assert.equal(summaries[0].imported, 3);
    assert.deepEqual(reasons(summaries), ['line 2, fragment 2 of 2: already annotated (same kind and span)']);
    const stored = sidecarAnnotations(path.join(dir, 'a.txt.annotations.yaml'));
    assert.deepEqual(
      stored.map((a) => [a.start, a.end, a.text]),
      [
        [0, 3, 'Say'],
        [6, 11, 'hello'],
        [6, 18, 'hello\r\nworld'],
      ],
    );
  });

  it('brat: an attribution event\'s Source is the speaker of its other spans; a content broken by its cue keeps it on each fragment', async () => {
    const dir = tempDir('brat-events');
    // Written for this test, laid out as attribution corpora write their brat files (Source, Cue, Content, an Attribution event).
    const text = 'The fees, Tom Hale said, are far too high. Ada Brook agreed.\n“We row at noon,” she said.';
    const span = (label: string, words: string, from = 0) => {
      const start = [...text.slice(0, text.indexOf(words, from))].length;
      return `${label} ${start} ${start + [...words].length}\t${words}`;
    };
    const fees = [...'The fees'].length;
    const tooHigh = [...text.slice(0, text.indexOf('are far'))].length;
    const ann = [
      `T1\t${span('Source', 'Tom Hale')}`,
      `T2\t${span('Cue', 'said')}`,
      `T3\tContent 0 ${fees};${tooHigh} ${tooHigh + [...'are far too high'].length}\tThe fees are far too high`,
      `T4\t${span('Attribution', 'said')}`,
      'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
      `T5\t${span('Content', 'We row at noon,')}`,
      `T6\t${span('Source', 'she')}`,
      `T7\t${span('Attribution', 'said', text.indexOf('she'))}`,
      'E2\tAttribution:T7 Content:T5 Source:T6',
      '#1\tSpeaker T5\tAda Brook',
      'E3\tAttribution:T7 Content:T5 Source:E1',
      `T8\t${span('Content', 'Ada Brook agreed')}`,
      'E4\tAttribution:T7 Content:T8',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'a.txt'), text);
    fs.writeFileSync(path.join(dir, 'a.ann'), ann + '\n');
    const brat = IMPORT_FORMATS.find((f) => f.id === 'brat');
    assert.ok(brat);
    const labels = LabelMap.parse(['Content=claim', 'Source=', 'Cue=', 'Attribution='], NEWS_WITH_QUOTE);
    const summaries = await importFiles({ format: brat, files: [path.join(dir, 'a.ann')], target: 'annotations', labels, scheme: NEWS_WITH_QUOTE, display: (p) => p });
    assert.deepEqual(
      sidecarAnnotations(path.join(dir, 'a.txt.annotations.yaml')).map((a) => [a.kind, a.text, a.speaker]),
      [
        ['claim', 'The fees', 'Tom Hale'],
        ['claim', 'are far too high', 'Tom Hale'],
        ['claim', 'Ada Brook agreed', undefined],
        ['claim', 'We row at noon,', 'Ada Brook'],
      ],
    );
    const said = reasons(summaries).filter((r) => !r.includes('left out'));
    assert.deepEqual(said, [
      'line 9: E2: T5 has a speaker already, which it keeps',
      'line 11: E3: its Source E1 is not a text span, so it names no speaker',
      'line 13: an event (E4) has no counterpart in the annotation model',
    ]);
  });

  it('doccano (sequence labeling export): one document per line, written beside the file', async () => {
    const { dir, summaries } = await importFixtures('doccano', ['doccano/sequence_labeling.jsonl']);
    assert.equal(summaries[0].imported, 4);
    assert.deepEqual(reasons(summaries), []);
    assert.equal(fs.readFileSync(path.join(dir, 'sequence_labeling-1.txt'), 'utf8'), 'EU rejects German call to boycott British lamb.');
    assert.deepEqual(
      sidecarAnnotations(path.join(dir, 'sequence_labeling-1.txt.annotations.yaml')).map((a) => [a.kind, a.text]),
      [
        ['org', 'EU'],
        ['misc', 'German'],
      ],
    );
    assert.deepEqual(sidecarAnnotations(path.join(dir, 'sequence_labeling-3.txt.annotations.yaml')).map((a) => [a.kind, a.text]), [['person', 'Obama']]);
  });

  it('doccano (relation extraction export): entities imported, each relation reported', async () => {
    const { summaries } = await importFixtures('doccano', ['doccano/relation_extraction.jsonl'], { map: ['ORG=organization', 'DATE=date', 'PERSON=person'] });
    assert.equal(summaries[0].imported, 4);
    assert.deepEqual(reasons(summaries), [1, 2, 3].map((n) => `line 1, relation ${n}: relations have no counterpart in the annotation model`));
  });

  it('Label Studio (named entity example): an annotation imported; a prediction only as a suggestion', async () => {
    const annotated = await importFixtures('label-studio', ['label-studio/named_entity_annotation.json']);
    assert.equal(annotated.summaries[0].imported, 1);
    assert.deepEqual(sidecarAnnotations(path.join(annotated.dir, 'named_entity_annotation-1.txt.annotations.yaml')).map((a) => [a.kind, a.text, a.start, a.end]), [['date', 'February 22', 343, 354]]);

    const predicted = await importFixtures('label-studio', ['label-studio/named_entity_tasks.json']);
    assert.equal(predicted.summaries[0].imported, 0);
    assert.match(reasons(predicted.summaries)[0], /a model prediction \(import with --as suggestions/);

    const suggested = await importFixtures('label-studio', ['label-studio/named_entity_tasks.json'], { target: 'suggestions' });
    assert.equal(suggested.summaries[0].imported, 1);
    const file = parseSuggestionsFile(fs.readFileSync(path.join(suggested.dir, 'named_entity_tasks-1.txt.suggestions.yaml'), 'utf8'));
    assert.ok(file.ok);
    assert.deepEqual(file.file.suggestions, [{ kind: 'date', start: 343, end: 354, text: 'February 22', rule: 'imported from label-studio' }]);
    assert.equal(fs.existsSync(path.join(suggested.dir, 'named_entity_tasks-1.txt.annotations.yaml')), false);
  });

  it('Label Studio counts code points (its own emoji test: "test" at 21–25 after a 🐱), a line break in a region written as \\n', async () => {
    const { dir, summaries } = await importFixtures('label-studio', ['label-studio/emoji_offsets.json'], { map: ['region=claim'], scheme: NEWS_WITH_QUOTE });
    assert.deepEqual(reasons(summaries), []);
    assert.deepEqual(sidecarAnnotations(path.join(dir, 'emoji_offsets-1.txt.annotations.yaml')).map((a) => [a.text, a.start, a.end]), [['test', 21, 25]]);
    assert.deepEqual(sidecarAnnotations(path.join(dir, 'emoji_offsets-2.txt.annotations.yaml')).map((a) => [a.text, a.start, a.end]), [['Warning:\n🐱 This is a test', 2, 27]]);
  });
});

const NEWS_WITH_QUOTE = schemeOf(['kinds:', '  - id: quote', '  - id: claim', ''].join('\n'));

describe('import rules', () => {
  it('never adds an annotation of the same kind and span twice', async () => {
    const { dir } = await importFixtures('doccano', ['doccano/sequence_labeling.jsonl']);
    const again = await importFiles({ format: IMPORT_FORMATS.find((f) => f.id === 'doccano') as never, files: [path.join(dir, 'sequence_labeling.jsonl')], target: 'annotations', labels: LabelMap.none, scheme: NEWS, display: (p) => p });
    assert.equal(again[0].imported, 0);
    assert.equal(again[0].skipped.filter((s) => s.reason === 'already annotated (same kind and span)').length, 4);
    assert.equal(sidecarAnnotations(path.join(dir, 'sequence_labeling-1.txt.annotations.yaml')).length, 2);
  });

  it('never touches an invalid sidecar, and says so', async () => {
    const dir = tempDir('invalid');
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Hello world');
    const broken = 'version: 1\nannotations: [unclosed\n';
    fs.writeFileSync(path.join(dir, 'a.txt.annotations.yaml'), broken);
    fs.writeFileSync(path.join(dir, 'a.jsonl'), JSON.stringify({ text: 'Hello world', label: [[0, 5, 'PERSON']], document: 'a.txt' }) + '\n');
    const summaries = await importFiles({ format: IMPORT_FORMATS.find((f) => f.id === 'doccano') as never, files: [path.join(dir, 'a.jsonl')], target: 'annotations', labels: LabelMap.none, scheme: NEWS, display: (p) => path.relative(dir, p) });
    assert.equal(summaries[0].imported, 0);
    assert.equal(summaries[0].skipped.length, 1);
    assert.ok(summaries[0].skipped[0].whole);
    assert.match(summaries[0].skipped[0].reason, /^a\.txt\.annotations\.yaml is not a valid sidecar, left untouched/);
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt.annotations.yaml'), 'utf8'), broken);
  });

  it('skips a record whose text is not its document\'s, and a label with no kind, with the reason', async () => {
    const dir = tempDir('mismatch');
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Hello world');
    fs.writeFileSync(path.join(dir, 'a.jsonl'), [JSON.stringify({ text: 'Hello there', label: [[0, 5, 'PERSON']], document: 'a.txt' }), JSON.stringify({ text: 'Hi', label: [[0, 2, 'Greeting']] })].join('\n'));
    const summaries = await importFiles({ format: IMPORT_FORMATS.find((f) => f.id === 'doccano') as never, files: [path.join(dir, 'a.jsonl')], target: 'annotations', labels: LabelMap.none, scheme: NEWS, display: (p) => path.relative(dir, p) });
    assert.deepEqual(reasons(summaries), [
      'line 1: the text it carries is not the text of a.txt (1 span(s) not imported)',
      'line 2, label 1: label "Greeting" is not a kind of the scheme (map it with --map Greeting=KIND)',
    ]);
  });

  it('--map refuses a kind the scheme does not have and leaves out a label mapped to nothing', () => {
    assert.throws(() => LabelMap.parse(['Cue=nonsense'], NEWS), /"nonsense" is not a kind of the scheme/);
    assert.throws(() => LabelMap.parse(['Cue'], NEWS), /expected SOURCE=KIND/);
    assert.deepEqual(LabelMap.parse(['Cue='], NEWS).kindOf('Cue', NEWS), { reason: 'label "Cue" left out (--map Cue=)' });
    assert.deepEqual(LabelMap.parse(['Source=person'], NEWS).kindOf('Source', NEWS), { kind: 'person' });
    assert.deepEqual(LabelMap.none.kindOf('GPE', NEWS), { kind: 'gpe' });
  });
});
