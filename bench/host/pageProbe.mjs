// @ts-check
/* global window, document, performance, MutationObserver -- these functions run in the workbench page */
// Timers the host benchmark installs in the workbench page (through page.evaluate): they note,
// on the page's own clock, when a key went down and when the DOM first showed its effect, so the
// figures hold no round trip to the driving process.

// Each function is serialised into the page on its own, so each finds the shared state itself.

export const pageProbe = {
  /** From the next Enter: when the active editor first shows `firstLine`, and its first `ced-` decoration. @param {string} firstLine */
  armOpen(firstLine) {
    const p = /** @type {any} */ (window).__saBench ??= {};
    p.open = { enter: undefined, text: undefined, decoration: undefined };
    p.observer?.disconnect();
    window.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && p.open.enter === undefined) p.open.enter = performance.now();
    }, { capture: true });
    const check = () => {
      if (p.open.enter === undefined) return;
      const editor = document.querySelector('.editor-group-container.active .monaco-editor');
      if (!editor) return;
      const now = performance.now() - p.open.enter;
      if (p.open.text === undefined && (editor.querySelector('.view-lines')?.textContent ?? '').replace(/\u00a0/g, ' ').includes(firstLine)) p.open.text = now;
      if (p.open.text !== undefined && p.open.decoration === undefined && editor.querySelector('[class*="ced-"]')) p.open.decoration = now;
      if (p.open.decoration !== undefined) p.observer.disconnect();
    };
    p.observer = new MutationObserver(check);
    p.observer.observe(document.querySelector('.part.editor') ?? document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  },
  openResult() {
    const { text, decoration } = /** @type {any} */ (window).__saBench?.open ?? {};
    return { text, decoration };
  },
  /** Each key down in the active editor, then the first change of its rendered lines after it. */
  armEcho() {
    const p = /** @type {any} */ (window).__saBench ??= {};
    p.echoes = [];
    p.keyAt = undefined;
    p.echoObserver?.disconnect();
    window.addEventListener('keydown', () => {
      p.keyAt = performance.now();
    }, { capture: true });
    const lines = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
    p.echoObserver = new MutationObserver(() => {
      if (p.keyAt === undefined) return;
      p.echoes.push(performance.now() - p.keyAt);
      p.keyAt = undefined;
    });
    if (lines) p.echoObserver.observe(lines, { subtree: true, childList: true, characterData: true });
  },
  echoes() {
    return /** @type {number[]} */ (/** @type {any} */ (window).__saBench?.echoes ?? []);
  },
  /** From the next click: the first row of the view `pane` (Claims by Speaker), then (after the next click) the first claim row. @param {string} pane */
  armClaims(pane) {
    const p = /** @type {any} */ (window).__saBench ??= {};
    p.claims = { click: undefined, speaker: undefined, expand: undefined, claim: undefined };
    // Armed again for another view: one listener (it reads the current p.claims), one observer.
    if (!p.claimsListening) {
      p.claimsListening = true;
      window.addEventListener('mousedown', () => {
        const c = p.claims;
        if (c.click === undefined) c.click = performance.now();
        else if (c.expand === undefined && c.speaker !== undefined) c.expand = performance.now() - c.click;
      }, { capture: true });
    }
    p.claimsObserver?.disconnect();
    const check = () => {
      const c = p.claims;
      if (c.click === undefined) return;
      const shown = [...document.querySelectorAll('.part.sidebar .pane')].find((el) => el.querySelector(`.pane-header[aria-label^="${pane}"]`));
      const rows = shown ? [...shown.querySelectorAll('.monaco-list-row')] : [];
      const now = performance.now() - c.click;
      if (c.speaker === undefined && rows.length > 0) c.speaker = now;
      if (c.expand !== undefined && c.claim === undefined && rows.some((r) => /\.txt:\d+$/.test((r.querySelector('.label-description')?.textContent ?? '').trim()))) c.claim = now;
    };
    p.claimsObserver = new MutationObserver(check);
    p.claimsObserver.observe(document.querySelector('.part.sidebar') ?? document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  },
  claimsResult() {
    const { speaker, expand, claim } = /** @type {any} */ (window).__saBench?.claims ?? {};
    return { speaker, expand, claim };
  },
};
