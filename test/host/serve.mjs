#!/usr/bin/env node
// @ts-check
// Interactive launch without a desktop VS Code (used by scripts/launch.sh): serves VS Code 1.100.3
// through code-server on 127.0.0.1, opens seeds/ and loads this repository as a development
// extension through the workbench URL's `payload` parameter (code-server does not accept
// --extensionDevelopmentPath itself). Runs until Ctrl-C, then stops the whole process tree.
//
// Environment: PORT (default: a free port), SOURCE_ANNOTATOR_SERVE_FOLDER (default: seeds/).
import path from 'node:path';
import process from 'node:process';
import { REPO_ROOT, HostError, createRunDir, startCodeServer, workbenchUrl } from './codeServer.mjs';

const folder = path.resolve(process.env.SOURCE_ANNOTATOR_SERVE_FOLDER || path.join(REPO_ROOT, 'seeds'));
const port = process.env.PORT ? Number(process.env.PORT) : undefined;
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`PORT must be a TCP port number, not "${process.env.PORT}"`);
  process.exit(2);
}

// Throw-away state (settings, logs, sockets): each launch starts like a fresh install.
const runDir = createRunDir('sa-launch-');
/** @type {import('./codeServer.mjs').CodeServer | undefined} */
let server;
let stopping = false;
/** @param {number} code */
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping code-server ...');
  await server?.stop();
  runDir.remove();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));

try {
  server = await startCodeServer({ runDir, ...(port ? { port } : {}) });
} catch (err) {
  console.error(err instanceof HostError ? `error: ${err.message}` : err);
  runDir.remove();
  process.exit(3);
}
const url = workbenchUrl({ origin: server.origin, authority: server.authority, folder, extensionDevelopmentPaths: [REPO_ROOT] });
console.log(`
Source Annotator is running in VS Code 1.100.3 (code-server) as an Extension Development Host.
  folder:    ${folder}
  extension: ${REPO_ROOT}
  log:       ${server.logFile}

Open this URL in a browser (on a remote machine, forward port ${server.port} first):

  ${url}

After rebuilding (npm run build), run "Developer: Reload Window" in the browser.
Press Ctrl-C to stop.
`);
const code = await server.exited;
if (!stopping) {
  console.error(`code-server exited unexpectedly (code ${code}); see ${server.logFile}`);
  runDir.remove();
  process.exit(3);
}
