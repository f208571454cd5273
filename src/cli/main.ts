import { version } from '../../package.json';
import type * as Agree from './commands/agree';
import type * as Check from './commands/check';
import type * as Diff from './commands/diff';
import type * as Export from './commands/export';
import type * as Import from './commands/import';
import type * as Init from './commands/init';
import type * as Merge from './commands/merge';
import type * as Stats from './commands/stats';
import type * as Suggest from './commands/suggest';
import { EXIT_BUG, EXIT_OK, EXIT_USAGE, processIO, UsageError, type CliIO } from './cliIO';

interface CliCommand {
  readonly run: (args: readonly string[], io: CliIO) => Promise<number>;
  readonly usage: string;
}

/*
 * Each command's module (and the libraries it uses) is loaded when that command runs, not at
 * start-up: esbuild keeps a module behind `require` unevaluated until it is required, so
 * `--version` and `--help` evaluate none of them, and `stats` none of the others'.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- deliberate lazy loading, see above */
const COMMANDS: Readonly<Record<string, { readonly load: () => CliCommand; readonly summary: string }>> = {
  check: {
    load: () => ((m: typeof Check) => ({ run: m.check, usage: m.CHECK_USAGE }))(require('./commands/check')),
    summary: 'validate sidecars against their documents (--fix re-anchors)',
  },
  export: {
    load: () => ((m: typeof Export) => ({ run: m.exportAnnotations, usage: m.EXPORT_USAGE }))(require('./commands/export')),
    summary: 'write a report, JSON, W3C, brat, Label Studio, doccano or spaCy files',
  },
  import: {
    load: () => ((m: typeof Import) => ({ run: m.importAnnotations, usage: m.IMPORT_USAGE }))(require('./commands/import')),
    summary: 'bring in brat, Label Studio, doccano or W3C annotations (or suggestions)',
  },
  stats: { load: () => ((m: typeof Stats) => ({ run: m.stats, usage: m.STATS_USAGE }))(require('./commands/stats')), summary: 'count annotations per kind, speaker, document, annotator' },
  merge: { load: () => ((m: typeof Merge) => ({ run: m.merge, usage: m.MERGE_USAGE }))(require('./commands/merge')), summary: 'git merge driver: merge two sidecars by annotation id' },
  suggest: {
    load: () => ((m: typeof Suggest) => ({ run: m.suggest, usage: m.SUGGEST_USAGE }))(require('./commands/suggest')),
    summary: 'suggest quotes, speakers, claims, speculation, boilerplate (--write adds them)',
  },
  agree: {
    load: () => ((m: typeof Agree) => ({ run: m.agree, usage: m.AGREE_USAGE }))(require('./commands/agree')),
    summary: 'inter-annotator agreement: span F1, Cohen\'s κ, Krippendorff\'s α, speaker',
  },
  diff: { load: () => ((m: typeof Diff) => ({ run: m.diff, usage: m.DIFF_USAGE }))(require('./commands/diff')), summary: 'annotations added, removed and changed since a git ref (text, json, markdown)' },
  init: { load: () => ((m: typeof Init) => ({ run: m.init, usage: m.INIT_USAGE }))(require('./commands/init')), summary: 'set up this git repository: merge driver, .gitattributes (--hook: pre-commit hook)' },
};
/* eslint-enable @typescript-eslint/no-require-imports */

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
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name].load() : undefined;
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
