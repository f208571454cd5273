// Measures suggestAnnotations against the reviewed gold set: the seeds, test/gold/ (development
// texts), and the held-out texts of test/gold/heldout/ (written by an author who never saw the rules,
// and never used to tune them: their subtotal is the fair estimate of quality on unseen text; see
// test/gold/LICENSES.md).
// Run with `npm run eval:suggest` (compiles first); `-- --polnear PATH` measures on PolNeAR instead. Prints a table per document and overall.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { suggestAnnotations } = require(join(root, 'out/src/core/suggest/suggestAnnotations.js'));
const { evaluateSuggestions, addScores, precisionRecall } = require(join(root, 'out/src/core/suggest/evaluateSuggestions.js'));
const { loadSidecar } = require(join(root, 'out/src/core/sidecar/sidecarDocument.js'));
const { stripBom } = require(join(root, 'out/src/core/text/documentText.js'));

// Folders (or single sidecars) to measure on may be given: `npm run eval:suggest -- test/gold/heldout`.
const args = process.argv.slice(2);
// `--polnear PATH [--split train|dev]`: measure on a local PolNeAR checkout instead (scripts/eval-polnear.mjs).
if (args.includes('--polnear')) {
  (await import('./eval-polnear.mjs')).evalPolnear(args);
  process.exit(0);
}
const verbose = args.includes('--verbose');
const given = args.filter((a) => !a.startsWith('--'));
const GOLD_FOLDERS = given.length > 0 ? given : ['seeds', 'test/gold', 'test/gold/heldout'];
const SUFFIX = '.annotations.yaml';

const pct = (x) => (100 * x).toFixed(1).padStart(5);
const row = (cells, widths) => cells.map((c, i) => String(c)[i === 0 ? 'padEnd' : 'padStart'](widths[i])).join('  ');
const WIDTHS = [44, 6, 6, 6, 6, 6, 6, 7, 6, 6];
const HEADER = ['document', 'qP=', 'qR=', 'qF1=', 'qP~', 'qR~', 'qF1~', 'speaker', 'adF1', 'clF1~'];

function line(name, s) {
  const exact = precisionRecall(s.quote.exact);
  const overlap = precisionRecall(s.quote.overlap);
  const speaker = s.quote.overlap.matched === 0 ? 1 : s.quote.speakerRight / s.quote.overlap.matched;
  return row([name, pct(exact.precision), pct(exact.recall), pct(exact.f1), pct(overlap.precision), pct(overlap.recall), pct(overlap.f1), pct(speaker), pct(precisionRecall(s.advertisement.exact).f1), pct(precisionRecall(s.claim.overlap).f1)], WIDTHS);
}

let total;
const lines = [row(HEADER, WIDTHS)];
for (const folder of GOLD_FOLDERS) {
  let dir = join(root, folder);
  let folderTotal;
  let names;
  if (folder.endsWith(SUFFIX)) {
    names = [basename(folder)];
    dir = dirname(dir);
  } else {
    try {
      names = readdirSync(dir).filter((n) => n.endsWith(SUFFIX)).sort();
    } catch {
      if (given.length > 0) throw new Error(`${folder}: no such folder`);
      continue;
    }
  }
  for (const name of names) {
    const documentPath = join(dir, name.slice(0, -SUFFIX.length));
    const text = stripBom(readFileSync(documentPath, 'utf8'));
    const loaded = loadSidecar(readFileSync(join(dir, name), 'utf8'), text);
    if (!loaded.ok) throw new Error(`${name}: invalid sidecar`);
    const gold = loaded.annotations.all.filter((a) => !a.orphaned);
    const suggested = suggestAnnotations(text);
    const scores = evaluateSuggestions(gold, suggested);
    total = total ? addScores(total, scores) : scores;
    folderTotal = folderTotal ? addScores(folderTotal, scores) : scores;
    lines.push(line(relative(root, documentPath).slice(-34), scores));
    if (verbose) {
      const key = (a) => `${a.kind}:${a.start}-${a.end}`;
      const goldKeys = new Set(gold.map(key));
      const suggestedKeys = new Set(suggested.map(key));
      for (const g of gold) if (!suggestedKeys.has(key(g))) console.log(`  missed ${g.kind} ${JSON.stringify(text.slice(g.start, g.end).slice(0, 90))} ${g.speaker ?? ''}`);
      for (const s of suggested) {
        const gs = gold.find((g) => g.kind === s.kind && g.start === s.start && g.end === s.end);
        if (!goldKeys.has(key(s))) console.log(`  extra  ${s.kind} ${JSON.stringify(s.text.slice(0, 90))} ${s.speaker ?? ''} [${s.rule}]`);
        else if (gs && (gs.speaker ?? '') !== (s.speaker ?? '')) console.log(`  speaker ${s.kind} ${JSON.stringify(s.text.slice(0, 50))} gold=${gs.speaker} got=${s.speaker}`);
      }
    }
  }
  if (folderTotal) lines.push(line(`${folder}/ (all)`, folderTotal));
}
lines.push(line('overall', total));
console.log(lines.join('\n'));
console.log('\n= exact span, ~ overlap (one-to-one); speaker: right speaker on overlap-matched quotes; adF1: boilerplate lines (exact); clF1~: claims (overlap)');
for (const kind of ['quote', 'claim', 'speculation', 'advertisement']) {
  const e = precisionRecall(total[kind].exact);
  const o = precisionRecall(total[kind].overlap);
  console.log(`${kind.padEnd(13)} gold ${String(total[kind].exact.gold).padStart(3)}  suggested ${String(total[kind].exact.suggested).padStart(3)}  exact P/R/F1 ${pct(e.precision)} ${pct(e.recall)} ${pct(e.f1)}  overlap P/R/F1 ${pct(o.precision)} ${pct(o.recall)} ${pct(o.f1)}`);
}
