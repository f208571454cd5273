import { checkSidecar, type CheckProblem } from '../../core/check/checkSidecar';
import { writeFileAtomic } from '../../core/sidecar/atomicWrite';
import { choice, parseArgs } from '../args';
import { displayPath, EXIT_OK, EXIT_PROBLEMS, type CliIO } from '../cliIO';
import { readCorpus } from '../readCorpus';

export const CHECK_USAGE = `Usage: source-annotator check [paths…] [--fix] [--format text|json]

Validates every sidecar (*.annotations.yaml) under the paths (default: the current directory):
schema, duplicate ids, offsets, quotes against the current documents, merge conflict markers, and
sidecars whose document is gone. Prints "file:line:col: severity: message" lines.

  --fix            re-anchor quotes found elsewhere in their document (written atomically);
                   quotes that cannot be found are reported, invalid sidecars are never touched
  --format json    one JSON object instead of lines

Exit code: 0 no errors, 1 errors found, 2 usage error.`;

interface FileReport {
  sidecar: string;
  document: string;
  fixed: boolean;
  problems: (CheckProblem & { fixed: boolean })[];
}

export async function check(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, { values: ['format'], flags: ['fix'] });
  const format = choice(parsed, 'format', ['text', 'json'] as const, 'text');
  const fix = parsed.options.has('fix');
  const corpus = await readCorpus(io, parsed.positionals);

  const reports: FileReport[] = [];
  for (const doc of corpus) {
    const result = checkSidecar(doc);
    const applied = fix && result.fixedText !== undefined;
    if (applied) await writeFileAtomic(doc.sidecarPath, result.fixedText as string);
    reports.push({
      sidecar: displayPath(io, doc.sidecarPath),
      document: displayPath(io, doc.documentPath),
      fixed: applied,
      problems: result.problems.map((p) => ({ ...p, fixed: applied && p.fixable })),
    });
  }

  const all = reports.flatMap((r) => r.problems);
  const errors = all.filter((p) => p.severity === 'error' && !p.fixed).length;
  const warnings = all.filter((p) => p.severity === 'warning' && !p.fixed).length;
  const fixedFiles = reports.filter((r) => r.fixed).length;
  const fixable = all.filter((p) => p.fixable && !p.fixed).length;
  const summary = { sidecars: reports.length, errors, warnings, fixed: all.filter((p) => p.fixed).length, fixedFiles };

  if (format === 'json') {
    io.out(JSON.stringify({ files: reports, summary }, null, 2) + '\n');
  } else {
    for (const report of reports) {
      for (const p of report.problems) io.out(`${report.sidecar}:${p.line}:${p.column}: ${p.fixed ? 'fixed' : p.severity}: ${p.message}\n`);
    }
  }
  const parts = [`${errors} error(s)`, `${warnings} warning(s)`];
  if (fix) parts.push(`${summary.fixed} fixed in ${fixedFiles} file(s)`);
  else if (fixable > 0) parts.push(`${fixable} fixable with --fix`);
  io.err(`Checked ${reports.length} sidecar(s): ${parts.join(', ')}.\n`);
  return errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
