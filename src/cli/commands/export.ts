import { EXPORTERS, findExporter, type Exporter } from '../../core/report/exporters';
import { choice, parseArgs } from '../args';
import { EXIT_OK, EXIT_PROBLEMS, type CliIO } from '../cliIO';
import { SCHEME_OPTION, SCHEME_USAGE, schemeOfCorpus } from '../cliScheme';
import { readReportCorpus } from './stats';

const FORMATS = EXPORTERS.map((e) => e.id);

export const EXPORT_USAGE = `Usage: source-annotator export [paths…] --format ${FORMATS.join('|')}

Writes the annotations under the paths (default: the current directory) to stdout:
${EXPORTERS.map((e) => `  ${e.id.padEnd(10)} ${e.description}`).join('\n')}
${SCHEME_USAGE}
Exit code: 0, 1 when a sidecar, document or folder could not be read (reported on stderr) or the
scheme has errors, 2 usage error.`;

export async function exportAnnotations(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, { values: ['format', SCHEME_OPTION] });
  const exporter = findExporter(choice(parsed, 'format', FORMATS, 'markdown')) as Exporter;
  const scheme = await schemeOfCorpus(io, parsed);
  if (!scheme) return EXIT_PROBLEMS;
  const { corpus, unreadable } = await readReportCorpus(io, parsed.positionals, scheme);
  io.out(exporter.render(corpus, scheme));
  return unreadable > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
