// @ts-check
/* global describe, it -- mocha globals */
// Self-test of the e2e harness, independent of this extension's features: Quick Open, selecting
// text with Ctrl+F and running a command from the palette by title, using a built-in command.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { normalizeText, waitUntil, workbenchForSuite } from './workbench.mjs';

const FILE = '000_acd874037fc5962e.txt';
const TEXT = 'Dialogue [on the AMD issue] is not going as fast as many had hoped after the Lisbon summit,';

describe('e2e harness (built-in commands only)', function () {
  /** @type {import('./workbench.mjs').Workbench} */
  let wb;

  workbenchForSuite('harness', {}, (opened) => {
    wb = opened;
  });

  it('opens a file, selects text and runs a palette command on the selection', async () => {
    await wb.openFile(FILE);
    await wb.selectText(TEXT);
    await wb.runCommand('Transform to Uppercase');
    // Effect: the selected text, and only it, is upper-cased in the editor.
    const lines = wb.editor().locator('.view-lines');
    await waitUntil(async () => normalizeText((await lines.textContent()) ?? '').includes(TEXT.toUpperCase()), 10_000, 'the upper-cased text');
    assert.ok(normalizeText((await lines.textContent()) ?? '').includes('” Russia’s foreign minister'), 'text after the selection is unchanged');
    // Nothing was saved: the copy on disk still has the original text.
    assert.ok(fs.readFileSync(path.join(wb.workspace, FILE), 'utf8').includes(TEXT));
  });
});
