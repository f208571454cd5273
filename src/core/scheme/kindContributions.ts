import { BUILT_IN_KINDS, type BuiltInKind, type KindStyle } from './scheme';

/*
 * package.json's per-kind entries (commands, keys, menus, theme colours, the hiddenKinds setting)
 * and their package.nls.json strings, generated from BUILT_IN_KINDS. Pure: scripts/contributions.mjs
 * writes what this returns into the two files, and test/unit/contributions.test.ts checks that
 * they hold exactly it. Every entry is rewritten where it already is; entries of a family that
 * are new (a kind added to the table) go after the family's last entry.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Entries of one array of package.json that share a shape, one or two per kind. */
export interface ArrayFamily {
  readonly name: string;
  /** Property names from package.json's root down to the array. */
  readonly path: readonly string[];
  /** The property naming an entry: `command` or, for colours, `id`. */
  readonly key: 'command' | 'id';
  /** The names of a kind's entries (for a kind no longer in the table too, to find them). */
  readonly names: (kindId: string) => string[];
  readonly entries: (kind: BuiltInKind, index: number) => JsonObject[];
}

/** Keys of package.nls.json, one or two per kind. */
export interface NlsFamily {
  readonly name: string;
  readonly keys: (kindId: string) => string[];
  readonly entries: (kind: BuiltInKind) => [string, string][];
}

const EXT = 'sourceAnnotator';
const CLAIMS_VIEW = `view == ${EXT}.claimsBySpeaker`;
const TAG_WHEN = `editorTextFocus && editorHasSelection && ${EXT}.editorAnnotatable`;

/** `claim` → `Claim`, as the command ids spell it (src/extension/commands/tagSelection.ts). */
export function commandSuffix(kindId: string): string {
  return kindId.charAt(0).toUpperCase() + kindId.slice(1);
}

const tagAs = (id: string) => `${EXT}.tagAs${commandSuffix(id)}`;
const show = (id: string) => `${EXT}.claims.show${commandSuffix(id)}`;
const hide = (id: string) => `${EXT}.claims.hide${commandSuffix(id)}`;
const next = (id: string) => `${EXT}.next${commandSuffix(id)}`;
const previous = (id: string) => `${EXT}.previous${commandSuffix(id)}`;
const background = (id: string) => `${EXT}.${id}Background`;
const border = (id: string) => `${EXT}.${id}Border`;
/** The view's context key saying whether the kind is listed (src/extension/claims/claimsFilter.ts). */
const showing = (id: string) => `${EXT}.claims.showing.${id}`;

/** `%command.tagAsClaim%` for `sourceAnnotator.tagAsClaim`. */
const titleOf = (command: string) => `%command.${command.slice(EXT.length + 1)}%`;

function command(id: string, icon: string | undefined): JsonObject {
  const entry: JsonObject = { command: id, title: titleOf(id), category: '%category%' };
  if (icon) entry.icon = `$(${icon})`;
  return entry;
}

/** What a kind's border colour draws, by the kind's style (src/extension/decorations.ts). */
const BORDER_USE: Record<KindStyle, string> = {
  underline: 'Underline and overview ruler mark',
  box: 'Outline and overview ruler mark',
  wavy: 'Wavy underline and overview ruler mark',
  dim: 'Dotted underline and overview ruler mark',
  highlight: 'Overview ruler mark',
};

