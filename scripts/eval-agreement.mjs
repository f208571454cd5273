// Inter-annotator agreement on PolNeAR's multiply annotated TRAIN articles, measured with the same
// code as `source-annotator agree` and read with the project's brat importer.
//   npm run eval:agree -- --polnear PATH/TO/PolNeAR
// PolNeAR (networkdynamics/PolNeAR) has no licence and its articles are copyrighted: nothing of it
// is committed; this reads a local checkout. Only data/train is read (never data/test).
// Mapping: brat text-bound annotations of type Source, Cue and Content become kinds source, cue and
// content; the Attribution trigger (a copy of the cue span), Discard and Discuss are left out.
// Each article annotated by k annotators (files X_<annotator>.ann beside text/X.txt) gives k(k−1)/2
// pairs; the figures pool every pair. Tokens are words and punctuation marks (see labelSegments.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { BRAT } = require(join(root, 'out/src/core/interchange/brat.js'));
const { compareAnnotators } = require(join(root, 'out/src/core/agreement/compareAnnotators.js'));
const { BUILT_IN_SCHEME } = require(join(root, 'out/src/core/scheme/scheme.js'));
const { stripBom } = require(join(root, 'out/src/core/text/documentText.js'));

const args = process.argv.slice(2);
const at = args.indexOf('--polnear');
if (at < 0 || !args[at + 1]) {
  console.error('usage: npm run eval:agree -- --polnear PATH/TO/PolNeAR');
  process.exit(2);
}
const split = join(args[at + 1], 'data', 'train');
const KINDS = new Map([
  ['Source', 'source'],
  ['Cue', 'cue'],
  ['Content', 'content'],
]);

// X_<4 hex>.ann → article X, annotator.
const byArticle = new Map();
for (const name of readdirSync(join(split, 'attributions'))) {
  const m = /^(.*)_([0-9a-f]{4})\.ann$/.exec(name);
  if (!m) continue;
  byArticle.set(m[1], [...(byArticle.get(m[1]) ?? []), { annotator: m[2], file: join(split, 'attributions', name) }]);
}
const multiple = [...byArticle].filter(([, files]) => files.length > 1).sort(([a], [b]) => (a < b ? -1 : 1));

let skippedLines = 0;
function annotationsOf(article, file, text) {
  const documentFolder = join(split, 'text');
  // The importer looks for the document named like the .ann file; PolNeAR names it without the annotator suffix.
  const parsed = BRAT.importer.parse({ path: join(documentFolder, `${article}.ann`), text: readFileSync(file, 'utf8') }, { documentFolder, scheme: BUILT_IN_SCHEME });
  skippedLines += parsed.skipped.length;
  const spans = parsed.documents.flatMap((d) => d.spans);
  let n = 0;
  const length = [...text].length;
  return spans
    .filter((s) => KINDS.has(s.label) && s.start !== undefined && s.end !== undefined && s.end <= length)
    .map((s) => ({ id: `a${n++}`, kind: KINDS.get(s.label), start: s.start, end: s.end, text: '', prefix: '', suffix: '' }));
}

const documents = [];
for (const [article, files] of multiple) {
  const text = stripBom(readFileSync(join(split, 'text', `${article}.txt`), 'utf8'));
  const sides = files.map((f) => annotationsOf(article, f.file, text));
  for (let i = 0; i < sides.length; i++) for (let j = i + 1; j < sides.length; j++) documents.push({ path: `${article} (${files[i].annotator}/${files[j].annotator})`, text, a: sides[i], b: sides[j] });
}

const pct = (x) => (x === null ? '   —' : (100 * x).toFixed(1).padStart(5));
const token = compareAnnotators('first', 'second', documents, 'token');
const character = compareAnnotators('first', 'second', documents, 'character');
console.log(`PolNeAR train: ${multiple.length} articles with more than one annotator, ${documents.length} annotator pairs (${skippedLines} relation/event lines reported by the importer and not counted)`);
console.log('');
console.log('                       token α  token κ   char α   exact F1  overlap F1');
console.log(`all roles              ${pct(token.alpha)}    ${pct(token.kappa)}    ${pct(character.alpha)}    ${pct(token.spans.exact.f1)}     ${pct(token.spans.overlap.f1)}`);
for (const kind of ['source', 'cue', 'content']) {
  // One role at a time: the others' spans left out, so α is that role's tokens against the rest.
  const only = documents.map((d) => ({ ...d, a: d.a.filter((x) => x.kind === kind), b: d.b.filter((x) => x.kind === kind) }));
  const t = compareAnnotators('first', 'second', only, 'token');
  console.log(`${kind.padEnd(22)} ${pct(t.alpha)}    ${pct(t.kappa)}    ${pct(compareAnnotators('first', 'second', only, 'character').alpha)}    ${pct(t.spans.exact.f1)}     ${pct(t.spans.overlap.f1)}`);
}
