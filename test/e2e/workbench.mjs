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

export { REPO_ROOT };
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

/** @typedef {{ seeds?: string, sidecars?: boolean, settings?: Record<string, unknown>, files?: Record<string, string>, prepare?: (workspace: string) => void, extensions?: string[] }} WorkbenchOptions */

/**
 * The lifecycle every e2e suite shares, called inside its `describe`: open a workbench (which
 * waits until the extension's contributions are registered), let `ready` keep it and take the
 * suite's first steps, then wait until the extension is active, before the first test; capture the
 * window of each failed test; stop the workbench after the suite. In a workspace without sidecars
 * nothing activates the extension until a document is opened, so such suites open one in `ready`.
 * @param {string} name @param {WorkbenchOptions} options @param {(wb: Workbench) => void | Promise<void>} ready
 */
export function workbenchForSuite(name, options, ready) {
  /** @type {Workbench | undefined} */
  let wb;
  before(async () => {
    wb = await Workbench.open(name, options);
    await ready(wb);
    await wb.waitForActivation();
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

  /** File the extension writes once activated (SOURCE_ANNOTATOR_ACTIVATION_MARKER). */
  /** @type {string} */ #activationMarker = '';
  /** When open() started, for the readiness timings printed on stderr. */
  /** @type {number} */ #openedAt = Date.now();
  /** code-server's log folder (extension host, remote agent), copied next to a failure's capture. */
  /** @type {string} */ #serverLogs = '';
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
   * `sidecars: false` leaves out the shipped `*.annotations.yaml`, for tests that tag from scratch;
   * `files` adds files (workspace-relative path → text) before the workbench starts.
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
    this.#serverLogs = path.join(runDir.userData, 'logs');
    this.#cleanups.push(async () => {
      if (process.env.SOURCE_ANNOTATOR_TEST_KEEP === '1') process.stderr.write(`[e2e] kept ${runDir.root}\n`);
      else runDir.remove();
    });
    this.workspace = path.join(runDir.root, 'seeds');
    this.#activationMarker = path.join(runDir.root, 'activated.json');
    const withSidecars = opts.sidecars ?? true;
    fs.cpSync(opts.seeds ?? SEEDS, this.workspace, { recursive: true, filter: (src) => withSidecars || !src.endsWith('.annotations.yaml') });
    // Extra files of the suite (an annotation scheme, a sidecar), by workspace-relative path.
    for (const [relative, text] of Object.entries(opts.files ?? {})) {
      fs.mkdirSync(path.dirname(path.join(this.workspace, relative)), { recursive: true });
      fs.writeFileSync(path.join(this.workspace, relative), text);
    }
    // Anything else the suite needs in place before VS Code sees the folder (a git repository).
    opts.prepare?.(this.workspace);
    // `extensions`: extension folders installed beside the development one (code-server loads
    // one development path only), named publisher.name-version as an installed extension is.
    for (const dir of opts.extensions ?? []) {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      fs.cpSync(dir, path.join(runDir.extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`), { recursive: true });
    }

    const server = await startCodeServer({
      runDir,
      settings: { ...E2E_SETTINGS, ...opts.settings },
      env: { SOURCE_ANNOTATOR_TEST_WORKSPACE: this.workspace, SOURCE_ANNOTATOR_ACTIVATION_MARKER: this.#activationMarker },
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
    this.#timing('workbench ready');
    await this.waitForContributions();
    this.#timing('contributions registered');
  }

  /** Prints how long open() took to reach a readiness stage (information, never asserted). */
  #timing(/** @type {string} */ stage) {
    process.stderr.write(`      [e2e] ${this.name}: ${stage} after ${((Date.now() - this.#openedAt) / 1000).toFixed(1)} s\n`);
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

  /**
   * Waits until the workbench has registered the extension's contributions: its view container
   * is in the activity bar and the command palette offers its commands. The workbench renders
   * before the extension host has scanned and reported the extensions (seconds later on a cold
   * or busy machine), and a palette opened before that lists none of our commands and never
   * refreshes while open, so a test must not start earlier.
   */
  async waitForContributions(timeoutMs = 90_000) {
    await this.page
      .locator('.part.activitybar a.action-label[aria-label^="Annotations"]')
      .first()
      .waitFor({ state: 'visible', timeout: timeoutMs });
    await this.waitForCommand('Annotate: Go to Annotation…', timeoutMs);
  }

  /**
   * Waits until the command palette offers the command `title` (its `when` clause holds), then
   * closes the palette. Observes the context keys that keybindings and palette entries depend on.
   */
  async waitForCommand(/** @type {string} */ title, timeoutMs = 30_000) {
    await this.#openPalette(title, timeoutMs);
    await this.page.keyboard.press('Escape');
    await this.page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'hidden' });
  }

  /**
   * Waits until the extension is active: its activate() has run and the workbench has received
   * the context keys it set (the extension writes the SOURCE_ANNOTATOR_ACTIVATION_MARKER file then,
   * see src/extension/activationMarker.ts). A workspace with sidecars activates it at start-up; one
   * without activates it when a document is opened. Before this, a keybinding whose `when` clause
   * needs the extension's context keys is dropped without a trace.
   */
  async waitForActivation(timeoutMs = 90_000) {
    const marker = this.#activationMarker;
    await waitUntil(
      () => fs.existsSync(marker),
      timeoutMs,
      'the extension to be activated (in a workspace without sidecars, open a document first)',
    );
    this.#timing('extension active');
  }

  /**
   * Opens the command palette and types `title` until its first row is exactly that command
   * (its row reads "Title" or "Title, keybinding", never a longer title). The palette computes its
   * list when it opens and does not follow commands or `when` clauses that change while it is open,
   * so when the command is missing it is closed and opened again until `timeoutMs`. Leaves the
   * palette open on the command; throws, with the palette closed, when it never appears.
   */
  async #openPalette(/** @type {string} */ title, timeoutMs = 15_000) {
    const page = this.page;
    const input = page.locator('.quick-input-widget .quick-input-box input');
    const first = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first();
    /** @returns {Promise<string>} */
    const firstLabel = async () => (await first.getAttribute('aria-label', { timeout: 500 }).catch(() => null)) ?? '';
    const deadline = Date.now() + timeoutMs;
    let label = '';
    for (;;) {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible' });
      await page.keyboard.insertText(title);
      // Filtering is synchronous once the text is in; give the list a moment to render.
      const attemptEnd = Math.min(deadline, Date.now() + 2_000);
      do {
        label = await firstLabel();
        if (label === title || label.startsWith(`${title},`)) return;
        await new Promise((r) => setTimeout(r, 100));
      } while (Date.now() < attemptEnd);
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden' });
      if (Date.now() >= deadline) {
        throw new Error(`command "${title}" is not in the command palette after ${timeoutMs} ms (first row: ${label ? `"${label}"` : 'none'})`);
      }
    }
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
    await this.#openPalette(title, timeoutMs);
    await this.page.keyboard.press('Enter');
    // The palette is gone when the quick input hides, or when a command's own picker has taken
    // the same widget over at once (its input no longer holds the palette's `>` text).
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await waitUntil(
      async () => !(await input.isVisible()) || !(await input.inputValue({ timeout: 500 }).catch(() => '')).startsWith('>'),
      30_000,
      `the Command Palette to close after ${title}`,
    );
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
    if (this.#serverLogs && fs.existsSync(this.#serverLogs)) {
      fs.cpSync(this.#serverLogs, path.join(ARTIFACTS, `${base}-server-logs`), { recursive: true });
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
