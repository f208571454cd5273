import { extname, resolve } from 'node:path';
import { findFiles } from '../../core/corpus/findSidecars';
import { importFiles, type FileSummary } from '../../core/interchange/applyImport';
import { IMPORT_FORMATS, type ImportFormat } from '../../core/interchange/formats';
import { LabelMap } from '../../core/interchange/labelMap';
import { summarizeSkipped } from '../../core/interchange/importSummary';
import { visibleLine } from '../../core/report/visibleText';
import { choice, parseArgs } from '../args';
import { displayPath, EXIT_OK, EXIT_PROBLEMS, UsageError, type CliIO } from '../cliIO';
import { SCHEME_OPTION, SCHEME_USAGE, schemeOfCorpus } from '../cliScheme';
import { problemLine, search } from '../readCorpus';

const FORMATS = IMPORT_FORMATS.map((f) => f.id);

export const IMPORT_USAGE = `Usage: source-annotator import --format ${FORMATS.join('|')} [--as suggestions]
                               [--map SOURCE=KIND …] [--documents DIR] <files or folders…>

Imports annotations made with other tools into the sidecars next to the documents, merged with
what is there: an annotation of the same kind and span is never added twice, and an invalid
sidecar is never touched (it is reported). Folders are searched for files of the format.
${IMPORT_FORMATS.map((f) => `  ${f.id.padEnd(13)} ${f.description}`).join('\n')}

  --as suggestions   import as suggestions to review in the editor (accept/reject), kept in
                     X.suggestions.yaml beside each document X; Label Studio predictions are
                     imported only this way
  --map SOURCE=KIND  the format's label SOURCE becomes the scheme's kind KIND (repeatable;
                     SOURCE= leaves a label out); other labels are taken lower-cased when the
                     scheme has that kind, and skipped otherwise
  --documents DIR    where the documents are: brat's X.txt (default: beside X.ann), the paths
                     Label Studio, doccano and W3C records name (default: the import file's
                     folder; for W3C the current directory, where "export" wrote them from).
                     Label Studio and doccano records that name no document are written as
                     <import file>-<id>.txt beside the import file
${SCHEME_USAGE}

brat: the text of an event's or a relation's Source or Speaker argument becomes the speaker of
its other spans (attribution corpora: Source, Cue, Content); a discontinuous span becomes one
annotation per fragment.

Every span not imported is listed on stderr with its reason, then a count per reason.
Exit code: 0, 1 when a file, document or sidecar could not be imported at all, 2 usage error.`;

export async function importAnnotations(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, { values: ['format', 'as', 'documents', SCHEME_OPTION], repeated: ['map'] });
  if (!parsed.options.has('format')) throw new UsageError(`--format is required (${FORMATS.join(', ')})`);
  const format = IMPORT_FORMATS.find((f) => f.id === choice(parsed, 'format', FORMATS, 'brat')) as ImportFormat;
  const target = choice(parsed, 'as', ['annotations', 'suggestions'] as const, 'annotations');
  if (parsed.positionals.length === 0) throw new UsageError('name the files (or folders) to import');
  const scheme = await schemeOfCorpus(io, parsed);
  if (!scheme) return EXIT_PROBLEMS;
  let labels: LabelMap;
  try {
    labels = LabelMap.parse(parsed.lists.get('map') ?? [], scheme);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const found = await search(io, parsed.positionals, (paths) => findFiles(paths, (path, given) => given || format.importer.extensions.includes(extname(path).slice(1).toLowerCase()), 'an import file'));
  for (const problem of found.problems) io.err(problemLine(io, { ...problem, line: 1, column: 1 }));
  const documents = parsed.options.get('documents');
  const summaries = await importFiles({
    format,
    files: found.files,
    target,
    labels,
    scheme,
    documentFolder: typeof documents === 'string' ? resolve(io.cwd, documents) : format.id === 'w3c' ? io.cwd : undefined,
    display: (path) => displayPath(io, path),
    onProgress: (done, total, file) => void (file && io.err(`[${done + 1}/${total}] ${visibleLine(file)}\n`)),
  });
  report(io, summaries, target);
  const failed = found.problems.some((p) => p.severity === 'error') || summaries.some((s) => s.skipped.some((k) => k.whole));
  return failed ? EXIT_PROBLEMS : EXIT_OK;
}

function report(io: CliIO, summaries: readonly FileSummary[], target: string): void {
  for (const s of summaries) {
    for (const k of s.skipped) io.err(visibleLine(`${k.file}: ${k.where}: ${k.reason}`) + '\n');
    io.err(visibleLine(`${s.file}: ${s.imported} imported, ${s.skipped.length} skipped${s.written.length > 0 ? `; wrote ${s.written.map((w) => displayPath(io, w)).join(', ')}` : ''}`) + '\n');
  }
  const imported = summaries.reduce((n, s) => n + s.imported, 0);
  const skipped = summaries.flatMap((s) => s.skipped);
  io.err(`Imported ${imported} ${target === 'suggestions' ? 'suggestion' : 'annotation'}(s) from ${summaries.length} file(s); ${skipped.length} skipped.\n`);
  for (const [reason, count] of summarizeSkipped(skipped)) io.err(visibleLine(`  ${String(count).padStart(6)}  ${reason}`) + '\n');
}
