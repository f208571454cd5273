import { checkSidecar, type CheckProblem } from '../../core/check/checkSidecar';
import { readAnnotatedDocument, type AnnotatedDocument } from '../../core/corpus/annotatedDocument';
import { findSidecars } from '../../core/corpus/findSidecars';
import type { AnnotationScheme } from '../../core/scheme/scheme';
import { documentPathForSidecar } from '../../core/sidecar/sidecarFormat';
import { visibleLine } from '../../core/report/visibleText';
import { choice, parseArgs } from '../args';
import { displayPath, EXIT_OK, EXIT_PROBLEMS, type CliIO } from '../cliIO';
import { SCHEME_OPTION, SCHEME_USAGE, schemeOfCorpus } from '../cliScheme';
import { orderedMap, READ_CONCURRENCY } from '../orderedMap';
import { folderProblem, search, type CorpusProblem } from '../readCorpus';
import { writeSidecar } from '../writeSidecar';

export const CHECK_USAGE = `Usage: source-annotator check [paths…] [--fix] [--format text|json]

Validates every sidecar (*.annotations.yaml) under the paths (default: the current directory):
schema, duplicate ids, offsets, quotes against the current documents, merge conflict markers, and
sidecars whose document is gone. Prints "file:line:col: severity: message" lines.

  --fix            re-anchor quotes found elsewhere in their document (written atomically);
                   quotes that cannot be found are reported, invalid sidecars are never touched,
                   and a sidecar that changed on disk since it was read is not overwritten
  --format json    one JSON object instead of lines
${SCHEME_USAGE}

Exit code: 0 no errors, 1 errors found (files that cannot be read or written included), 2 usage error.`;

interface FileReport {
  sidecar: string;
  document: string;
  fixed: boolean;
  /** About a folder met on the way, not a sidecar (not in the JSON output). */
  folder: boolean;
  problems: (CheckProblem & { fixed: boolean })[];
}

export async function check(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, { values: ['format', SCHEME_OPTION], flags: ['fix'] });
  const format = choice(parsed, 'format', ['text', 'json'] as const, 'text');
  const fix = parsed.options.has('fix');
  // Kinds and attributes are checked against the scheme; a broken scheme stops here (exit 1).
  const scheme = await schemeOfCorpus(io, parsed);
  if (!scheme) return EXIT_PROBLEMS;
  const found = await search(io, parsed.positionals, findSidecars);

  // Reports in the order of their sidecar's path as shown; sidecars are read a few at a time and
  // each report is printed as soon as it and all before it are done (text format).
  const entries: { sidecar: string; path: string; problem?: CorpusProblem }[] = [
    ...found.problems.map((p) => ({ sidecar: displayPath(io, p.path), path: p.path, problem: folderProblem(p) })),
    ...found.files.map((path) => ({ sidecar: displayPath(io, path), path })),
  ];
  entries.sort((a, b) => (a.sidecar < b.sidecar ? -1 : a.sidecar > b.sidecar ? 1 : 0));
  const reports: FileReport[] = [];
  let sidecars = 0;
  const run = async (entry: (typeof entries)[number]): Promise<FileReport> => {
    if (entry.problem) return problemReport(io, entry.problem);
    const read = await readAnnotatedDocument(entry.path, scheme);
    if (!read.ok) return problemReport(io, { path: entry.path, severity: 'error', line: read.problem.line, column: read.problem.column, message: read.problem.message, folder: false });
    return checkOne(read.doc, fix, io, scheme);
  };
  for await (const report of orderedMap(entries, READ_CONCURRENCY, run)) {
    reports.push(report);
    // Folders met on the way (unreadable, or named like a sidecar) are reported but are no sidecars.
    if (!report.folder) sidecars++;
    // Messages quote documents and sidecars: their hidden characters are shown, never sent to the terminal.
    if (format === 'text') {
      for (const p of report.problems) io.out(visibleLine(`${report.sidecar}:${p.line}:${p.column}: ${p.fixed ? 'fixed' : p.severity}: ${p.message}`) + '\n');
    }
  }

  const all = reports.flatMap((r) => r.problems);
  const errors = all.filter((p) => p.severity === 'error' && !p.fixed).length;
  const warnings = all.filter((p) => p.severity === 'warning' && !p.fixed).length;
  const fixedFiles = reports.filter((r) => r.fixed).length;
  const fixable = all.filter((p) => p.fixable && !p.fixed).length;
  const summary = { sidecars, errors, warnings, fixed: all.filter((p) => p.fixed).length, fixedFiles };

  if (format === 'json') {
    const files = reports.map(({ folder: _folder, ...report }) => report);
    io.out(JSON.stringify({ files, summary }, null, 2) + '\n');
  }
  const parts = [`${errors} error(s)`, `${warnings} warning(s)`];
  if (fix) parts.push(`${summary.fixed} fixed in ${fixedFiles} file(s)`);
  else if (fixable > 0) parts.push(`${fixable} fixable with --fix`);
  io.err(`Checked ${sidecars} sidecar(s): ${parts.join(', ')}.\n`);
  return errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/** A file or folder that could not be read, as a report of one problem. */
function problemReport(io: CliIO, p: CorpusProblem): FileReport {
  return {
    sidecar: displayPath(io, p.path),
    document: displayPath(io, documentPathForSidecar(p.path) ?? p.path),
    fixed: false,
    folder: p.folder,
    problems: [{ line: p.line, column: p.column, endLine: p.line, endColumn: p.column, severity: p.severity, message: p.message, fixable: false, fixed: false }],
  };
}

/** Checks one sidecar and, with --fix, writes its repair unless that would be unsafe (then the reason is one more problem). */
async function checkOne(doc: AnnotatedDocument, fix: boolean, io: CliIO, scheme: AnnotationScheme): Promise<FileReport> {
  const result = checkSidecar(doc, scheme);
  let applied = false;
  let refused: string | undefined;
  if (fix && result.fixedText !== undefined && result.fixedFile !== undefined) {
    const written = await writeSidecar(doc.sidecarPath, result.fixedText, {
      file: result.fixedFile,
      documentText: doc.documentText,
      expected: doc.sidecarSnapshot,
      io,
    });
    applied = written.ok;
    if (!written.ok) refused = `not fixed: ${written.reason}`;
  }
  const problems = result.problems.map((p) => ({ ...p, fixed: applied && p.fixable }));
  if (refused !== undefined) problems.unshift({ line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', message: refused, fixable: false, fixed: false });
  return { sidecar: displayPath(io, doc.sidecarPath), document: displayPath(io, doc.documentPath), fixed: applied, folder: false, problems };
}
