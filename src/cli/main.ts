import { version } from '../../package.json';
import { agree, AGREE_USAGE } from './commands/agree';
import { check, CHECK_USAGE } from './commands/check';
import { diff, DIFF_USAGE } from './commands/diff';
import { exportAnnotations, EXPORT_USAGE } from './commands/export';
import { importAnnotations, IMPORT_USAGE } from './commands/import';
import { init, INIT_USAGE } from './commands/init';
import { merge, MERGE_USAGE } from './commands/merge';
import { stats, STATS_USAGE } from './commands/stats';
import { suggest, SUGGEST_USAGE } from './commands/suggest';
import { EXIT_BUG, EXIT_OK, EXIT_USAGE, processIO, UsageError, type CliIO } from './cliIO';

interface CliCommand {
  readonly run: (args: readonly string[], io: CliIO) => Promise<number>;
  readonly usage: string;
  readonly summary: string;
}

const COMMANDS: Readonly<Record<string, CliCommand>> = {
  check: { run: check, usage: CHECK_USAGE, summary: 'validate sidecars against their documents (--fix re-anchors)' },
  export: { run: exportAnnotations, usage: EXPORT_USAGE, summary: 'write a report, JSON, W3C, brat, Label Studio, doccano or spaCy files' },
  import: { run: importAnnotations, usage: IMPORT_USAGE, summary: 'bring in brat, Label Studio, doccano or W3C annotations (or suggestions)' },
  stats: { run: stats, usage: STATS_USAGE, summary: 'count annotations per kind, speaker, document, annotator' },
  merge: { run: merge, usage: MERGE_USAGE, summary: 'git merge driver: merge two sidecars by annotation id' },
  suggest: { run: suggest, usage: SUGGEST_USAGE, summary: 'suggest quotes, speakers, claims, speculation, boilerplate (--write adds them)' },
  agree: { run: agree, usage: AGREE_USAGE, summary: 'inter-annotator agreement: span F1, Cohen\'s κ, Krippendorff\'s α, speaker' },
  diff: { run: diff, usage: DIFF_USAGE, summary: 'annotations added, removed and changed since a git ref (text, json, markdown)' },
  init: { run: init, usage: INIT_USAGE, summary: 'set up this git repository: merge driver, .gitattributes (--hook: pre-commit hook)' },
};

export const USAGE = `Usage: source-annotator <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join('\n')}

Run "source-annotator <command> --help" for a command's options.
  --help       show this help
  --version    print the version`;

/** Runs one command line; returns the exit code. Never calls process.exit, so tests can call it. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    io.out(`${version}\n`);
    return EXIT_OK;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(USAGE + '\n');
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`source-annotator: unknown command "${name}"\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage + '\n');
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`source-annotator ${name}: ${error.message}\n\n${command.usage}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), processIO()).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      // Problems of the files read or written are reported by the commands (exit 1); this is a bug.
      process.stderr.write(`source-annotator: internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT_BUG;
    },
  );
}
