// Measures suggestAnnotations on PolNeAR (human-annotated US political news of 2016, brat standoff)
// from a local checkout; nothing of the corpus is in this repository (its articles are copyrighted).
// `npm run eval:suggest -- --polnear PATH/TO/PolNeAR [--split train|dev] [--verbose] [--by-rule] [--human]`.
// Never point it at the test split: the project is measured on it independently. The mapping to
// our kinds is in src/core/suggest/eval/polnearGold.ts and the README.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { suggestAnnotations } = require(join(root, 'out/src/core/suggest/suggestAnnotations.js'));
const { evaluateSuggestions, addScores, precisionRecall } = require(join(root, 'out/src/core/suggest/evaluateSuggestions.js'));
const { polnearGold } = require(join(root, 'out/src/core/suggest/eval/polnearGold.js'));
const { isUnlinkedDescription, sameSpeaker } = require(join(root, 'out/src/core/suggest/eval/sourceNames.js'));
const { parseCorenlpCoref } = require(join(root, 'out/src/core/suggest/eval/corenlpCoref.js'));
// The benchmarks' seeded generator, for an interval every run prints the same.
const { mulberry32 } = require(join(root, 'out/bench/corpus.js'));

/** The share of a gold span a suggestion must cover to match it (the issue's definition). */
const MIN_OVERLAP = 0.3;

export function evalPolnear(args) {
  const at = args.indexOf('--polnear');
  const checkout = args[at + 1];
  const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'dev';
  if (!checkout) throw new Error('--polnear needs the path of a PolNeAR checkout');
  if (split !== 'train' && split !== 'dev') throw new Error(`--split ${split}: only train and dev (the test split is not to be used)`);
  const verbose = args.includes('--verbose');
  const dir = join(checkout, 'data', split);
  // Several annotators' files for one article: the first by file name is the gold, the others are not used.
  const annFiles = new Map();
  for (const name of readdirSync(join(dir, 'attributions')).filter((n) => n.endsWith('.ann')).sort()) {
    const article = name.replace(/_[^_]+\.ann$/u, '');
    if (!annFiles.has(article)) annFiles.set(article, name);
  }
  const options = { minOverlap: MIN_OVERLAP, sameSpeaker, skipSpeaker: (g) => g.speaker === undefined || isUnlinkedDescription(g.speaker) };
  let total;
  let allContents;
  let namedSources;
  let corefAgreed;
  const pronouns = { total: 0, chained: 0, agree: 0 };
  let millis = 0;
  let chars = 0;
  const bands = new Map();
  /** Per article, the quote speakers right and judged: for an interval that resamples articles, not quotes. */
  const perArticle = [];
  const rules = new Map();
  for (const [article, annName] of annFiles) {
    const text = readFileSync(join(dir, 'text', `${article}.txt`), 'utf8');
    const ann = readFileSync(join(dir, 'attributions', annName), 'utf8');
    // PolNeAR's own CoreNLP parse, for a second reading of pronoun sources (see corenlpCoref.ts).
    const xml = join(dir, 'corenlp', `${article}.txt.xml`);
    const coref = existsSync(xml) ? parseCorenlpCoref(readFileSync(xml, 'utf8')) : undefined;
    const gold = polnearGold(text, ann, annName, coref);
    const started = performance.now();
    const suggested = suggestAnnotations(text);
    millis += performance.now() - started;
    chars += text.length;
    const all = evaluateSuggestions([...gold.quotes, ...gold.claims], suggested, options);
    allContents = allContents ? addScores(allContents, all) : all;
    // Marked words PolNeAR gives no source (titles, nicknames, slogans: not quotes by our conventions) are not judged:
    // neither a miss nor, when suggested, an extra.
    const quotes = gold.quotes.filter((q) => !q.sourceless);
    const unjudged = gold.quotes.filter((q) => q.sourceless);
    const judgedSuggestions = suggested.filter((s) => s.kind !== 'quote' || quotes.some((q) => matches(q, s)) || !unjudged.some((u) => u.start < s.end && s.start < u.end));
    const scores = evaluateSuggestions([...quotes, ...gold.claims], judgedSuggestions, options);
    total = total ? addScores(total, scores) : scores;
    perArticle.push([scores.quote.speakerRight, scores.quote.speakerJudged]);
    const named = evaluateSuggestions(quotes, judgedSuggestions, { ...options, skipSpeaker: (g) => options.skipSpeaker(g) || g.pronounSource === true });
    namedSources = namedSources ? addScores(namedSources, named) : named;
    // Pronoun sources judged only where the gold's rule and CoreNLP's coreference name the same person.
    const agreed = (g) => !g.pronounSource || corefAgrees(g);
    const withCoref = evaluateSuggestions(quotes, judgedSuggestions, { ...options, skipSpeaker: (g) => options.skipSpeaker(g) || !agreed(g) });
    corefAgreed = corefAgreed ? addScores(corefAgreed, withCoref) : withCoref;
    for (const g of quotes) {
      if (!g.pronounSource || options.skipSpeaker(g)) continue;
      pronouns.total++;
      if (g.corefSpeaker !== undefined) pronouns.chained++;
      if (agreed(g)) pronouns.agree++;
    }
    countBands(bands, quotes, judgedSuggestions, options);
    countRules(rules, { ...gold, quotes }, judgedSuggestions, options);
    if (verbose) report(article, text, quotes, judgedSuggestions.filter((s) => s.kind === 'quote'), options);
  }
  const pct = (x) => (100 * x).toFixed(1);
  const line = (kind, scores = total, label = kind) => {
    const s = scores[kind];
    const o = precisionRecall(s.overlap);
    const speaker = s.speakerJudged === 0 ? 1 : s.speakerRight / s.speakerJudged;
    return `${label.padEnd(6)} gold ${String(s.overlap.gold).padStart(5)}  suggested ${String(s.overlap.suggested).padStart(5)}  matched ${String(s.overlap.matched).padStart(5)}  P ${pct(o.precision)}  R ${pct(o.recall)}  F1 ${pct(o.f1)}  speaker ${pct(speaker)} (${s.speakerRight}/${s.speakerJudged} with a gold speaker)`;
  };
  console.log(`PolNeAR ${split}: ${annFiles.size} articles, overlap ≥ ${MIN_OVERLAP} of the gold span`);
  console.log(line('quote'));
  const n = namedSources.quote;
  const [low, high] = articleInterval(perArticle);
  console.log(`       speaker, 95 % interval resampling the ${perArticle.length} articles (${BOOTSTRAP_DRAWS} draws): ${pct(low)}–${pct(high)}`);
  console.log(`       speaker where the source is written out, not a pronoun the gold resolves: ${pct(n.speakerRight / n.speakerJudged)} (${n.speakerRight}/${n.speakerJudged})`);
  const c = corefAgreed.quote;
  console.log(`       pronoun sources: CoreNLP's coreference names ${pronouns.chained} of ${pronouns.total}, the same person as the gold's rule for ${pronouns.agree}`);
  console.log(`       speaker with pronoun sources judged only where the two agree: ${pct(c.speakerRight / c.speakerJudged)} (${c.speakerRight}/${c.speakerJudged})`);
  console.log(line('quote', allContents, 'quote, sourceless marked words judged too:\n      '));
  console.log(line('claim'));
  console.log(`suggest: ${(chars / 1e6).toFixed(2)} M characters in ${millis.toFixed(0)} ms`);
  if (args.includes('--human')) humanAgreement(dir, options);
  if (args.includes('--by-rule')) {
    console.log('by kind | rule | speaker: suggested, right (matched, with the gold speaker)');
    for (const [key, r] of [...rules].sort((a, b) => b[1].suggested - a[1].suggested)) console.log(`  ${key.padEnd(70)} ${String(r.suggested).padStart(5)} ${pct(r.right / r.suggested).padStart(5)}`);
  }
  if (bands.size > 0) {
    console.log('quotes by confidence: band  suggested  matched  speaker right/judged');
    for (const [band, b] of [...bands].sort((x, y) => x[0] - y[0])) {
      console.log(`  ${band.toFixed(1)}–${(band + 0.1).toFixed(1)}  ${String(b.suggested).padStart(5)}  ${String(b.matched).padStart(5)}  ${b.right}/${b.judged} ${b.judged ? pct(b.right / b.judged) : '-'}`);
    }
  }
}

