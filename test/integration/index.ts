// Entry point of the extension-host test suite (the `extensionTestsPath`). The same compiled
// module (out/test/integration/index.js) is run by both launchers in test/host/runIntegration.mjs:
// @vscode/test-electron (desktop VS Code) and code-server (VS Code web + Node extension host).
// VS Code calls run() inside the extension host; resolve = pass, reject = fail.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface FailureSummary {
  title: string;
  message: string;
  stack?: string;
}

interface ResultsSummary {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  passed: string[];
  failed: FailureSummary[];
}

/** All compiled test files below this directory (index.js itself is not a *.test.js). */
function findTestFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => rel.endsWith('.test.js'))
    .map((rel) => path.join(dir, rel))
    .sort();
}

function writeResults(summary: ResultsSummary): void {
  const file = process.env.SOURCE_ANNOTATOR_TEST_RESULTS;
  if (!file) return;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(summary, null, 2));
  } catch (err) {
    console.error(`could not write test results to ${file}: ${String(err)}`);
  }
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    // The output ends up in the browser console or a log file, where ANSI colours are noise.
    color: false,
    timeout: Number(process.env.SOURCE_ANNOTATOR_TEST_TIMEOUT_MS) || 20_000,
    slow: 2_000,
  });
  const grep = process.env.SOURCE_ANNOTATOR_TEST_GREP;
  if (grep) mocha.grep(grep);

  const files = findTestFiles(__dirname);
  for (const f of files) mocha.addFile(f);

  const summary: ResultsSummary = { passes: 0, failures: 0, pending: 0, durationMs: 0, passed: [], failed: [] };
  const started = Date.now();

  return new Promise<void>((resolve, reject) => {
    if (files.length === 0) {
      reject(new Error(`no *.test.js files found under ${__dirname}`));
      return;
    }
    try {
      const runner = mocha.run((failures) => {
        summary.failures = failures;
        summary.durationMs = Date.now() - started;
        writeResults(summary);
        // Launchers and humans read this line; keep its shape stable.
        console.log(`\n${summary.passes} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
      runner.on('pass', (test) => {
        summary.passes++;
        summary.passed.push(test.fullTitle());
      });
      runner.on('pending', () => summary.pending++);
      // Also fires for failing hooks, which mocha counts as failures too.
      runner.on('fail', (test, err: Error) => {
        summary.failed.push({ title: test.fullTitle(), message: String(err?.message ?? err), stack: err?.stack });
      });
    } catch (err) {
      console.error(err);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
