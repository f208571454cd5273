// @ts-check
/* global describe, it -- mocha globals */
// User story: a reviewer opens the annotated seeds, runs "Annotate: Go to Annotation…" from the
// palette, types a speaker's name to filter, picks a row, and lands on that span; the Outline
// lists the document's annotations and the status bar counts them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { normalizeText, waitUntil, workbenchForSuite } from './workbench.mjs';

const KIND_LABEL = { claim: 'Claim', quote: 'Quote', speculation: 'Speculation', advertisement: 'Advertisement' };

/** The shipped sidecar of a seed, parsed. @param {string} workspace @param {string} file */
function annotationsOf(workspace, file) {
  const sidecar = YAML.parse(fs.readFileSync(path.join(workspace, `${file}.annotations.yaml`), 'utf8'));
  return /** @type {{ kind: keyof typeof KIND_LABEL, text: string, speaker?: string, orphaned?: boolean }[]} */ (sidecar.annotations);
}

describe('Reviewing with Go to Annotation, the Outline and the status bar', function () {
  /** @type {import('./workbench.mjs').Workbench} */
  let wb;

  workbenchForSuite('reviewer', { settings: { 'editor.wordWrap': 'on' } }, (opened) => {
    wb = opened;
  });

  it('filters Go to Annotation by speaker and selects the picked span', async () => {
    const page = wb.page;
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible' });
    await page.keyboard.insertText('Annotate: Go to Annotation…');
    const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await waitUntil(async () => ((await rows.first().getAttribute('aria-label')) ?? '').startsWith('Annotate: Go to Annotation…'), 15_000, 'the command in the palette');
    await page.keyboard.press('Enter');
    await waitUntil(async () => ((await rows.first().getAttribute('aria-label')) ?? '').includes(' · '), 15_000, 'annotation rows');
    await page.keyboard.insertText('Lavrov');
    await waitUntil(async () => ((await rows.first().getAttribute('aria-label')) ?? '').includes('Lavrov'), 10_000, 'rows filtered to Lavrov');
    const count = await rows.count();
    for (let i = 0; i < count; i++) assert.match((await rows.nth(i).getAttribute('aria-label')) ?? '', /Lavrov/, 'every rendered row matches the filter');

    // The first row names its document and line ("Quote · 000_….txt:11").
    const label = normalizeText((await rows.first().getAttribute('aria-label')) ?? '');
    const where = /([\w.-]+\.txt):(\d+)/.exec(label);
    assert.ok(where, `row names a document and line: ${label}`);
    const [, file, line] = where;
    await wb.screenshot('reviewer-go-to-annotation.png');
    await page.keyboard.press('Enter');

    await page.locator(`.tabs-container .tab.active[aria-label*="${file}"]`).waitFor({ state: 'visible' });
    const status = page.locator('#status\\.editor\\.selection');
    await waitUntil(async () => /\(\d+ selected\)/.test((await status.textContent()) ?? ''), 10_000, 'a selection');
    const statusText = (await status.textContent()) ?? '';
    assert.match(statusText, new RegExp(`Ln ${line},`), `the selection is on line ${line}: ${statusText}`);
    const selected = Number(/\((\d+) selected\)/.exec(statusText)?.[1]);
    // The filter matched the speaker or the text; the selection is one of those spans.
    const lengths = annotationsOf(wb.workspace, file)
      .filter((a) => `${a.speaker ?? ''} ${a.text}`.includes('Lavrov'))
      .map((a) => a.text.length);
    assert.ok(lengths.includes(selected), `the selection (${selected} characters) is one of the spans matching Lavrov in ${file} (${lengths.join(', ')})`);
  });

  it('lists the annotations in the Outline and counts them in the status bar', async () => {
    const page = wb.page;
    const file = /** @type {string} */ (await page.locator('.tabs-container .tab.active').getAttribute('aria-label'))?.split(',')[0].trim();
    const annotations = annotationsOf(wb.workspace, file).filter((a) => !a.orphaned);

    const header = page.locator('.part.sidebar .pane-header[aria-label^="Outline"]');
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const outlineRows = page.locator('.part.sidebar .pane:has(.pane-header[aria-label^="Outline"]) .monaco-list-row .label-name');
    await waitUntil(async () => (await outlineRows.count()) > 0, 15_000, 'Outline rows');
    const names = (await outlineRows.allTextContents()).map(normalizeText);
    const kinds = new Set(names.map((n) => /^(Claim|Quote|Speculation|Advertisement)\b/.exec(n)?.[1]).filter(Boolean));
    const expectedKinds = new Set(annotations.map((a) => KIND_LABEL[a.kind]));
    assert.ok(names.some((n) => /^Quote \(Sergey Lavrov\): /.test(n)), `a quote by Sergey Lavrov in the Outline: ${names.join(' | ')}`);
    for (const name of names) assert.match(name, /^(Claim|Quote|Speculation|Advertisement)( \(.+\))?: /, 'rows are named by kind, speaker and excerpt');
    assert.ok([...kinds].every((k) => expectedKinds.has(k)), 'only kinds present in the sidecar');

    const counts = page.locator('.part.statusbar [aria-label*="Claim,"]').first();
    await counts.waitFor({ state: 'visible', timeout: 10_000 });
    const aria = (await counts.getAttribute('aria-label')) ?? '';
    for (const [kind, label] of Object.entries(KIND_LABEL)) {
      const expected = annotations.filter((a) => a.kind === kind).length;
      assert.match(aria, new RegExp(`\\b${expected} ${label}\\b`), `status bar counts ${expected} ${label}: ${aria}`);
    }
    await wb.screenshot('reviewer-outline-status.png');
  });
});
