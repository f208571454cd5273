// @ts-check
/* global describe, it -- mocha globals */
// User story: a fact-checking desk declares its own scheme in .annotations/schema.yaml (a
// `statistic` kind, a `stance` attribute, the panel grouped by stance). An annotator tags a
// statistic from "Tag Selection…", sets its stance with "Set Attribute…", sees it drawn in the
// scheme's colour and described on hover, finds it in the panel under its stance; the command
// line exports it with its stance and `check` reports a kind and a value the scheme lacks.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ARTIFACTS, normalizeText, REPO_ROOT, waitUntil, workbenchForSuite } from './workbench.mjs';

const FILE = '000_acd874037fc5962e.txt';
const OTHER = '001_23f1922ff1163281.txt';
const STATISTIC = 'the Russia-NATO summit in Lisbon on November 20, 2010';

const SCHEME = `kinds:
  - id: claim
  - id: statistic
    label: Statistic
    description: A number the text presents as fact
    color: "#b5651d"
    style: underline
    icon: graph
attributes:
  - id: stance
    label: Stance
    type: choice
    values: [supports, opposes, neutral]
    kinds: [claim, statistic]
    required: false
panel:
  kinds: [claim, statistic]
  groupBy: stance
`;

/** Finds the decoration elements over `rect` and returns their computed border colours (runs in the page). */
function decorationColoursOver(/** @type {{ left: number, right: number, top: number, bottom: number }} */ rect) {
  /* global document, getComputedStyle -- runs in the browser page */
  const editor = document.querySelector('.editor-group-container.active .monaco-editor');
  if (!editor) return [];
  return [...editor.querySelectorAll('.view-overlays div[class*="ced-"]')]
    .filter((el) => {
      const r = el.getBoundingClientRect();
      return r.top < rect.bottom && r.bottom > rect.top && r.left <= rect.left + 3 && r.right >= rect.right - 3;
    })
    .map((el) => {
      const cs = getComputedStyle(el);
      return { className: String(el.className), borderBottom: `${cs.borderBottomStyle} ${cs.borderBottomColor}`, background: cs.backgroundColor };
    });
}

