import { basename } from 'node:path';
import type { Annotation } from '../annotation';
import type { AnchorCandidate } from '../anchoring/anchorCandidates';
import type { OrphanReason } from '../anchoring/anchorDocument';
import { intactStoredAnnotations, type AnnotatedDocument } from '../corpus/annotatedDocument';
import { type SidecarParseSuccess, type SourceRange } from '../sidecar/parseSidecar';
import { BUILT_IN_SCHEME, type AnnotationScheme } from '../scheme/scheme';
import { schemeViolations } from '../scheme/schemeViolations';
import { toStoredAnnotations } from '../sidecar/sidecarCodec';
import type { SidecarFile, StoredAnnotation } from '../sidecar/sidecarFormat';
import { serializeSidecar } from '../sidecar/serializeSidecar';
import { hashDocumentText } from '../text/documentText';
import { excerpt } from '../text/excerpt';
import { lineColumnAt } from '../text/lineColumn';

export type CheckSeverity = 'error' | 'warning';

/** A problem of one sidecar, at a 1-based line and column of the sidecar. */
export interface CheckProblem extends SourceRange {
  readonly severity: CheckSeverity;
  readonly message: string;
  /** `--fix` can repair it safely. */
  readonly fixable: boolean;
}

export interface SidecarCheck {
  readonly problems: readonly CheckProblem[];
  /** The sidecar with every safe repair applied; undefined when there is nothing safe to repair. */
  readonly fixedText: string | undefined;
  /** What fixedText holds, for checking that it reads back the same before it is written. */
  readonly fixedFile: SidecarFile | undefined;
}

const START: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/**
 * Everything wrong with a sidecar, judged exactly as the extension judges it on open (through
 * loadSidecar): schema, duplicate ids, offsets, conflict markers, a missing document, and quotes
 * that are no longer where the offsets say. Quotes the re-anchoring found again are fixable;
 * quotes it could not find are reported and left alone.
 */
