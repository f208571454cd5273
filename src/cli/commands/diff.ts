import { resolve } from 'node:path';
import { annotationChanges } from '../../core/history/annotationChanges';
import { changesMarkdown, changesText } from '../../core/history/changesReport';
import { visibleLine } from '../../core/report/visibleText';
import { choice, parseArgs } from '../args';
import { displayPath, EXIT_OK, EXIT_PROBLEMS, UsageError, type CliIO } from '../cliIO';
import { SCHEME_OPTION, SCHEME_USAGE, schemeOfCorpus } from '../cliScheme';
import { corpusAtCommit, GitRepository } from '../gitCorpus';
import { readReportCorpus } from './stats';

export const DIFF_USAGE = `Usage: source-annotator diff <ref> [paths…] [--format text|json|markdown]

The annotations added, removed and changed since a git ref (branch, tag, commit), with document,
line and quote. Annotations are matched by id; both versions are read against the documents'
current text, so a span that only moved because text was edited above it is not a change.
A change names its fields: span, kind, speaker, note, author, orphaned, attributes.<id>.

Options:
  --format F   text (default), json ({"changes": [...]}) or markdown (for a pull-request comment)
${SCHEME_USAGE}
Exit code: 0, 1 when a sidecar or document could not be read (reported on stderr) or the scheme
has errors, 2 usage error (not a git repository, not a ref).`;

export async function diff(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, { values: ['format', SCHEME_OPTION] });
  const format = choice(parsed, 'format', ['text', 'json', 'markdown'] as const, 'text');
  const [ref, ...paths] = parsed.positionals;
  if (ref === undefined) throw new UsageError('give the git ref to compare with: source-annotator diff main');
  const repo = await GitRepository.at(io.cwd);
  const commit = await repo.commit(ref);
  const scheme = await schemeOfCorpus(io, { ...parsed, positionals: paths });
  if (!scheme) return EXIT_PROBLEMS;
  const where = paths.length > 0 ? paths.map((p) => resolve(io.cwd, p)) : [io.cwd];
  const then = await corpusAtCommit(repo, commit, where, scheme);
  for (const p of then.problems) io.err(visibleLine(`${ref}:${p.path}: skipped, ${p.message}`) + '\n');
  const now = await readReportCorpus(io, paths, scheme);
  // A document whose sidecar could not be read on either side is left out, not reported as all
  // added or all removed: that would misstate what happened to it (its problem is on stderr).
  const skipped = new Set([...now.skipped, ...then.problems.map((p) => displayPath(io, repo.absolute(p.document)))]);
  const before = then.corpus.map((d) => ({ ...d, path: displayPath(io, repo.absolute(d.path)) })).filter((d) => !skipped.has(d.path));
  const changes = annotationChanges(before, now.corpus.filter((d) => !skipped.has(d.path)));
  if (format === 'json') io.out(JSON.stringify({ changes }, null, 2) + '\n');
  else if (format === 'markdown') io.out(changesMarkdown(changes, ref, scheme));
  else io.out(changesText(changes, scheme));
  return then.problems.length + now.unreadable > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
