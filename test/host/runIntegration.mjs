#!/usr/bin/env node
// @ts-check
// Runs the extension-host test suite (out/test/integration/index.js) in a real VS Code.
//
// One suite, two launchers:
//  * desktop VS Code through @vscode/test-electron, when one is available
//    (VSCODE_EXECUTABLE=/path/to/code, SOURCE_ANNOTATOR_TEST_HOST=electron, or a cached download
//    in .vscode-test/). test-electron would otherwise download VS Code, which offline machines
//    cannot do;
//  * otherwise VS Code 1.100.3 served by code-server, with headless Chromium as the window
//    (see test/host/codeServer.mjs and test/host/setup.sh). Force with SOURCE_ANNOTATOR_TEST_HOST=code-server.
//
// Either way the window opens a fresh copy of seeds/, and the extension host gets
//   SOURCE_ANNOTATOR_TEST_WORKSPACE  the copied workspace folder
//   SOURCE_ANNOTATOR_TEST_RESULTS    where the suite writes its JSON summary
//
// Usage: node test/host/runIntegration.mjs [--timeout SEC] [--grep PATTERN] [--verbose] [--keep]
// Exit codes: 0 passed, 1 tests failed, 2 usage / not built, 3 infrastructure, 124 timeout,
//             130/143 interrupted.
// Artifacts (always): test-artifacts/integration/{results.json, workbench-console.log,
//   code-server.log, server-logs/, vscode-logs/, timeout.png}

import { spawn } from 'node:child_process';
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {
  REPO_ROOT,
  HostError,
  createRunDir,
  startCodeServer,
  launchBrowser,
  workbenchUrl,
  formatConsoleMessage,
  isWorkbenchNoise,
  extensionHostText,
  commandExists,
} from './codeServer.mjs';

const EXIT = { pass: 0, fail: 1, usage: 2, infra: 3, timeout: 124 };
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'integration');
const TESTS_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
const EXTENSION_MAIN = path.join(REPO_ROOT, 'dist', 'extension.js');
const SEEDS = path.join(REPO_ROOT, 'seeds');

/** @param {string} msg */
const info = (msg) => process.stderr.write(`[integration] ${msg}\n`);

class UsageError extends Error {}

function parseArgs(argv = process.argv.slice(2)) {
  const opts = {
    timeoutSec: Number(process.env.SOURCE_ANNOTATOR_TEST_HOST_TIMEOUT) || 300,
    grep: process.env.SOURCE_ANNOTATOR_TEST_GREP || '',
    verbose: process.env.SOURCE_ANNOTATOR_TEST_VERBOSE === '1',
    keep: process.env.SOURCE_ANNOTATOR_TEST_KEEP === '1',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--timeout') opts.timeoutSec = Number(value());
    else if (a === '--grep') opts.grep = value();
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--keep') opts.keep = true;
    else if (a === '-h' || a === '--help') {
      process.stdout.write(fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(2, 22).join('\n') + '\n');
      process.exit(0);
    } else throw new UsageError(`unknown argument: ${a}`);
  }
  if (!(opts.timeoutSec > 0)) throw new UsageError('--timeout must be a positive number of seconds');
  return opts;
}

/** Picks the host. Desktop VS Code only when one is present; never downloads. */
function chooseHost() {
  const forced = process.env.SOURCE_ANNOTATOR_TEST_HOST;
  if (forced === 'code-server') return { kind: 'code-server' };
  if (forced && forced !== 'electron') throw new UsageError(`SOURCE_ANNOTATOR_TEST_HOST must be "electron" or "code-server", not "${forced}"`);
  if (process.env.VSCODE_EXECUTABLE) return { kind: 'electron', executable: process.env.VSCODE_EXECUTABLE };
  const cache = path.join(REPO_ROOT, '.vscode-test');
  const cached = fs.existsSync(cache) && fs.readdirSync(cache).some((d) => d.startsWith('vscode-'));
  if (forced === 'electron' || cached) return { kind: 'electron', executable: undefined };
  return { kind: 'code-server' };
}

