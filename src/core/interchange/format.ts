import type { CorpusDocument } from '../corpus/annotatedDocument';
import type { AnnotationScheme, AttributeValue } from '../scheme/scheme';

/*
 * The interchange formats: each a module of this folder with an optional importer and an
 * optional exporter, listed once in formats.ts for the command line (`import`/`export --format`)
 * and the editor ("Import Annotations…", "Export Annotations…").
 */

/** What the offsets of a format count. */
export type OffsetUnit = 'utf16' | 'code-point';

/** One file an export writes: a path relative to the destination folder, `/`-separated. */
export interface ExportFile {
  readonly path: string;
  readonly text: string;
}

/** What an export could not carry, per annotation: reported, never silent. */
export interface ExportNote {
  readonly document: string;
  readonly message: string;
}

export interface ExportResult {
  readonly files: readonly ExportFile[];
  readonly notes: readonly ExportNote[];
}

export interface FormatExporter {
  /** VS Code language id of the output (for showing a single-file export in an editor). */
  readonly language: 'markdown' | 'json' | 'plaintext';
  /** True when the export is one file per document (it needs a destination folder). */
  readonly perDocument: boolean;
  /** Renders a corpus (code point offsets, re-anchored to the current text). */
  readonly render: (corpus: readonly CorpusDocument[], scheme: AnnotationScheme) => ExportResult;
}

/** One span as a format gives it, before labels are mapped and offsets converted. */
export interface ImportedSpan {
  /** Where in the import file: "line 4", "task 12, result wx3". */
  readonly where: string;
  readonly label: string;
  /** In the unit of the document record; absent for an annotation placed by its quote only. */
  readonly start?: number;
  readonly end?: number;
  /** The text the format says the span covers, checked against the document. */
  readonly quote?: string;
  /** W3C TextQuoteSelector context. */
  readonly prefix?: string;
  readonly suffix?: string;
  readonly speaker?: string;
  readonly note?: string;
  readonly author?: string;
  /** Attribute values as the format writes them, by the format's attribute name. */
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  /** Model output (Label Studio predictions): imported only as suggestions. */
  readonly prediction?: boolean;
}

/** The spans of one document found in an import file. */
export interface ImportedDocument {
  /** Where in the import file ("task 3", "line 2", the .ann file). */
  readonly where: string;
  /** Absolute path of the document the spans belong to. */
  readonly documentPath: string;
  /** The text the format carries (Label Studio, doccano): the document must hold exactly it; written as the document when there is none. */
  readonly embeddedText?: string;
  readonly unit: OffsetUnit;
  /** Offsets count a byte order mark at the start of the file as a character (brat reads files as plain UTF-8). */
  readonly countsBom?: boolean;
  /** Placed by quote and context (W3C), the position only a hint. */
  readonly anchorByQuote?: boolean;
  /** Quotes compare with line breaks as spaces (brat writes a span's text on one line). */
  readonly quoteLinesJoined?: boolean;
  readonly spans: readonly ImportedSpan[];
}

/** Something in an import file that was not imported, and why. */
export interface Skipped {
  /** The import file or document, as the caller shows it. */
  readonly file: string;
  readonly where: string;
  readonly reason: string;
  /** A whole file, document or sidecar could not be imported (not just one span). */
  readonly whole?: boolean;
}

export interface ParsedImport {
  readonly documents: readonly ImportedDocument[];
  readonly skipped: readonly Omit<Skipped, 'file'>[];
}

export interface ImportFile {
  /** Absolute path of the import file. */
  readonly path: string;
  readonly text: string;
}

export interface ImportOptions {
  /** Where the documents are: brat's X.txt, the paths records name (default: the import file's folder). */
  readonly documentFolder?: string;
  readonly scheme: AnnotationScheme;
}

export interface FormatImporter {
  /** What the file picker offers ("ann", "json", "jsonl"). */
  readonly extensions: readonly string[];
  /** Reads an import file; `documentFolder` overrides where documents are looked for (brat). */
  readonly parse: (file: ImportFile, options: ImportOptions) => ParsedImport;
}

export interface InterchangeFormat {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly exporter?: FormatExporter;
  readonly importer?: FormatImporter;
}
