import { checkSidecarAgainstDocument, parseSidecar, parseSidecarWithoutFastPath } from '../src/core/sidecar/parseSidecar';
import { readCanonicalSidecar } from '../src/core/sidecar/fastSidecarReader';
import { buildSidecarFile, fromStoredAnnotations, toStoredAnnotations } from '../src/core/sidecar/sidecarCodec';
import { serializeSidecar, serializeSidecarWithoutFastPath } from '../src/core/sidecar/serializeSidecar';
import { SidecarBlockCache } from '../src/core/sidecar/sidecarBlockCache';
import { CodePointIndex } from '../src/core/text/codePointIndex';
import { generateCorpus } from './corpus';
import type { BenchSuite } from './run';

/**
 * The sidecar pipeline on the bench corpus (see corpus.ts). JSON.parse / JSON.stringify of the
 * same data are the floor no YAML codec can beat. parseSidecar reads the canonical layout with the
 * fast reader (fastSidecarReader.ts); the general path (the yaml library) is timed beside it.
 */

export function createSuite(): BenchSuite {
  const { text, annotations } = generateCorpus();
  const file = buildSidecarFile(annotations, text);
  const stored = file.annotations;
  const yaml = serializeSidecar(file);
  const json = JSON.stringify(file);
  const parsed = parseSidecar(yaml);
  if (!parsed.ok) throw new Error(`bench data does not parse: ${parsed.problems[0]?.message}`);
  if (!readCanonicalSidecar(yaml)) throw new Error('bench data is not read by the fast path');
  const annotationsJson = JSON.stringify(annotations);
  if (serializeSidecar(file) !== serializeSidecarWithoutFastPath(file)) throw new Error('the fast writer and the yaml library disagree on the bench data');
  // A save after one edit: the cache holds the blocks of the last save, one annotation changed.
  const cache = new SidecarBlockCache();
  serializeSidecar(file, cache);
  let edits = 0;
  const editedSave = () => {
    const changed = stored.map((a, i) => (i === 5000 ? { ...a, note: `edited ${++edits}` } : a));
    return serializeSidecar({ ...file, annotations: changed }, cache);
  };

  const mb = (n: number) => (n / 1e6).toFixed(2);
  return {
    name: 'sidecar',
    description:
      `document ${mb(Buffer.byteLength(text))} MB UTF-8 (${text.length} UTF-16 units, ${new CodePointIndex(text).astralCount} astral), ` +
      `${annotations.length} annotations; sidecar ${mb(Buffer.byteLength(yaml))} MB YAML, ${mb(Buffer.byteLength(json))} MB JSON`,
    cases: [
      { name: 'JSON.parse (sidecar)', run: () => JSON.parse(json) },
      { name: 'parseSidecar (fast path)', run: () => parseSidecar(yaml), floor: 'JSON.parse (sidecar)' },
      { name: 'readCanonicalSidecar (YAML to data only)', run: () => readCanonicalSidecar(yaml), floor: 'JSON.parse (sidecar)' },
      { name: 'parseSidecar (fast path) + every location', run: () => {
          const r = parseSidecar(yaml);
          return r.ok && r.locations;
        }, floor: 'JSON.parse (sidecar)' },
      { name: 'parseSidecar (general path, yaml library)', run: () => parseSidecarWithoutFastPath(yaml), floor: 'JSON.parse (sidecar)', runs: 1 },
      { name: 'JSON.stringify (sidecar)', run: () => JSON.stringify(file) },
      { name: 'serializeSidecar (fast path)', run: () => serializeSidecar(file), floor: 'JSON.stringify (sidecar)' },
      { name: 'serializeSidecar, block cache, 1 annotation changed', run: editedSave, floor: 'JSON.stringify (sidecar)' },
      { name: 'serializeSidecar (general path, yaml library)', run: () => serializeSidecarWithoutFastPath(file), floor: 'JSON.stringify (sidecar)', runs: 1 },
      { name: 'JSON clone (annotations)', run: () => JSON.parse(annotationsJson) },
      { name: 'toStoredAnnotations', run: () => toStoredAnnotations(annotations, text), floor: 'JSON clone (annotations)' },
      { name: 'fromStoredAnnotations', run: () => fromStoredAnnotations(stored, text), floor: 'JSON clone (annotations)' },
      { name: 'new CodePointIndex (1 MB)', run: () => new CodePointIndex(text) },
      { name: 'checkSidecarAgainstDocument', run: () => checkSidecarAgainstDocument(parsed, text) },
    ],
  };
}
