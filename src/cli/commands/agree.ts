import { relative, resolve } from 'node:path';
import { authorPairs, corpusPair, type AnnotatorPair } from '../../core/agreement/agreementPairs';
import { compareAnnotators, type FieldAgreement, type PairAgreement, type SpanScores } from '../../core/agreement/compareAnnotators';
import { corpusDocument, type CorpusDocument } from '../../core/corpus/annotatedDocument';
import { findAttribute, kindLabel, type AnnotationScheme } from '../../core/scheme/scheme';
import { documentPathForSidecar } from '../../core/sidecar/sidecarFormat';
import { visibleLine } from '../../core/report/visibleText';
import { choice, parseArgs } from '../args';
import { displayPath, EXIT_OK, EXIT_PROBLEMS, UsageError, type CliIO } from '../cliIO';
import { SCHEME_OPTION, SCHEME_USAGE, schemeOfCorpus } from '../cliScheme';
import { corpusAtCommit, GitRepository } from '../gitCorpus';
import { problemLine, readCorpus } from '../readCorpus';
import { readReportCorpus } from './stats';

export const AGREE_USAGE = `Usage: source-annotator agree [paths…] [--authors A,B] [--unit character|token] [--format text|json]
       source-annotator agree --ref REF_A --ref REF_B [paths…] [options]
       source-annotator agree --folders FOLDER_A FOLDER_B [options]

Measures how far two annotators agree, per kind and overall:
  spans     precision, recall and F1 of B against A, matching spans exactly (same kind, start
            and end) and by overlap (same kind, at least one shared character; one-to-one)
  kappa     Cohen's κ over the label of every character (or word token with --unit token):
            the kinds covering it, or none
  alpha     Krippendorff's α (nominal) over the same labels
  speaker   over overlap-matched spans: how many name the same speaker (case and spacing aside);
            the same for every attribute of the scheme

Who is compared:
  (default)         every pair of authors found in the same sidecars (adjudicated annotations
                    aside), or the two given with --authors; a pair is compared on the
                    documents where both annotated
  --ref A --ref B   the sidecars of two git refs (branches, commits), read against the
                    document's current text
  --folders A B     two copies of a corpus, documents matched by path

Options:
  --authors A,B    compare these two authors only; "adjudicated" names the adjudicated
                   annotations, which every pair leaves out otherwise
  --unit U         character (default) or token, the unit κ and α count
  --format F       text (default) or json
${SCHEME_USAGE}
Exit code: 0, 1 when a sidecar, document or folder could not be read (reported on stderr) or the
scheme has errors, 2 usage error.`;

export async function agree(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, { values: ['authors', 'unit', 'format', SCHEME_OPTION], flags: ['folders'], repeated: ['ref'] });
  const format = choice(parsed, 'format', ['text', 'json'] as const, 'text');
  const unit = choice(parsed, 'unit', ['character', 'token'] as const, 'character');
  const refs = parsed.lists.get('ref') ?? [];
  const folders = parsed.options.get('folders') === true;
  const authors = parsed.options.get('authors');
  if (refs.length !== 0 && refs.length !== 2) throw new UsageError('give --ref twice: --ref REF_A --ref REF_B');
  if (folders && parsed.positionals.length !== 2) throw new UsageError('--folders takes exactly two folders');
  if (folders && refs.length > 0) throw new UsageError('--folders and --ref cannot be combined');
  if (typeof authors === 'string' && (folders || refs.length > 0)) throw new UsageError('--authors compares authors in the same sidecars; it cannot be combined with --ref or --folders');
  const scheme = await schemeOfCorpus(io, parsed);
  if (!scheme) return EXIT_PROBLEMS;

  let pairs: AnnotatorPair[];
  let problems = 0;
  if (refs.length === 2) {
    ({ pairs, problems } = await refPairs(io, refs as [string, string], parsed.positionals, scheme));
  } else if (folders) {
    ({ pairs, problems } = await folderPairs(io, parsed.positionals as [string, string], scheme));
  } else {
    const { corpus, unreadable } = await readReportCorpus(io, parsed.positionals, scheme);
    problems = unreadable;
    pairs = authorPairs(corpus, typeof authors === 'string' ? twoAuthors(authors) : undefined);
  }
  const results = pairs.map((p) => compareAnnotators(p.a, p.b, p.documents, unit));
  if (format === 'json') io.out(JSON.stringify({ pairs: results }, null, 2) + '\n');
  else io.out(results.length === 0 ? 'No pair of annotators to compare: fewer than two authors found.\n' : results.map((r) => textReport(r, scheme)).join('\n'));
  return problems > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

function twoAuthors(value: string): [string, string] {
  const names = value.split(',').map((s) => s.trim());
  if (names.length !== 2 || names.some((n) => n === '') || names[0] === names[1]) throw new UsageError('--authors takes two different names: --authors A,B');
  return [names[0], names[1]];
}

