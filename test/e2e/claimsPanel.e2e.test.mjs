// @ts-check
/* global describe, it -- mocha globals */
// User story: a reviewer opens the Annotations container on the annotated seeds and sees who
// claims what: speakers with their number of claims, then each claim with its document and line.
// Clicking a claim opens its document with the span selected.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { normalizeText, waitUntil, workbenchForSuite } from './workbench.mjs';

/** Every claim of the shipped sidecars in the workspace, with its document. @param {string} workspace */
function claimsOnDisk(workspace) {
  return fs
    .readdirSync(workspace)
    .filter((f) => f.endsWith('.annotations.yaml'))
    .flatMap((sidecar) =>
      /** @type {{ kind: string, text: string, speaker?: string, orphaned?: boolean }[]} */ (YAML.parse(fs.readFileSync(path.join(workspace, sidecar), 'utf8')).annotations)
        .filter((a) => a.kind === 'claim' && !a.orphaned)
        .map((a) => ({ ...a, document: sidecar.replace(/\.annotations\.yaml$/, '') })),
    );
}

describe('The claims panel', function () {
  /** @type {import('./workbench.mjs').Workbench} */
  let wb;

  workbenchForSuite('claims-panel', { settings: { 'editor.wordWrap': 'on' } }, (opened) => {
    wb = opened;
  });

  it('lists speakers with their claim counts and each claim with document and line, and selects a clicked claim', async () => {
    const page = wb.page;
    const claims = claimsOnDisk(wb.workspace);
    assert.ok(claims.length > 0, 'the seeds ship claims');
    const counts = new Map();
    for (const c of claims) counts.set(c.speaker ?? 'Unattributed', (counts.get(c.speaker ?? 'Unattributed') ?? 0) + 1);

    await page.locator('.part.activitybar a.action-label[aria-label^="Annotations"]').first().click();
    const pane = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header[aria-label^="Claims by Speaker"]') });
    const rows = pane.locator('.monaco-list-row');
    // Speakers render before their claims (children load separately): wait for the first claim.
    const secondRowDescription = async () =>
      (await rows.count()) > 1 ? normalizeText((await rows.nth(1).locator('.label-description').textContent({ timeout: 500 }).catch(() => '')) ?? '') : '';
    await waitUntil(async () => /^[\w.-]+\.txt:\d+$/.test(await secondRowDescription()), 20_000, 'the first speaker\'s claims in Claims by Speaker');

    // The top speaker comes first, with its count as the description.
    const [topSpeaker, topCount] = [...counts].filter(([s]) => s !== 'Unattributed').sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    const first = rows.first();
    assert.equal(normalizeText((await first.locator('.label-name').textContent()) ?? ''), topSpeaker);
    assert.equal(normalizeText((await first.locator('.label-description').textContent()) ?? ''), String(topCount));

    // The rows under it are that speaker's claims, each described as document:line.
    const texts = (await rows.locator('.label-name').allTextContents()).map(normalizeText);
    const descriptions = (await rows.locator('.label-description').allTextContents()).map(normalizeText);
    const theirs = claims.filter((c) => c.speaker === topSpeaker);
    const firstClaim = texts[1];
    assert.ok(theirs.some((c) => normalizeText(c.text).startsWith(firstClaim.replace(/…$/, ''))), `"${firstClaim}" is a claim by ${topSpeaker}`);
    assert.match(descriptions[1], /^[\w.-]+\.txt:\d+$/);
    await wb.screenshot('claims-panel-workbench.png');

    // Clicking it opens the document with the claim selected.
    const [document] = descriptions[1].split(':');
    const claim = theirs.find((c) => c.document === document && normalizeText(c.text).startsWith(firstClaim.replace(/…$/, '')));
    assert.ok(claim, `the clicked claim is in ${document}`);
    await rows.nth(1).click();
    await page.locator(`.tabs-container .tab.active[aria-label*="${document}"]`).waitFor({ state: 'visible' });
    const status = page.locator('#status\\.editor\\.selection');
    await waitUntil(async () => ((await status.textContent()) ?? '').includes(`(${claim.text.length} selected)`), 10_000, `the claim selected (${claim.text.length} characters)`);
    assert.match((await status.textContent()) ?? '', new RegExp(`Ln ${descriptions[1].split(':')[1]},`));
    await wb.screenshot('claims-panel-after-click.png');
  });
});
