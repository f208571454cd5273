import { stringify } from 'yaml';
import { findDocuments } from '../../core/corpus/findDocuments';
import { readDocumentText, readSidecarFile } from '../../core/corpus/readFiles';
import { DocumentAnnotations } from '../../core/documentAnnotations';
import type { SidecarProblem } from '../../core/sidecar/parseSidecar';
import { serializeSidecar } from '../../core/sidecar/serializeSidecar';
import { buildSidecarFile } from '../../core/sidecar/sidecarCodec';
import { sidecarPathFor } from '../../core/sidecar/sidecarFormat';
import { loadSidecar } from '../../core/sidecar/sidecarDocument';
import { acceptedSuggestion } from '../../core/suggest/acceptedSuggestion';
import { suggestAnnotations } from '../../core/suggest/suggestAnnotations';
import type { Suggestion } from '../../core/suggest/suggestion';
import { withoutDuplicates } from '../../core/suggest/withoutDuplicates';
import { CodePointIndex } from '../../core/text/codePointIndex';
import { findKind, type AnnotationScheme } from '../../core/scheme/scheme';
import { findSpeakerRegistry } from '../../core/speakers/findSpeakerRegistry';
import { choice, parseArgs } from '../args';
import { SCHEME_OPTION, SCHEME_USAGE, schemeOfCorpus } from '../cliScheme';
import { displayPath, EXIT_OK, EXIT_PROBLEMS, type CliIO } from '../cliIO';
import { resolve } from 'node:path';
import { problemLine, search } from '../readCorpus';
import { writeSidecar } from '../writeSidecar';

export const SUGGEST_USAGE = `Usage: source-annotator suggest [paths…] [--format json|yaml] [--write]

Suggests annotations for the documents under the paths (default: the current directory; folders
are searched for .txt, .text, .md and .markdown files): direct quotes with their speakers, claims
(reported speech), speculation and boilerplate lines. Local rules, no model, no network.
Speakers are named as the nearest .annotations/speakers.yaml above the first path names them.

  --format json|yaml  print every suggestion (kind, code point start and end, text, speaker, the
                      cue that justified it, the rule); nothing is written (default json)
  --write             add the suggestions to the sidecars as annotations by "suggest", never
                      duplicating an annotation of the same kind and span; invalid sidecars, and
                      sidecars changed on disk meanwhile, are reported and left untouched
${SCHEME_USAGE}
                   (only kinds it declares are suggested)

Progress goes to stderr. Exit code: 0, 1 when a file was skipped (unreadable, invalid, not
written), 2 usage error.`;

/** A suggestion as printed: code point offsets, like the sidecar's. */
interface PrintedSuggestion {
  kind: Suggestion['kind'];
  start: number;
  end: number;
  text: string;
  speaker?: string;
  cue?: string;
  rule: string;
}

export async function suggest(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, { values: ['format', SCHEME_OPTION], flags: ['write'] });
  const format = choice(parsed, 'format', ['json', 'yaml'] as const, 'json');
  const write = parsed.options.has('write');
  const scheme = await schemeOfCorpus(io, parsed);
  if (!scheme) return EXIT_PROBLEMS;
  // Suggested speakers are named as the annotators' registry names them, as in the extension.
  const speakers = await findSpeakerRegistry(resolve(io.cwd, parsed.positionals[0] ?? '.'));
  for (const p of speakers.problems) io.err(problemLine(io, { ...p, path: speakers.path ?? '', message: `warning: ${p.message} (speaker registry not used)` }));
  const found = await search(io, parsed.positionals, findDocuments);
  const documents = found.files;

  const printed: { document: string; suggestions: PrintedSuggestion[] }[] = [];
  let failed = 0;
  let added = 0;
  let total = 0;
  for (const problem of found.problems) {
    if (problem.severity === 'error') failed++;
    io.err(problemLine(io, { ...problem, line: 1, column: 1, message: problem.severity === 'error' ? problem.message : `warning: ${problem.message}` }));
  }
  for (const [index, documentPath] of documents.entries()) {
    const shown = displayPath(io, documentPath);
    const read = await readDocumentText(documentPath);
    if (!read.ok) {
      failed++;
      io.err(`[${index + 1}/${documents.length}] ${shown}: ${read.reason}\n`);
      continue;
    }
    const text = read.text;
    // Only kinds the scheme declares: a suggestion of another kind could never be written.
    const suggestions = suggestAnnotations(text, { registry: speakers.registry }).filter((s) => findKind(scheme, s.kind));
    total += suggestions.length;
    let progress = `[${index + 1}/${documents.length}] ${shown}: ${suggestions.length} suggestion(s)`;
    if (write) {
      const result = await writeSuggestions(documentPath, text, suggestions, io, scheme);
      if (typeof result === 'string') {
        failed++;
        progress += `; ${displayPath(io, sidecarPathFor(documentPath))}: ${result}`;
      } else {
        added += result;
        progress += `, ${result} added`;
      }
    } else {
      printed.push({ document: shown, suggestions: toPrinted(suggestions, text) });
    }
    io.err(progress + '\n');
  }

  if (!write) io.out(format === 'yaml' ? stringify({ documents: printed }, { lineWidth: 0 }) : JSON.stringify({ documents: printed }, null, 2) + '\n');
  const summary = write ? `${added} annotation(s) added` : 'nothing written';
  io.err(`Suggested ${total} annotation(s) in ${documents.length} document(s); ${summary}${failed > 0 ? `; ${failed} file(s) skipped` : ''}.\n`);
  return failed > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

function toPrinted(suggestions: readonly Suggestion[], text: string): PrintedSuggestion[] {
  const index = new CodePointIndex(text);
  return suggestions.map((s) => ({
    kind: s.kind,
    start: index.toCodePoint(s.start),
    end: index.toCodePoint(s.end),
    text: s.text,
    ...(s.speaker ? { speaker: s.speaker } : {}),
    ...(s.cue ? { cue: s.cue } : {}),
    rule: s.rule,
  }));
}

/**
 * Adds the new suggestions to the document's sidecar (created when there is none) and writes it
 * atomically when something was added, never over a sidecar that changed since it was read.
 * Returns how many were added, or why the sidecar was left alone.
 */
async function writeSuggestions(documentPath: string, text: string, suggestions: readonly Suggestion[], io: CliIO, scheme: AnnotationScheme): Promise<number | string> {
  const sidecarPath = sidecarPathFor(documentPath);
  const read = await readSidecarFile(sidecarPath);
  if (!read.ok && !read.missing) return `skipped, ${positioned(read.problem)}`;
  let annotations = new DocumentAnnotations();
  if (read.ok) {
    const loaded = loadSidecar(read.text, text, scheme);
    if (!loaded.ok) return 'skipped, not a valid sidecar (run "source-annotator check")';
    annotations = loaded.annotations;
  }
  const fresh = withoutDuplicates(suggestions, annotations.all);
  for (const suggestion of fresh) annotations.add(acceptedSuggestion(suggestion), text);
  if (fresh.length === 0) return 0;
  annotations.refreshQuotes(text);
  const file = buildSidecarFile([...annotations.all], text);
  const written = await writeSidecar(sidecarPath, serializeSidecar(file), { file, documentText: text, expected: read.ok ? read.snapshot : null, io });
  return written.ok ? fresh.length : `not written: ${written.reason}`;
}

function positioned(problem: SidecarProblem): string {
  return problem.line === 1 && problem.column === 1 ? problem.message : `line ${problem.line}, column ${problem.column}: ${problem.message}`;
}
