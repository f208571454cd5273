// @ts-check
// Shared library for running this extension inside a real VS Code (1.100.3, served by
// code-server 4.100.3) driven by Debian's Chromium through playwright-core.
//
// Used by runIntegration.mjs (extension-host mocha suite), the e2e suite (UI driven like a user)
// and scripts/launch.sh (interactive use). See /test/host/setup.sh for provisioning.
//
// Key facts this code relies on (all verified on VS Code 1.100.3 / code-server 4.100.3):
//  * code-server rejects --extensionDevelopmentPath/--extensionTestsPath on its CLI. The browser
//    workbench decides what runs, and it accepts them through the `payload` URL parameter, as
//    vscode-remote://<host:port>/<abs path> URIs.
//  * Nothing runs until a browser window connects (one extension host per window).
//  * The web workbench ignores `extensionEnvironment`; the extension host inherits the
//    code-server process environment, so test configuration goes there.
//  * code-server is a wrapper + server + grandchildren (extension host, fileWatcher, ptyHost).
//    Killing the wrapper alone orphans the fileWatcher, so we kill the whole tree.

import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
/* global fetch, AbortSignal, URLSearchParams -- Node 20 globals; the shared ESLint config lists only a few. */

export const CODE_SERVER_VERSION = '4.100.3';

/** Absolute path of the repository root (the extension development path). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Same default as setup.sh. */
export function hostCacheDir() {
  return process.env.SOURCE_ANNOTATOR_HOST_CACHE || path.join(os.homedir(), '.cache', 'source-annotator', 'test-host');
}

