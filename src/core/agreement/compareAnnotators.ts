import type { StoredAnnotation } from '../sidecar/sidecarFormat';
import { CodePointIndex } from '../text/codePointIndex';
import { codePointTokens, labelSegments, tokenLabels } from './labelSegments';
import { kappaFromCounts, NominalCoincidences } from './reliability';
import { addCounts, matchSpans, precisionRecall, type PrecisionRecall, type SpanCounts } from './spanMatching';

/** One document as both annotators left it: stored annotations (code point offsets) of each side. */
export interface AgreementDocument {
  readonly path: string;
  /** The document text (without BOM); undefined when it is gone, which leaves κ and α out for it. */
  readonly text: string | undefined;
  readonly a: readonly StoredAnnotation[];
  readonly b: readonly StoredAnnotation[];
}

/** The unit κ and α count: each character (code point) or each word token. */
export type AgreementUnit = 'character' | 'token';

export interface SpanScores {
  readonly exact: PrecisionRecall;
  readonly overlap: PrecisionRecall;
}

export interface FieldAgreement {
  /** Overlap-matched pairs where at least one side gave a value. */
  readonly matched: number;
  /** Of those, the pairs where both gave the same value (case and spacing aside). */
  readonly agree: number;
}

export interface DocumentAgreement {
  readonly document: string;
  readonly a: number;
  readonly b: number;
  readonly spans: SpanScores;
  readonly kappa: number | null;
  readonly alpha: number | null;
}

/** The agreement of B with A over a set of documents (see README, "Agreement"). */
export interface PairAgreement {
  readonly a: string;
  readonly b: string;
  readonly documents: number;
  readonly unit: AgreementUnit;
  readonly spans: SpanScores;
  readonly kinds: Record<string, SpanScores>;
  /** Cohen's κ over the units' labels (kinds covering them, or none), corpus-wide. */
  readonly kappa: number | null;
  /** Krippendorff's α (nominal) over the same labels. */
  readonly alpha: number | null;
  readonly speaker: FieldAgreement;
  readonly attributes: Record<string, FieldAgreement>;
  readonly perDocument: DocumentAgreement[];
}

/** Compares two annotators over the documents both annotated. Pure: same input, same figures. */
export function compareAnnotators(aName: string, bName: string, documents: readonly AgreementDocument[], unit: AgreementUnit = 'character'): PairAgreement {
  const total = { exact: zero(), overlap: zero() };
  const byKind = new Map<string, { exact: SpanCounts; overlap: SpanCounts }>();
  const labels = new LabelTally();
  const speaker = { matched: 0, agree: 0 };
  const attributes = new Map<string, { matched: number; agree: number }>();
  const perDocument: DocumentAgreement[] = [];

  for (const doc of [...documents].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))) {
    const a = doc.a.filter((x) => !x.orphaned);
    const b = doc.b.filter((x) => !x.orphaned);
    const docCounts = { exact: zero(), overlap: zero() };
    for (const kind of new Set([...a.map((x) => x.kind), ...b.map((x) => x.kind)])) {
      const ak = a.filter((x) => x.kind === kind);
      const bk = b.filter((x) => x.kind === kind);
      let entry = byKind.get(kind);
      if (!entry) byKind.set(kind, (entry = { exact: zero(), overlap: zero() }));
      for (const mode of ['exact', 'overlap'] as const) {
        const matches = matchSpans(ak, bk, mode);
        const counts = { a: ak.length, b: bk.length, matched: matches.length };
        addCounts(entry[mode], counts);
        addCounts(docCounts[mode], counts);
        addCounts(total[mode], counts);
        if (mode !== 'overlap') continue;
        for (const { a: x, b: y } of matches) {
          tallyField(speaker, x.speaker, y.speaker);
          for (const key of new Set([...Object.keys(x.attributes ?? {}), ...Object.keys(y.attributes ?? {})])) {
            let field = attributes.get(key);
            if (!field) attributes.set(key, (field = { matched: 0, agree: 0 }));
            tallyField(field, x.attributes?.[key], y.attributes?.[key]);
          }
        }
      }
    }
    const docLabels = new LabelTally();
    if (doc.text !== undefined) {
      docLabels.addDocument(doc.text, a, b, unit);
      labels.addAll(docLabels);
    }
    perDocument.push({
      document: doc.path,
      a: a.length,
      b: b.length,
      spans: { exact: precisionRecall(docCounts.exact), overlap: precisionRecall(docCounts.overlap) },
      kappa: docLabels.kappa(),
      alpha: docLabels.alpha(),
    });
  }

  const kinds: Record<string, SpanScores> = {};
  for (const kind of [...byKind.keys()].sort()) {
    const entry = byKind.get(kind)!;
    kinds[kind] = { exact: precisionRecall(entry.exact), overlap: precisionRecall(entry.overlap) };
  }
  return {
    a: aName,
    b: bName,
    documents: documents.length,
    unit,
    spans: { exact: precisionRecall(total.exact), overlap: precisionRecall(total.overlap) },
    kinds,
    kappa: labels.kappa(),
    alpha: labels.alpha(),
    speaker,
    attributes: Object.fromEntries([...attributes].sort(([x], [y]) => (x < y ? -1 : 1))),
    perDocument,
  };
}

function zero(): SpanCounts {
  return { a: 0, b: 0, matched: 0 };
}

function tallyField(into: { matched: number; agree: number }, x: unknown, y: unknown): void {
  const vx = comparable(x);
  const vy = comparable(y);
  if (vx === undefined && vy === undefined) return;
  into.matched++;
  if (vx === vy) into.agree++;
}

/** Values compared as people read them: NFC, spacing collapsed, case folded. */
export function comparable(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return String(value).normalize('NFC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('und');
}

/** Label counts of units (characters or tokens) for κ, and their coincidences for α. */
class LabelTally {
  private n = 0;
  private agree = 0;
  private readonly a = new Map<string, number>();
  private readonly b = new Map<string, number>();
  private readonly coincidences = new NominalCoincidences();
  private readonly units: { a: string; b: string; weight: number }[] = [];

  addDocument(text: string, a: readonly StoredAnnotation[], b: readonly StoredAnnotation[], unit: AgreementUnit): void {
    const length = new CodePointIndex(text).codePointLength;
    const segments = labelSegments(length, a, b);
    if (unit === 'character') {
      for (const s of segments) this.add(s.a, s.b, s.end - s.start);
    } else {
      for (const t of tokenLabels(codePointTokens(text), segments)) this.add(t.a, t.b, 1);
    }
  }

  addAll(other: LabelTally): void {
    for (const u of other.units) this.add(u.a, u.b, u.weight);
  }

  kappa(): number | null {
    return kappaFromCounts(this.n, this.agree, this.a, this.b) ?? null;
  }

  alpha(): number | null {
    return this.coincidences.alpha() ?? null;
  }

  private add(a: string, b: string, weight: number): void {
    if (weight <= 0) return;
    const last = this.units[this.units.length - 1];
    // Runs of equal labels are kept as one unit with a weight: memory grows with label changes, not text.
    if (last && last.a === a && last.b === b) last.weight += weight;
    else this.units.push({ a, b, weight });
    this.n += weight;
    if (a === b) this.agree += weight;
    this.a.set(a, (this.a.get(a) ?? 0) + weight);
    this.b.set(b, (this.b.get(b) ?? 0) + weight);
    this.coincidences.addUnit([a, b], weight);
  }
}
