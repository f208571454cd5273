import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/interchange/formats';
import { describeFileError, isFileSystemError } from '../../core/corpus/readFiles';
import { writeFileAtomic } from '../../core/sidecar/atomicWrite';
import { visibleLine } from '../../core/report/visibleText';
import { choice, parseArgs } from '../args';
import { displayPath, EXIT_OK, EXIT_PROBLEMS, UsageError, type CliIO } from '../cliIO';
import { SCHEME_OPTION, SCHEME_USAGE, schemeOfCorpus } from '../cliScheme';
import { readReportCorpus } from './stats';

const FORMATS = EXPORT_FORMATS.map((f) => f.id);

export const EXPORT_USAGE = `Usage: source-annotator export [paths…] --format ${FORMATS.join('|')} [--out DIR]

Writes the annotations under the paths (default: the current directory) to stdout, or with
--out DIR to files in DIR (created if needed; brat needs it: one X.txt and X.ann per document):
${EXPORT_FORMATS.map((f) => `  ${f.id.padEnd(13)} ${f.description}`).join('\n')}
${SCHEME_USAGE}
What a format cannot carry (orphaned annotations, documents that are gone, line breaks in brat
notes) is reported on stderr. Exit code: 0, 1 when a sidecar, document or folder could not be
read (reported on stderr), the scheme has errors or a file could not be written, 2 usage error.`;

export async function exportAnnotations(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, { values: ['format', 'out', SCHEME_OPTION] });
  const format = EXPORT_FORMATS.find((f) => f.id === choice(parsed, 'format', FORMATS, 'markdown')) as ExportFormat;
  const out = parsed.options.get('out');
  if (format.exporter.perDocument && typeof out !== 'string') throw new UsageError(`--format ${format.id} writes one file per document: give a folder with --out DIR`);
  const scheme = await schemeOfCorpus(io, parsed);
  if (!scheme) return EXIT_PROBLEMS;
  const { corpus, unreadable } = await readReportCorpus(io, parsed.positionals, scheme);
  const result = format.exporter.render(corpus, scheme);
  for (const note of result.notes) io.err(visibleLine(`${note.document}: ${note.message}`) + '\n');
  if (typeof out !== 'string') {
    for (const file of result.files) io.out(file.text);
    return unreadable > 0 ? EXIT_PROBLEMS : EXIT_OK;
  }
  const folder = resolve(io.cwd, out);
  let failed = 0;
  for (const file of result.files) {
    const path = join(folder, file.path);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, file.text);
    } catch (error) {
      if (!isFileSystemError(error)) throw error;
      failed++;
      io.err(`${displayPath(io, path)}: cannot write: ${describeFileError(error)}\n`);
    }
  }
  io.err(`Wrote ${result.files.length - failed} file(s) to ${displayPath(io, folder)} (${corpus.length} document(s)).\n`);
  return unreadable > 0 || failed > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