/** The installed code-server package directory (override with CODE_SERVER_DIR). */
export function codeServerDir() {
  return (
    process.env.CODE_SERVER_DIR ||
    path.join(hostCacheDir(), `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server')
  );
}

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Error for "the test host is not there / did not start" (maps to exit code 3 in launchers). */
export class HostError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'HostError';
  }
}

/** Throws a HostError naming the fix when code-server or Chromium is missing. */
export function checkHostInstalled() {
  const entry = path.join(codeServerDir(), 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) {
    throw new HostError(`code-server ${CODE_SERVER_VERSION} not found at ${codeServerDir()}. Run: bash test/host/setup.sh`);
  }
  if (!fs.existsSync(chromiumPath())) {
    throw new HostError(`Chromium not found at ${chromiumPath()} (set CHROMIUM_PATH). Run: bash test/host/setup.sh`);
  }
  return entry;
}

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * @typedef {object} RunDir
 * @property {string} root
 * @property {string} userData  code-server --user-data-dir (settings, logs, state)
 * @property {string} extensions --extensions-dir (empty: no installed extensions)
 * @property {string} config    code-server config.yaml (else it writes ~/.config/code-server)
 * @property {string} home      HOME for code-server, the extension host and Chromium
 * @property {string} tmp       TMPDIR (vscode-ipc-*.sock, vscode-git-*.sock land here)
 * @property {string} runtime   XDG_RUNTIME_DIR
 * @property {string} chromium  Chromium profile
 * @property {() => void} remove
 */

/**
 * Creates a throw-away directory holding every piece of state a run could write, so runs are
 * isolated from the user's VS Code / code-server / Chromium and from each other.
 * Kept short (default /tmp/sa-XXXXXX): unix socket paths inside must stay under 108 bytes.
 * @param {string} [prefix]
 * @returns {RunDir}
 */
export function createRunDir(prefix = 'sa-') {
  const parent = process.env.SOURCE_ANNOTATOR_HOST_TMP || '/tmp';
  const root = fs.mkdtempSync(path.join(parent, prefix));
  /** @param {string} name */
  const sub = (name) => {
    const p = path.join(root, name);
    fs.mkdirSync(p, { recursive: true, mode: 0o700 });
    return p;
  };
  return {
    root,
    userData: sub('ud'),
    extensions: sub('ext'),
    config: path.join(sub('cfg'), 'config.yaml'),
    home: sub('home'),
    tmp: sub('tmp'),
    runtime: sub('run'),
    chromium: sub('chr'),
    // Retries: Chromium may still be flushing its profile for a moment after it was told to exit.
    remove: () => fs.rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }),
  };
}

/** User settings that keep the workbench quiet, deterministic and offline. */
export const DEFAULT_SETTINGS = Object.freeze({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'window.restoreWindows': 'none',
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
});

/**
 * @param {RunDir} runDir
 * @param {Record<string, unknown>} [extra]
 */
export function writeUserSettings(runDir, extra = {}) {
  const dir = path.join(runDir.userData, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...extra }, null, 2));
}

/** Environment that points every state location of a child process into the run dir. */
/** @param {RunDir} runDir */
function isolatedEnv(runDir) {
  return {
    HOME: runDir.home,
    TMPDIR: runDir.tmp,
    XDG_RUNTIME_DIR: runDir.runtime,
    XDG_DATA_HOME: path.join(runDir.home, '.local', 'share'),
    XDG_CONFIG_HOME: path.join(runDir.home, '.config'),
    XDG_CACHE_HOME: path.join(runDir.home, '.cache'),
  };
}

// ---------------------------------------------------------------------------------------------
// Process tree handling
// ---------------------------------------------------------------------------------------------

/** Map ppid -> child pids, read from /proc. */
function processChildren() {
  /** @type {Map<number, number[]>} */
  const children = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // Field 4 (ppid) follows the ")" that closes the command name, which may contain spaces.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  return children;
}

/** @param {number} pid */
export function descendants(pid) {
  const children = processChildren();
  /** @type {number[]} */
  const out = [];
  const queue = [pid];
  while (queue.length) {
    const p = /** @type {number} */ (queue.shift());
    for (const c of children.get(p) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

/** @param {number} pid */
function alive(pid) {
  try {
    process.kill(pid, 0);
    // A zombie is dead for our purposes (its parent just has not reaped it yet).
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** @param {number} pid @param {NodeJS.Signals} sig */
function signal(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}

/**
 * Stops a process started with `detached: true` (so it leads its own process group) and every
 * descendant, including ones that moved to another group: SIGTERM first, SIGKILL after graceMs.
 * Only PIDs we started (and their children) are touched; nothing is killed by name.
 * @param {number} pid
 * @param {number} [graceMs]
 */
export async function killProcessTree(pid, graceMs = 5000) {
  const targets = new Set([pid, ...descendants(pid)]);
  signal(-pid, 'SIGTERM');
  for (const p of targets) signal(p, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    // Pick up children spawned during shutdown too.
    for (const p of [...targets]) for (const d of alive(p) ? descendants(p) : []) targets.add(d);
    if (![...targets].some(alive)) return;
    await sleep(100);
  }
  signal(-pid, 'SIGKILL');
  for (const p of targets) signal(p, 'SIGKILL');
}

// ---------------------------------------------------------------------------------------------
// code-server
// ---------------------------------------------------------------------------------------------

/**
 * @typedef {object} CodeServer
 * @property {number} pid
 * @property {number} port
 * @property {string} authority  "127.0.0.1:<port>", what the browser uses (and vscode-remote URIs)
 * @property {string} origin     "http://127.0.0.1:<port>"
 * @property {string} logFile
 * @property {RunDir} runDir
 * @property {Promise<number | null>} exited resolves with the exit code when the process exits
 * @property {() => boolean} isRunning
 * @property {() => Promise<void>} stop
 */

/**
 * Starts code-server detached (own process group) and waits until /healthz answers.
 * @param {object} opts
 * @param {RunDir} opts.runDir
 * @param {number} [opts.port]
 * @param {Record<string, string>} [opts.env]   extra env; the extension host inherits it
 * @param {Record<string, unknown>} [opts.settings] user settings merged over DEFAULT_SETTINGS
 * @param {string} [opts.logFile] defaults to <runDir>/code-server.log
 * @param {boolean} [opts.isolate] point HOME/XDG/TMPDIR into the run dir (default true)
 * @param {number} [opts.readyTimeoutMs]
 * @param {(server: CodeServer) => void} [opts.onSpawn] called right after the process starts,
 *   before it is ready: register its stop() there so an interrupt cannot orphan it
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer(opts) {
  const entry = checkHostInstalled();
  const { runDir } = opts;
  const port = opts.port ?? (await freePort());
  const logFile = opts.logFile ?? path.join(runDir.root, 'code-server.log');
  writeUserSettings(runDir, opts.settings);
  fs.writeFileSync(runDir.config, 'auth: none\ncert: false\n');

  const node = process.env.CODE_SERVER_NODE || process.execPath;
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', runDir.config,
    '--user-data-dir', runDir.userData,
    '--extensions-dir', runDir.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
  ];
  const env = {
    ...process.env,
    ...(opts.isolate === false ? {} : isolatedEnv(runDir)),
    // An empty gallery switches the marketplace (open-vsx) off: no DNS lookups, no log noise.
    EXTENSIONS_GALLERY: '{}',
    // Do not let a parent VS Code / test-electron environment leak into the server.
    ELECTRON_RUN_AS_NODE: undefined,
    VSCODE_IPC_HOOK_CLI: undefined,
    ...opts.env,
  };
  for (const dir of [env.XDG_DATA_HOME, env.XDG_CONFIG_HOME, env.XDG_CACHE_HOME]) {
    if (dir) fs.mkdirSync(dir, { recursive: true });
  }

  const logFd = fs.openSync(logFile, 'a');
  const child = spawn(node, args, {
    cwd: runDir.root,
    env: /** @type {NodeJS.ProcessEnv} */ (env),
    detached: true, // own process group, so the whole tree can be signalled
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  const pid = /** @type {number} */ (child.pid);
  let running = true;
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) => {
    child.on('exit', (code) => {
      running = false;
      resolve(code);
    });
    child.on('error', () => {
      running = false;
      resolve(null);
    });
  });

  const server = {
    pid,
    port,
    authority: `127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    logFile,
    runDir,
    exited,
    isRunning: () => running,
    stop: () => killProcessTree(pid),
  };
  opts.onSpawn?.(server);

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (!running) {
      throw new HostError(`code-server exited during start-up; log: ${logFile}\n${tail(logFile, 20)}`);
    }
    try {
      const res = await fetch(`${server.origin}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new HostError(`code-server did not answer /healthz within ${opts.readyTimeoutMs ?? 60_000} ms; log: ${logFile}`);
    }
    await sleep(100);
  }
  return server;
}

/** Last n lines of a file, for error messages. @param {string} file @param {number} n */
export function tail(file, n) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-n - 1).join('\n');
  } catch {
    return '';
  }
}

/**
 * The workbench URL. `folder` opens a workspace folder; `payload` carries the Extension
 * Development Host arguments (the same mechanism VS Code web uses for dev-host windows).
 * Paths must be vscode-remote://<authority the browser uses>/<abs path> URIs: file:// would be
 * mapped to the browser side and ignored.
 * @param {object} opts
 * @param {string} opts.origin
 * @param {string} opts.authority
 * @param {string} [opts.folder]
 * @param {string[]} [opts.extensionDevelopmentPaths]
 * @param {string} [opts.extensionTestsPath]
 */
export function workbenchUrl(opts) {
  /** @param {string} p */
  const remote = (p) => `vscode-remote://${opts.authority}${encodeURI(path.resolve(p))}`;
  /** @type {[string, string][]} */
  const payload = [];
  for (const p of opts.extensionDevelopmentPaths ?? []) payload.push(['extensionDevelopmentPath', remote(p)]);
  if (opts.extensionTestsPath) payload.push(['extensionTestsPath', remote(opts.extensionTestsPath)]);
  const params = new URLSearchParams();
  if (opts.folder) params.set('folder', path.resolve(opts.folder));
  if (payload.length) params.set('payload', JSON.stringify(payload));
  const query = params.toString();
  return `${opts.origin}/${query ? `?${query}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Chromium
// ---------------------------------------------------------------------------------------------

// --no-sandbox: CI runs as root in containers. The background-networking/component/sync flags
// keep Chromium from phoning home (there is no internet; it would only add delays and noise).
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  '--password-store=basic',
  '--disable-crash-reporter',
  '--disable-breakpad',
  '--lang=en-US',
]);

/**
 * @typedef {object} Browser
 * @property {import('playwright-core').BrowserContext} context
 * @property {import('playwright-core').Page} page
 * @property {() => Promise<void>} close
 */

/**
 * Launches Chromium with its profile inside the run dir. Playwright's own signal handlers are
 * disabled: they would kill the browser and exit before our cleanup stops code-server.
 * @param {object} opts
 * @param {RunDir} opts.runDir
 * @param {boolean} [opts.headless]
 * @returns {Promise<Browser>}
 */
export async function launchBrowser(opts) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(opts.runDir.chromium, {
    executablePath: chromiumPath(),
    headless: opts.headless ?? process.env.SOURCE_ANNOTATOR_HEADED !== '1',
    args: [...CHROMIUM_ARGS],
    env: { ...process.env, ...isolatedEnv(opts.runDir) },
    viewport: { width: 1440, height: 900 },
    // vscode.env.clipboard goes through the browser's clipboard API.
    permissions: ['clipboard-read', 'clipboard-write'],
    locale: 'en-US',
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 60_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => {});
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Console handling
// ---------------------------------------------------------------------------------------------

/**
 * Formats a browser console message the way a terminal would show it: applies %s/%d/%i/%f/%o/%O,
 * drops %c and its CSS argument. Extension-host console output reaches the page as
 * `console.log('%c[Extension Host] %c...', 'color: blue', 'color: ...', ...)`.
 * @param {unknown[]} args
 */
export function formatConsoleArgs(args) {
  if (!args.length) return '';
  const [first, ...rest] = args;
  /** @param {unknown} v */
  const str = (v) => (typeof v === 'string' ? v : v === undefined ? 'undefined' : safeJson(v));
  if (typeof first !== 'string') return args.map(str).join(' ');
  let i = 0;
  const out = first.replace(/%([csdifoO%])/g, (m, k) => {
    if (k === '%') return '%';
    if (i >= rest.length) return m;
    const v = rest[i++];
    switch (k) {
      case 'c':
        return '';
      case 'd':
      case 'i':
        return String(Math.trunc(Number(v)));
      case 'f':
        return String(Number(v));
      case 's':
        return str(v);
      default:
        return safeJson(v);
    }
  });
  // The workbench's console logger prints `'%c INFO', css, message, ...args` where `message` is
  // itself the extension host's format string (mocha: '%s%s', indent, title), so format the
  // remaining arguments again instead of just joining them.
  const remaining = rest.slice(i);
  return remaining.length ? `${out} ${formatConsoleArgs(remaining)}` : out;
}

/** @param {unknown} v */
function safeJson(v) {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/**
 * Formats a playwright ConsoleMessage. Falls back to text() if the arguments cannot be read
 * (for example when the page navigated away).
 * @param {import('playwright-core').ConsoleMessage} msg
 */
export async function formatConsoleMessage(msg) {
  try {
    const values = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => String(a))));
    return values.length ? formatConsoleArgs(values) : msg.text();
  } catch {
    return msg.text();
  }
}

/** Known-harmless workbench chatter: kept in the log file, not echoed. */
const NOISE = [
  /vsda/i,
  /Trying to add a disposable to a DisposableStore that has already been disposed/,
  /\[Violation\]/,
  /open-vsx|ENOTFOUND/i,
  /An iframe which has both allow-scripts and allow-same-origin/,
  /The web worker extension host is started in a same-origin iframe/,
  /Long running operations during shutdown/,
  /Failed to load resource/,
  /^Overwriting extension <</,
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket \(/,
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^ChatSessionStore:/,
  /^\[Service Worker\]/,
  /^Started local extension host/,
  /^\[(LocalProcess|WebWorker)ExtensionHost\]/,
  /^Extension host .*(exited|terminated)/,
  /^Loading development extension at/,
  /^\[remote-connection\]/,
];

/** @param {string} text */
export function isWorkbenchNoise(text) {
  return NOISE.some((re) => re.test(text));
}

/**
 * Extension-host console output as it reaches the page after formatConsoleArgs():
 *  * test runs (extensionTestsPath set): through the workbench log service, " INFO <text>",
 *    " WARN <text>", " ERR <text>";
 *  * normal dev-host windows: "[Extension Host] <text>".
 * Returns the extension's own text, or undefined for workbench lines and known noise.
 * The log-service form is shared with the workbench's own log lines, hence the noise filter.
 * @param {string} text
 */
export function extensionHostText(text) {
  const m = /^(?:\[Extension Host\] ?| (?:INFO|WARN|ERR) ?)([\s\S]*)$/.exec(text);
  if (!m) return undefined;
  const line = m[1];
  return isWorkbenchNoise(line) ? undefined : line;
}

/** @param {string} cmd @param {string[]} args */
export function commandExists(cmd, args = ['--version']) {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
