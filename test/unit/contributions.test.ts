// package.json's per-kind entries are generated from BUILT_IN_KINDS (scripts/contributions.mjs):
// a kind added to the table without regenerating, or a generated entry edited by hand, fails here.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  applyKindContributions,
  commandSuffix,
  describeDifferences,
  familyStates,
  formatJson,
  HIDDEN_KINDS_SETTING,
  hiddenKindsItems,
  KIND_ID_PATTERN,
  type JsonObject,
} from '../../src/core/scheme/kindContributions';
import { BUILT_IN_KIND_IDS, BUILT_IN_KINDS, type BuiltInKind } from '../../src/core/scheme/scheme';
import schemeSchema from '../../schemas/annotation-scheme.schema.json';

const ROOT = path.join(__dirname, '..', '..', '..');
const PKG_TEXT = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
const NLS_TEXT = fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8');
const PKG = JSON.parse(PKG_TEXT) as JsonObject;
const NLS = JSON.parse(NLS_TEXT) as JsonObject;
const REGENERATE = 'run `npm run contributions` to regenerate them from BUILT_IN_KINDS (src/core/scheme/scheme.ts)';

interface Contributes {
  commands: { command: string; title: string; icon?: string }[];
  keybindings: { command: string; key: string; mac?: string; when?: string }[];
  menus: Record<string, { command?: string; when?: string; group?: string }[]>;
  colors: { id: string }[];
  configuration: { properties: Record<string, { items?: unknown }> };
  yamlValidation: { fileMatch: string; url: string }[];
}
const contributes = (pkg: JsonObject) => pkg.contributes as unknown as Contributes;

