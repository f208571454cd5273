// Writes package.json's per-kind entries (commands, keys, menus, theme colours, the hiddenKinds
// setting) and their package.nls.json strings from the built-in kinds table
// (src/core/scheme/scheme.ts), in place: every other entry, the order and the format stay as they
// are. Run `npm run contributions` (it compiles first) after changing BUILT_IN_KINDS.
//
//   node scripts/contributions.mjs          rewrite package.json and package.nls.json
//   node scripts/contributions.mjs --check  change nothing; exit 1 listing the differences
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const compiled = (file) => path.join(root, 'out', 'src', 'core', 'scheme', file);

let scheme, generator;
try {
  scheme = require(compiled('scheme.js'));
  generator = require(compiled('kindContributions.js'));
} catch (e) {
  console.error(`contributions: cannot load the compiled kinds table (${e.message}); run \`npm run compile-tests\` first, or \`npm run contributions\`.`);
  process.exit(2);
}

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--check');
if (unknown.length > 0) {
  console.error(`contributions: unknown argument ${unknown.join(' ')}; usage: node scripts/contributions.mjs [--check]`);
  process.exit(2);
}
const check = args.includes('--check');

const files = { pkg: path.join(root, 'package.json'), nls: path.join(root, 'package.nls.json') };
const text = { pkg: readFileSync(files.pkg, 'utf8'), nls: readFileSync(files.nls, 'utf8') };
const pkg = JSON.parse(text.pkg);
const nls = JSON.parse(text.nls);
const kinds = scheme.BUILT_IN_KINDS;

const next = generator.applyKindContributions(pkg, nls, kinds);
const written = { pkg: generator.formatJson(next.pkg), nls: generator.formatJson(next.nls) };
const changed = Object.keys(files).filter((k) => written[k] !== text[k]);

if (check) {
  if (changed.length === 0) {
    console.log(`contributions: package.json and package.nls.json match the ${kinds.length} built-in kinds.`);
    process.exit(0);
  }
  const differences = generator.describeDifferences(generator.familyStates(pkg, nls, kinds));
  // Text that differs but no family does: only formatting (or Tag Selection…'s place) is off.
  if (differences.length === 0) differences.push(...changed.map((k) => `${path.basename(files[k])}: not in the generated form (2-space JSON, a final newline)`));
  console.error(['contributions: the per-kind entries differ from BUILT_IN_KINDS (src/core/scheme/scheme.ts):', ...differences.map((d) => `  ${d}`), 'Run `npm run contributions` to regenerate them.'].join('\n'));
  process.exit(1);
}

for (const k of changed) writeFileSync(files[k], written[k]);
console.log(changed.length === 0 ? 'contributions: up to date.' : `contributions: rewrote ${changed.map((k) => path.basename(files[k])).join(' and ')}.`);
