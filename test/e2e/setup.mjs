// @ts-check
// Mocha global fixtures for the e2e suite: a clean artifacts folder per run, and cleanup of
// code-server process trees when the run is interrupted.
import fs from 'node:fs';
import process from 'node:process';
import { checkHostInstalled } from '../host/codeServer.mjs';
import { ARTIFACTS, killAllSync } from './workbench.mjs';

export function mochaGlobalSetup() {
  // Fail fast, with the fix, when the host is not provisioned (CI must not silently skip).
  checkHostInstalled();
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const [sig, code] of /** @type {const} */ ([['SIGINT', 130], ['SIGTERM', 143]])) {
    process.once(sig, () => {
      killAllSync();
      process.exit(code);
    });
  }
}
