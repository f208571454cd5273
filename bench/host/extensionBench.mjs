// @ts-check
// The extension's rows of issue 15, measured in the real VS Code 1.100 (code-server driven by
// Chromium, the e2e harness): activation as "Developer: Show Running Extensions" reports it, open
// → first decoration of a 1 MB document with 10,000 annotations, the extension's share of a
// keystroke, Ctrl+S → sidecar on disk, Claims by Speaker first rows on 200 documents × 50
// annotations, and the extension host's memory with the large document open. Each row is printed
// beside its floor or reference, in the table format of bench/run.ts. One run; nothing asserted.
//
//   node bench/host/extensionBench.mjs      (npm run bench runs it after the core suites)
//   BENCH_HOST_ROWS=document node bench/host/extensionBench.mjs   (only the large document's rows;
//   `claims` only the claims panel's; both by default)
// Needs `npm run build` (and compiles the tests' out/ itself when missing).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Workbench, waitUntil } from '../../test/e2e/workbench.mjs';
import { LARGE_DOCUMENT, LARGE_FIRST_LINE, writeClaimsWorkspace, writeLargeDocument } from '../../test/host/largeWorkspace.mjs';
import { pageProbe } from './pageProbe.mjs';
import { ProcessSampler } from './processSampler.mjs';

const KEYS = 100;
const PLAIN_DOCUMENT = 'plain.txt';

/** @typedef {{ suite: string, name: string, value: number, unit: 'ms' | 'MB', floor?: string }} Row */
/** @type {Row[]} */
const rows = [];
/** @param {string} name @param {number} value @param {'ms' | 'MB'} [unit] @param {string} [floor] */
const record = (name, value, unit = 'ms', floor) => rows.push({ suite: 'host', name, value, unit, floor });

const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Activation time of Source Annotator in "Developer: Show Running Extensions" (code loading plus
 * the synchronous activate() call, what VS Code flags above 50 ms).
 * @param {Workbench} wb
 */
async function runningExtensionsActivation(wb) {
  await wb.runCommand('Developer: Show Running Extensions');
  // The list names development extensions by their id.
  const row = wb.page.locator('.part.editor .monaco-list-row').filter({ has: wb.page.locator('.name', { hasText: /^(Source Annotator|source-annotator\.source-annotator)$/ }) }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  const text = (await row.locator('.activation-time').textContent()) ?? '';
  await wb.page.keyboard.press('Control+W');
  const ms = /([\d.]+)\s*ms/.exec(text);
  if (!ms) throw new Error(`no activation time in "${text}"`);
  return Number(ms[1]);
}

/**
 * Opens `file` through Quick Open; the probe in the page times, from the Enter key, the first
 * frame showing `firstLine` and the first extension decoration in the editor.
 * @param {Workbench} wb @param {string} file @param {string} firstLine
 */
async function openTimed(wb, file, firstLine) {
  const page = wb.page;
  await page.evaluate(pageProbe.armOpen, firstLine);
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible' });
  await page.keyboard.insertText(file);
  const first = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first();
  await waitUntil(async () => ((await first.getAttribute('aria-label').catch(() => null)) ?? '').startsWith(file), 15_000, `Quick Open to list ${file}`);
  await page.keyboard.press('Enter');
  await waitUntil(async () => (await page.evaluate(pageProbe.openResult)).text !== undefined, 60_000, `${file} shown`);
  return page;
}

/**
 * Types KEYS characters at the start of the active editor's second line, one at a time; returns
 * the median echo (key down → the line's text changed in the DOM) and the extension host's CPU
 * time per key, over the typing and one second after it (debounced work included).
 * @param {Workbench} wb @param {ProcessSampler} host
 */
async function typeTimed(wb, host) {
  const page = wb.page;
  await wb.editor().locator('.view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.evaluate(pageProbe.armEcho);
  const cpu0 = host.cpuMs();
  for (let i = 0; i < KEYS; i++) await page.keyboard.type('x', { delay: 0 }).then(() => new Promise((r) => setTimeout(r, 40)));
  await new Promise((r) => setTimeout(r, 1000));
  const cpu = host.cpuMs() - cpu0;
  const echoes = await page.evaluate(pageProbe.echoes);
  return { echo: median(echoes), cpuPerKey: cpu / KEYS, typed: KEYS };
}

/**
 * Ctrl+S in the active editor (`file`, `typed` characters longer than on disk): ms from the key to
 * the document on disk whole (its new size), and to the sidecar's replacement (a new mtime).
 * @param {Workbench} wb @param {string} file @param {number} typed @param {string} [sidecar]
 */
async function saveTimed(wb, file, typed, sidecar) {
  const documentFile = path.join(wb.workspace, file);
  const sidecarFile = sidecar && path.join(wb.workspace, sidecar);
  const size = fs.statSync(documentFile).size + typed;
  const sidecarBefore = sidecarFile && fs.statSync(sidecarFile).mtimeMs;
  // Whatever the keystrokes left the extension host to do is done.
  await new Promise((r) => setTimeout(r, 2000));
  const t0 = performance.now();
  await wb.page.keyboard.press('Control+S');
  /** @type {{ document?: number, sidecar?: number }} */
  const at = {};
  while (performance.now() - t0 < 30_000 && (at.document === undefined || (sidecarFile && at.sidecar === undefined))) {
    if (at.document === undefined && fs.statSync(documentFile).size === size) at.document = performance.now() - t0;
    if (sidecarFile && at.sidecar === undefined && fs.statSync(sidecarFile).mtimeMs !== sidecarBefore) at.sidecar = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 2));
  }
  return { document: at.document ?? NaN, sidecar: at.sidecar ?? NaN };
}

