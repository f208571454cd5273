// @ts-check
/* global describe, it, after -- mocha globals */
// User stories at corpus scale (issue 15), in the real workbench:
// - a reviewer opens Claims by Speaker on 200 documents × 50 annotations and expands the first
//   speaker at once, while the panel is still loading: the speaker's claims appear (a refresh in
//   the middle once left it expanded with no rows);
// - an annotator opens a 1 MB document with 10,000 annotations, types in front of a tagged span
//   and saves: the span stays decorated on exactly its words, and the sidecar follows the edit;
// - an annotator opens a copy of it edited outside VS Code since its sidecar was written: while
//   the annotations are placed again (seconds, in a worker thread), the status bar says it is
//   loading them, and then counts them, the span drawn on its words.
// Nothing here is timed; the host benchmark (bench/host/) measures the same steps.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { normalizeText, waitUntil, workbenchForSuite } from './workbench.mjs';
import { CLAIMS_SPEAKERS, LARGE_DOCUMENT, LARGE_SPECULATION, writeClaimsWorkspace, writeLargeDocument } from '../host/largeWorkspace.mjs';

/** Runs in the page: the texts of inline decorations (spans with a `ced-` class) on the active editor's first rendered line. */
function inlineDecoratedTextsOfFirstLine() {
  /* global document -- runs in the browser page */
  const line = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')].sort(
    (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
  )[0];
  /** @type {Map<string, string>} */
  const byClass = new Map();
  for (const span of line?.querySelectorAll('span[class*="ced-"]') ?? []) {
    const cls = [...span.classList].find((c) => c.startsWith('ced-')) ?? '';
    byClass.set(cls, (byClass.get(cls) ?? '') + (span.textContent ?? '').replace(/\u00a0/g, ' '));
  }
  return [...byClass.values()];
}

