// X.suggestions.yaml: imported suggestions wait there for review; decided ones leave it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSuggestionsFile, parseSuggestionsFile, readImportedSuggestions, removeDecidedSuggestions, serializeSuggestionsFile } from '../../../src/core/interchange/suggestionsFile';
import { tempDir } from '../tempDirs';

const TEXT = '😀 Ann said “hi”.\r\nBob: yes';

describe('imported suggestions file', () => {
  it('stores code points, reads back UTF-16 offsets, drops a suggestion whose text moved', async () => {
    const dir = tempDir('suggestions');
    const doc = path.join(dir, 'a.txt');
    fs.writeFileSync(doc, TEXT);
    const hi = { kind: 'quote', start: TEXT.indexOf('hi'), end: TEXT.indexOf('hi') + 2, text: 'hi', speaker: 'Ann', rule: 'imported from doccano' };
    const bob = { kind: 'claim', start: TEXT.indexOf('yes'), end: TEXT.indexOf('yes') + 3, text: 'yes', rule: 'imported from doccano' };
    const file = buildSuggestionsFile([bob, hi], TEXT);
    assert.deepEqual(
      file.suggestions.map((s) => [s.start, s.end]),
      [
        [hi.start - 1, hi.end - 1],
        [bob.start - 1, bob.end - 1],
      ],
    );
    fs.writeFileSync(`${doc}.suggestions.yaml`, serializeSuggestionsFile(file));
    assert.deepEqual(await readImportedSuggestions(doc, TEXT), [hi, bob]);
    assert.deepEqual(await readImportedSuggestions(doc, 'X' + TEXT), []);

    assert.equal(await removeDecidedSuggestions(doc, TEXT, [hi]), 1);
    assert.deepEqual(await readImportedSuggestions(doc, TEXT), [bob]);
    assert.equal(await removeDecidedSuggestions(doc, TEXT, [bob]), 1);
    assert.equal(fs.existsSync(`${doc}.suggestions.yaml`), false);
  });

  it('refuses a file that is not a suggestions file, and never rewrites it', async () => {
    assert.equal(parseSuggestionsFile('version: 2\n').ok, false);
    assert.match((parseSuggestionsFile('version: 1\ndocumentHash: x\nsuggestions:\n  - kind: a\n    start: 3\n    end: 1\n') as { reason: string }).reason, /suggestions\[0\]/);
    const dir = tempDir('suggestions-bad');
    const doc = path.join(dir, 'a.txt');
    fs.writeFileSync(doc, TEXT);
    fs.writeFileSync(`${doc}.suggestions.yaml`, 'version: [\n');
    assert.equal(await removeDecidedSuggestions(doc, TEXT, [{ kind: 'quote', start: 0, end: 1 }]), 0);
    assert.equal(fs.readFileSync(`${doc}.suggestions.yaml`, 'utf8'), 'version: [\n');
  });
});
