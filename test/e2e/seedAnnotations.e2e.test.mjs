// @ts-check
/* global describe, it -- mocha globals */
// User story: someone opens the project for the first time. The seed articles ship with reviewed
// sidecars, so every document is already annotated: decorations are drawn without any action,
// the status bar counts match the sidecar, nothing is orphaned, and nothing is rewritten.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SEEDS, normalizeText, waitUntil, workbenchForSuite } from './workbench.mjs';

const KINDS = ['Claim', 'Quote', 'Speculation', 'Advertisement'];
const FIRST_QUOTE = 'Dialogue [on the AMD issue] is not going as fast as many had hoped after the Lisbon summit,';

const documents = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

/** The status bar's accessible label for a sidecar: "2 Claim, 5 Quote, 3 Speculation, 4 Advertisement". */
function expectedCounts(/** @type {string} */ sidecarText) {
  const kinds = [...sidecarText.matchAll(/^ {4}kind: (\w+)$/gm)].map((m) => m[1]);
  return KINDS.map((label) => `${kinds.filter((k) => k === label.toLowerCase()).length} ${label}`).join(', ');
}

/** Runs in the page: the decoration classes of the active editor over the text overlays. */
function overlayClassesInPage() {
  /* global document -- runs in the browser page */
  const editor = document.querySelector('.editor-group-container.active .monaco-editor');
  return [...new Set([...(editor?.querySelectorAll('.view-overlays [class*="ced-"]') ?? [])].flatMap((el) => [...el.classList].filter((c) => c.startsWith('ced-'))))];
}

describe('Shipped seed annotations', function () {
  /** @type {import('./workbench.mjs').Workbench} */
  let wb;

  workbenchForSuite('seed-annotations', { settings: { 'editor.wordWrap': 'on' } }, (opened) => {
    wb = opened;
  });

  it('ships a sidecar for every seed document', () => {
    assert.equal(documents.length, 5);
    for (const doc of documents) assert.ok(fs.existsSync(path.join(wb.workspace, `${doc}.annotations.yaml`)), `${doc} has no sidecar`);
  });

  for (const doc of documents) {
    it(`shows the annotations of ${doc} on opening it, all anchored`, async () => {
      const shipped = fs.readFileSync(path.join(SEEDS, `${doc}.annotations.yaml`), 'utf8');
      const label = expectedCounts(shipped);
      assert.ok(!label.startsWith('0 Claim, 0 Quote, 0 Speculation, 0 Advertisement'));
      await wb.openFile(doc);
      // The counts' accessible label names no orphans: every span was found where the sidecar says.
      const counts = wb.page.locator(`.part.statusbar [aria-label="${label}"]`);
      await counts.first().waitFor({ state: 'visible', timeout: 15_000 });
      await waitUntil(async () => (await wb.page.evaluate(overlayClassesInPage)).length > 0, 15_000, 'decorations in the editor');
      // Loading a canonical sidecar leaves it byte-identical on disk.
      assert.equal(fs.readFileSync(path.join(wb.workspace, `${doc}.annotations.yaml`), 'utf8'), shipped);
    });
  }

  it('draws the quote of the first seed without anyone tagging it', async () => {
    await wb.openFile(documents[0]);
    await wb.editor().locator('.view-lines').click();
    await wb.page.keyboard.press('Control+Home');
    const rect = await wb.textRect(FIRST_QUOTE);
    assert.ok(rect, 'the quote is on screen');
    await wb.page.mouse.move(rect.left + 40, (rect.top + rect.bottom) / 2);
    const hover = wb.page.locator('.monaco-hover:not(.hidden)').first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    // The hover keeps the spacing of user text with non-breaking spaces.
    const hoverText = async () => normalizeText((await hover.textContent()) ?? '');
    await waitUntil(async () => (await hoverText()).includes('Sergey Lavrov'), 10_000, 'the speaker in the hover');
    assert.match(await hoverText(), /Quote/);
    await wb.screenshot('seed-annotations-workbench.png');
  });
});