export const ARRAY_FAMILIES: readonly ArrayFamily[] = [
  {
    name: 'Tag Selection as <Kind> commands',
    path: ['contributes', 'commands'],
    key: 'command',
    names: (id) => [tagAs(id)],
    entries: (k) => [command(tagAs(k.id), k.icon)],
  },
  {
    name: 'Show/Hide <Kinds> commands',
    path: ['contributes', 'commands'],
    key: 'command',
    names: (id) => [show(id), hide(id)],
    entries: (k) => [command(show(k.id), k.icon), command(hide(k.id), k.icon)],
  },
  {
    name: 'Next/Previous <Kind> commands',
    path: ['contributes', 'commands'],
    key: 'command',
    names: (id) => [next(id), previous(id)],
    entries: (k) => [command(next(k.id), undefined), command(previous(k.id), undefined)],
  },
  {
    name: 'Show/Hide toggles in the Claims view title',
    path: ['contributes', 'menus', 'view/title'],
    key: 'command',
    names: (id) => [show(id), hide(id)],
    entries: (k, i) => [
      { command: show(k.id), when: `${CLAIMS_VIEW} && !${showing(k.id)}`, group: `1_kinds@${i}` },
      { command: hide(k.id), when: `${CLAIMS_VIEW} && ${showing(k.id)}`, group: `1_kinds@${i}` },
    ],
  },
  {
    name: 'Show/Hide commands hidden from the Command Palette',
    path: ['contributes', 'menus', 'commandPalette'],
    key: 'command',
    names: (id) => [show(id), hide(id)],
    entries: (k) => [
      { command: show(k.id), when: 'false' },
      { command: hide(k.id), when: 'false' },
    ],
  },
  {
    name: 'Tag Selection as <Kind> in the Command Palette',
    path: ['contributes', 'menus', 'commandPalette'],
    key: 'command',
    names: (id) => [tagAs(id)],
    entries: (k) => [{ command: tagAs(k.id), when: `${EXT}.editorAnnotatable` }],
  },
  {
    name: 'Tag Selection as <Kind> in the Annotate submenu',
    path: ['contributes', 'menus', `${EXT}.annotate`],
    key: 'command',
    names: (id) => [tagAs(id)],
    entries: (k, i) => [{ command: tagAs(k.id), when: 'editorHasSelection', group: `1_tag@${i + 1}` }],
  },
  {
    name: 'Tag Selection as <Kind> keybindings',
    path: ['contributes', 'keybindings'],
    key: 'command',
    names: (id) => [tagAs(id)],
    entries: (k) => [{ command: tagAs(k.id), key: `ctrl+alt+shift+${k.key}`, mac: `cmd+alt+shift+${k.key}`, when: TAG_WHEN }],
  },
  {
    name: 'theme colours',
    path: ['contributes', 'colors'],
    key: 'id',
    names: (id) => [background(id), border(id)],
    entries: (k) => [
      { id: background(k.id), description: `%color.${k.id}Background%`, defaults: { ...k.themeColors.background } },
      { id: border(k.id), description: `%color.${k.id}Border%`, defaults: { ...k.themeColors.border } },
    ],
  },
];

export const NLS_FAMILIES: readonly NlsFamily[] = [
  {
    name: 'Show/Hide <Kinds> titles',
    keys: (id) => [titleKey(show(id)), titleKey(hide(id))],
    entries: (k) => [
      [titleKey(show(k.id)), `Show ${k.plural}`],
      [titleKey(hide(k.id)), `Hide ${k.plural}`],
    ],
  },
  {
    name: 'Tag Selection as <Kind> titles',
    keys: (id) => [titleKey(tagAs(id))],
    entries: (k) => [[titleKey(tagAs(k.id)), `Tag Selection as ${k.label}`]],
  },
  {
    name: 'theme colour descriptions',
    keys: (id) => [`color.${id}Background`, `color.${id}Border`],
    entries: (k) => [
      [`color.${k.id}Background`, `Background of spans tagged as ${k.plural.toLowerCase()}.`],
      [`color.${k.id}Border`, `${BORDER_USE[k.style]} of ${k.plural.toLowerCase()}.`],
    ],
  },
  {
    name: 'Next/Previous <Kind> titles',
    keys: (id) => [titleKey(next(id)), titleKey(previous(id))],
    entries: (k) => [
      [titleKey(next(k.id)), `Next ${k.label}`],
      [titleKey(previous(k.id)), `Previous ${k.label}`],
    ],
  },
];

function titleKey(command: string): string {
  return titleOf(command).slice(1, -1);
}

export const HIDDEN_KINDS_SETTING = `${EXT}.decorations.hiddenKinds`;