/** A fresh copy of seeds/, so tests can write sidecars without touching the repository. */
function copySeeds() {
  const root = fs.mkdtempSync(path.join(process.env.SOURCE_ANNOTATOR_HOST_TMP || '/tmp', 'sa-ws-'));
  const workspace = path.join(root, 'seeds');
  fs.cpSync(SEEDS, workspace, { recursive: true });
  return { root, workspace };
}

function resetArtifacts() {
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}

/** @param {string} file */
function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Desktop VS Code (@vscode/test-electron)
// ---------------------------------------------------------------------------------------------

/**
 * Electron needs a display: on a headless Linux box, re-run this whole script under xvfb-run.
 * Returns the child's exit code, or undefined when no re-run is needed.
 * @returns {Promise<number | undefined>}
 */
async function maybeRerunUnderXvfb() {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.SOURCE_ANNOTATOR_UNDER_XVFB) return undefined;
  if (!commandExists('sh', ['-c', 'command -v xvfb-run'])) {
    throw new HostError('desktop VS Code needs a display: set DISPLAY or install xvfb (apt-get install xvfb)');
  }
  info('no DISPLAY: re-running under xvfb-run');
  const child = spawn('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, SOURCE_ANNOTATOR_UNDER_XVFB: '1', SOURCE_ANNOTATOR_TEST_HOST: 'electron' },
  });
  return await new Promise((resolve) => child.on('exit', (code, sig) => resolve(code ?? (sig ? 128 : EXIT.infra))));
}

/**
 * @param {{executable?: string}} host
 * @param {Record<string, string>} testEnv
 * @param {string} workspace
 */