/** Runs in the page: the text of the active editor's top rendered line (the DOM keeps lines in no fixed order). */
function textOfFirstLine() {
  const line = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')].sort(
    (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
  )[0];
  return (line?.textContent ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Clicks into the editor (so the keys go there, wherever focus was), goes to the top, types `text`
 * key by key, and waits until the top line starts with `expected`; the error names what it showed.
 * @param {import('./workbench.mjs').Workbench} wb @param {string} text @param {string} expected @param {number} delay
 */
async function typeAtStart(wb, text, expected, delay) {
  await wb.editor().locator('.view-lines').click();
  await wb.page.keyboard.press('Control+Home');
  await wb.page.keyboard.type(text, { delay });
  let seen = '';
  await waitUntil(
    async () => (seen = await wb.page.evaluate(textOfFirstLine)).startsWith(expected),
    30_000,
    `the top line to start with "${expected}"`,
  ).catch((error) => {
    throw new Error(`${error.message}; it last read "${seen.slice(0, 60)}"`);
  });
}

const workspaceRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-large-'));
const claimsWorkspace = path.join(workspaceRoot, 'claims');
const claimsBySpeaker = writeClaimsWorkspace(claimsWorkspace);
writeLargeDocument(claimsWorkspace);
/**
 * The large document as edited outside VS Code since its sidecar was written: a stretch near the
 * top deleted. Its claims are quotes here, so that Claims by Speaker counts the workspace's as before.
 */
const CHANGED_DOCUMENT = 'changed.txt';
{
  const text = fs.readFileSync(path.join(claimsWorkspace, LARGE_DOCUMENT), 'utf8');
  fs.writeFileSync(path.join(claimsWorkspace, CHANGED_DOCUMENT), text.slice(0, text.indexOf('\n', 5000) + 1) + text.slice(text.indexOf('\n', 9000) + 1));
  const sidecar = fs.readFileSync(path.join(claimsWorkspace, `${LARGE_DOCUMENT}.annotations.yaml`), 'utf8');
  fs.writeFileSync(path.join(claimsWorkspace, `${CHANGED_DOCUMENT}.annotations.yaml`), sidecar.replace(/^( +kind: )claim$/gm, '$1quote'));
}
describe('At corpus scale', function () {
  /** @type {import('./workbench.mjs').Workbench} */
  let wb;

  workbenchForSuite('large-workspace', { seeds: claimsWorkspace }, (opened) => {
    wb = opened;
  });

  after(() => fs.rmSync(workspaceRoot, { recursive: true, force: true }));

  it('Claims by Speaker: the first speaker expanded at once shows its claims', async () => {
    const page = wb.page;
    const [top] = [...claimsBySpeaker].sort((a, b) => b[1] - a[1]);
    assert.equal(top[0], CLAIMS_SPEAKERS[0]);
    await page.locator('.part.activitybar a.action-label[aria-label^="Annotations"]').first().click();
    const pane = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header[aria-label^="Claims by Speaker"]') });
    const rows = pane.locator('.monaco-list-row');
    // Expand the first speaker the moment it is there (10,000 rows: speakers start collapsed).
    const first = rows.first();
    await first.waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(normalizeText((await first.locator('.label-name').textContent()) ?? ''), top[0]);
    await first.click();
    const description = async (/** @type {number} */ i) => normalizeText((await rows.nth(i).locator('.label-description').textContent({ timeout: 500 }).catch(() => '')) ?? '');
    await waitUntil(async () => /^doc-\d{3}\.txt:\d+$/.test(await description(1)), 30_000, `${top[0]}'s claims under the expanded speaker`);
    assert.equal(await description(0), String(top[1]));
    assert.equal(await first.getAttribute('aria-expanded'), 'true');
    await wb.screenshot('large-workspace-claims.png');
  });

  it('a 1 MB document with 10,000 annotations: typing in front of a span keeps it decorated on its words, and saving writes the shift', async () => {
    const page = wb.page;
    await wb.openFile(LARGE_DOCUMENT);
    await waitUntil(async () => (await page.evaluate(inlineDecoratedTextsOfFirstLine)).includes(LARGE_SPECULATION), 60_000, 'the speculation on the first line decorated');
    const sidecar = path.join(wb.workspace, `${LARGE_DOCUMENT}.annotations.yaml`);
    const startOnDisk = () => Number(/- id: spec0001\n\s+kind: speculation\n\s+start: (\d+)/.exec(fs.readFileSync(sidecar, 'utf8'))?.[1]);
    const before = startOnDisk();

    // Type at the very start of the document, one key at a time, as a user would.
    const typed = 'Update ';
    await typeAtStart(wb, typed, 'Update Opening', 30);
    await waitUntil(async () => (await page.evaluate(inlineDecoratedTextsOfFirstLine)).includes(LARGE_SPECULATION), 10_000, 'the speculation still decorated on its words');
    await wb.screenshot('large-workspace-typed.png', 'editor');

    await page.keyboard.press('Control+S');
    await waitUntil(() => startOnDisk() === before + typed.length, 30_000, `the sidecar to store the speculation at ${before + typed.length}`);
  });

  it('typing while the whole document is drawn again (a theme change) leaves every span on its words', async () => {
    // Decorations carry no document version: ranges computed before keys the workbench already
    // applied would land shifted, for good. The extension must notice and draw again.
    const page = wb.page;
    await waitUntil(async () => (await page.evaluate(inlineDecoratedTextsOfFirstLine)).includes(LARGE_SPECULATION), 30_000, 'the speculation decorated before');
    await wb.runCommand('Preferences: Toggle between Light/Dark Themes');
    await typeAtStart(wb, 'More ', 'More Update Opening', 0);
    await waitUntil(async () => (await page.evaluate(inlineDecoratedTextsOfFirstLine)).includes(LARGE_SPECULATION), 10_000, 'the speculation decorated on its words after the redraw');
    await wb.screenshot('large-workspace-redrawn.png', 'editor');
    await wb.runCommand('Preferences: Toggle between Light/Dark Themes');
  });

  it('a 1 MB document with 10,000 annotations changed since its sidecar: the status bar says the annotations are loading, then counts them', async () => {
    const page = wb.page;
    const status = page.locator('.part.statusbar');
    await wb.openFile(CHANGED_DOCUMENT);
    await status.locator('[aria-label="Loading annotations"]').first().waitFor({ state: 'visible', timeout: 30_000 });
    await wb.screenshot('large-workspace-loading.png');
    // Then the counts (the speculation on the first line among them), and the span drawn on its words.
    const counts = status.locator('[aria-label*="Speculation"]').first();
    await counts.waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(await status.locator('[aria-label="Loading annotations"]').count(), 0);
    await waitUntil(async () => (await page.evaluate(inlineDecoratedTextsOfFirstLine)).includes(LARGE_SPECULATION), 30_000, 'the speculation on the first line decorated');
    const label = (await counts.getAttribute('aria-label')) ?? '';
    assert.match(label, /Orphaned/, `the deleted stretch's annotations counted as orphans: ${label}`);
    await wb.screenshot('large-workspace-loaded.png');
  });
});
