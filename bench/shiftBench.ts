import { DocumentAnnotations } from '../src/core/documentAnnotations';
import { shiftAnnotations } from '../src/core/edits/shiftAnnotations';
import { loadSidecar, renderSidecar } from '../src/core/sidecar/sidecarDocument';
import { generateCorpus, rewrap } from './corpus';
import type { BenchSuite } from './run';

/**
 * What one keystroke costs the extension: shifting all 10,000 annotations of the bench corpus
 * through one edit (at the start, so every span moves), and a 10-cursor edit. Copying the spans
 * is the floor, since each timed run must start from the same offsets. Also the whole load and
 * save of the document's sidecar as the extension does them, and its load after the document
 * changed on disk (every annotation after the change searched for again) against the load of the
 * unchanged document.
 */
export function createSuite(): BenchSuite {
  const { text, annotations } = generateCorpus();
  const spans = () => annotations.map((a) => ({ start: a.start, end: a.end }));
  const typing = [{ offset: 0, length: 0, text: 'x' }];
  const multiCursor = Array.from({ length: 10 }, (_, i) => ({ offset: Math.floor((text.length * (10 - i)) / 11), length: 1, text: 'ab' }));
  const model = new DocumentAnnotations(annotations.map((a) => ({ ...a })));
  const sidecar = renderSidecar(model, text);
  const typedInto = new DocumentAnnotations(annotations.map((a) => ({ ...a })));
  // A paragraph written in a third of the way down (two thirds of the annotations move), and the
  // line endings converted (git's autocrlf on checkout; the bench text mixes LF and CRLF).
  const third = text.indexOf('\n', Math.floor(text.length / 3)) + 1;
  const inserted = `${text.slice(0, third)}A paragraph written in later, above the rest.\n${text.slice(third)}`;
  const crlf = text.replace(/\r?\n/g, '\r\n');
  // The first twentieth re-wrapped at 79 columns (an editor's rewrap, a formatter): most quotes
  // there change a little, so each is searched for in the rest of the text too. The bench text's
  // few words recur everywhere, the worst case for the gram index that search goes through.
  const twentieth = text.indexOf('\n', Math.floor(text.length / 20));
  const rewrapped = rewrap(text.slice(0, twentieth), 79) + text.slice(twentieth);
  return {
    name: 'edits',
    description: `${annotations.length} annotations in a ${text.length}-unit document`,
    cases: [
      { name: 'copy spans (floor)', run: () => spans() },
      { name: 'shift through 1 edit', run: () => shiftAnnotations(spans(), typing), floor: 'copy spans (floor)' },
      { name: 'shift through a 10-cursor edit', run: () => shiftAnnotations(spans(), multiCursor), floor: 'copy spans (floor)' },
      // One model typed into again and again, as in the editor: each run shifts every span by one more.
      { name: 'DocumentAnnotations.applyChanges (one keystroke)', run: () => typedInto.applyChanges(typing) },
      { name: 'load sidecar (parse + anchor)', run: () => loadSidecar(sidecar, text) },
      { name: 'load sidecar, a paragraph inserted (re-anchor)', run: () => loadSidecar(sidecar, inserted), floor: 'load sidecar (parse + anchor)', runs: 3 },
      { name: 'load sidecar, line endings to CRLF (re-anchor)', run: () => loadSidecar(sidecar, crlf), floor: 'load sidecar (parse + anchor)', runs: 3 },
      { name: 'load sidecar, a twentieth re-wrapped (re-anchor)', run: () => loadSidecar(sidecar, rewrapped), floor: 'load sidecar (parse + anchor)', runs: 1 },
      { name: 'render sidecar (quotes + serialize)', run: () => renderSidecar(model, text) },
    ],
  };
}