/** How many resamples the article interval draws. */
const BOOTSTRAP_DRAWS = 2000;

/**
 * A 95 % percentile interval for the share of quote speakers right, resampling whole articles with replacement: errors
 * cluster in articles (one article may hold nine), so the quotes are not independent draws. Seeded, so every run of the
 * same code on the same split prints the same interval.
 */
function articleInterval(perArticle) {
  const random = mulberry32(0x5eed);
  const shares = [];
  for (let draw = 0; draw < BOOTSTRAP_DRAWS; draw++) {
    let right = 0;
    let judged = 0;
    for (let i = 0; i < perArticle.length; i++) {
      const [r, j] = perArticle[Math.floor(random() * perArticle.length)];
      right += r;
      judged += j;
    }
    shares.push(judged === 0 ? 1 : right / judged);
  }
  shares.sort((a, b) => a - b);
  return [shares[Math.floor(0.025 * BOOTSTRAP_DRAWS)], shares[Math.ceil(0.975 * BOOTSTRAP_DRAWS) - 1]];
}

/**
 * `--human`: on the articles several people annotated, one annotator's quotes (with their
 * speakers) scored against another's as if they were suggestions, every ordered pair, with the
 * same mapping, matching and speaker comparison as the suggester; and the suggester against each
 * of them on the same articles. How far the suggester is from people, measured the same way.
 */
