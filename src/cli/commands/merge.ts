import { readFile } from 'node:fs/promises';
import { joinConflictSides } from '../../core/merge/conflictSides';
import { mergeSidecarTexts } from '../../core/merge/mergeSidecarTexts';
import { writeFileAtomic } from '../../core/sidecar/atomicWrite';
import { parseArgs } from '../args';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type CliIO } from '../cliIO';

export const MERGE_USAGE = `Usage: source-annotator merge <base> <ours> <theirs>

Git merge driver for sidecars (%O %A %B): merges by annotation id and writes the result over
<ours>. Where both sides changed the same annotation differently, both versions are kept, the
other one with a new id and a note "conflict: other version of <id>".
Exit code: 0 merged cleanly, 1 both versions kept or a side unreadable (git then reports a
conflict), 2 usage error.`;

export async function merge(args: readonly string[], io: CliIO): Promise<number> {
  const { positionals } = parseArgs(args, {});
  if (positionals.length !== 3) throw new UsageError('merge needs exactly three files: <base> <ours> <theirs>');
  const [basePath, oursPath, theirsPath] = positionals;
  const [base, ours, theirs] = await Promise.all([readFile(basePath, 'utf8').catch(() => ''), readFile(oursPath, 'utf8'), readFile(theirsPath, 'utf8')]);
  const result = mergeSidecarTexts(base, ours, theirs);
  if (!result.ok) {
    const first = result.problems[0];
    io.err(`source-annotator merge: ${result.side} is not a valid sidecar (line ${first?.line}: ${first?.message}); left both versions between conflict markers\n`);
    await writeFileAtomic(oursPath, joinConflictSides(ours, theirs));
    return EXIT_PROBLEMS;
  }
  await writeFileAtomic(oursPath, result.text);
  for (const c of result.conflicts) {
    io.err(
      c.kind === 'changed'
        ? `source-annotator merge: ${c.id} was changed differently on both sides; kept both (the other version is ${c.copyId})\n`
        : `source-annotator merge: ${c.id} was deleted on one side and changed on the other; kept it\n`,
    );
  }
  return result.conflicts.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
