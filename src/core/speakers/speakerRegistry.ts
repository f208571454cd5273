import type { ValidateFunction } from 'ajv';
import { ajvClass } from '../lazyLibraries';
import { isNode, LineCounter, parseDocument } from 'yaml';
import schema from '../../../schemas/speakers.schema.json';
import type { SidecarProblem } from '../sidecar/parseSidecar';
import { stripBom } from '../text/documentText';
import { loneCrAsLf } from '../sidecar/sourceRange';

/** Where the registry lives, relative to the workspace root: committed with the corpus. */
export const SPEAKER_REGISTRY_PATH = '.annotations/speakers.yaml';

export interface RegisteredSpeaker {
  readonly name: string;
  readonly aliases: readonly string[];
}

export type RegistryProblem = SidecarProblem;

export interface SpeakerRegistryParse {
  /** What could be read; empty when the file is broken (a half-read registry would regroup wrongly). */
  readonly registry: SpeakerRegistry;
  readonly problems: readonly RegistryProblem[];
}

/** Aliases match ignoring case and surrounding spaces: "lavrov " is "Lavrov". */
function aliasKey(name: string): string {
  return name.trim().toLocaleLowerCase();
}

/**
 * Canonical speaker names and their variants ("Lavrov", "Russia's foreign minister Sergey
 * Lavrov" → "Sergey Lavrov"). Names not in the registry are their own canonical name.
 */
export class SpeakerRegistry {
  private readonly canonicalByKey = new Map<string, string>();

  constructor(readonly speakers: readonly RegisteredSpeaker[] = []) {
    for (const speaker of speakers) {
      this.canonicalByKey.set(aliasKey(speaker.name), speaker.name);
      for (const alias of speaker.aliases) this.canonicalByKey.set(aliasKey(alias), speaker.name);
    }
  }

  /** The canonical names, in registry order. */
  get names(): string[] {
    return this.speakers.map((s) => s.name);
  }

  canonical(speaker: string): string {
    return this.canonicalByKey.get(aliasKey(speaker)) ?? speaker;
  }

  /** True for a registered variant that is not itself a canonical name. */
  isAlias(speaker: string): boolean {
    const canonical = this.canonicalByKey.get(aliasKey(speaker));
    return canonical !== undefined && aliasKey(canonical) !== aliasKey(speaker);
  }
}

let validator: ValidateFunction | undefined;

/**
 * Reads `.annotations/speakers.yaml`. Never throws; every problem (YAML syntax, schema, a name
 * or alias given to two speakers) comes back with its line and column, and a file with
 * problems yields an empty registry rather than a guess.
 */
export function parseSpeakerRegistry(text: string): SpeakerRegistryParse {
  const lineCounter = new LineCounter();
  // A lone CR ends a line (old Mac files), as in sidecars, YAML 1.2 and VS Code; offsets are unchanged.
  const doc = parseDocument(loneCrAsLf(stripBom(text)), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (range: readonly number[] | null | undefined): Omit<RegistryProblem, 'message'> => {
    const [start, end] = range ?? [0, 0];
    const s = lineCounter.linePos(start);
    const e = lineCounter.linePos(Math.max(start, end));
    return { line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
  };
  const failed = (problems: RegistryProblem[]): SpeakerRegistryParse => ({
    registry: new SpeakerRegistry(),
    problems: problems.sort((a, b) => a.line - b.line || a.column - b.column),
  });

  if (doc.errors.length > 0) return failed(doc.errors.map((e) => ({ ...at(e.pos), message: `YAML syntax error: ${e.message}` })));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return failed([{ ...at(undefined), message: `YAML error: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  if (data === null || data === undefined) return { registry: new SpeakerRegistry(), problems: [] };

  validator ??= new (ajvClass())({ allErrors: true, strict: true }).compile(schema);
  if (!validator(data)) {
    return failed(
      (validator.errors ?? []).map((error) => {
        const path = error.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
        const node = doc.getIn(path, true);
        const label = path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
        const extra = error.keyword === 'additionalProperties' ? ` "${String((error.params as { additionalProperty: unknown }).additionalProperty)}"` : '';
        return { ...at(isNode(node) ? node.range : doc.contents?.range), message: `${label ? `${label}: ` : ''}${error.message ?? 'invalid value'}${extra}` };
      }),
    );
  }

  const raw = (data as { speakers: { name: string; aliases?: string[] | null }[] | null }).speakers ?? [];
  const speakers = raw.map((s) => ({ name: s.name.trim(), aliases: (s.aliases ?? []).map((a) => a.trim()) }));
  const problems: RegistryProblem[] = [];
  const owner = new Map<string, number>();
  speakers.forEach((speaker, i) => {
    [speaker.name, ...speaker.aliases].forEach((name, j) => {
      const key = aliasKey(name);
      const first = owner.get(key);
      if (first === undefined) {
        owner.set(key, i);
      } else if (first !== i || j > 0) {
        const node = doc.getIn(j === 0 ? ['speakers', i, 'name'] : ['speakers', i, 'aliases', j - 1], true);
        const whose = first === i ? 'this speaker' : `"${speakers[first].name}"`;
        problems.push({ ...at(isNode(node) ? node.range : undefined), message: `"${name}" is already a name or alias of ${whose}; each name may belong to one speaker only` });
      }
    });
  });
  if (problems.length > 0) return failed(problems);
  return { registry: new SpeakerRegistry(speakers), problems: [] };
}

