// @ts-check
/* global describe, it -- mocha globals */
// User story: a reviewer wants to see what a colleague changed in the annotations since the last
// commit before merging. The workspace is a git repository; since HEAD, one quote was removed and
// the speaker of a claim changed. "Show Annotation Changes Since…" (pick HEAD) lists both in the
// Annotation Changes view and draws the removed quote struck through in the editor.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { normalizeText, waitUntil, workbenchForSuite } from './workbench.mjs';

const FILE = '000_acd874037fc5962e.txt';
const REMOVED = 'But dialogue continues on a bilateral basis';
const CLAIM = 'Russia has called on NATO to renounce the policy';

/** Commits the seeds, then changes the sidecar of FILE in the working tree: a quote removed, a speaker changed. */
function prepareRepository(/** @type {string} */ workspace) {
  const git = (/** @type {string[]} */ ...args) =>
    execFileSync('git', ['-c', 'user.name=Ann Otator', '-c', 'user.email=ann@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: workspace, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'seeds');
  const sidecar = path.join(workspace, `${FILE}.annotations.yaml`);
  const text = fs.readFileSync(sidecar, 'utf8');
  // Each annotation is a block starting with "  - id:"; drop the one whose text starts with REMOVED.
  const blocks = text.split(/(?=\n {2}- id: )/);
  const kept = blocks.filter((b) => !b.includes(`text: ${REMOVED}`));
  assert.equal(kept.length, blocks.length - 1, 'the quote to remove is in the seed sidecar');
  const changed = kept.join('').replace(/(text: Russia has called on NATO[^\n]*\n(?: {4}[a-z]+:[^\n]*\n)*? {4}speaker: )Sergey Lavrov/, '$1Russian Foreign Ministry');
  assert.notEqual(changed, kept.join(''), 'the speaker to change is in the seed sidecar');
  fs.writeFileSync(sidecar, changed);
}

describe('Annotation changes since a git ref', function () {
  /** @type {import('./workbench.mjs').Workbench} */
  let wb;

  workbenchForSuite('history', { settings: { 'git.enabled': true, 'git.autoRepositoryDetection': true }, prepare: prepareRepository }, async (opened) => {
    wb = opened;
    await wb.openFile(FILE);
  });

  it('lists the removed quote and the changed speaker, and strikes the quote through in the editor', async () => {
    const page = wb.page;
    await wb.runCommand('Annotate: Show Annotation Changes Since…');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await waitUntil(async () => ((await rows.first().getAttribute('aria-label')) ?? '').includes('HEAD'), 20_000, 'HEAD offered first');
    await page.keyboard.press('Enter');

    const pane = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: /Annotation Changes/i }) });
    await pane.waitFor({ state: 'visible', timeout: 30_000 });
    const changeRows = pane.locator('.monaco-list-row');
    await waitUntil(async () => (await changeRows.count()) >= 3, 20_000, 'the document and its two changes');
    const names = (await changeRows.locator('.label-name').allTextContents()).map(normalizeText);
    const descriptions = (await changeRows.locator('.label-description').allTextContents()).map(normalizeText);
    assert.equal(names[0], FILE);
    assert.ok(names[1].startsWith(`“${CLAIM.slice(0, 30)}`), names[1]);
    assert.match(descriptions[1], /^Claim · speaker changed · line \d+$/);
    assert.ok(names[2].startsWith(`“${REMOVED}`), names[2]);
    assert.match(descriptions[2], /^Quote · removed · line \d+$/);
    const message = normalizeText((await pane.locator('.message').textContent()) ?? '');
    assert.equal(message, '0 added, 1 removed, 1 changed since HEAD.');

    // The removed quote is drawn struck through where its words still are.
    await wb.moveCursorAway();
    const rect = await wb.textRect(REMOVED);
    assert.ok(rect, 'the removed quote is on screen');
    const struck = await page.evaluate((r) => {
      /* global document, getComputedStyle -- runs in the browser page */
      return [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line span')]
        .filter((el) => {
          const b = el.getBoundingClientRect();
          return b.top < r.bottom && b.bottom > r.top && b.left < r.right && b.right > r.left;
        })
        .some((el) => getComputedStyle(el).textDecorationLine.includes('line-through'));
    }, rect);
    await wb.screenshot('history-changes.png');
    assert.ok(struck, 'the removed quote is struck through');
  });
});
