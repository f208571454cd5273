// @ts-check
/* global describe, it, afterEach, document, getComputedStyle -- mocha globals; the page functions run in the browser */
// User stories: (1) an annotator asks for suggestions on an untagged article, sees them dashed,
// reads one in its hover, and reviews from the keyboard (next, accept): only the accepted one
// reaches the sidecar. (2) A reviewer opens the claims report on the annotated seeds, searches it,
// and clicks through to a quote.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { Workbench, normalizeText, waitUntil } from './workbench.mjs';

const ARTICLE = '004_ca6517b7cfd7a852.txt';
const FIRST_QUOTE = 'Just before our flight to New York';

/** How many elements of the active editor are drawn with a dashed border (suggestions). @param {import('playwright-core').Page} page */
function dashedCount(page) {
  return page.evaluate(() => [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-overlays div, .editor-group-container.active .monaco-editor .view-lines span')].filter((e) => getComputedStyle(e).borderTopStyle === 'dashed').length);
}

describe('Suggestions and the claims report', function () {
  /** @type {Workbench | undefined} */
  let wb;

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await wb.captureFailure(this.currentTest.fullTitle());
    await wb?.stop();
    wb = undefined;
  });

  it('suggests on an untagged article, shows them dashed with a hover, and accepts one from the keyboard', async () => {
    wb = await Workbench.open('suggestions', { sidecars: false, settings: { 'editor.wordWrap': 'on' } });
    const page = wb.page;
    await wb.openFile(ARTICLE);
    await wb.waitForActivation();
    // The workspace run (progress notification, then a summary offering the review).
    await wb.runCommand('Annotate: Suggest Annotations in Workspace');
    const summary = page.locator('.notifications-toasts .notification-toast').filter({ hasText: /suggestion\(s\) in 5 document\(s\)/ });
    await summary.waitFor({ state: 'visible', timeout: 30_000 });
    await waitUntil(async () => (await dashedCount(page)) > 3, 15_000, 'dashed suggestion decorations');
    await wb.clearNotifications();
    const sidecar = path.join(wb.workspace, `${ARTICLE}.annotations.yaml`);
    assert.equal(fs.existsSync(sidecar), false, 'suggesting wrote a sidecar');

    // The hover names the kind, the speaker, how sure the suggester is and why, with Accept and Reject.
    const rect = await wb.textRect(FIRST_QUOTE);
    assert.ok(rect, 'the first quote is rendered');
    await page.mouse.move(rect.left + 20, (rect.top + rect.bottom) / 2);
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'Suggested Quote' });
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    // Fully faded in, for the screenshot.
    await waitUntil(async () => (await hover.evaluate((e) => getComputedStyle(e).opacity)) === '1', 5_000, 'the hover to fade in');
    const hoverText = normalizeText((await hover.textContent()) ?? '');
    assert.match(hoverText, /Suggested Quote · Sergey Lavrov/);
    assert.match(hoverText, /Confidence \d+\s?%: words between quotation marks; cue “said”/);
    assert.match(hoverText, /Accept · Reject/);
    await wb.screenshot('suggestions-workbench.png');

    // The plain-text grammar colours quotations and reporting cues apart from the narration.
    const colours = await page.evaluate(() => {
      const tokens = [...document.querySelectorAll('.editor-group-container.active .view-lines .view-line span')].filter((e) => e.children.length === 0);
      const colourOf = (/** @type {(text: string) => boolean} */ match) => {
        const token = tokens.find((e) => match((e.textContent ?? '').replace(/\u00a0/g, ' ')));
        return token ? getComputedStyle(token).color : undefined;
      };
      return {
        cue: colourOf((t) => t === 'said'),
        quote: colourOf((t) => t.includes('Just before our flight')),
        narration: colourOf((t) => t.startsWith('Lavrov upset by')),
      };
    });
    assert.ok(colours.cue && colours.quote && colours.narration, JSON.stringify(colours));
    assert.notEqual(colours.cue, colours.narration, 'the reporting cue is not coloured');
    assert.notEqual(colours.quote, colours.narration, 'the quotation is not coloured');

    // Review from the keyboard: from the top, Next Suggestion until the first quote, then accept.
    await page.mouse.move(5, 5);
    await wb.editor().locator('.view-lines').click();
    await page.keyboard.press('Control+Home');
    const status = page.locator('#status\\.editor\\.selection');
    // The quote is one paragraph: a selection of it ends on the line where it starts.
    const articleText = fs.readFileSync(path.join(wb.workspace, ARTICLE), 'utf8');
    const quoteLine = articleText.slice(0, articleText.indexOf(FIRST_QUOTE)).split('\n').length;
    let onQuote = false;
    for (let i = 0; i < 10 && !onQuote; i++) {
      const before = (await status.textContent()) ?? '';
      await page.keyboard.press('Control+Alt+Shift+J');
      await waitUntil(async () => ((await status.textContent()) ?? '') !== before, 10_000, 'Next Suggestion to select another span');
      onQuote = ((await status.textContent()) ?? '').startsWith(`Ln ${quoteLine},`);
    }
    assert.ok(onQuote, `Next Suggestion never reached the first quote (line ${quoteLine})`);
    await page.keyboard.press('Control+Alt+Shift+Enter');
    await waitUntil(() => fs.existsSync(sidecar), 10_000, 'the sidecar to be written on accepting');
    const written = YAML.parse(fs.readFileSync(sidecar, 'utf8'));
    assert.equal(written.annotations.length, 1, 'only the accepted suggestion is in the sidecar');
    assert.equal(written.annotations[0].kind, 'quote');
    assert.equal(written.annotations[0].author, 'suggest');
    assert.equal(written.annotations[0].speaker, 'Sergey Lavrov');
    assert.ok(written.annotations[0].text.startsWith(FIRST_QUOTE));
  });

  it('shows a notification that cancels a long analysis, and the editor stays usable meanwhile', async () => {
    // One sentence of thousands of marked words: seconds of analysis, off the extension host thread.
    const long = 'Ada Brook backs ' + Array.from({ length: 12_000 }, (_, i) => `“fee ${i}” and warned`).join(' ') + '.\n';
    wb = await Workbench.open('suggestions-cancel', { sidecars: false, files: { 'long.txt': long } });
    const page = wb.page;
    await wb.openFile('long.txt');
    await wb.waitForActivation();
    await wb.runCommand('Annotate: Suggest Annotations');
    const progress = page.locator('.notifications-toasts .notification-toast').filter({ hasText: 'Suggesting annotations for long.txt' });
    await progress.waitFor({ state: 'visible', timeout: 15_000 });
    // The extension host is free: another of its commands answers while the analysis runs.
    await wb.runCommand('Annotate: Show Claims Report');
    await page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('.kinds li').first().waitFor({ state: 'visible', timeout: 15_000 });
    assert.ok(await progress.isVisible(), 'the analysis ended before the report opened: too short to test cancelling');
    await wb.screenshot('suggestions-progress-workbench.png');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('.statusbar-item').filter({ hasText: 'Suggestions cancelled.' }).waitFor({ state: 'visible', timeout: 10_000 });
    await progress.waitFor({ state: 'hidden', timeout: 10_000 });
    await wb.openFile('long.txt');
    assert.equal(await dashedCount(page), 0, 'a cancelled analysis left suggestions');
    assert.equal(fs.existsSync(path.join(wb.workspace, 'long.txt.annotations.yaml')), false, 'suggesting wrote a sidecar');
  });

  it('opens the claims report, filters it with the search box, and clicks through to a span', async () => {
    wb = await Workbench.open('claims-report');
    await wb.waitForActivation();
    const page = wb.page;
    await wb.runCommand('Annotate: Show Claims Report');
    const report = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const rows = report.locator('li.row');
    await waitUntil(async () => (await rows.count()) > 5, 20_000, 'rows in the claims report');

    // Every claim and quote of the seeds is listed once, and the counts per kind match the sidecars.
    const stored = fs
      .readdirSync(wb.workspace)
      .filter((f) => f.endsWith('.annotations.yaml'))
      .flatMap((f) => /** @type {{ kind: string, text: string, speaker?: string, orphaned?: boolean }[]} */ (YAML.parse(fs.readFileSync(path.join(wb?.workspace ?? '', f), 'utf8')).annotations));
    const reported = stored.filter((a) => !a.orphaned && (a.kind === 'claim' || a.kind === 'quote'));
    assert.equal(await rows.count(), reported.length);
    const kindCounts = (await report.locator('.kinds li').allTextContents()).map(normalizeText);
    assert.deepEqual(kindCounts, [
      `Claim${stored.filter((a) => a.kind === 'claim').length}`,
      `Quote${stored.filter((a) => a.kind === 'quote').length}`,
      `Speculation${stored.filter((a) => a.kind === 'speculation').length}`,
      `Advertisement${stored.filter((a) => a.kind === 'advertisement').length}`,
    ]);
    assert.equal(await report.locator('tr.document-row').count(), 5);

    // Typing in the search box keeps only the matching rows (speaker, text or document).
    await report.locator('input.search').fill('grushko');
    const visible = report.locator('li.row:visible');
    const expected = reported.filter((a) => `${a.speaker ?? ''}\n${a.text}`.toLowerCase().includes('grushko')).length;
    assert.ok(expected > 0, 'the seeds have claims or quotes by Grushko');
    await waitUntil(async () => (await visible.count()) === expected, 10_000, `${expected} rows for "grushko"`);
    const headings = (await report.locator('section.speaker:visible h3').allTextContents()).map(normalizeText);
    assert.ok(headings.some((h) => /^Aleksandr Grushko \(\d+\)$/.test(h)), `headings: ${headings.join(', ')}`);
    await wb.screenshot('claims-report-workbench.png');

    // Clicking a row opens its document with the span selected.
    const first = visible.first();
    const where = normalizeText((await first.locator('.where').textContent()) ?? '');
    const text = normalizeText((await first.locator('.text').textContent()) ?? '');
    const [document, line] = where.split(':');
    await first.locator('button').click();
    await page.locator(`.tabs-container .tab.active[aria-label*="${document}"]`).waitFor({ state: 'visible', timeout: 15_000 });
    const status = page.locator('#status\\.editor\\.selection');
    const original = reported.find((a) => normalizeText(a.text) === text);
    assert.ok(original, `the clicked row "${text}" is a stored annotation`);
    await waitUntil(async () => ((await status.textContent()) ?? '').includes(`(${original.text.length} selected)`), 10_000, 'the span to be selected');
    assert.match((await status.textContent()) ?? '', new RegExp(`Ln ${line},`));
  });
});
