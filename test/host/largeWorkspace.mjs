// @ts-check
// Generated workspaces at the sizes of issue 15, for the host benchmark (bench/host/) and the
// end-to-end tests that open them: a 1 MB document with 10,000 annotations, and 200 documents of
// 50 annotations each for Claims by Speaker. Sidecars are written by the project's own writer
// (the compiled core in out/, built with `npm run compile-tests` when missing), so they are in
// the canonical layout a real workspace has. Deterministic: the same files on every run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from './codeServer.mjs';

const require = createRequire(import.meta.url);
const OUT = path.join(REPO_ROOT, 'out');

/** The compiled core modules this needs, compiling the project's tests first if they are missing. */
function core() {
  const modules = ['bench/corpus.js', 'src/core/sidecar/sidecarCodec.js', 'src/core/sidecar/serializeSidecar.js'];
  if (!modules.every((m) => fs.existsSync(path.join(OUT, m)))) {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.test.json'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  const corpus = require(path.join(OUT, 'bench/corpus.js'));
  const codec = require(path.join(OUT, 'src/core/sidecar/sidecarCodec.js'));
  const serialize = require(path.join(OUT, 'src/core/sidecar/serializeSidecar.js'));
  /** @type {(annotations: object[], text: string) => string} */
  const sidecarText = (annotations, text) => serialize.serializeSidecar(codec.buildSidecarFile(annotations, text));
  return { mulberry32: corpus.mulberry32, generateDocument: corpus.generateDocument, generateAnnotations: corpus.generateAnnotations, sidecarText };
}

/** File name of the large document in the workspace {@link writeLargeDocument} fills. */
export const LARGE_DOCUMENT = 'large.txt';

/**
 * The first line of the large document: one speculation (drawn inline, so its decorated text can
 * be read back from the editor) the tests type in front of.
 */
export const LARGE_FIRST_LINE = 'Opening: the ministry may well announce new talks next week, officials said.';
export const LARGE_SPECULATION = 'may well announce new talks next week';

/**
 * Writes `large.txt` (about 1 MB, LF line ends only: VS Code would normalise mixed ones on open,
 * and every span would move) and its sidecar with 10,000 annotations (the bench corpus's spans,
 * plus the speculation on the first line). Returns the document's text and the annotation count.
 * @param {string} dir
 */
export function writeLargeDocument(dir) {
  const { mulberry32, generateDocument, generateAnnotations, sidecarText } = core();
  const random = mulberry32(20240601);
  const text = `${LARGE_FIRST_LINE}\n${generateDocument(random).replace(/\r\n/g, '\n')}`;
  const start = text.indexOf(LARGE_SPECULATION);
  const speculation = { id: 'spec0001', kind: 'speculation', start, end: start + LARGE_SPECULATION.length, text: LARGE_SPECULATION, prefix: text.slice(0, start), suffix: text.slice(start + LARGE_SPECULATION.length, start + LARGE_SPECULATION.length + 32) };
  // The corpus's spans, except those on the first line.
  const annotations = [speculation, ...generateAnnotations(text, random).filter((/** @type {{start: number}} */ a) => a.start > LARGE_FIRST_LINE.length)].slice(0, 10_000);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, LARGE_DOCUMENT), text);
  fs.writeFileSync(path.join(dir, `${LARGE_DOCUMENT}.annotations.yaml`), sidecarText(annotations, text));
  return { text, annotations: annotations.length };
}

/** Speakers of the claims workspace; the first has the most claims. */
export const CLAIMS_SPEAKERS = Array.from({ length: 40 }, (_, i) => `Speaker ${String(i).padStart(2, '0')}`);

/**
 * Writes `documents` articles (`doc-000.txt` …) with `perDocument` annotations each, nearly all
 * claims, spread over {@link CLAIMS_SPEAKERS} (speaker 0 most often). Returns the number of
 * claims per speaker.
 * @param {string} dir @param {number} [documents] @param {number} [perDocument]
 */
export function writeClaimsWorkspace(dir, documents = 200, perDocument = 50) {
  const { mulberry32, sidecarText } = core();
  const random = mulberry32(7);
  /** @type {Map<string, number>} */
  const claims = new Map();
  fs.mkdirSync(dir, { recursive: true });
  for (let d = 0; d < documents; d++) {
    const lines = Array.from({ length: perDocument }, (_, i) => `Line ${i + 1} of article ${d}: the spokesperson said statement number ${i} was final.`);
    const text = lines.join('\n') + '\n';
    let offset = 0;
    const annotations = lines.map((line, i) => {
      const start = offset + line.indexOf('the spokesperson');
      offset += line.length + 1;
      const quote = text.slice(start, start + 40);
      const speaker = CLAIMS_SPEAKERS[Math.floor(random() ** 2 * CLAIMS_SPEAKERS.length)];
      const kind = i % 10 === 9 ? 'quote' : 'claim';
      if (kind === 'claim') claims.set(speaker, (claims.get(speaker) ?? 0) + 1);
      return { id: `d${String(d).padStart(3, '0')}a${String(i).padStart(3, '0')}`, kind, start, end: start + quote.length, text: quote, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + 40, start + 72), speaker };
    });
    const name = `doc-${String(d).padStart(3, '0')}.txt`;
    fs.writeFileSync(path.join(dir, name), text);
    fs.writeFileSync(path.join(dir, `${name}.annotations.yaml`), sidecarText(annotations, text));
  }
  return claims;
}