async function refPairs(io: CliIO, refs: [string, string], paths: readonly string[], scheme: AnnotationScheme): Promise<{ pairs: AnnotatorPair[]; problems: number }> {
  const repo = await GitRepository.at(io.cwd);
  const where = paths.length > 0 ? paths.map((p) => resolve(io.cwd, p)) : [io.cwd];
  const sides: CorpusDocument[][] = [];
  const skipped = new Set<string>();
  let problems = 0;
  for (const ref of refs) {
    const read = await corpusAtCommit(repo, await repo.commit(ref), where, scheme);
    for (const p of read.problems) {
      io.err(visibleLine(`${ref}:${p.path}: skipped, ${p.message}`) + '\n');
      skipped.add(displayPath(io, repo.absolute(p.document)));
    }
    problems += read.problems.length;
    sides.push(read.corpus.map((d) => ({ ...d, path: displayPath(io, repo.absolute(d.path)) })));
  }
  const { documents, onlyA, onlyB } = corpusPair(...withoutSkipped(sides, skipped));
  for (const p of onlyA) io.err(visibleLine(`${p}: annotated at ${refs[0]} only; compared with no annotations at ${refs[1]}`) + '\n');
  for (const p of onlyB) io.err(visibleLine(`${p}: annotated at ${refs[1]} only; compared with no annotations at ${refs[0]}`) + '\n');
  return { pairs: [{ a: refs[0], b: refs[1], documents }], problems };
}

async function folderPairs(io: CliIO, folders: [string, string], scheme: AnnotationScheme): Promise<{ pairs: AnnotatorPair[]; problems: number }> {
  const sides: CorpusDocument[][] = [];
  const skipped = new Set<string>();
  let problems = 0;
  for (const folder of folders) {
    const root = resolve(io.cwd, folder);
    const inFolder = (path: string): string => relative(root, path).split('\\').join('/');
    const { documents, problems: found } = await readCorpus(io, [folder], scheme);
    for (const p of found) {
      if (p.severity === 'error') problems++;
      const document = p.folder ? undefined : documentPathForSidecar(p.path);
      if (p.severity === 'error' && document !== undefined) skipped.add(inFolder(document));
      io.err(problemLine(io, p));
    }
    const side: CorpusDocument[] = [];
    for (const doc of documents) {
      const entry = corpusDocument(doc, inFolder(doc.documentPath));
      if (entry) side.push(entry);
      else {
        skipped.add(inFolder(doc.documentPath));
        problems++;
        io.err(`${displayPath(io, doc.sidecarPath)}: skipped, not a valid sidecar or its document cannot be read (run "source-annotator check")\n`);
      }
    }
    sides.push(side);
  }
  const { documents, onlyA, onlyB } = corpusPair(...withoutSkipped(sides, skipped));
  for (const p of onlyA) io.err(visibleLine(`${p}: annotated in ${folders[0]} only; compared with no annotations in ${folders[1]}`) + '\n');
  for (const p of onlyB) io.err(visibleLine(`${p}: annotated in ${folders[1]} only; compared with no annotations in ${folders[0]}`) + '\n');
  return { pairs: [{ a: folders[0], b: folders[1], documents }], problems };
}

/**
 * Both sides without the documents whose sidecar could not be taken on either side: comparing what
 * one side says with "nothing" there would misstate the agreement (the problem is on stderr).
 */
function withoutSkipped(sides: CorpusDocument[][], skipped: ReadonlySet<string>): [CorpusDocument[], CorpusDocument[]] {
  return [sides[0].filter((d) => !skipped.has(d.path)), sides[1].filter((d) => !skipped.has(d.path))];
}

function textReport(r: PairAgreement, scheme: AnnotationScheme): string {
  const lines = [`${r.a} ↔ ${r.b}: ${r.documents} document(s) compared`, '', `  ${'spans'.padEnd(22)} exact P    R      F1      overlap P    R      F1`];
  lines.push(scoreRow('all kinds', r.spans));
  for (const [kind, scores] of Object.entries(r.kinds)) lines.push(scoreRow(kindLabel(scheme, kind), scores));
  lines.push('', `  Cohen's κ (${r.unit}s)         ${num(r.kappa)}`, `  Krippendorff's α (${r.unit}s)  ${num(r.alpha)}`, '');
  lines.push(fieldRow('speaker', r.speaker));
  for (const [id, field] of Object.entries(r.attributes)) lines.push(fieldRow((findAttribute(scheme, id)?.label ?? id).toLocaleLowerCase(), field));
  // Names and paths come from sidecars and the command line: control characters must not reach the terminal.
  return lines.map(visibleLine).join('\n') + '\n';
}

function scoreRow(label: string, s: SpanScores): string {
  return `  ${label.padEnd(22)} ${num(s.exact.p)}  ${num(s.exact.r)}  ${num(s.exact.f1)}   ${num(s.overlap.p)}  ${num(s.overlap.r)}  ${num(s.overlap.f1)}`;
}

function fieldRow(label: string, f: FieldAgreement): string {
  if (f.matched === 0) return `  ${label}: no matched span has one`;
  return `  ${label}: ${f.agree} of ${f.matched} matched span(s) agree (${((100 * f.agree) / f.matched).toFixed(1)} %)`;
}

function num(x: number | null): string {
  return x === null ? '  —  ' : x.toFixed(3);
}