/** The same pattern as a kind id in schemas/annotation-scheme.schema.json. */
export const KIND_ID_PATTERN = '^[a-z][a-z0-9_-]{0,39}$';

/**
 * The `items` of `sourceAnnotator.decorations.hiddenKinds`: any kind id (a scheme's own kinds
 * too), the built-in ones offered as suggestions.
 */
export function hiddenKindsItems(kinds: readonly BuiltInKind[]): JsonObject {
  return { type: 'string', pattern: KIND_ID_PATTERN, examples: kinds.map((k) => k.id) };
}

/**
 * The kinds package.json has per-kind entries for, the table's first, then any others (a kind
 * removed from the table) found by their Tag Selection as / Show / Hide commands, titles or
 * context keys, so their entries are found and removed too.
 */
export function kindIdsIn(pkg: JsonObject, nls: JsonObject, kinds: readonly BuiltInKind[] = BUILT_IN_KINDS): string[] {
  const ids = new Set(kinds.map((k) => k.id));
  const fromSuffix = (suffix: string) => suffix.charAt(0).toLowerCase() + suffix.slice(1);
  const text = JSON.stringify(pkg);
  for (const m of text.matchAll(/"sourceAnnotator\.(?:tagAs|claims\.show|claims\.hide)([A-Z][A-Za-z0-9_-]*)"/g)) ids.add(fromSuffix(m[1]));
  for (const m of text.matchAll(/sourceAnnotator\.claims\.showing\.([a-z][a-z0-9_-]*)/g)) ids.add(m[1]);
  for (const key of Object.keys(nls)) {
    const m = /^command\.(?:tagAs|claims\.show|claims\.hide)([A-Z][A-Za-z0-9_-]*)$/.exec(key);
    if (m) ids.add(fromSuffix(m[1]));
  }
  return [...ids];
}

/** Where a family's entries are and what they should be. */
export interface FamilyState {
  readonly name: string;
  readonly file: 'package.json' | 'package.nls.json';
  readonly actual: readonly Json[];
  readonly expected: readonly Json[];
}

/** The per-kind entries as they are and as the table says they should be. */
export function familyStates(pkg: JsonObject, nls: JsonObject, kinds: readonly BuiltInKind[] = BUILT_IN_KINDS): FamilyState[] {
  const ids = kindIdsIn(pkg, nls, kinds);
  const states: FamilyState[] = [];
  for (const family of ARRAY_FAMILIES) {
    const owned = new Set(ids.flatMap(family.names));
    const array = arrayAt(pkg, family.path) ?? [];
    states.push({
      name: family.name,
      file: 'package.json',
      actual: array.filter((e) => isObject(e) && owned.has(String(e[family.key]))),
      expected: kinds.flatMap((k, i) => family.entries(k, i)),
    });
  }
  const setting = settingsProperties(pkg)?.[HIDDEN_KINDS_SETTING];
  states.push({
    name: `${HIDDEN_KINDS_SETTING} items`,
    file: 'package.json',
    actual: isObject(setting) ? [setting.items ?? null] : [],
    expected: [hiddenKindsItems(kinds)],
  });
  for (const family of NLS_FAMILIES) {
    const owned = new Set(ids.flatMap(family.keys));
    states.push({
      name: family.name,
      file: 'package.nls.json',
      actual: Object.entries(nls)
        .filter(([key]) => owned.has(key))
        .map(([key, value]) => ({ [key]: value })),
      expected: kinds.flatMap((k) => family.entries(k)).map(([key, value]) => ({ [key]: value })),
    });
  }
  return states;
}

/**
 * package.json and package.nls.json with their per-kind entries as the table says, everything
 * else as it was. Each family's entries go where its first entry was (after the family's array's
 * last entry when it has none yet). Also keeps "Tag Selection…" after the kinds in the Annotate
 * submenu. The inputs are not changed.
 */
