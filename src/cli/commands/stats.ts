import { corpusDocument, type CorpusDocument } from '../../core/corpus/annotatedDocument';
import { documentPathForSidecar } from '../../core/sidecar/sidecarFormat';
import { findAttribute, kindLabel, type AnnotationScheme } from '../../core/scheme/scheme';
import { SCHEME_OPTION, SCHEME_USAGE, schemeOfCorpus } from '../cliScheme';
import { annotationStats } from '../../core/report/annotationStats';
import { visibleLine } from '../../core/report/visibleText';
import { choice, parseArgs } from '../args';
import { displayPath, EXIT_OK, EXIT_PROBLEMS, type CliIO } from '../cliIO';
import { problemLine, readCorpus } from '../readCorpus';

export const STATS_USAGE = `Usage: source-annotator stats [paths…] [--format text|json]

Counts annotations per kind, speaker, document and annotator (author), and per value of each
choice or boolean attribute of the annotation scheme.
${SCHEME_USAGE}
Exit code: 0, 1 when a sidecar, document or folder could not be read (reported on stderr) or the
scheme has errors, 2 usage error.`;

export async function stats(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, { values: ['format', SCHEME_OPTION] });
  const format = choice(parsed, 'format', ['text', 'json'] as const, 'text');
  const scheme = await schemeOfCorpus(io, parsed);
  if (!scheme) return EXIT_PROBLEMS;
  const { corpus, unreadable } = await readReportCorpus(io, parsed.positionals, scheme);
  const result = annotationStats(corpus, scheme);
  if (format === 'json') {
    io.out(
      JSON.stringify(
        { ...result, bySpeaker: Object.fromEntries(result.bySpeaker), byDocument: Object.fromEntries(result.byDocument), byAuthor: Object.fromEntries(result.byAuthor) },
        null,
        2,
      ) + '\n',
    );
  } else {
    const lines = [`${result.annotations} annotation(s) in ${result.documents} document(s), ${result.orphans} orphaned`, '', 'By kind:'];
    for (const [kind, n] of Object.entries(result.byKind)) lines.push(row(n, kindLabel(scheme, kind)));
    for (const [id, counts] of Object.entries(result.byAttribute)) {
      const label = findAttribute(scheme, id)?.label ?? id;
      lines.push('', `By ${label.toLocaleLowerCase()}:`, ...counts.map(([value, n]) => row(n, value || `(no ${label.toLocaleLowerCase()})`)));
    }
    lines.push('', 'By speaker:', ...result.bySpeaker.map(([s, n]) => row(n, s || '(no speaker)')));
    lines.push('', 'By document:', ...result.byDocument.map(([d, n]) => row(n, d)));
    lines.push('', 'By annotator:', ...result.byAuthor.map(([a, n]) => row(n, a || '(no author)')));
    // Names and paths come from sidecars: a bidi control or an escape sequence must not reach the terminal as such.
    io.out(lines.map(visibleLine).join('\n') + '\n');
  }
  return unreadable > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

function row(count: number, label: string): string {
  return `  ${String(count).padStart(6)}  ${label}`;
}

/**
 * The readable sidecars as report input. Everything left out is named on stderr (files and folders
 * that cannot be read, invalid sidecars, documents that exist but cannot be read) and counted.
 */
export async function readReportCorpus(
  io: CliIO,
  paths: readonly string[],
  scheme: AnnotationScheme,
): Promise<{ corpus: CorpusDocument[]; unreadable: number; skipped: string[] }> {
  const corpus: CorpusDocument[] = [];
  const { documents, problems } = await readCorpus(io, paths, scheme);
  let unreadable = 0;
  /** Display paths of the documents whose sidecar was there but could not be taken. */
  const skipped: string[] = [];
  for (const problem of problems) {
    if (problem.severity === 'error') unreadable++;
    const document = problem.folder ? undefined : documentPathForSidecar(problem.path);
    if (problem.severity === 'error' && document !== undefined) skipped.push(displayPath(io, document));
    io.err(problemLine(io, problem.severity === 'error' ? problem : { ...problem, message: `warning: ${problem.message}` }));
  }
  for (const doc of documents) {
    const entry = corpusDocument(doc, displayPath(io, doc.documentPath));
    if (entry) {
      corpus.push(entry);
    } else {
      unreadable++;
      skipped.push(displayPath(io, doc.documentPath));
      const why = doc.documentProblem !== undefined ? `its document ${displayPath(io, doc.documentPath)}: ${doc.documentProblem}` : 'not a valid sidecar (run "source-annotator check")';
      io.err(`${displayPath(io, doc.sidecarPath)}: skipped, ${why}\n`);
    }
  }
  return { corpus, unreadable, skipped };
}
