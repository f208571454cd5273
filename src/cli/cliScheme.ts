import { resolve } from 'node:path';
import { findScheme, readScheme } from '../core/scheme/findScheme';
import type { AnnotationScheme } from '../core/scheme/scheme';
import { visibleLine } from '../core/report/visibleText';
import type { ParsedArgs } from './args';
import { displayPath, type CliIO } from './cliIO';

/** The option every command that reads sidecars takes. */
export const SCHEME_OPTION = 'scheme';

export const SCHEME_USAGE = `  --scheme FILE    the annotation scheme to check kinds and attributes against (default: the
                   nearest .annotations/schema.yaml above the first path, up to the repository
                   root; without one, the built-in kinds claim, quote, speculation, advertisement)`;

/**
 * The annotation scheme of the corpus a command reads: `--scheme FILE`, else the nearest
 * `.annotations/schema.yaml` above the first path (or the working directory). A scheme file with
 * problems is printed as `path:line:col: error: message` lines and the command must stop with
 * exit 1 (undefined is returned): no sidecar is judged against a substitute.
 */
export async function schemeOfCorpus(io: CliIO, args: ParsedArgs): Promise<AnnotationScheme | undefined> {
  const given = args.options.get(SCHEME_OPTION);
  const lookup = typeof given === 'string' ? await readScheme(resolve(io.cwd, given), given) : await findScheme(resolve(io.cwd, args.positionals[0] ?? '.'));
  if (lookup.ok) return lookup.scheme;
  for (const p of lookup.problems) io.out(visibleLine(`${displayPath(io, lookup.path)}:${p.line}:${p.column}: error: ${p.message}`) + '\n');
  io.err(`The annotation scheme ${displayPath(io, lookup.path)} has ${lookup.problems.length} error(s); no sidecar was read. Fix it first.\n`);
  return undefined;
}