export function applyKindContributions(
  pkgIn: JsonObject,
  nlsIn: JsonObject,
  kinds: readonly BuiltInKind[] = BUILT_IN_KINDS,
): { pkg: JsonObject; nls: JsonObject } {
  const pkg = structuredClone(pkgIn);
  const ids = kindIdsIn(pkgIn, nlsIn, kinds);
  for (const family of ARRAY_FAMILIES) {
    const owned = new Set(ids.flatMap(family.names));
    const generated = kinds.flatMap((k, i) => family.entries(k, i));
    const array = generated.length > 0 ? ensureArray(pkg, family.path) : (arrayAt(pkg, family.path) ?? []);
    const first = array.findIndex((e) => isObject(e) && owned.has(String(e[family.key])));
    const rest = array.filter((e) => !(isObject(e) && owned.has(String(e[family.key]))));
    const at = first === -1 ? rest.length : array.slice(0, first).filter((e) => !(isObject(e) && owned.has(String(e[family.key])))).length;
    rest.splice(at, 0, ...generated);
    array.splice(0, array.length, ...rest);
  }
  const annotate = arrayAt(pkg, ['contributes', 'menus', `${EXT}.annotate`]);
  const tagSelection = annotate?.find((e) => isObject(e) && e.command === `${EXT}.tagSelection`);
  if (isObject(tagSelection) && typeof tagSelection.group === 'string' && tagSelection.group.startsWith('1_tag@')) {
    tagSelection.group = `1_tag@${kinds.length + 1}`;
  }
  const properties = settingsProperties(pkg);
  const setting = properties?.[HIDDEN_KINDS_SETTING];
  if (isObject(setting)) setting.items = hiddenKindsItems(kinds);

  let entries = Object.entries(nlsIn);
  for (const family of NLS_FAMILIES) {
    const owned = new Set(ids.flatMap(family.keys));
    const first = entries.findIndex(([key]) => owned.has(key));
    const rest = entries.filter(([key]) => !owned.has(key));
    const at = first === -1 ? rest.length : entries.slice(0, first).filter(([key]) => !owned.has(key)).length;
    rest.splice(at, 0, ...kinds.flatMap((k) => family.entries(k)));
    entries = rest;
  }
  return { pkg, nls: Object.fromEntries(entries) };
}

/** package.json and package.nls.json as written: 2-space JSON and a final newline. */
export function formatJson(value: JsonObject): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** One line per family whose entries differ from the table's, saying what is missing, extra or changed. */
export function describeDifferences(states: readonly FamilyState[]): string[] {
  const out: string[] = [];
  for (const s of states) {
    const actual = s.actual.map((e) => JSON.stringify(e));
    const expected = s.expected.map((e) => JSON.stringify(e));
    if (actual.join('\n') === expected.join('\n')) continue;
    const missing = expected.filter((e) => !actual.includes(e));
    const extra = actual.filter((e) => !expected.includes(e));
    const parts = [];
    if (missing.length > 0) parts.push(`expected ${missing.join(', ')}`);
    if (extra.length > 0) parts.push(`found ${extra.join(', ')}`);
    if (parts.length === 0) parts.push('entries out of order');
    out.push(`${s.file}: ${s.name}: ${parts.join('; ')}`);
  }
  return out;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayAt(root: JsonObject, path: readonly string[]): Json[] | undefined {
  let node: Json | undefined = root;
  for (const name of path) node = isObject(node) ? node[name] : undefined;
  return Array.isArray(node) ? node : undefined;
}

function ensureArray(root: JsonObject, path: readonly string[]): Json[] {
  let node: JsonObject = root;
  for (const name of path.slice(0, -1)) {
    if (!isObject(node[name])) node[name] = {};
    node = node[name] as JsonObject;
  }
  const last = path[path.length - 1];
  if (!Array.isArray(node[last])) node[last] = [];
  return node[last] as Json[];
}

function settingsProperties(pkg: JsonObject): JsonObject | undefined {
  const contributes = pkg.contributes;
  const configuration = isObject(contributes) ? contributes.configuration : undefined;
  const properties = isObject(configuration) ? configuration.properties : undefined;
  return isObject(properties) ? properties : undefined;
}