/**
 * The reference for the first decoration: an extension (installed beside ours) that does nothing but draw one
 * range on the plain document's first line as soon as an editor shows it. What it measures is how
 * soon any extension can draw: VS Code hands the document and its editor to the extension host
 * some time after the workbench shows the text.
 * @param {string} root
 */
function writeFloorExtension(root) {
  const dir = path.join(root, 'decoration-floor');
  fs.mkdirSync(dir, { recursive: true });
  const manifest = { name: 'decoration-floor', publisher: 'bench', version: '0.0.1', engines: { vscode: '^1.100.0' }, main: './extension.js', activationEvents: ['*'] };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  fs.writeFileSync(
    path.join(dir, 'extension.js'),
    `const vscode = require('vscode');
exports.activate = (context) => {
  const type = vscode.window.createTextEditorDecorationType({ backgroundColor: 'rgba(128, 128, 255, 0.3)' });
  const draw = (editors) => { for (const e of editors) if (e.document.uri.path.endsWith('/${PLAIN_DOCUMENT}')) e.setDecorations(type, [new vscode.Range(0, 0, 0, 7)]); };
  draw(vscode.window.visibleTextEditors);
  context.subscriptions.push(type, vscode.window.onDidChangeVisibleTextEditors(draw));
};
`,
  );
  return dir;
}

/**
 * The reference for Claims by Speaker's first rows: an extension (active from the start) with a
 * view container of its own whose one view has its row at once. Clicking its icon shows what
 * the workbench alone takes to open a side bar view and draw a row.
 * @param {string} root
 */
