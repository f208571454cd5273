import { UsageError } from './cliIO';

export interface ParsedArgs {
  readonly positionals: string[];
  /** `--name value` and `--name=value` options; flags map to `true`. */
  readonly options: Map<string, string | true>;
  /** Options that may be given several times, every value in order (`--map A=x --map B=y`). */
  readonly lists: Map<string, string[]>;
}

export interface ArgSpec {
  /** Options that take a value. */
  readonly values?: readonly string[];
  /** Options that take none. */
  readonly flags?: readonly string[];
  /** Options that take a value and may be repeated. */
  readonly repeated?: readonly string[];
}

/** Splits the arguments of a command, refusing options the command does not know. */
export function parseArgs(args: readonly string[], spec: ArgSpec): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const flags = new Set(spec.flags ?? []);
  const repeated = new Set(spec.repeated ?? []);
  const lists = new Map<string, string[]>();
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (flags.has(name)) {
      if (eq !== -1) throw new UsageError(`option --${name} takes no value`);
      options.set(name, true);
    } else if (values.has(name) || repeated.has(name)) {
      const value = eq !== -1 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') throw new UsageError(`option --${name} needs a value`);
      if (repeated.has(name)) lists.set(name, [...(lists.get(name) ?? []), value]);
      else options.set(name, value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positionals, options, lists };
}

/** The value of a `--format`-like option, checked against its allowed values. */
export function choice<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
  const value = args.options.get(name);
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}
