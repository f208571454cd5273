// @ts-check
/* global before, after, afterEach -- mocha globals, for workbenchForSuite */
// A small page object for the VS Code workbench served by code-server, used by the e2e suite.
// It acts only as a user would: keyboard shortcuts, Quick Open, the command palette by title.
// After every action it waits for a visible effect rather than sleeping, and it asserts on the
// rendered DOM (selectors verified against VS Code 1.100).

import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {
  REPO_ROOT,
  createRunDir,
  startCodeServer,
  launchBrowser,
  workbenchUrl,
  formatConsoleMessage,
  descendants,
} from '../host/codeServer.mjs';

export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'e2e');
export const SEEDS = path.join(REPO_ROOT, 'seeds');

/** Editor settings that make the DOM predictable for assertions. */
const E2E_SETTINGS = {
  // Rendered whitespace (dots) inside a selection would change the text of the spans.
  'editor.renderWhitespace': 'none',
  'editor.wordWrap': 'off',
  'editor.occurrencesHighlight': 'off',
  'editor.selectionHighlight': false,
  'workbench.editor.enablePreview': false,
  'notifications.doNotDisturbMode': false,
};

/** Editor DOM renders spaces as U+00A0; compare text after normalising whitespace. */
export function normalizeText(/** @type {string} */ s) {
  return s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

/** @param {string} s */
const slug = (s) => s.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'run';

/** @param {() => Promise<boolean> | boolean} predicate @param {number} timeoutMs @param {string} what */
export async function waitUntil(predicate, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** pids of code-server process groups still running, for emergency cleanup on Ctrl-C. */
const liveServers = new Set();

/**
 * Synchronous last-resort cleanup for SIGINT/SIGTERM (see setup.mjs): mocha exits without
 * running after() hooks, which would orphan code-server's process tree.
 */
export function killAllSync() {
  for (const pid of liveServers) {
    for (const p of [pid, ...descendants(pid)]) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  liveServers.clear();
}

/**
 * Runs in the page: the on-screen rectangle of `text` in the active editor (first occurrence,
 * within one rendered line), or undefined when it is not rendered.
 * @param {string} text
 */
function textRectInPage(text) {
  /* global document, NodeFilter -- runs in the browser page */
  const editor = document.querySelector('.editor-group-container.active .monaco-editor');
  for (const line of editor?.querySelectorAll('.view-lines .view-line') ?? []) {
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    /** @type {{node: Text, start: number}[]} */
    const nodes = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: /** @type {Text} */ (n), start: all.length });
      all += (n.textContent ?? '').replace(/\u00a0/g, ' ');
    }
    const at = all.indexOf(text);
    if (at < 0) continue;
    const locate = (/** @type {number} */ offset) => {
      const hit = [...nodes].reverse().find((x) => x.start <= offset) ?? nodes[0];
      return { node: hit.node, offset: offset - hit.start };
    };
    const range = document.createRange();
    const a = locate(at);
    const b = locate(at + text.length);
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    const r = range.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  }
  return undefined;
}

/** @typedef {{ seeds?: string, sidecars?: boolean, settings?: Record<string, unknown> }} WorkbenchOptions */

/**
 * The lifecycle every e2e suite shares, called inside its `describe`: open a workbench before the
 * tests, capture the window of each failed test, stop the workbench after the suite. `ready`
 * receives the open workbench, to keep it and to take the suite's first steps.
 * @param {string} name @param {WorkbenchOptions} options @param {(wb: Workbench) => void | Promise<void>} ready
 */
export function workbenchForSuite(name, options, ready) {
  /** @type {Workbench | undefined} */
  let wb;
  before(async () => {
    wb = await Workbench.open(name, options);
    await ready(wb);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await wb.captureFailure(this.currentTest.fullTitle());
  });
  after(async () => {
    await wb?.stop();
  });
}

export class Workbench {
  /** @type {import('playwright-core').Page} */ page;
  /** Absolute path of the throw-away copy of seeds/ opened as the workspace. */
  /** @type {string} */ workspace;
  /** Every workbench console line, formatted. */
  /** @type {string[]} */ console = [];
  /** @type {string} */ name;

  /** @type {Array<() => Promise<void>>} */ #cleanups = [];
  /** @type {Promise<void>} */ #consoleChain = Promise.resolve();

  /** @param {string} name used for artifact file names */
  constructor(name) {
    this.name = slug(name);
    this.page = /** @type {any} */ (undefined);
    this.workspace = '';
  }

