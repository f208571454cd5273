// Builds real sidecars for the CLI and merge tests the way the extension does: DocumentAnnotations
// (random ids, quote context) rendered by renderSidecar.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import type { AnnotationKind } from '../../src/core/annotationKind';
import { DocumentAnnotations, type AnnotationPatch } from '../../src/core/documentAnnotations';
import { loadSidecar, renderSidecar } from '../../src/core/sidecar/sidecarDocument';
import { parseSidecar } from '../../src/core/sidecar/parseSidecar';
import type { SidecarFile } from '../../src/core/sidecar/sidecarFormat';

export const SEEDS = path.join(__dirname, '..', '..', '..', 'seeds');
export const ARTICLE = fs.readFileSync(path.join(SEEDS, '000_acd874037fc5962e.txt'), 'utf8');

export interface Tag {
  phrase: string;
  kind?: AnnotationKind;
  author?: string;
  speaker?: string;
  note?: string;
}

/** The annotations of `sidecarText` (none when undefined), loaded against `text`. */
export function load(sidecarText: string | undefined, text: string): DocumentAnnotations {
  if (sidecarText === undefined) return new DocumentAnnotations();
  const loaded = loadSidecar(sidecarText, text);
  assert.ok(loaded.ok, loaded.ok ? '' : JSON.stringify(loaded.problems));
  return loaded.annotations;
}

/** Adds tags to a sidecar text (or a new one) and returns the new sidecar text and the new ids. */
export function tag(sidecarText: string | undefined, text: string, ...tags: Tag[]): { sidecar: string; ids: string[] } {
  const annotations = load(sidecarText, text);
  const ids = tags.map((t) => {
    const start = text.indexOf(t.phrase);
    assert.ok(start >= 0, `phrase not found: ${t.phrase}`);
    return annotations.add({ kind: t.kind ?? 'claim', start, end: start + t.phrase.length, author: t.author, speaker: t.speaker, note: t.note }, text).id;
  });
  return { sidecar: renderSidecar(annotations, text), ids };
}

/** Changes one annotation of a sidecar text. */
export function update(sidecarText: string, text: string, id: string, patch: AnnotationPatch): string {
  const annotations = load(sidecarText, text);
  assert.ok(annotations.update(id, patch), `nothing changed for ${id}`);
  return renderSidecar(annotations, text);
}

/** Removes one annotation from a sidecar text. */
export function remove(sidecarText: string, text: string, id: string): string {
  const annotations = load(sidecarText, text);
  assert.ok(annotations.remove(id), `no annotation ${id}`);
  return renderSidecar(annotations, text);
}

export function parsed(sidecarText: string): SidecarFile {
  const result = parseSidecar(sidecarText);
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems));
  return result.sidecar;
}

/** Runs the CLI in-process with captured output. */
export async function run(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { cwd, out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}