function humanAgreement(dir, options) {
  const byArticle = new Map();
  for (const name of readdirSync(join(dir, 'attributions')).filter((n) => n.endsWith('.ann')).sort()) {
    const article = name.replace(/_[^_]+\.ann$/u, '');
    byArticle.set(article, [...(byArticle.get(article) ?? []), name]);
  }
  let people;
  let machine;
  let pairs = 0;
  let articles = 0;
  for (const [article, names] of byArticle) {
    if (names.length < 2) continue;
    articles++;
    const text = readFileSync(join(dir, 'text', `${article}.txt`), 'utf8');
    const golds = names.map((n) => polnearGold(text, readFileSync(join(dir, 'attributions', n), 'utf8'), n).quotes.filter((q) => !q.sourceless));
    const suggested = suggestAnnotations(text).filter((s) => s.kind === 'quote');
    for (const a of golds) {
      const m = evaluateSuggestions(a, suggested, options);
      machine = machine ? addScores(machine, m) : m;
      for (const b of golds) {
        if (a === b) continue;
        const h = evaluateSuggestions(a, b, options);
        people = people ? addScores(people, h) : h;
        pairs++;
      }
    }
  }
  const pct = (x) => (100 * x).toFixed(1);
  const show = (label, s) => {
    const o = precisionRecall(s.quote.overlap);
    return `  ${label.padEnd(34)} quote P ${pct(o.precision)}  R ${pct(o.recall)}  F1 ${pct(o.f1)}  speaker ${pct(s.quote.speakerRight / s.quote.speakerJudged)} (${s.quote.speakerRight}/${s.quote.speakerJudged})`;
  };
  console.log(`articles with several annotators: ${articles} (${pairs} ordered pairs of annotators)`);
  if (!people) return;
  console.log(show('one annotator against another', people));
  console.log(show('suggester against each annotator', machine));
}

/** Whether a gold quote's pronoun source names the same person by the gold's rule and by CoreNLP's coreference. */
function corefAgrees(g) {
  return g.corefSpeaker !== undefined && g.speaker !== undefined && sameSpeaker(g.speaker, g.corefSpeaker);
}

/** Whether suggestion `s` covers MIN_OVERLAP of gold span `g`. */
function matches(g, s) {
  return g.end > s.start && s.end > g.start && Math.min(g.end, s.end) - Math.max(g.start, s.start) >= MIN_OVERLAP * (g.end - g.start);
}

/**
 * Per kind, rule and whether a speaker was given: how many suggestions, how many match a gold span
 * with the gold speaker (a speaker the gold does not know counts as right). What the confidence
 * table of src/core/suggest/confidence.ts is read from, on train.
 */
function countRules(rules, gold, suggested, options) {
  for (const s of suggested) {
    if (s.kind !== 'quote' && s.kind !== 'claim') continue;
    const golds = s.kind === 'quote' ? gold.quotes : gold.claims;
    const key = `${s.kind} | ${s.rule} | ${s.speaker ? (s.speaker === 'unnamed source' ? 'unnamed' : 'named') : 'none'}`;
    const r = rules.get(key) ?? { suggested: 0, right: 0 };
    rules.set(key, r);
    r.suggested++;
    const g = golds.find((q) => matches(q, s));
    if (g && (options.skipSpeaker(g) || (s.speaker !== undefined && sameSpeaker(g.speaker, s.speaker)))) r.right++;
  }
}

/** Per confidence band (tenths) of suggested quotes: how many matched a gold quote, how many had its speaker. */
function countBands(bands, goldQuotes, suggested, options) {
  for (const s of suggested) {
    if (s.kind !== 'quote' || s.confidence === undefined) continue;
    const band = Math.min(0.9, Math.floor(s.confidence * 10) / 10);
    const b = bands.get(band) ?? { suggested: 0, matched: 0, right: 0, judged: 0 };
    bands.set(band, b);
    b.suggested++;
    const g = goldQuotes.find((q) => matches(q, s));
    if (!g) continue;
    b.matched++;
    if (options.skipSpeaker(g)) continue;
    b.judged++;
    if (s.speaker !== undefined && sameSpeaker(g.speaker, s.speaker)) b.right++;
  }
}

/** Local diagnosis only (prints article text to the terminal; never paste it anywhere). */
function report(article, text, gold, suggested, options) {
  const short = (a) => JSON.stringify(text.slice(a.start, a.end).slice(0, 70));
  for (const g of gold) {
    const s = suggested.find((x) => matches(g, x));
    if (!s) console.log(`${article} missed ${g.start} ${short(g)} (${g.speaker ?? ''})`);
    else if (!options.skipSpeaker(g) && !(s.speaker && sameSpeaker(g.speaker, s.speaker))) console.log(`${article} speaker ${g.start} gold=${g.speaker}${g.pronounSource ? (corefAgrees(g) ? ' (via a pronoun, CoreNLP agrees)' : ` (via a pronoun, CoreNLP: ${g.corefSpeaker ?? 'none'})`) : ''} got=${s.speaker ?? ''} [${s.rule}] ${short(g)}`);
  }
  for (const s of suggested) {
    if (!gold.some((g) => matches(g, s))) console.log(`${article} extra ${s.start} ${short(s)} [${s.rule}]`);
  }
}
