// Bundles the extension (and the CLI) with esbuild. `vscode` stays external: the host provides it.
import * as fs from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
};

// A production build ships no source map: remove a stale one so packaging cannot pick it up.
if (production) for (const map of ['dist/extension.js.map', 'dist/extensionMain.js.map', 'dist/sidecarParserWorker.js.map', 'dist/suggestionWorker.js.map', 'dist/cli.js.map']) fs.rmSync(map, { force: true });

const contexts = await Promise.all([
  // The activation shell VS Code loads and times (src/extension/extension.ts): a few hundred
  // bytes that load the rest on the next tick, so activation costs no bundle evaluation.
  esbuild.context({
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode', './extensionMain.js'],
  }),
  // Everything the shell loads: the store, views, commands and the libraries they use.
  esbuild.context({
    ...common,
    entryPoints: ['src/extension/extensionMain.ts'],
    outfile: 'dist/extensionMain.js',
    external: ['vscode'],
  }),
  // The sidecar parser worker thread the extension starts (src/extension/sidecarParsing/): its
  // own bundle, since a worker runs a file of its own; no `vscode` either.
  esbuild.context({
    ...common,
    entryPoints: ['src/extension/sidecarParsing/worker.ts'],
    outfile: 'dist/sidecarParserWorker.js',
  }),
  // The suggestion worker (src/extension/suggestions/analysis/): the text analysis off the
  // extension host thread, with remark and the rules; no `vscode` either.
  esbuild.context({
    ...common,
    entryPoints: ['src/extension/suggestions/analysis/worker.ts'],
    outfile: 'dist/suggestionWorker.js',
  }),
  // The command line (`source-annotator` in package.json `bin`): same core, no `vscode`.
  esbuild.context({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  fs.chmodSync('dist/cli.js', 0o755);
}
