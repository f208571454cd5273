import { claimsReportMarkdown } from '../../core/report/claimsReport';
import { w3cCollection } from '../../core/report/w3cExport';
import { choice, parseArgs } from '../args';
import { EXIT_OK, EXIT_PROBLEMS, type CliIO } from '../cliIO';
import { readReportCorpus } from './stats';

export const EXPORT_USAGE = `Usage: source-annotator export [paths…] --format markdown|json|w3c

Writes the annotations under the paths (default: the current directory) to stdout:
  markdown   a "claims by speaker" report
  json       the annotations of each document (code point offsets, re-anchored to the current text)
  w3c        a W3C Web Annotation collection (JSON-LD, TextQuoteSelector + TextPositionSelector)
Exit code: 0, 1 when a sidecar, document or folder could not be read (reported on stderr), 2 usage error.`;

export async function exportAnnotations(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, { values: ['format'] });
  const format = choice(parsed, 'format', ['markdown', 'json', 'w3c'] as const, 'markdown');
  const { corpus, unreadable } = await readReportCorpus(io, parsed.positionals);
  if (format === 'markdown') {
    io.out(claimsReportMarkdown(corpus));
  } else if (format === 'w3c') {
    io.out(JSON.stringify(w3cCollection(corpus), null, 2) + '\n');
  } else {
    const documents = corpus.map((d) => ({ document: d.path, annotations: d.annotations }));
    io.out(JSON.stringify({ documents }, null, 2) + '\n');
  }
  return unreadable > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
