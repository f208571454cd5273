// @ts-check
/* global describe, it -- mocha globals */
// User story: an annotator tags an article with all four kinds, each through a different entry
// point (keybinding, palette, kind picker, editor context menu), then hovers over a tag. Each kind
// must be drawn with its own decoration, the sidecar must hold all four, and the hover must
// describe the span and offer its actions. The final screenshot is the one in the README.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, normalizeText, waitUntil, workbenchForSuite } from './workbench.mjs';

const FILE = '000_acd874037fc5962e.txt';
const CLAIM = 'Russia has called on NATO to renounce the policy of mutual deterrence and to switch to cooperation in the security field';
const QUOTE = 'Dialogue [on the AMD issue] is not going as fast as many had hoped after the Lisbon summit,';
const SPECULATION = 'Frivolous promises are made in treaties that have no intention of being honored after political clout has been re-achieved.';
const AD = 'Your email address will not be published. Required fields are marked *';

/** Runs in the page: the distinct decoration classes drawn in the active editor, by layer. */
function decorationClasses() {
  /* global document -- runs in the browser page */
  const editor = document.querySelector('.editor-group-container.active .monaco-editor');
  const classesOf = (/** @type {string} */ selector) =>
    [...new Set([...(editor?.querySelectorAll(selector) ?? [])].flatMap((el) => [...el.classList].filter((c) => c.startsWith('ced-'))))].sort();
  return { overlays: classesOf('.view-overlays [class*="ced-"]'), text: classesOf('.view-lines [class*="ced-"]'), gutter: classesOf('.margin [class*="ced-"], .glyph-margin-widgets [class*="ced-"]') };
}