function writeTreeFloorExtension(root) {
  const dir = path.join(root, 'tree-floor');
  fs.mkdirSync(dir, { recursive: true });
  const manifest = {
    name: 'tree-floor',
    publisher: 'bench',
    version: '0.0.1',
    engines: { vscode: '^1.100.0' },
    main: './extension.js',
    activationEvents: ['*'],
    contributes: {
      viewsContainers: { activitybar: [{ id: 'treeFloor', title: 'Tree Floor', icon: '$(list-flat)' }] },
      views: { treeFloor: [{ id: 'treeFloor.rows', name: 'Floor Rows' }] },
    },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  fs.writeFileSync(
    path.join(dir, 'extension.js'),
    `const vscode = require('vscode');
exports.activate = (context) => {
  const rows = ['A row at once', 'Another row'];
  context.subscriptions.push(vscode.window.registerTreeDataProvider('treeFloor.rows', { getChildren: (e) => (e ? [] : rows), getTreeItem: (r) => new vscode.TreeItem(r) }));
};
`,
  );
  return dir;
}

/** Large document, the same text without a sidecar, activation, typing, saving, memory. */
async function documentRows(root) {
  const dir = path.join(root, 'document');
  const { text } = writeLargeDocument(dir);
  fs.writeFileSync(path.join(dir, PLAIN_DOCUMENT), text.replace(LARGE_FIRST_LINE, LARGE_FIRST_LINE.replace('Opening', 'Plainly')));
  // Auto save off, as in desktop VS Code (code-server's web default saves 1 s after typing, by itself).
  const wb = await Workbench.open('bench-document', { seeds: dir, settings: { 'files.autoSave': 'off' }, extensions: [writeFloorExtension(root)] });
  try {
    await wb.waitForActivation();
    const host = ProcessSampler.extensionHostOf(wb.workspace);
    record('activation (Show Running Extensions)', await runningExtensionsActivation(wb), 'ms', 'VS Code flags > 50 ms');
    await new Promise((r) => setTimeout(r, 2000));
    const rss0 = host.rssMb();

    // Reference: the same text without annotations (only the reference extension draws on it).
    await openTimed(wb, PLAIN_DOCUMENT, 'Plainly');
    await waitUntil(async () => (await wb.page.evaluate(pageProbe.openResult)).decoration !== undefined, 60_000, 'the reference decoration');
    const plainOpen = await wb.page.evaluate(pageProbe.openResult);
    record('plain 1 MB document: Enter → text shown', plainOpen.text ?? NaN);
    record('plain 1 MB document: text shown → a minimal extension\'s decoration', (plainOpen.decoration ?? NaN) - (plainOpen.text ?? NaN));
    await new Promise((r) => setTimeout(r, 2000));
    const rss1 = host.rssMb();
    const plainTyping = await typeTimed(wb, host);

    await openTimed(wb, LARGE_DOCUMENT, 'Opening');
    await waitUntil(async () => (await wb.page.evaluate(pageProbe.openResult)).decoration !== undefined, 60_000, 'the first decoration');
    const open = await wb.page.evaluate(pageProbe.openResult);
    record('annotated 1 MB document: Enter → text shown', open.text ?? NaN);
    record('open: text shown → first decoration', (open.decoration ?? NaN) - (open.text ?? NaN), 'ms', 'plain 1 MB document: text shown → a minimal extension\'s decoration');
    await new Promise((r) => setTimeout(r, 3000));
    const rss2 = host.rssMb();
    record('extension host memory: plain document open', rss1 - rss0, 'MB');
    record('extension host memory: annotated document open (extra over plain)', rss2 - rss1, 'MB', 'extension host memory: plain document open');

    const typing = await typeTimed(wb, host);
    record('keystroke echo, plain document', plainTyping.echo);
    record('keystroke echo, annotated document', typing.echo, 'ms', 'keystroke echo, plain document');
    record('extension host CPU per keystroke, plain document', plainTyping.cpuPerKey);
    record('extension host CPU per keystroke, annotated (extension share)', typing.cpuPerKey - plainTyping.cpuPerKey, 'ms', 'extension host CPU per keystroke, plain document');

    // Ctrl+S, first on the plain document (VS Code's own save of 1 MB, the reference), then on
    // the annotated one: the document is on disk when the file has its new size (the workbench
    // writes it in pieces), the sidecar when its atomic rename is done (its mtime changes).
    await openTimed(wb, PLAIN_DOCUMENT, 'Plainly');
    const plainSave = await saveTimed(wb, PLAIN_DOCUMENT, plainTyping.typed);
    await openTimed(wb, LARGE_DOCUMENT, 'Opening');
    const save = await saveTimed(wb, LARGE_DOCUMENT, typing.typed, `${LARGE_DOCUMENT}.annotations.yaml`);
    record('Ctrl+S → plain document on disk', plainSave.document);
    record('Ctrl+S → annotated document on disk', save.document, 'ms', 'Ctrl+S → plain document on disk');
    record('Ctrl+S → sidecar on disk', save.sidecar, 'ms', 'Ctrl+S → annotated document on disk');
    record('annotated document on disk → sidecar on disk (extension share)', save.sidecar - save.document);
  } finally {
    await wb.stop();
  }
}

/** Claims by Speaker on 200 documents × 50 annotations: click on the container → first rows. */
async function claimsRows(root) {
  const dir = path.join(root, 'claims');
  writeClaimsWorkspace(dir);
  const wb = await Workbench.open('bench-claims', { seeds: dir, extensions: [writeTreeFloorExtension(root)] });
  try {
    await wb.waitForActivation();
    const page = wb.page;
    // Reference: the workbench opening a view whose rows are there at once.
    await page.evaluate(pageProbe.armClaims, 'Floor Rows');
    await page.locator('.part.activitybar a.action-label[aria-label^="Tree Floor"]').first().click();
    await waitUntil(async () => (await page.evaluate(pageProbe.claimsResult)).speaker !== undefined, 60_000, 'the reference view\'s row');
    const floor = await page.evaluate(pageProbe.claimsResult);
    record('a view with its rows at once: click → first row', floor.speaker ?? NaN);
    await new Promise((r) => setTimeout(r, 1000));
    await page.evaluate(pageProbe.armClaims, 'Claims by Speaker');
    await page.locator('.part.activitybar a.action-label[aria-label^="Annotations"]').first().click();
    await waitUntil(async () => (await page.evaluate(pageProbe.claimsResult)).speaker !== undefined, 60_000, 'the first speaker row');
    const rowsOfPane = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header[aria-label^="Claims by Speaker"]') }).locator('.monaco-list-row');
    await rowsOfPane.first().click();
    await waitUntil(async () => (await page.evaluate(pageProbe.claimsResult)).claim !== undefined, 60_000, 'the first claim row');
    const result = await page.evaluate(pageProbe.claimsResult);
    record('Claims by Speaker: click → first speaker rows (200 × 50)', result.speaker ?? NaN, 'ms', 'a view with its rows at once: click → first row');
    record('Claims by Speaker: expand → first claim rows', (result.claim ?? NaN) - (result.expand ?? NaN));
  } finally {
    await wb.stop();
  }
}

/** The table of bench/run.ts: suite, case, median, min (one run: the same), ratio to the floor. */
function printTable() {
  const byName = new Map(rows.map((r) => [r.name, r]));
  const fmt = (/** @type {Row} */ r) => `${r.value.toFixed(2)}${r.unit === 'MB' ? ' MB' : ''}`;
  const table = rows.map((r) => {
    const floor = r.floor ? byName.get(r.floor) : undefined;
    const vs = floor ? `${(r.value / floor.value).toFixed(2)}x ${r.floor}` : r.floor ?? '';
    return [r.suite, r.name, fmt(r), fmt(r), vs];
  });
  const header = ['suite', 'case', 'median ms', 'min ms', 'vs floor'];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (/** @type {string[]} */ cells) => cells.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-host-bench-'));
const started = Date.now();
try {
  console.log(`\nhost: VS Code 1.100 (code-server) + Chromium, one run; ${KEYS} keystrokes per document`);
  const only = process.env.BENCH_HOST_ROWS;
  if (!only || only === 'document') await documentRows(root);
  if (!only || only === 'claims') await claimsRows(root);
  console.log('');
  printTable();
  console.log(`\nhost bench: ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