export function checkSidecar(doc: AnnotatedDocument, scheme: AnnotationScheme = BUILT_IN_SCHEME): SidecarCheck {
  const problems: CheckProblem[] = [];
  const error = (at: SourceRange, message: string, fixable = false): void => void problems.push({ ...at, severity: 'error', message, fixable });
  const none = { fixedText: undefined, fixedFile: undefined };
  if (doc.documentProblem !== undefined) error(START, `its document ${basename(doc.documentPath)}: ${doc.documentProblem}`);
  else if (doc.documentText === undefined) error(START, 'the document of this sidecar does not exist (renamed or deleted?)');
  if (!doc.parsed.ok) {
    for (const p of doc.parsed.problems) error(p, p.message);
    return { problems, ...none };
  }
  // What the scheme requires and an annotation lacks: a warning, never a reason to refuse it.
  for (const v of schemeViolations(doc.parsed, scheme)) if (v.severity === 'warning') problems.push({ ...v, fixable: false });
  if (doc.documentText === undefined) return { problems, ...none };
  const parsed = doc.parsed;
  const documentText = doc.documentText;
  // Every quote still at its offsets: the load (conversions, re-anchoring) would find nothing to
  // move or orphan, so it is not run; only the hash is compared, for the stale-hash warning.
  const intact = intactStoredAnnotations(parsed.sidecar.annotations, documentText) !== undefined;
  const loaded = intact ? undefined : doc.loaded;
  if (!intact && !loaded) return { problems, ...none };
  if (loaded && !loaded.ok) {
    for (const p of loaded.problems) error(p, p.message);
    return { problems, ...none };
  }
  const moved = loaded?.anchoring.moved ?? [];
  const orphaned = loaded?.anchoring.orphaned ?? [];
  const documentChanged = loaded ? loaded.documentChanged : parsed.sidecar.documentHash !== hashDocumentText(documentText);
  const where = (id: string): { index: number; at: SourceRange; stored: StoredAnnotation } => {
    const index = parsed.sidecar.annotations.findIndex((a) => a.id === id);
    const location = parsed.locations.annotations[index];
    return { index, at: location?.fields.id ?? location?.range ?? START, stored: parsed.sidecar.annotations[index] };
  };
  for (const annotation of moved) {
    const { index, at, stored } = where(annotation.id);
    const found = lineColumnAt(documentText, annotation.start);
    const label = `annotations[${index}] (${annotation.id}): quote “${excerpt(stored.text, 40)}”`;
    // Fuzzy re-anchoring may find the passage with some words changed: say so, the fix takes the new text.
    const changed = annotation.text === stored.text ? '' : ` with changed text “${excerpt(annotation.text, 40)}”`;
    const foundAt = `line ${found.line}, column ${found.column}`;
    const message = stored.orphaned
      ? `${label} of this orphan is in the document again${changed}, at ${foundAt}; --fix re-anchors it`
      : `${label} is not at offsets ${stored.start}-${stored.end} any more; found${changed} at ${foundAt} of the document; --fix re-anchors it`;
    error(at, message, true);
  }
  for (const annotation of orphaned) {
    const { index, at } = where(annotation.id);
    const why = whyOrphaned(loaded?.anchoring.reasons.get(annotation.id), loaded?.anchoring.candidates.get(annotation.id) ?? [], documentText);
    error(at, `annotations[${index}] (${annotation.id}): quote “${excerpt(annotation.text, 40)}” ${why}; it will be kept as an orphan`);
  }
  const movedIds = new Set(moved.map((a) => a.id));
  parsed.sidecar.annotations.forEach((stored, index) => {
    if (!stored.orphaned || movedIds.has(stored.id)) return;
    problems.push({ ...where(stored.id).at, severity: 'warning', fixable: false, message: `annotations[${index}] (${stored.id}): orphaned; its text “${excerpt(stored.text, 40)}” was deleted or changed` });
  });
  const staleHash = documentChanged && moved.length === 0 && orphaned.length === 0;
  if (staleHash) {
    const at = parsed.locations.fields.documentHash ?? START;
    problems.push({ ...at, severity: 'warning', fixable: true, message: 'documentHash does not match the document, which changed since the sidecar was written; every quote is still in place; --fix updates it' });
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  if (moved.length === 0 && !staleHash) return { problems, ...none };
  const fixedFile = repairedFile(parsed, moved, orphaned.length === 0, documentText);
  return { problems, fixedText: serializeSidecar(fixedFile), fixedFile };
}

/** Why the re-anchoring could not place an annotation, in words, with the places it found. */
function whyOrphaned(reason: OrphanReason | undefined, candidates: readonly AnchorCandidate[], documentText: string): string {
  const place = (offset: number) => {
    const { line, column } = lineColumnAt(documentText, offset);
    return `line ${line}, column ${column}`;
  };
  if (reason?.kind === 'ambiguous') return `is ambiguous: ${reason.places} places match equally well (${candidates.map((c) => place(c.start)).join('; ')})`;
  if (reason?.kind === 'changed') return `was changed: its context is still at ${place(reason.at.start)}, where the text now reads “${excerpt(documentText.slice(reason.at.start, reason.at.end), 40)}”`;
  if (reason?.kind === 'taken') return `matches only the place of annotation ${reason.by} (${candidates.map((c) => place(c.start)).join('; ')}), which is that annotation's own`;
  if (reason?.kind === 'contested') return `and annotation ${reason.with.join(', ')}, recorded at different places, match only one place (${candidates.map((c) => place(c.start)).join('; ')}), equally well: a copy of their text is gone`;
  return 'is not in the document any more';
}

/**
 * The sidecar with the re-anchored annotations moved and everything else exactly as stored:
 * annotations that could not be found keep their old offsets (nothing is decided for the user).
 * The hash is only updated when every offset now points into the current text; otherwise the
 * next load must still re-check the quotes.
 */
function repairedFile(parsed: SidecarParseSuccess, moved: readonly Annotation[], allAnchored: boolean, documentText: string): SidecarFile {
  const movedStored = new Map(toStoredAnnotations(moved, documentText).map((a) => [a.id, a]));
  return {
    version: parsed.sidecar.version,
    documentHash: allAnchored ? hashDocumentText(documentText) : parsed.sidecar.documentHash,
    annotations: parsed.sidecar.annotations.map((a) => movedStored.get(a.id) ?? a),
  };
}
