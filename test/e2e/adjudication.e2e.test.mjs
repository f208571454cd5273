// @ts-check
/* global describe, it -- mocha globals */
// User story: an adjudicator compares two annotators of a document. Annotate: Compare
// Annotators… asks for A and B, the Compare Annotators view lists their disagreements with the
// progress, the editor draws both spans of the current one, and one key (B: take B) resolves it:
// the sidecar gains the adjudicated annotation, the originals stay, the progress moves on.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import YAML from 'yaml';
import { normalizeText, REPO_ROOT, waitUntil, workbenchForSuite } from './workbench.mjs';

// The sidecar is written the way the extension writes it (compiled core, `npm run compile-tests`).
const require = createRequire(import.meta.url);
const { DocumentAnnotations } = require(path.join(REPO_ROOT, 'out', 'src', 'core', 'documentAnnotations.js'));
const { renderSidecar } = require(path.join(REPO_ROOT, 'out', 'src', 'core', 'sidecar', 'sidecarDocument.js'));

const TEXT = 'The council said the bridge would reopen in May. Engineers warned that the cracks were worse than reported. A spokesman declined to comment.\n';

function twoAnnotators() {
  const doc = new DocumentAnnotations();
  /** @param {string} author @param {string} kind @param {string} phrase */
  const add = (author, kind, phrase) => {
    const start = TEXT.indexOf(phrase);
    return doc.add({ kind, start, end: start + phrase.length, author }, TEXT).id;
  };
  add('ann', 'claim', 'the bridge would reopen in May');
  add('bob', 'claim', 'the bridge would reopen in May');
  add('ann', 'claim', 'the cracks were worse');
  add('bob', 'claim', 'the cracks were worse than reported');
  add('ann', 'quote', 'A spokesman declined');
  const onlyB = add('bob', 'speculation', 'Engineers warned');
  return { sidecar: renderSidecar(doc, TEXT), onlyB };
}