describe('package.json per-kind contributions', () => {
  it('are exactly the ones generated from BUILT_IN_KINDS, family by family', () => {
    const differences = describeDifferences(familyStates(PKG, NLS));
    assert.deepEqual(differences, [], `package.json / package.nls.json per-kind entries differ from the table; ${REGENERATE}:\n${differences.join('\n')}`);
  });

  it('would not change if regenerated (byte for byte)', () => {
    const next = applyKindContributions(PKG, NLS);
    assert.equal(formatJson(next.pkg), PKG_TEXT, `package.json is not what the generator writes; ${REGENERATE}`);
    assert.equal(formatJson(next.nls), NLS_TEXT, `package.nls.json is not what the generator writes; ${REGENERATE}`);
  });

  it('have no more per-kind commands, toggles or context keys than the table has kinds', () => {
    const ids = contributes(PKG).commands.map((c) => c.command);
    const n = BUILT_IN_KINDS.length;
    assert.equal(ids.filter((id) => /^sourceAnnotator\.tagAs[A-Z]/.test(id)).length, n, `one Tag Selection as command per built-in kind; ${REGENERATE}`);
    assert.equal(ids.filter((id) => /^sourceAnnotator\.claims\.(show|hide)[A-Z]/.test(id)).length, 2 * n, `one Show and one Hide command per built-in kind; ${REGENERATE}`);
    const contextKeys = new Set([...PKG_TEXT.matchAll(/sourceAnnotator\.claims\.showing\.([a-z][a-z0-9_-]*)/g)].map((m) => m[1]));
    assert.deepEqual([...contextKeys], BUILT_IN_KIND_IDS, REGENERATE);
    const titles = Object.keys(NLS).filter((k) => /^command\.(tagAs|claims\.show|claims\.hide)[A-Z]/.test(k));
    assert.equal(titles.length, 3 * n, `package.nls.json: one tagAs, show and hide title per kind; ${REGENERATE}`);
  });

  it('spell each kind as the extension registers it: command ids, icons, keys', () => {
    const c = contributes(PKG);
    for (const kind of BUILT_IN_KINDS) {
      const tagAs = c.commands.find((x) => x.command === `sourceAnnotator.tagAs${commandSuffix(kind.id)}`);
      assert.equal(tagAs?.icon, `$(${kind.icon})`, kind.id);
      const binding = c.keybindings.find((b) => b.command === tagAs?.command);
      assert.equal(binding?.key, `ctrl+alt+shift+${kind.key}`, kind.id);
      assert.equal(NLS[`command.tagAs${commandSuffix(kind.id)}`], `Tag Selection as ${kind.label}`);
      assert.ok(c.colors.some((x) => x.id === `sourceAnnotator.${kind.id}Border`), kind.id);
    }
  });

  it("give each kind a key no other keybinding of the extension uses", () => {
    const keys = contributes(PKG).keybindings.map((b) => b.key);
    const duplicates = keys.filter((k, i) => keys.indexOf(k) !== i);
    assert.deepEqual(duplicates, [], 'two keybindings share a key: give the kind another key in BUILT_IN_KINDS');
  });

  it('let hiddenKinds take any kind id (a scheme declares its own), suggesting the built-in ones', () => {
    const setting = contributes(PKG).configuration.properties[HIDDEN_KINDS_SETTING];
    assert.deepEqual(setting.items, { type: 'string', pattern: KIND_ID_PATTERN, examples: BUILT_IN_KIND_IDS });
    // The same id rule as the scheme file's.
    assert.equal(KIND_ID_PATTERN, schemeSchema.definitions.id.pattern);
    const pattern = new RegExp(KIND_ID_PATTERN);
    for (const id of [...BUILT_IN_KIND_IDS, 'opinion', 'fact-check', 'x_1']) assert.ok(pattern.test(id), id);
    for (const id of ['', 'Claim', '1st', 'a b', 'a'.repeat(41)]) assert.ok(!pattern.test(id), id);
  });

  it('register the scheme, sidecar and speaker schemas for YAML validation and ship them', () => {
    const validation = contributes(PKG).yamlValidation;
    assert.deepEqual(
      validation.map((v) => [v.fileMatch, v.url]),
      [
        ['.annotations/speakers.yaml', './schemas/speakers.schema.json'],
        ['.annotations/schema.yaml', './schemas/annotation-scheme.schema.json'],
        ['*.annotations.yaml', './schemas/sidecar.schema.json'],
      ],
    );
    for (const { url } of validation) assert.ok(fs.existsSync(path.join(ROOT, url)), url);
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split(/\r?\n/);
    assert.ok(ignore.includes('!schemas/**'), '.vscodeignore must ship schemas/');
  });

  describe('the generator', () => {
    const OPINION: BuiltInKind = { ...BUILT_IN_KINDS[0], id: 'opinion', label: 'Opinion', plural: 'Opinions', key: 'p', icon: 'comment', style: 'highlight' };

    it('finds a kind added to the table missing, and adds its entries after their families', () => {
      const kinds = [...BUILT_IN_KINDS, OPINION];
      const differences = describeDifferences(familyStates(PKG, NLS, kinds));
      assert.ok(differences.length >= 13, differences.join('\n'));
      assert.ok(differences.every((d) => d.includes('opinion') || d.includes('Opinion')), differences.join('\n'));
      const next = applyKindContributions(PKG, NLS, kinds);
      assert.deepEqual(describeDifferences(familyStates(next.pkg, next.nls, kinds)), []);
      const commands = contributes(next.pkg).commands.map((c) => c.command);
      const last = BUILT_IN_KINDS[BUILT_IN_KINDS.length - 1];
      assert.equal(commands.indexOf('sourceAnnotator.tagAsOpinion'), commands.indexOf(`sourceAnnotator.tagAs${commandSuffix(last.id)}`) + 1);
      const annotate = contributes(next.pkg).menus['sourceAnnotator.annotate'];
      assert.deepEqual(
        annotate.filter((e) => e.group?.startsWith('1_tag@')).map((e) => [e.command, e.group]),
        [
          ...kinds.map((k, i) => [`sourceAnnotator.tagAs${commandSuffix(k.id)}`, `1_tag@${i + 1}`]),
          ['sourceAnnotator.tagSelection', `1_tag@${kinds.length + 1}`],
        ],
      );
      assert.equal((next.nls as Record<string, string>)['color.opinionBorder'], 'Overview ruler mark of opinions.');
      // And taking the kind out again gives back the files as they are.
      const back = applyKindContributions(next.pkg, next.nls);
      assert.equal(formatJson(back.pkg), PKG_TEXT);
      assert.equal(formatJson(back.nls), NLS_TEXT);
    });

    it('finds a hand-edited entry, and the entries of a kind no longer in the table', () => {
      const edited = structuredClone(PKG);
      const c = contributes(edited);
      c.keybindings.find((b) => b.command === 'sourceAnnotator.tagAsQuote')!.key = 'ctrl+alt+shift+w';
      assert.deepEqual(
        describeDifferences(familyStates(edited, NLS)).map((d) => d.split(':')[1]),
        [' Tag Selection as <Kind> keybindings'],
      );
      const renamed = { ...NLS, 'command.nextClaim': 'Next Assertion' };
      assert.equal(describeDifferences(familyStates(PKG, renamed)).length, 1);

      const removed = BUILT_IN_KINDS[BUILT_IN_KINDS.length - 1];
      const name = new RegExp(removed.id, 'i');
      const stale = describeDifferences(familyStates(PKG, NLS, BUILT_IN_KINDS.slice(0, -1)));
      assert.ok(stale.length >= 13, stale.join('\n'));
      const next = applyKindContributions(PKG, NLS, BUILT_IN_KINDS.slice(0, -1));
      assert.doesNotMatch(JSON.stringify(next.pkg.contributes), name);
      assert.deepEqual(Object.keys(next.nls).filter((k) => name.test(k)), []);
      // Nothing else went: every other command is still there.
      const others = (pkg: JsonObject) => contributes(pkg).commands.map((x) => x.command).filter((id) => !id.endsWith(commandSuffix(removed.id)));
      assert.deepEqual(others(next.pkg), others(PKG));
    });

    it('is pure: its inputs are left as they were', () => {
      const before = JSON.stringify([PKG, NLS]);
      applyKindContributions(PKG, NLS, [...BUILT_IN_KINDS, OPINION]);
      assert.equal(JSON.stringify([PKG, NLS]), before);
      assert.deepEqual(hiddenKindsItems([OPINION]).examples, ['opinion']);
    });
  });
});