describe('A workspace with its own annotation scheme', function () {
  /** @type {import('./workbench.mjs').Workbench} */
  let wb;
  /** @type {string} */
  let sidecar;
  const annotationsOnDisk = () => (fs.existsSync(sidecar) ? /** @type {{ kind: string, text: string, attributes?: Record<string, unknown> }[]} */ (YAML.parse(fs.readFileSync(sidecar, 'utf8')).annotations ?? []) : []);

  workbenchForSuite('scheme', { sidecars: false, files: { '.annotations/schema.yaml': SCHEME } }, async (opened) => {
    wb = opened;
    sidecar = path.join(wb.workspace, `${FILE}.annotations.yaml`);
    await wb.openFile(FILE);
  });

  it('tags a statistic from Tag Selection…, which offers the scheme\'s kinds', async () => {
    await wb.selectText(STATISTIC);
    await wb.runCommand('Annotate: Tag Selection…');
    const rows = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    // The scheme lists claim and statistic: exactly those two, in its order.
    await waitUntil(async () => (await rows.count()) === 2, 10_000, 'the scheme\'s two kinds in the picker');
    // Each row is the kind's label with its description as detail.
    const labels = await Promise.all([0, 1].map(async (i) => normalizeText((await rows.nth(i).getAttribute('aria-label')) ?? '')));
    assert.match(labels[0], /\bClaim, An assertion presented as fact$/);
    assert.match(labels[1], /\bStatistic, A number the text presents as fact$/);
    await wb.page.keyboard.insertText('Statistic');
    await waitUntil(async () => ((await rows.first().getAttribute('aria-label')) ?? '').includes('Statistic'), 10_000, 'Statistic first in the picker');
    await wb.page.keyboard.press('Enter');
    await waitUntil(() => annotationsOnDisk().some((a) => a.kind === 'statistic'), 15_000, 'the statistic in the sidecar');
    assert.equal(annotationsOnDisk()[0].text, STATISTIC);
  });

  it('sets its stance with Set Attribute…, a picker of the attribute\'s values', async () => {
    await wb.selectText(STATISTIC);
    await wb.runCommand('Annotate: Set Attribute…');
    const rows = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    // `stance` is the statistic's only attribute, so its values come straight away.
    await waitUntil(async () => (await rows.count()) === 3, 10_000, 'the three stances in the picker');
    const values = await Promise.all([0, 1, 2].map(async (i) => normalizeText((await rows.nth(i).getAttribute('aria-label')) ?? '')));
    assert.deepEqual(values, ['supports', 'opposes', 'neutral']);
    await wb.page.keyboard.insertText('opposes');
    await waitUntil(async () => ((await rows.first().getAttribute('aria-label')) ?? '').includes('opposes'), 10_000, 'opposes first');
    await wb.page.keyboard.press('Enter');
    await waitUntil(() => annotationsOnDisk()[0]?.attributes?.stance === 'opposes', 15_000, 'the stance in the sidecar');
    // Stored under `attributes:`, beside the fields every sidecar has.
    assert.match(fs.readFileSync(sidecar, 'utf8'), /\n {4}attributes:\n {6}stance: opposes\n/);
  });

  it('draws the statistic in the scheme\'s colour and describes it on hover', async () => {
    await wb.moveCursorAway();
    await wb.clearNotifications();
    // The lines do not wrap here: selecting the statistic can leave the editor scrolled to the right, the statistic
    // outside the viewport though in the page (a cold CI run hovered beside the editor). Scroll back to the line starts.
    const viewport = await wb.page.locator('.editor-group-container.active .monaco-editor .monaco-scrollable-element.editor-scrollable').first().boundingBox();
    assert.ok(viewport, 'the editor\'s viewport');
    await wb.page.mouse.move(viewport.x + viewport.width / 2, viewport.y + viewport.height / 2);
    await wb.page.mouse.wheel(-100_000, 0);
    /** @type {Awaited<ReturnType<typeof wb.textRect>>} */
    let rect;
    await waitUntil(
      async () => {
        rect = await wb.textRect(STATISTIC);
        return rect !== undefined && rect.left >= viewport.x && rect.left + 40 <= viewport.x + viewport.width;
      },
      5_000,
      'the statistic inside the editor\'s viewport',
    );
    assert.ok(rect, 'the statistic is on screen');
    const overlays = await wb.page.evaluate(decorationColoursOver, rect);
    fs.writeFileSync(path.join(ARTIFACTS, 'scheme-decorations.json'), JSON.stringify(overlays, null, 2));
    await wb.screenshot('scheme-editor.png', 'editor');
    // underline style, #b5651d = rgb(181, 101, 29)
    assert.ok(
      overlays.some((o) => o.borderBottom === 'solid rgb(181, 101, 29)'),
      `a solid underline in #b5651d over the statistic: ${JSON.stringify(overlays)}`,
    );

    await wb.page.mouse.move(rect.left + 30, (rect.top + rect.bottom) / 2);
    const hover = wb.page.locator('.monaco-hover:not(.hidden)').first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    await waitUntil(async () => ((await hover.textContent()) ?? '').includes('Set Attribute'), 10_000, 'the hover with its actions');
    const text = normalizeText((await hover.textContent()) ?? '');
    assert.match(text, /Statistic/);
    assert.match(text, /Stance: opposes/);
    await wb.screenshot('scheme-hover.png');
    await wb.page.keyboard.press('Escape');
  });

  it('lists it in the panel under its stance', async () => {
    const page = wb.page;
    await page.locator('.part.activitybar a.action-label[aria-label^="Annotations"]').first().click();
    // The panel's title follows the scheme: its kinds by its grouping.
    const pane = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: /Claim, Statistic by Stance/i }) });
    await pane.waitFor({ state: 'visible', timeout: 20_000 });
    const rows = pane.locator('.monaco-list-row');
    await waitUntil(async () => (await rows.count()) >= 2, 20_000, 'the stance group and its statistic');
    const names = (await rows.locator('.label-name').allTextContents()).map(normalizeText);
    const descriptions = (await rows.locator('.label-description').allTextContents()).map(normalizeText);
    assert.equal(names[0], 'opposes');
    assert.equal(descriptions[0], '1');
    assert.ok(STATISTIC.startsWith(names[1].replace(/…$/, '')), `the statistic under "opposes": ${names[1]}`);
    await wb.screenshot('scheme-panel.png');
  });

  it('exports it with its stance, and check reports a kind and a value the scheme lacks', async () => {
    const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
    const exported = spawnSync(process.execPath, [cli, 'export', '--format', 'json'], { cwd: wb.workspace, encoding: 'utf8' });
    assert.equal(exported.status, 0, exported.stderr);
    const json = JSON.stringify(JSON.parse(exported.stdout));
    assert.match(json, /"kind":"statistic"/);
    assert.match(json, /"stance":"opposes"/);

    // A sidecar written by hand (or on a branch with another scheme): an undeclared kind and value.
    const stored = annotationsOnDisk()[0];
    const bad = fs
      .readFileSync(sidecar, 'utf8')
      .replace('kind: statistic', 'kind: rumour')
      .replace('stance: opposes', 'stance: agrees');
    const badPath = path.join(wb.workspace, `${OTHER}.annotations.yaml`);
    // The same annotation, re-pointed at a document where it is an orphan: only the scheme is wrong.
    fs.writeFileSync(badPath, bad);
    const checked = spawnSync(process.execPath, [cli, 'check', `${OTHER}.annotations.yaml`], { cwd: wb.workspace, encoding: 'utf8' });
    fs.writeFileSync(path.join(ARTIFACTS, 'scheme-check.txt'), checked.stdout + checked.stderr);
    assert.equal(checked.status, 1, checked.stdout + checked.stderr);
    const kindLine = bad.split('\n').findIndex((l) => l.includes('kind: rumour')) + 1;
    const valueLine = bad.split('\n').findIndex((l) => l.includes('stance: agrees')) + 1;
    assert.match(checked.stdout, new RegExp(`:${kindLine}:11: error: annotations\\[0\\]\\.kind: unknown kind "rumour"; expected one of claim, statistic`));
    assert.match(checked.stdout, new RegExp(`:${valueLine}:15: error: annotations\\[0\\]\\.attributes\\.stance: "agrees" is not a value of stance; expected one of supports, opposes, neutral`));
    assert.equal(stored.kind, 'statistic');
  });
});