describe('Compare Annotators', function () {
  /** @type {import('./workbench.mjs').Workbench} */
  let wb;
  const { sidecar, onlyB } = twoAnnotators();

  workbenchForSuite('adjudication', { sidecars: false, files: { 'bridge.txt': TEXT, 'bridge.txt.annotations.yaml': sidecar } }, async (opened) => {
    wb = opened;
    await wb.openFile('bridge.txt');
  });

  it('lists the disagreements of two annotators, draws both spans, and resolves one with its key', async () => {
    const page = wb.page;
    /** @param {string} name */
    const pickAnnotator = async (name) => {
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible' });
      await page.keyboard.insertText(name);
      const first = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first();
      await waitUntil(async () => normalizeText((await first.getAttribute('aria-label').catch(() => null)) ?? '') === name, 10_000, `${name} in the annotator picker`);
      await page.keyboard.press('Enter');
    };
    await wb.runCommand('Annotate: Compare Annotators…');
    await pickAnnotator('ann');
    await pickAnnotator('bob');

    const pane = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header[aria-label^="Compare Annotators"]') });
    const rows = pane.locator('.monaco-list-row');
    await waitUntil(async () => (await rows.count()) === 4, 20_000, 'the document and its three disagreements');
    const labels = (await rows.locator('.label-name').allTextContents()).map(normalizeText);
    assert.deepEqual(labels, ['bridge.txt', 'Only in B', 'Boundary differs', 'Only in A']);
    assert.equal(normalizeText((await rows.first().locator('.label-description').textContent()) ?? ''), '0 of 3 resolved');
    await waitUntil(async () => normalizeText((await pane.textContent()) ?? '').includes('0 of 3 resolved'), 10_000, 'the progress message');

    // The first disagreement is current: B's span is selected in the editor and drawn (the
    // screenshot shows it labelled "B: Speculation" in B's colour).
    const status = page.locator('#status\\.editor\\.selection');
    await waitUntil(async () => ((await status.textContent()) ?? '').includes(`(${'Engineers warned'.length} selected)`), 10_000, 'B\'s span selected');
    await wb.screenshot('adjudication-compare.png');

    // Its row focused, one key resolves it: B (take B) keeps bob's speculation as the adjudicated one.
    await rows.nth(1).click();
    await page.keyboard.press('b');
    const file = path.join(wb.workspace, 'bridge.txt.annotations.yaml');
    /** @returns {{ id: string, kind: string, author?: string, adjudicatedFrom?: string }[]} */
    const stored = () => YAML.parse(fs.readFileSync(file, 'utf8')).annotations;
    await waitUntil(() => stored().some((a) => a.adjudicatedFrom), 15_000, 'an adjudicated annotation in the sidecar');
    const adjudicated = stored().filter((a) => a.adjudicatedFrom);
    assert.equal(adjudicated.length, 1);
    assert.equal(adjudicated[0].kind, 'speculation');
    assert.equal(adjudicated[0].adjudicatedFrom, onlyB);
    assert.equal(stored().length, 7, 'the six originals are kept');
    await waitUntil(async () => normalizeText((await rows.first().locator('.label-description').textContent()) ?? '') === '1 of 3 resolved', 10_000, 'the progress to move');
    await waitUntil(async () => normalizeText((await pane.textContent()) ?? '').includes('1 of 3 resolved'), 10_000, 'the progress message');
    // The next unresolved one is current, its row selected.
    await waitUntil(async () => normalizeText((await pane.locator('.monaco-list-row[aria-selected="true"] .label-name').first().textContent().catch(() => '')) ?? '') === 'Boundary differs', 10_000, 'the next disagreement selected');
    await wb.screenshot('adjudication-resolved.png');
  });

  it('Edit: E selects A\'s span, the adjudicator moves its end with the keyboard, Enter confirms and Enter keeps A\'s kind, speaker and note; Escape cancels', async () => {
    const page = wb.page;
    const pane = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header[aria-label^="Compare Annotators"]') });
    const row = pane.locator('.monaco-list-row').filter({ hasText: 'Boundary differs' });
    const status = page.locator('#status\\.editor\\.selection');
    const selected = (/** @type {number} */ n) => waitUntil(async () => ((await status.textContent()) ?? '').includes(`(${n} selected)`), 10_000, `${n} characters selected`);
    const prompt = page.locator('.statusbar-item').filter({ hasText: 'Adjudicated span' });
    const file = path.join(wb.workspace, 'bridge.txt.annotations.yaml');
    /** @returns {{ kind: string, text: string, author?: string, adjudicatedFrom?: string }[]} */
    const adjudicated = () => YAML.parse(fs.readFileSync(file, 'utf8')).annotations.filter((/** @type {any} */ a) => a.adjudicatedFrom);

    // E on the row: the editor selects A's span (ann's "the cracks were worse") and says what to do.
    await row.click();
    await page.keyboard.press('e');
    await selected('the cracks were worse'.length);
    await prompt.waitFor({ state: 'visible', timeout: 10_000 });
    await waitUntil(async () => normalizeText((await pane.textContent()) ?? '').includes('Editing the adjudicated span'), 10_000, 'the view to say a span is being edited');
    // Escape cancels: the prompt goes, nothing is written.
    await page.keyboard.press('Escape');
    await prompt.waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal(adjudicated().length, 1, 'only the earlier take B');

    await row.click();
    await page.keyboard.press('e');
    await selected('the cracks were worse'.length);
    await prompt.waitFor({ state: 'visible', timeout: 10_000 });
    // One word further with the keyboard: "the cracks were worse than", neither A's nor B's span.
    await page.keyboard.press('Control+Shift+ArrowRight');
    await selected('the cracks were worse than'.length);
    await wb.screenshot('adjudication-edit-span.png');
    await page.keyboard.press('Enter');
    // Kind (A's active), speaker and note, each accepted as offered with Enter.
    const title = page.locator('.quick-input-widget .quick-input-title');
    for (const step of ['(1/3)', '(2/3)', '(3/3)']) {
      await waitUntil(async () => ((await title.textContent().catch(() => '')) ?? '').includes(step), 10_000, `step ${step} of the fields`);
      if (step === '(1/3)') await wb.screenshot('adjudication-edit-kind.png');
      await page.keyboard.press('Enter');
    }
    await waitUntil(() => adjudicated().length === 2, 15_000, 'the edited adjudicated annotation in the sidecar');
    const edited = adjudicated().find((a) => a.text === 'the cracks were worse than');
    assert.ok(edited, `the chosen span written: ${JSON.stringify(adjudicated())}`);
    assert.equal(edited.kind, 'claim');
    assert.equal(edited.adjudicatedFrom?.split(' ').length, 2, 'decided from both sides');
    await prompt.waitFor({ state: 'hidden', timeout: 10_000 });
    await waitUntil(async () => normalizeText((await pane.textContent()) ?? '').includes('2 of 3 resolved'), 10_000, 'the progress to move');
    await waitUntil(async () => normalizeText((await pane.textContent()) ?? '').includes('Undo (U): Edit on Boundary differs'), 10_000, 'the view to say what Undo would undo');
    await wb.screenshot('adjudication-edit-done.png');
  });

  it('Show Annotations of… only adjudicated: the claims panel lists only the adjudicated claim, and the panel and the status bar say so', async () => {
    const page = wb.page;
    await wb.runCommand('Annotate: Show Annotations of…');
    await page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible' });
    await page.keyboard.insertText('Only adjudicated');
    const first = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first();
    await waitUntil(async () => normalizeText((await first.getAttribute('aria-label').catch(() => null)) ?? '').includes('Only adjudicated'), 10_000, 'Only adjudicated in the picker');
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item').filter({ hasText: 'Showing only adjudicated' }).waitFor({ state: 'visible', timeout: 10_000 });
    const claims = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header[aria-label^="Claims by Speaker"]') });
    await waitUntil(async () => normalizeText((await claims.textContent()) ?? '').includes('only adjudicated'), 10_000, 'the filter named in the claims panel');
    // The one adjudicated claim (the edited span); take B's speculation is not a claim.
    const rows = claims.locator('.monaco-list-row');
    await waitUntil(async () => (await rows.count()) === 2, 10_000, 'one group and one claim');
    assert.equal(normalizeText((await rows.nth(1).locator('.label-name').textContent()) ?? ''), 'the cracks were worse than');
    await wb.screenshot('adjudication-filter.png');
  });
});
