import type { AnnotationKind } from '../annotationKind';
import { BUILT_IN_SCHEME, type AnnotationScheme } from '../scheme/scheme';
import type { AnnotationIndex } from '../index/annotationIndex';

/** One claim or quote as the report webview shows it. Plain data: it crosses `postMessage`. */
export interface ReportRow {
  readonly document: string;
  readonly id: string;
  readonly kind: AnnotationKind;
  readonly text: string;
  readonly note?: string;
  /** Where it is, as shown ("seeds/a.txt:12"). */
  readonly where: string;
}

export interface ReportData {
  readonly kinds: readonly { readonly kind: AnnotationKind; readonly count: number }[];
  readonly documents: readonly { readonly document: string; readonly label: string; readonly counts: Readonly<Record<AnnotationKind, number>> }[];
  /** The kinds listed per speaker: claims and quotes, and the scheme's panel kinds. */
  readonly reported: readonly AnnotationKind[];
  /** The reported kinds' annotations per canonical speaker; `speaker` undefined for the unattributed ones. */
  readonly speakers: readonly { readonly speaker: string | undefined; readonly rows: readonly ReportRow[] }[];
}

/** The kinds that say who said what: what the report lists per speaker, with the scheme's panel kinds. */
const REPORTED_KINDS: readonly AnnotationKind[] = ['claim', 'quote'];

/**
 * The claims report: counts per kind and per document (every kind, orphans left out), and the
 * claims and quotes grouped by speaker as the index groups them. `label` names a document for
 * people; `line` gives the 1-based line of a code point offset when known.
 */
export function claimsReportData(
  index: AnnotationIndex,
  label: (document: string) => string,
  line: (document: string, codePoint: number) => number | undefined,
  scheme: AnnotationScheme = BUILT_IN_SCHEME,
): ReportData {
  // The scheme's kinds in its order, then any kind a sidecar uses that it does not declare.
  const kinds = [...new Set([...scheme.kinds.map((k) => k.id), ...index.documents().flatMap((d) => index.annotationsOf(d).map((e) => e.annotation.kind))])];
  const zero = (): Record<AnnotationKind, number> => Object.fromEntries(kinds.map((k) => [k, 0]));
  const reported = kinds.filter((k) => (REPORTED_KINDS.includes(k) && scheme.kinds.some((d) => d.id === k)) || scheme.panel.kinds.includes(k));
  const total = zero();
  const documents = index.documents().map((document) => {
    const counts = zero();
    for (const { annotation } of index.annotationsOf(document)) {
      if (annotation.orphaned) continue;
      counts[annotation.kind]++;
      total[annotation.kind]++;
    }
    return { document, label: label(document), counts };
  });
  const speakers = index.speakerGroups({ kinds: reported }).map((group) => ({
    speaker: group.speaker,
    rows: group.annotations.map(({ document, annotation }) => {
      const at = line(document, annotation.start);
      const row: ReportRow = { document, id: annotation.id, kind: annotation.kind, text: annotation.text, where: at === undefined ? label(document) : `${label(document)}:${at}` };
      return annotation.note ? { ...row, note: annotation.note } : row;
    }),
  }));
  return { kinds: kinds.map((kind) => ({ kind, count: total[kind] })), documents, reported, speakers };
}
