// @ts-check
// Reads the extension host's resident memory and CPU time from /proc (Linux), for the host
// benchmark. The extension host of a workbench is found by the workspace path its environment
// carries (SOURCE_ANNOTATOR_TEST_WORKSPACE, set by the e2e harness) and its command line.
import fs from 'node:fs';

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

export class ProcessSampler {
  /** @param {number} pid */
  constructor(pid) {
    this.pid = pid;
  }

  /** The extension host serving `workspace`. @param {string} workspace */
  static extensionHostOf(workspace) {
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8');
        if (!/extensionHost/.test(cmdline)) continue;
        const environ = fs.readFileSync(`/proc/${name}/environ`, 'utf8').split('\0');
        if (environ.includes(`SOURCE_ANNOTATOR_TEST_WORKSPACE=${workspace}`)) return new ProcessSampler(Number(name));
      } catch {
        /* gone, or not ours */
      }
    }
    throw new Error(`no extension host found for ${workspace}`);
  }

  /** Resident set size in MB. */
  rssMb() {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${this.pid}/status`, 'utf8'))?.[1]);
    return kb / 1024;
  }

  /** User plus system CPU time so far, in ms (10 ms resolution). */
  cpuMs() {
    const stat = fs.readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  }
}
