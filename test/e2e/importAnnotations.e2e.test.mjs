// @ts-check
/* global describe, it -- mocha globals */
// User story: a team brings its brat annotations in. From the Command Palette, "Import
// Annotations…" asks for the format, the file (VS Code's own file dialog) and "as annotations";
// the imported claim is in the sidecar, drawn in the editor, and the summary says what was
// skipped (the relation) and why.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { normalizeText, waitUntil, workbenchForSuite } from './workbench.mjs';

const FILE = '001_23f1922ff1163281.txt';

describe('Importing brat annotations from the Command Palette', function () {
  /** @type {import('./workbench.mjs').Workbench} */
  let wb;
  /** @type {string} */
  let phrase;

  workbenchForSuite('import', { sidecars: false }, async (opened) => {
    wb = opened;
    const text = fs.readFileSync(path.join(wb.workspace, FILE), 'utf8').replace(/^\uFEFF/, '');
    // The first sentence of the document's second paragraph, whatever it says.
    const paragraph = text.split(/\n\s*\n/)[1] ?? text;
    phrase = paragraph.slice(0, Math.min(40, paragraph.length)).trim();
    const start = [...text.slice(0, text.indexOf(phrase))].length;
    const end = start + [...phrase].length;
    fs.writeFileSync(path.join(wb.workspace, FILE.replace(/\.txt$/, '.ann')), `T1\tClaim ${start} ${end}\t${phrase}\nR1\tSupports Arg1:T1 Arg2:T1\n`);
    await wb.openFile(FILE);
  });

  /** Waits for a quick pick row whose label includes `label`, then picks it. */
  async function pick(/** @type {string} */ label) {
    const rows = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await waitUntil(async () => (await rows.count()) > 0 && ((await rows.first().getAttribute('aria-label')) ?? '').includes(label), 15_000, `"${label}" in the picker`);
    await wb.page.keyboard.press('Enter');
  }

  it('imports the claim into the sidecar and reports the relation it cannot carry', async () => {
    const page = wb.page;
    await page.keyboard.press('F1');
    await page.keyboard.insertText('Annotate: Import Annotations');
    await pick('Import Annotations');
    // The format picker lists the importers in the registry's order; typing filters it.
    const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await waitUntil(async () => ((await rows.first().getAttribute('aria-label')) ?? '').includes('W3C Web Annotations'), 15_000, 'the format picker');
    await page.keyboard.insertText('brat');
    await pick('brat standoff');
    // VS Code's own file dialog (a quick input taking a path) in the browser workbench.
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    // The dialog fills in its folder and lists it asynchronously, and would overwrite a path typed
    // before that: wait until it lists the .ann file, then type the path and see it kept.
    const annFile = FILE.replace(/\.txt$/, '.ann');
    await waitUntil(async () => (await rows.filter({ hasText: annFile }).count()) > 0, 15_000, 'the file dialog listing the .ann file');
    const annPath = path.join(wb.workspace, annFile);
    await input.fill(annPath);
    await waitUntil(async () => (await input.inputValue()) === annPath, 5_000, 'the typed path kept in the file dialog');
    await page.keyboard.press('Enter');
    await pick('As Annotations');

    const sidecar = path.join(wb.workspace, `${FILE}.annotations.yaml`);
    await waitUntil(() => fs.existsSync(sidecar), 30_000, 'the sidecar written by the import');
    const annotations = YAML.parse(fs.readFileSync(sidecar, 'utf8')).annotations;
    assert.deepEqual(annotations.map((/** @type {{ kind: string, text: string }} */ a) => [a.kind, a.text]), [['claim', phrase]]);

    const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: 'Imported 1 annotation' });
    await toast.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(normalizeText((await toast.textContent()) ?? ''), /Imported 1 annotation\(s\) from 1 file\(s\); 1 skipped\./);
    await wb.screenshot('import-summary.png');
  });
});
