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
});
