// @ts-check
/* global describe, it -- mocha globals */
// User story: alice annotated on branch `alice`, bob on branch `bob`; the adjudicator checks out
// bob and compares with alice's branch. Annotate: Compare Annotators… → Compare with a git ref…
// → alice: the view lists the four disagreements (a span only alice tagged, a boundary, a kind
// and a speaker difference; the claim both tagged is none, although bob's added line moved it),
// the editor draws both spans, and keys resolve them: A brings alice's annotation into bob's
// sidecar as an adjudicated one, B keeps bob's; the progress moves on.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import YAML from 'yaml';
import { normalizeText, REPO_ROOT, waitUntil, workbenchForSuite } from './workbench.mjs';

// The repository is built as the extension-host suite builds it (compiled, `npm run compile-tests`).
const require = createRequire(import.meta.url);
const { twoBranchRepository } = require(path.join(REPO_ROOT, 'out', 'test', 'fixtures', 'twoBranches.js'));

describe('Compare Annotators with a git ref', function () {
  /** @type {import('./workbench.mjs').Workbench} */
  let wb;
  /** @type {Record<string, string>} */
  let ids = {};

  workbenchForSuite(
    'adjudication-ref',
    {
      sidecars: false,
      settings: { 'git.enabled': true, 'git.autoRepositoryDetection': true },
      prepare: (workspace) => {
        ids = twoBranchRepository(workspace);
      },
    },
    async (opened) => {
      wb = opened;
      await wb.openFile('article.txt');
    },
  );

  it('compares the working tree (bob) with the branch alice and resolves with the keys', async () => {
    const page = wb.page;
    const input = page.locator('.quick-input-widget .quick-input-box input');
    const firstRow = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first();
    await wb.runCommand('Annotate: Compare Annotators…');
    // Only bob annotated in the working tree: the picker offers the comparison with a git ref.
    await input.waitFor({ state: 'visible' });
    await waitUntil(async () => normalizeText((await firstRow.getAttribute('aria-label').catch(() => null)) ?? '').startsWith('Compare with a git ref…'), 10_000, 'Compare with a git ref… offered');
    await page.keyboard.press('Enter');
    // The ref picker (as Show Annotation Changes Since…'s): alice's branch.
    await waitUntil(async () => normalizeText((await firstRow.getAttribute('aria-label').catch(() => null)) ?? '').includes('HEAD'), 20_000, 'the ref picker');
    await page.keyboard.insertText('alice');
    await waitUntil(async () => normalizeText((await firstRow.getAttribute('aria-label').catch(() => null)) ?? '').includes('alice'), 10_000, 'the branch alice listed');
    await page.keyboard.press('Enter');

    const pane = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header[aria-label^="Compare Annotators"]') });
    const rows = pane.locator('.monaco-list-row');
    await waitUntil(async () => (await rows.count()) === 5, 30_000, 'the document and its four disagreements');
    const labels = (await rows.locator('.label-name').allTextContents()).map(normalizeText);
    assert.deepEqual(labels, ['article.txt', 'Only in A', 'Boundary differs', 'Kind differs', 'Speaker or attribute differs']);
    const header = normalizeText((await pane.locator('.pane-header').textContent()) ?? '');
    assert.ok(header.includes('A: alice · B: working tree'), header);
    await waitUntil(async () => normalizeText((await pane.textContent()) ?? '').includes('0 of 4 resolved'), 10_000, 'the progress message');

    // The first disagreement is current: alice's span, which bob's sidecar lacks, selected where it is now.
    const status = page.locator('#status\\.editor\\.selection');
    await waitUntil(async () => ((await status.textContent()) ?? '').includes(`(${'Engineers warned'.length} selected)`), 10_000, "alice's span selected");
    await wb.screenshot('adjudication-ref-compare.png');

    // Its row focused: A (take A) restores alice's speculation in the working sidecar.
    await rows.nth(1).click();
    await page.keyboard.press('a');
    const file = path.join(wb.workspace, 'article.txt.annotations.yaml');
    /** @returns {{ id: string, kind: string, text: string, author?: string, adjudicatedFrom?: string }[]} */
    const stored = () => YAML.parse(fs.readFileSync(file, 'utf8')).annotations;
    await waitUntil(() => stored().some((a) => a.adjudicatedFrom), 15_000, 'an adjudicated annotation in the sidecar');
    await waitUntil(async () => normalizeText((await pane.textContent()) ?? '').includes('1 of 4 resolved'), 10_000, 'the progress to move');
    await waitUntil(async () => normalizeText((await pane.locator('.monaco-list-row[aria-selected="true"] .label-name').first().textContent().catch(() => '')) ?? '') === 'Boundary differs', 10_000, 'the next disagreement selected');
    await waitUntil(async () => ((await status.textContent()) ?? '').includes(`(${'the cracks were worse than reported'.length} selected)`), 10_000, 'the boundary disagreement shown');
    await wb.screenshot('adjudication-ref-boundary.png');

    // B (take B) keeps bob's longer span.
    await page.keyboard.press('b');
    await waitUntil(() => stored().filter((a) => a.adjudicatedFrom).length === 2, 15_000, 'two adjudicated annotations in the sidecar');
    const adjudicated = stored()
      .filter((a) => a.adjudicatedFrom)
      .map((a) => [a.kind, a.text, a.adjudicatedFrom]);
    assert.deepEqual(adjudicated.sort(), [
      ['claim', 'the cracks were worse than reported', `${ids.boundaryA} ${ids.boundaryB}`],
      ['speculation', 'Engineers warned', ids.onlyA],
    ]);
    assert.equal(stored().length, 6, "bob's four annotations are kept");
    await waitUntil(async () => normalizeText((await pane.textContent()) ?? '').includes('2 of 4 resolved'), 10_000, 'two of four resolved');
    assert.equal(normalizeText((await rows.first().locator('.label-description').textContent()) ?? ''), '2 of 4 resolved');
    await wb.screenshot('adjudication-ref-resolved.png');
  });
});
