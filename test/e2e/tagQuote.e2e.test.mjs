// @ts-check
/* global describe, it -- mocha globals */
// User story: select a passage, run "Annotate: Tag Selection as Quote" from the palette; the
// passage is decorated in the editor and the annotation is stored in the YAML sidecar.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, normalizeText, waitUntil, workbenchForSuite } from './workbench.mjs';

const FILE = '000_acd874037fc5962e.txt';
const QUOTE = 'Dialogue [on the AMD issue] is not going as fast as many had hoped after the Lisbon summit,';
const COMMAND = 'Annotate: Tag Selection as Quote';

/**
 * Runs in the page. Decorations from createTextEditorDecorationType get generated classes
 * "ced-<n>-TextEditorDecorationType<k>-<i>":
 *  - background/border/outline: divs in `.view-overlays` (no text; positioned over the line);
 *  - color/fontWeight/textDecoration...: spans in `.view-lines`, whose text is the decorated text.
 * Given the quote's on-screen rectangle (Workbench.textRect), it collects the decoration
 * elements that cover it:
 *  - text spans whose concatenated, whitespace-normalised text (per decoration class) is the quote;
 *  - overlay divs on the same line that horizontally span the quote (±3 px);
 * and report each one's computed style, so the test can require a visible (non-transparent) style.
 * @param {{ quote: string, quoteRect: { left: number, right: number, top: number, bottom: number } | undefined }} args
 */
function inspectDecorations({ quote, quoteRect }) {
  /* global document, getComputedStyle -- runs in the browser page */
  const norm = (/** @type {string} */ s) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
  const editor = document.querySelector('.editor-group-container.active .monaco-editor');
  if (!editor) return { error: 'no active editor' };
  if (!quoteRect) return { error: 'quote text not rendered in the editor' };

  const transparent = (/** @type {string} */ c) => !c || c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
  const describe = (/** @type {Element} */ el) => {
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const visible =
      !transparent(cs.backgroundColor) ||
      (cs.borderStyle !== 'none' && parseFloat(cs.borderWidth) > 0 && !transparent(cs.borderColor)) ||
      (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) ||
      cs.textDecorationLine !== 'none' ||
      Number(cs.fontWeight) >= 600 ||
      cs.fontStyle === 'italic';
    return {
      className: String(el.className),
      text: norm(el.textContent ?? ''),
      rect: { left: r.left, right: r.right, top: r.top, bottom: r.bottom },
      style: {
        backgroundColor: cs.backgroundColor,
        color: cs.color,
        border: `${cs.borderStyle} ${cs.borderWidth} ${cs.borderColor}`,
        fontWeight: cs.fontWeight,
        textDecorationLine: cs.textDecorationLine,
      },
      visible,
    };
  };

  // 2. Text spans, grouped by decoration class.
  /** @type {Map<string, Element[]>} */
  const groups = new Map();
  for (const span of editor.querySelectorAll('.view-lines span[class*="ced-"]')) {
    const cls = [...span.classList].find((c) => c.startsWith('ced-'));
    if (!cls) continue;
    groups.set(cls, [...(groups.get(cls) ?? []), span]);
  }
  const spans = [];
  for (const [cls, els] of groups) {
    const text = norm(els.map((e) => e.textContent ?? '').join(''));
    if (text === norm(quote)) spans.push({ decorationClass: cls, parts: els.map(describe) });
  }

  // 3. Overlay divs on the quote's line that cover its horizontal extent.
  const q = quoteRect;
  const overlays = [...editor.querySelectorAll('.view-overlays div[class*="ced-"]')]
    .map(describe)
    .filter((o) => o.rect.top < q.bottom && o.rect.bottom > q.top && o.rect.left <= q.left + 3 && o.rect.right >= q.right - 3);

  return {
    quoteRect: { left: q.left, right: q.right, top: q.top, bottom: q.bottom },
    spans,
    overlays,
    allDecorationElements: editor.querySelectorAll('[class*="ced-"]').length,
  };
}

describe('Tag Selection as Quote', function () {
  /** @type {import('./workbench.mjs').Workbench} */
  let wb;

  // seeds/ ships this quote already tagged: start from the bare documents.
  // Opening the document activates the extension (the workspace has no sidecars).
  workbenchForSuite('tag-quote', { sidecars: false }, async (opened) => {
    wb = opened;
    await wb.openFile(FILE);
  });

  it('decorates the selected quote and writes it to the YAML sidecar', async () => {
    const sidecar = path.join(wb.workspace, `${FILE}.annotations.yaml`);
    assert.equal(fs.existsSync(sidecar), false, 'the fresh workspace must start without a sidecar');

    await wb.selectText(QUOTE);
    await wb.runCommand(COMMAND);

    // Wait for the command's effect before sending any more keys (the palette closes before the
    // command reaches the extension host; an early cursor move would change the selection).
    const decorated = () => wb.page.locator('.editor-group-container.active .monaco-editor [class*="ced-"]').count();
    await waitUntil(async () => (await decorated()) > 0, 15_000, 'a decoration to appear');
    await waitUntil(() => fs.existsSync(sidecar), 15_000, `the sidecar ${path.basename(sidecar)}`);

    // Move the cursor so the selection highlight does not hide the decoration, then look.
    await wb.moveCursorAway();
    await wb.clearNotifications();
    const dom = await wb.page.evaluate(inspectDecorations, { quote: QUOTE, quoteRect: await wb.textRect(QUOTE) });
    fs.writeFileSync(path.join(ARTIFACTS, 'tag-quote-dom.json'), JSON.stringify(dom, null, 2));
    await wb.screenshot('tag-quote-editor.png', 'editor');
    await wb.screenshot('tag-quote-workbench.png');

    // (a) a decoration is rendered over the quote, with a visible style.
    assert.ok(!('error' in dom), `DOM inspection failed: ${JSON.stringify(dom)}`);
    const visibleSpan = dom.spans.some((s) => s.parts.some((p) => p.visible));
    const visibleOverlay = dom.overlays.some((o) => o.visible);
    assert.ok(
      visibleSpan || visibleOverlay,
      `no visible decoration over the quote; found: ${JSON.stringify({ spans: dom.spans, overlays: dom.overlays, total: dom.allDecorationElements }, null, 2)}`,
    );

    // (b) the sidecar on disk holds the quote.
    await waitUntil(() => /kind:\s*quote/.test(fs.readFileSync(sidecar, 'utf8')), 10_000, 'kind: quote in the sidecar');
    const yaml = fs.readFileSync(sidecar, 'utf8');
    assert.match(yaml, /kind:\s*quote\b/);
    assert.ok(normalizeText(yaml).includes(QUOTE) || yaml.includes(QUOTE), `sidecar does not contain the quote text:\n${yaml}`);
  });
});