async function runElectron(host, testEnv, workspace) {
  const { runTests } = await import('@vscode/test-electron');
  info(`host: desktop VS Code via @vscode/test-electron${host.executable ? ` (${host.executable})` : ' (cached in .vscode-test/)'}`);
  try {
    await runTests({
      ...(host.executable ? { vscodeExecutablePath: host.executable } : {}),
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: TESTS_ENTRY,
      extensionTestsEnv: testEnv,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
    return EXIT.pass;
  } catch (err) {
    // test-electron rejects with the exit code of VS Code: 1 means the suite failed.
    const code = /** @type {{code?: unknown}} */ (err)?.code;
    info(`VS Code run failed: ${String(err)}`);
    return code === 1 ? EXIT.fail : EXIT.infra;
  }
}

// ---------------------------------------------------------------------------------------------
// code-server + Chromium
// ---------------------------------------------------------------------------------------------

/**
 * @param {ReturnType<typeof parseArgs>} opts
 * @param {Record<string, string>} testEnv
 * @param {string} workspace
 * @param {{ mark: (name: string) => void }} timing
 * @param {(fn: () => Promise<void>, o?: { final?: boolean }) => void} onCleanup
 */
async function runCodeServer(opts, testEnv, workspace, timing, onCleanup) {
  const runDir = createRunDir('sa-');
  onCleanup(
    async () => {
      if (opts.keep) info(`kept run dir ${runDir.root}`);
      else runDir.remove();
    },
    { final: true },
  );
  const logFile = path.join(ARTIFACTS, 'code-server.log');
  const server = await startCodeServer({
    runDir,
    env: testEnv,
    logFile,
    // Desktop VS Code's default: code-server's web default saves 1 s after typing, which on a
    // loaded machine saved a document a test keeps unsaved on purpose (its rename test).
    settings: { 'files.autoSave': 'off' },
    // Registered as soon as the process exists, so an interrupt during start-up cannot orphan it.
    // Runs before the run dir is removed (cleanups run in reverse order).
    onSpawn: (s) =>
      onCleanup(async () => {
        await s.stop();
        const logs = path.join(runDir.userData, 'logs');
        if (fs.existsSync(logs)) fs.cpSync(logs, path.join(ARTIFACTS, 'server-logs'), { recursive: true });
      }),
  });
  timing.mark('code-server-ready');
  info(`host: code-server (VS Code 1.100.3) on ${server.origin}, pid ${server.pid}`);

  const browser = await launchBrowser({ runDir });
  onCleanup(() => browser.close());
  timing.mark('browser-launched');
  const { page } = browser;

  const consoleLog = fs.createWriteStream(path.join(ARTIFACTS, 'workbench-console.log'));
  onCleanup(() => new Promise((resolve) => consoleLog.end(resolve)));

  /** @type {(r: {code: number, reason: string}) => void} */
  let settle = () => {};
  /** @type {Promise<{code: number, reason: string}>} */
  const outcome = new Promise((resolve) => (settle = resolve));

  // The workbench calls window.codeAutomationExit(code, logs) when run() settles:
  // 0 = resolved, 1 = rejected (or: the tests path is not a valid runner, see below).
  await page.exposeFunction('codeAutomationExit', async (/** @type {number} */ code, /** @type {unknown} */ logs) => {
    if (Array.isArray(logs)) {
      for (const entry of logs) {
        if (!entry || typeof entry.relativePath !== 'string') continue;
        const target = path.join(ARTIFACTS, 'vscode-logs', path.normalize(entry.relativePath).replace(/^(\.\.(\/|$))+/, ''));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, typeof entry.contents === 'string' ? entry.contents : Buffer.from(entry.contents ?? []));
      }
    }
    settle({ code: code === 0 ? EXIT.pass : EXIT.fail, reason: `codeAutomationExit(${code})` });
  });

  // Console messages are formatted asynchronously; a promise chain keeps them in order.
  let chain = Promise.resolve();
  page.on('console', (msg) => {
    chain = chain.then(async () => {
      const text = await formatConsoleMessage(msg);
      consoleLog.write(`[${msg.type()}] ${text}\n`);
      if (/No extension host found that can launch the test runner/.test(text)) {
        settle({ code: EXIT.infra, reason: 'VS Code found no extension host for the tests path (is it inside the extension folder?)' });
      } else if (/does not point to a valid extension test runner/.test(text)) {
        settle({ code: EXIT.infra, reason: `${TESTS_ENTRY} does not export run()` });
      }
      const line = extensionHostText(text);
      if (line !== undefined) {
        process.stdout.write(`${line}\n`);
      } else if (opts.verbose && !isWorkbenchNoise(text)) {
        process.stderr.write(`[workbench ${msg.type()}] ${text}\n`);
      }
    });
  });
  page.on('pageerror', (err) => consoleLog.write(`[pageerror] ${err.stack ?? err}\n`));
  page.on('crash', () => settle({ code: EXIT.infra, reason: 'the browser page crashed' }));
  server.exited.then((code) => settle({ code: EXIT.infra, reason: `code-server exited unexpectedly (code ${code})` }));

  const url = workbenchUrl({
    origin: server.origin,
    authority: server.authority,
    folder: workspace,
    extensionDevelopmentPaths: [REPO_ROOT],
    extensionTestsPath: TESTS_ENTRY,
  });
  if (opts.verbose) info(`url: ${url}`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  page
    .waitForSelector('.monaco-workbench', { timeout: opts.timeoutSec * 1000 })
    .then(() => timing.mark('workbench-dom'))
    .catch(() => {});

  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ code: EXIT.timeout, reason: `no result within ${opts.timeoutSec} s` }), opts.timeoutSec * 1000);
  });
  const result = /** @type {{code: number, reason: string}} */ (await Promise.race([outcome, timeout]));
  clearTimeout(timer);
  timing.mark('tests-done');
  await chain;
  if (result.code === EXIT.timeout || result.code === EXIT.infra) {
    await page.screenshot({ path: path.join(ARTIFACTS, result.code === EXIT.timeout ? 'timeout.png' : 'error.png'), timeout: 10_000 }).catch(() => {});
  }
  return result;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const t0 = Date.now();
  /** @type {Record<string, number>} */
  const marks = {};
  const timing = { mark: (/** @type {string} */ name) => (marks[name] = (Date.now() - t0) / 1000) };

  // Cleanups run once: first the ones that stop processes (browser, code-server), in reverse
  // order of registration, then the "final" ones that delete directories. A cleanup registered
  // after cleanup started (a signal arrived while something was starting) still runs, in turn.
  /** @type {{ stop: Array<() => Promise<void>>, final: Array<() => Promise<void>> }} */
  const pending = { stop: [], final: [] };
  /** @type {Promise<void> | undefined} */
  let cleaning;
  const drain = async () => {
    for (const list of [pending.stop, pending.final]) {
      for (let fn = list.pop(); fn; fn = list.pop()) await fn().catch((e) => info(`cleanup: ${e}`));
    }
  };
  const cleanup = async () => {
    cleaning ??= drain();
    for (let p; p !== cleaning; ) await (p = cleaning); // includes drains chained on meanwhile
  };
  /** @param {() => Promise<void>} fn @param {{ final?: boolean }} [o] */
  const onCleanup = (fn, o = {}) => {
    (o.final ? pending.final : pending.stop).push(fn);
    if (cleaning) cleaning = cleaning.then(drain);
  };
  /** Exit code of a signal that interrupted the run (130 SIGINT, 143 SIGTERM, 129 SIGHUP). */
  let interrupted = 0;
  for (const [sig, code] of /** @type {const} */ ([['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]])) {
    process.on(sig, () => {
      if (interrupted) return;
      interrupted = code;
      info(`${sig}: stopping`);
      cleanup().finally(() => process.exit(code));
    });
  }

  let opts;
  let host;
  try {
    opts = parseArgs();
    host = chooseHost();
  } catch (err) {
    if (err instanceof UsageError) {
      info(`usage error: ${err.message}`);
      return EXIT.usage;
    }
    throw err;
  }
  if (host.kind === 'electron') {
    try {
      const code = await maybeRerunUnderXvfb();
      if (code !== undefined) return code;
    } catch (err) {
      info(`host error: ${err instanceof Error ? err.message : err}`);
      return EXIT.infra;
    }
  }
  for (const [file, fix] of [
    [TESTS_ENTRY, 'npm run compile-tests'],
    [EXTENSION_MAIN, 'npm run build'],
  ]) {
    if (!fs.existsSync(file)) {
      info(`${path.relative(REPO_ROOT, file)} is missing; run \`${fix}\` first`);
      return EXIT.usage;
    }
  }

  resetArtifacts();
  const { root: wsRoot, workspace } = copySeeds();
  onCleanup(
    async () => {
      if (opts.keep) info(`kept workspace ${workspace}`);
      else fs.rmSync(wsRoot, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
    { final: true },
  );
  const suiteResults = path.join(wsRoot, 'results.json');
  const testEnv = {
    SOURCE_ANNOTATOR_TEST_WORKSPACE: workspace,
    SOURCE_ANNOTATOR_TEST_RESULTS: suiteResults,
    ...(opts.grep ? { SOURCE_ANNOTATOR_TEST_GREP: opts.grep } : {}),
  };

  /** @type {{code: number, reason: string}} */
  let result;
  try {
    if (host.kind === 'electron') {
      const code = await runElectron(host, testEnv, workspace);
      result = { code, reason: `VS Code exited with ${code}` };
    } else {
      result = await runCodeServer(opts, testEnv, workspace, timing, onCleanup);
    }
  } catch (err) {
    if (interrupted) return new Promise(() => {}); // the signal handler cleans up and exits
    info(err instanceof HostError ? `host error: ${err.message}` : `error: ${err instanceof Error ? err.stack : err}`);
    result = { code: EXIT.infra, reason: err instanceof Error ? err.message : String(err) };
  }

  // The suite's own summary (written by out/test/integration/index.js) is the second channel.
  const suite = readJson(suiteResults);
  if (result.code === EXIT.pass && suite && suite.failures > 0) result = { code: EXIT.fail, reason: 'suite reported failures' };
  await cleanup();
  if (interrupted) return new Promise(() => {});
  marks.total = (Date.now() - t0) / 1000;
  fs.writeFileSync(
    path.join(ARTIFACTS, 'results.json'),
    JSON.stringify({ exitCode: result.code, reason: result.reason, host: host.kind, timings: marks, suite: suite ?? null }, null, 2),
  );
  const counts = suite ? ` passed=${suite.passes} failed=${suite.failures}` : '';
  const times = Object.entries(marks).map(([k, v]) => `${k}=${v.toFixed(1)}s`).join(' ');
  info(`summary: exit=${result.code} (${result.reason})${counts} ${times}`);
  info(`artifacts: ${path.relative(process.cwd(), ARTIFACTS) || ARTIFACTS}`);
  return result.code;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    info(`unexpected error: ${err instanceof Error ? err.stack : err}`);
    process.exit(EXIT.infra);
  },
);
