// Smoke test: the extension is loaded as a development extension, activates, and the window was
// opened on a throw-away copy of seeds/ (never on the repository's own seeds/ folder).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'source-annotator.source-annotator';

function txtFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

describe('activation (smoke)', () => {
  it(`finds the extension ${EXTENSION_ID}`, () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  });

  it('activates without throwing', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('opens a copy of seeds/ as the workspace folder', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'expected exactly one workspace folder');
    const folder = folders[0].uri.fsPath;

    const expectedFolder = process.env.SOURCE_ANNOTATOR_TEST_WORKSPACE;
    if (expectedFolder) assert.equal(path.resolve(folder), path.resolve(expectedFolder));

    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const repoSeeds = path.join(ext.extensionPath, 'seeds');
    assert.notEqual(path.resolve(folder), path.resolve(repoSeeds), 'tests must run on a copy of seeds/');

    const expected = txtFiles(repoSeeds);
    assert.equal(expected.length, 5, 'seeds/ should hold five .txt documents');
    assert.deepEqual(txtFiles(folder), expected);
  });
});
