import { resolve } from 'node:path';
import { readSidecarFile, type SidecarRead } from '../../core/corpus/readFiles';
import { joinConflictSideBytes } from '../../core/merge/conflictSides';
import { mergeSidecarTexts } from '../../core/merge/mergeSidecarTexts';
import { parseArgs } from '../args';
import { displayPath, EXIT_OK, EXIT_PROBLEMS, UsageError, type CliIO } from '../cliIO';
import { writeSidecar } from '../writeSidecar';

export const MERGE_USAGE = `Usage: source-annotator merge <base> <ours> <theirs>

Git merge driver for sidecars (%O %A %B): merges by annotation id and writes the result over
<ours>. Where both sides changed the same annotation differently, both versions are kept, the
other one with a new id and a note "conflict: other version of <id>". An empty <base> means the
sides have no common version (both added the file): they are united by id.
When <base> cannot be read or is not a valid sidecar, or a side is not a valid sidecar, both
sides are written between conflict markers; when <ours> or <theirs> cannot be read at all,
nothing is written.
Exit code: 0 merged cleanly, 1 both versions kept or a file unreadable or invalid (git then
reports a conflict), 2 usage error.`;

const ROLES = ['base', 'ours', 'theirs'] as const;

export async function merge(args: readonly string[], io: CliIO): Promise<number> {
  const { positionals } = parseArgs(args, {});
  if (positionals.length !== 3) throw new UsageError('merge needs exactly three files: <base> <ours> <theirs>');
  const paths = positionals.map((p) => resolve(io.cwd, p));
  const reads: SidecarRead[] = [];
  for (const path of paths) reads.push(await readSidecarFile(path));
  const [base, ours, theirs] = reads;
  const oursPath = paths[1];
  const say = (message: string): void => io.err(`source-annotator merge: ${message}\n`);
  reads.forEach((read, i) => {
    if (read.ok) return;
    const { line, column, message } = read.problem;
    const at = line === 1 && column === 1 ? '' : `:${line}:${column}`;
    say(`${ROLES[i]} ${displayPath(io, paths[i])}${at}: ${message}`);
  });

  // Without the bytes of both sides there is nothing to merge or to keep: leave <ours> as it is.
  const oursRead = ours.snapshot;
  const theirsRead = theirs.snapshot;
  if (!oursRead || !theirsRead) {
    say('nothing was written');
    return EXIT_PROBLEMS;
  }
  const bothSides = async (why: string): Promise<number> => {
    const written = await writeSidecar(oursPath, joinConflictSideBytes(oursRead.bytes, theirsRead.bytes), { expected: oursRead, io });
    say(written.ok ? `${why}: left both versions between conflict markers` : `${why}; ${displayPath(io, oursPath)} ${written.reason}`);
    return EXIT_PROBLEMS;
  };
  if (!ours.ok || !theirs.ok) return bothSides('a side cannot be read as a sidecar');
  // git always passes a base file (empty when there is no common version): one that cannot be
  // read is an error, never "no base", which would bring back what one side deleted.
  if (!base.ok) return bothSides('without the common version, an annotation deleted on one side cannot be told from one added on the other');

  const result = mergeSidecarTexts(base.text, ours.text, theirs.text);
  if (!result.ok) {
    const first = result.problems[0];
    const role = ROLES.indexOf(result.side as (typeof ROLES)[number]);
    say(`${result.side} ${displayPath(io, paths[role] ?? oursPath)}:${first?.line}:${first?.column}: ${first?.message}`);
    return bothSides(`the ${result.side} is not a valid sidecar`);
  }
  const written = await writeSidecar(oursPath, result.text, { file: result.file, expected: oursRead, io });
  if (!written.ok) {
    say(`${displayPath(io, oursPath)}: ${written.reason}`);
    return EXIT_PROBLEMS;
  }
  for (const c of result.conflicts) {
    say(
      c.kind === 'changed'
        ? `${c.id} was changed differently on both sides; kept both (the other version is ${c.copyId})`
        : `${c.id} was deleted on one side and changed on the other; kept it`,
    );
  }
  return result.conflicts.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