describe('Annotating an article with every kind', function () {
  /** @type {import('./workbench.mjs').Workbench} */
  let wb;
  /** @type {string} */
  let sidecar;
  const kindsOnDisk = () => (fs.existsSync(sidecar) ? [...fs.readFileSync(sidecar, 'utf8').matchAll(/^ {4}kind: (\w+)$/gm)].map((m) => m[1]).sort() : []);

  // seeds/ ships these spans already tagged: start from the bare documents.
  workbenchForSuite('annotate-article', { sidecars: false, settings: { 'editor.wordWrap': 'on' } }, async (opened) => {
    wb = opened;
    sidecar = path.join(wb.workspace, `${FILE}.annotations.yaml`);
    // Opening the document activates the extension (no sidecars here). The claim's keybinding
    // needs the extension's context key for this editor: the palette offering the claim command
    // (same `when` clause) shows it is set; a key pressed earlier would be dropped.
    await wb.openFile(FILE);
    await wb.waitForCommand('Annotate: Tag Selection as Claim');
  });

  it('tags a claim with its keybinding', async () => {
    await wb.selectText(CLAIM);
    await wb.page.keyboard.press('Control+Alt+Shift+C');
    await waitUntil(() => kindsOnDisk().includes('claim'), 15_000, 'the claim in the sidecar');
  });

  it('tags a quote from the command palette', async () => {
    await wb.selectText(QUOTE);
    await wb.runCommand('Annotate: Tag Selection as Quote');
    await waitUntil(() => kindsOnDisk().includes('quote'), 15_000, 'the quote in the sidecar');
  });

  it('tags speculation through the kind picker of "Tag Selection…"', async () => {
    await wb.selectText(SPECULATION);
    await wb.runCommand('Annotate: Tag Selection…');
    const rows = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await waitUntil(async () => (await rows.count()) === 4, 10_000, 'the four kinds in the picker');
    await wb.page.keyboard.insertText('Speculation');
    await waitUntil(async () => ((await rows.first().getAttribute('aria-label')) ?? '').includes('Speculation'), 10_000, 'Speculation first in the picker');
    await wb.page.keyboard.press('Enter');
    await waitUntil(() => kindsOnDisk().includes('speculation'), 15_000, 'the speculation in the sidecar');
  });

  it('tags advertisement from the Annotate submenu of the editor context menu', async () => {
    await wb.selectText(AD);
    const rect = await wb.textRect(AD);
    assert.ok(rect, 'the advertisement line is rendered');
    await wb.page.mouse.click((rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2, { button: 'right' });
    const menu = wb.page.locator('.context-view .monaco-menu');
    await menu.locator('.action-item', { hasText: /^Annotate$/ }).first().waitFor({ state: 'visible' });
    // The menu lives in a shadow root whose host swallows synthetic pointer events, so walk it
    // with the keyboard, as a keyboard user would: into the Annotate submenu, down to the item.
    const focused = menu.locator('.action-item.focused').last();
    const focusedText = async () => (await focused.textContent({ timeout: 500 }).catch(() => '')) ?? '';
    for (let i = 0; i < 10 && !/^Annotate/.test(await focusedText()); i++) await wb.page.keyboard.press('ArrowDown');
    await wb.page.keyboard.press('ArrowRight');
    for (let i = 0; i < 5 && !(await focusedText()).includes('Advertisement'); i++) await wb.page.keyboard.press('ArrowDown');
    assert.match((await focused.textContent()) ?? '', /Tag Selection as Advertisement/);
    await wb.page.keyboard.press('Enter');
    await waitUntil(() => kindsOnDisk().includes('advertisement'), 15_000, 'the advertisement in the sidecar');
    assert.deepEqual(kindsOnDisk(), ['advertisement', 'claim', 'quote', 'speculation']);
  });

  it('sets the speaker of the quote at the cursor with a new name typed in the picker', async () => {
    await wb.selectText(QUOTE);
    await wb.runCommand('Annotate: Set Speaker…');
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await wb.page.keyboard.insertText('Sergey Lavrov');
    const first = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first();
    await waitUntil(async () => ((await first.getAttribute('aria-label')) ?? '').includes('Sergey Lavrov'), 10_000, 'the typed name offered as a new speaker');
    await wb.page.keyboard.press('Enter');
    await waitUntil(() => fs.readFileSync(sidecar, 'utf8').includes('speaker: Sergey Lavrov'), 15_000, 'the speaker in the sidecar');
  });

  it('draws each kind with its own decoration and a gutter icon', async () => {
    await wb.clearNotifications();
    await wb.editor().locator('.view-lines').click();
    await wb.page.keyboard.press('Control+Home');
    await waitUntil(async () => (await wb.textRect(QUOTE)) !== undefined, 10_000, 'the quote on screen');
    const layers = await wb.page.evaluate(decorationClasses);
    fs.writeFileSync(path.join(ARTIFACTS, 'annotate-article-decorations.json'), JSON.stringify(layers, null, 2));
    // Claim and quote are on the first screen: two distinct overlay styles and their gutter icons.
    assert.ok(layers.overlays.length >= 2, `expected distinct overlay decorations, got ${JSON.stringify(layers)}`);
    assert.ok(layers.gutter.length >= 2, `expected gutter icons, got ${JSON.stringify(layers)}`);
  });

  it('describes a tag on hover, with links to change or remove it', async () => {
    const rect = await wb.textRect(QUOTE);
    assert.ok(rect);
    await wb.page.mouse.move(rect.left + 40, (rect.top + rect.bottom) / 2);
    const hover = wb.page.locator('.monaco-hover:not(.hidden)').first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    await waitUntil(async () => ((await hover.textContent()) ?? '').includes('Set Speaker'), 10_000, 'the hover actions');
    // The hover keeps the spacing of user text with non-breaking spaces.
    const text = normalizeText((await hover.textContent()) ?? '');
    assert.match(text, /Quote/);
    assert.match(text, /Sergey Lavrov/);
    for (const action of ['Change Kind', 'Set Speaker', 'Edit Note', 'Remove']) assert.ok(text.includes(action), `hover offers ${action}: ${text}`);
    await wb.screenshot('annotate-article-workbench.png');
  });
});