  /**
   * Starts code-server on a fresh copy of seeds/ with this repository loaded as a development
   * extension (payload URL, no tests path), opens the workbench and waits until it is usable.
   * `sidecars: false` leaves out the shipped `*.annotations.yaml`, for tests that tag from scratch.
   * @param {string} name
   * @param {WorkbenchOptions} [opts]
   */
  static async open(name, opts = {}) {
    const wb = new Workbench(name);
    try {
      await wb.#start(opts);
    } catch (err) {
      await wb.captureFailure('open').catch(() => {});
      await wb.stop();
      throw err;
    }
    return wb;
  }

  /** @param {WorkbenchOptions} opts */
  async #start(opts) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const runDir = createRunDir('sa-e2e-');
    this.#cleanups.push(async () => {
      if (process.env.SOURCE_ANNOTATOR_TEST_KEEP === '1') process.stderr.write(`[e2e] kept ${runDir.root}\n`);
      else runDir.remove();
    });
    this.workspace = path.join(runDir.root, 'seeds');
    const withSidecars = opts.sidecars ?? true;
    fs.cpSync(opts.seeds ?? SEEDS, this.workspace, { recursive: true, filter: (src) => withSidecars || !src.endsWith('.annotations.yaml') });

    const server = await startCodeServer({
      runDir,
      settings: { ...E2E_SETTINGS, ...opts.settings },
      env: { SOURCE_ANNOTATOR_TEST_WORKSPACE: this.workspace },
      logFile: path.join(ARTIFACTS, `${this.name}-code-server.log`),
    });
    liveServers.add(server.pid);
    this.#cleanups.push(async () => {
      await server.stop();
      liveServers.delete(server.pid);
    });

    const browser = await launchBrowser({ runDir });
    this.#cleanups.push(() => browser.close());
    this.page = browser.page;
    this.page.setDefaultTimeout(30_000);
    this.page.on('console', (msg) => {
      this.#consoleChain = this.#consoleChain.then(async () => {
        this.console.push(`[${msg.type()}] ${await formatConsoleMessage(msg)}`);
      });
    });
    this.page.on('pageerror', (err) => this.console.push(`[pageerror] ${err.stack ?? err}`));

    const url = workbenchUrl({
      origin: server.origin,
      authority: server.authority,
      folder: this.workspace,
      extensionDevelopmentPaths: [REPO_ROOT],
    });
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await this.waitReady();
  }

  /**
   * Ready = workbench parts rendered, the explorer lists the workspace, and the window is an
   * Extension Development Host (so our extension is known to the workbench).
   */
  async waitReady(timeoutMs = 90_000) {
    const page = this.page;
    const opts = { state: /** @type {const} */ ('visible'), timeout: timeoutMs };
    await page.waitForSelector('.monaco-workbench .part.activitybar', opts);
    await page.waitForSelector('.monaco-workbench .part.statusbar', opts);
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', opts);
    await waitUntil(async () => (await page.title()).includes('Extension Development Host'), timeoutMs, 'the Extension Development Host title');
  }

  /** Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor tab. */
  async openFile(/** @type {string} */ fileName) {
    const page = this.page;
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await page.keyboard.insertText(fileName);
    const first = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first();
    await waitUntil(async () => ((await first.getAttribute('aria-label').catch(() => null)) ?? '').includes(fileName), 15_000, `Quick Open to list ${fileName}`);
    await page.keyboard.press('Enter');
    await page.locator(`.tabs-container .tab.active[aria-label*="${fileName}"]`).waitFor({ state: 'visible' });
    await this.editor().locator('.view-lines .view-line').first().waitFor({ state: 'visible' });
  }

  /** The active editor's root element. */
  editor() {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /**
   * Selects the first occurrence of `text` in the active editor the way a user would: click into
   * the editor, go to the top, Ctrl+F, type, Enter, Escape (the match stays selected). Verified
   * through the status bar ("(N selected)").
   */
  async selectText(/** @type {string} */ text) {
    const page = this.page;
    await this.editor().locator('.view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+F');
    const find = this.editor().locator('.find-widget.visible');
    await find.waitFor({ state: 'visible' });
    // Ctrl+F focuses the find input with its content selected: inserting replaces it.
    await page.keyboard.insertText(text);
    await waitUntil(async () => /\b1 of \d+|\b\d+ of \d+/.test((await find.locator('.matchesCount').textContent()) ?? ''), 10_000, `a match for "${text}"`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await find.waitFor({ state: 'hidden' });
    const status = page.locator('#status\\.editor\\.selection');
    await waitUntil(async () => ((await status.textContent()) ?? '').includes(`(${text.length} selected)`), 10_000, `the status bar to report ${text.length} selected characters`);
    const selected = await page.locator('.monaco-editor .view-overlays .selected-text').count();
    if (selected === 0) throw new Error('selection is not rendered');
  }

  /**
   * The on-screen rectangle of the first occurrence of `text` in the active editor (within one
   * rendered line), or undefined when it is not rendered.
   * @param {string} text
   */
  textRect(text) {
    return this.page.evaluate(textRectInPage, text);
  }

  /** Moves the cursor one line down, so the selection highlight no longer covers decorations. */
  async moveCursorAway() {
    await this.page.keyboard.press('ArrowDown');
    await waitUntil(async () => (await this.page.locator('.monaco-editor .view-overlays .selected-text').count()) === 0, 5_000, 'the selection to collapse');
  }

  /**
   * Runs a command from the palette (F1) by its full title ("Category: Title"). Checks that the
   * first row is exactly that command before pressing Enter, so a missing command fails clearly
   * instead of running whatever fuzzy match comes first.
   * Callers must wait for an observable effect afterwards: the palette closes before the command
   * reaches the extension host, and further keys could overtake it.
   */
  async runCommand(/** @type {string} */ title, timeoutMs = 15_000) {
    const page = this.page;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await page.keyboard.insertText(title);
    const first = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first();
    /** @returns {Promise<string>} */
    const firstLabel = async () => (await first.getAttribute('aria-label', { timeout: 500 }).catch(() => null)) ?? '';
    const matches = async () => {
      const label = await firstLabel();
      // Exactly this command: its row reads "Title" or "Title, keybinding", never a longer title.
      return label === title || label.startsWith(`${title},`);
    };
    try {
      await waitUntil(matches, timeoutMs, `the palette to offer "${title}"`);
    } catch {
      const label = await firstLabel();
      await page.keyboard.press('Escape');
      throw new Error(`command "${title}" is not in the command palette (first row: ${label ? `"${label}"` : 'none'})`);
    }
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
  }

  /** Dismisses notification toasts (they can cover the editor in screenshots). */
  async clearNotifications() {
    const toasts = this.page.locator('.notifications-toasts .notification-toast');
    if ((await toasts.count()) === 0) return;
    await this.runCommand('Notifications: Clear All Notifications');
    await waitUntil(async () => (await toasts.count()) === 0, 5_000, 'notifications to clear');
  }

  /**
   * Saves a screenshot into test-artifacts/e2e/. `target`: 'page' (full workbench) or 'editor'.
   * @param {string} fileName
   * @param {'page' | 'editor'} [target]
   */
  async screenshot(fileName, target = 'page') {
    const file = path.join(ARTIFACTS, fileName);
    if (target === 'editor') await this.editor().screenshot({ path: file });
    else await this.page.screenshot({ path: file });
    return file;
  }

  /** Screenshot + DOM + console of the current state, for a failed test. */
  async captureFailure(/** @type {string} */ testTitle) {
    const base = `${this.name}-FAILED-${slug(testTitle)}`;
    if (this.page) {
      await this.page.screenshot({ path: path.join(ARTIFACTS, `${base}.png`), timeout: 10_000 }).catch(() => {});
      const html = await this.page.content().catch(() => '');
      if (html) fs.writeFileSync(path.join(ARTIFACTS, `${base}.html`), html);
    }
    await this.#consoleChain;
    process.stderr.write(`\n[e2e] ${testTitle} failed; artifacts: ${path.relative(process.cwd(), ARTIFACTS)}/${base}.*\n`);
    process.stderr.write(`[e2e] last workbench console lines:\n${this.console.slice(-40).map((l) => `  ${l}`).join('\n')}\n`);
  }

  /** Stops the browser and the whole code-server process tree; writes the console log. */
  async stop() {
    await this.#consoleChain.catch(() => {});
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, `${this.name}-console.log`), this.console.join('\n') + '\n');
    while (this.#cleanups.length) {
      const fn = /** @type {() => Promise<void>} */ (this.#cleanups.pop());
      await fn().catch((e) => process.stderr.write(`[e2e] cleanup: ${e}\n`));
    }
  }
}
