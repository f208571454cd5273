import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { findDocuments } from '../../core/corpus/findDocuments';
import { PathNotFoundError } from '../../core/corpus/findSidecars';
import { DocumentAnnotations } from '../../core/documentAnnotations';
import { writeFileAtomic } from '../../core/sidecar/atomicWrite';
import { sidecarPathFor } from '../../core/sidecar/sidecarFormat';
import { loadSidecar, renderSidecar } from '../../core/sidecar/sidecarDocument';
import { acceptedSuggestion } from '../../core/suggest/acceptedSuggestion';
import { suggestAnnotations } from '../../core/suggest/suggestAnnotations';
import type { Suggestion } from '../../core/suggest/suggestion';
import { withoutDuplicates } from '../../core/suggest/withoutDuplicates';
import { CodePointIndex } from '../../core/text/codePointIndex';
import { stripBom } from '../../core/text/documentText';
import { choice, parseArgs } from '../args';
import { displayPath, EXIT_OK, EXIT_PROBLEMS, UsageError, type CliIO } from '../cliIO';

export const SUGGEST_USAGE = `Usage: source-annotator suggest [paths…] [--format json|yaml] [--write]

Suggests annotations for the documents under the paths (default: the current directory; folders
are searched for .txt, .text, .md and .markdown files): direct quotes with their speakers, claims
(reported speech), speculation and boilerplate lines. Local rules, no model, no network.

  --format json|yaml  print every suggestion (kind, code point start and end, text, speaker, the
                      cue that justified it, the rule); nothing is written (default json)
  --write             add the suggestions to the sidecars as annotations by "suggest", never
                      duplicating an annotation of the same kind and span; invalid sidecars are
                      reported and left untouched

Progress goes to stderr. Exit code: 0, 1 when a sidecar was skipped, 2 usage error.`;

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
  const parsed = parseArgs(args, { values: ['format'], flags: ['write'] });
  const format = choice(parsed, 'format', ['json', 'yaml'] as const, 'json');
  const write = parsed.options.has('write');
  const documents = await documentsUnder(io, parsed.positionals);

  const printed: { document: string; suggestions: PrintedSuggestion[] }[] = [];
  let skipped = 0;
  let added = 0;
  let total = 0;
  for (const [index, documentPath] of documents.entries()) {
    const shown = displayPath(io, documentPath);
    const text = stripBom(await readFile(documentPath, 'utf8'));
    const suggestions = suggestAnnotations(text);
    total += suggestions.length;
    let progress = `[${index + 1}/${documents.length}] ${shown}: ${suggestions.length} suggestion(s)`;
    if (write) {
      const result = await writeSuggestions(documentPath, text, suggestions);
      if (result === undefined) {
        skipped++;
        progress += `; ${displayPath(io, sidecarPathFor(documentPath))}: skipped, not a valid sidecar (run "source-annotator check")`;
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
  io.err(`Suggested ${total} annotation(s) in ${documents.length} document(s); ${summary}${skipped > 0 ? `; ${skipped} invalid sidecar(s) skipped` : ''}.\n`);
  return skipped > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

async function documentsUnder(io: CliIO, paths: readonly string[]): Promise<string[]> {
  try {
    return await findDocuments(paths.length > 0 ? paths.map((p) => resolve(io.cwd, p)) : [io.cwd]);
  } catch (error) {
    if (error instanceof PathNotFoundError) throw new UsageError(error.message);
    throw error;
  }
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
 * atomically when something was added. Returns how many were added, or undefined when the
 * sidecar is invalid and was left alone.
 */
async function writeSuggestions(documentPath: string, text: string, suggestions: readonly Suggestion[]): Promise<number | undefined> {
  const sidecarPath = sidecarPathFor(documentPath);
  const sidecarText = await readFile(sidecarPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  let annotations = new DocumentAnnotations();
  if (sidecarText !== undefined) {
    const loaded = loadSidecar(sidecarText, text);
    if (!loaded.ok) return undefined;
    annotations = loaded.annotations;
  }
  const fresh = withoutDuplicates(suggestions, annotations.all);
  for (const suggestion of fresh) annotations.add(acceptedSuggestion(suggestion), text);
  if (fresh.length > 0) await writeFileAtomic(sidecarPath, renderSidecar(annotations, text));
  return fresh.length;
}
