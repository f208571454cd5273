import { ANNOTATION_KINDS } from '../src/core/annotationKind';
import { AnnotationIndex } from '../src/core/index/annotationIndex';
import { parseSidecar } from '../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../src/core/sidecar/serializeSidecar';
import type { StoredAnnotation } from '../src/core/sidecar/sidecarFormat';
import { CodePointLines } from '../src/core/text/codePointLines';
import { mulberry32 } from './corpus';
import type { BenchSuite } from './run';

const DOCUMENTS = 1_000;
const PER_DOCUMENT = 50;
const SPEAKERS = Array.from({ length: 300 }, (_, i) => `Speaker ${i}`);

/**
 * The claims panel on a workspace of 1,000 documents and 50,000 annotations: what the first
 * render of the tree costs (reading every sidecar into the index, grouping by speaker, line
 * numbers for one expanded speaker) and what one change costs afterwards (one document replaced,
 * groups recomputed). The VS Code tree widget itself is not measured here.
 */
export function createSuite(): BenchSuite {
  const random = mulberry32(7);
  const documentText = Array.from({ length: 400 }, (_, i) => `Line ${i} of the article, with some words in it.`).join('\n');
  const sidecars = Array.from({ length: DOCUMENTS }, (_, d) => {
    const annotations: StoredAnnotation[] = Array.from({ length: PER_DOCUMENT }, (_, i) => {
      const start = Math.floor(random() * (documentText.length - 80));
      const speaker = random() < 0.9 ? SPEAKERS[Math.floor(random() ** 2 * SPEAKERS.length)] : undefined;
      return {
        id: `a${d.toString(36).padStart(3, '0')}x${i.toString(36).padStart(3, '0')}`,
        kind: ANNOTATION_KINDS[Math.floor(random() * ANNOTATION_KINDS.length)],
        start,
        end: start + 20 + Math.floor(random() * 60),
        text: documentText.slice(start, start + 40),
        prefix: '',
        suffix: '',
        ...(speaker ? { speaker } : {}),
      };
    });
    return { key: `file:///corpus/doc-${String(d).padStart(4, '0')}.txt`, text: serializeSidecar({ version: 1, documentHash: 'sha256:' + '0'.repeat(64), annotations }) };
  });
  const build = () => {
    const index = new AnnotationIndex();
    for (const sidecar of sidecars) {
      const parsed = parseSidecar(sidecar.text);
      if (parsed.ok) index.setDocument(sidecar.key, parsed.sidecar.annotations);
    }
    return index;
  };
  const claims = { kinds: ['claim' as const] };
  const built = build();
  const changed = built.annotationsOf(sidecars[500].key).map((e) => ({ ...e.annotation, speaker: 'Renamed Speaker' }));
  let flip = false;
  return {
    name: 'claims index',
    description: `${DOCUMENTS} documents, ${DOCUMENTS * PER_DOCUMENT} annotations, ${SPEAKERS.length} speakers`,
    cases: [
      { name: 'first render: parse all sidecars + index', run: build, runs: 3 },
      {
        name: 'first render: group claims by speaker',
        run: () => {
          built.setSpeakerResolver(undefined); // drops the cached order, as a fresh index has none
          return built.speakerGroups(claims);
        },
      },
      { name: 'first render: line numbers of one document', run: () => new CodePointLines(documentText).lineAt(documentText.length - 1) },
      {
        name: 'after one change: update 1 document + regroup',
        run: () => {
          flip = !flip;
          built.setDocument(sidecars[500].key, flip ? changed : built.annotationsOf(sidecars[501].key).map((e) => e.annotation));
          return built.speakerGroups(claims);
        },
      },
      { name: 'text filter over all claims', run: () => built.query({ kinds: ['claim'], text: 'line 12' }).length },
    ],
  };
}
