import * as vscode from 'vscode';
import type { FileSummary } from '../../core/interchange/applyImport';
import type { ImportFormat } from '../../core/interchange/formats';
import type { ImportTarget } from '../../core/interchange/resolveSpans';
import type { Command } from '../commands/command';
import { Disposable } from '../lifecycle';
import { importFormats } from '../lazyCore';
import { activeScheme, schemeState } from '../scheme/activeScheme';
import { importLabelMap } from '../settings';

/** The arguments a keybinding or a test may pass instead of answering the pickers. */
export interface ImportArguments {
  readonly format?: string;
  readonly files?: readonly vscode.Uri[];
  readonly as?: ImportTarget;
  /** `SOURCE=KIND` entries, as `import --map` takes them. */
  readonly map?: readonly string[];
}

export interface ImportOutcome {
  readonly imported: number;
  readonly skipped: number;
  readonly files: readonly FileSummary[];
}

/**
 * "Annotate: Import Annotations…": files of another tool (brat, Label Studio, doccano, W3C) into
 * the sidecars beside the documents, or as suggestions to review, through the same core import as
 * `source-annotator import` (merging, never duplicating, never touching an invalid sidecar). The
 * summary names what was imported and, in the output channel, every skipped span with its reason.
 * Documents open in an editor reload their sidecar as when it changes on disk.
 */
export class ImportAnnotationsCommand extends Disposable implements Command {
  readonly id = 'sourceAnnotator.importAnnotations';
  private output: vscode.OutputChannel | undefined;

  /** `written`: told of every sidecar and suggestions file an import wrote, so open documents show it at once. */
  constructor(private readonly written: (uri: vscode.Uri) => Promise<unknown>) {
    super();
  }

  async execute(args?: ImportArguments): Promise<ImportOutcome | undefined> {
    const broken = schemeState().problems;
    if (broken) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The annotation scheme has errors (line {0}: {1}); fix it first.', broken[0]?.line ?? 1, broken[0]?.message ?? ''));
      return undefined;
    }
    const format = await this.chooseFormat(args?.format);
    if (!format) return undefined;
    const files = args?.files ?? (await vscode.window.showOpenDialog({ canSelectMany: true, openLabel: vscode.l10n.t('Import'), filters: { [format.label]: [...format.importer.extensions] } }));
    if (!files || files.length === 0) return undefined;
    const target = args?.as ?? (await this.chooseTarget());
    if (!target) return undefined;
    const { importFiles } = await import('../../core/interchange/applyImport');
    const { LabelMap } = await import('../../core/interchange/labelMap');
    const scheme = activeScheme();
    let labels;
    try {
      labels = LabelMap.parse(args?.map ?? importLabelMap(), scheme);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('sourceAnnotator.import.labelMap: {0}', (error as Error).message));
      return undefined;
    }
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    const summaries = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}', format.label), cancellable: false }, (progress) =>
      importFiles({
        format,
        files: files.filter((f) => f.scheme === 'file').map((f) => f.fsPath),
        target,
        labels,
        scheme,
        documentFolder: format.id === 'w3c' ? root?.fsPath : undefined,
        display: (path) => vscode.workspace.asRelativePath(path, false),
        onProgress: (_done, total, file) => progress.report({ message: file, increment: total > 0 && file ? 100 / total : 0 }),
      }),
    );
    await Promise.all(summaries.flatMap((s) => s.written.map((path) => this.written(vscode.Uri.file(path)))));
    return this.report(summaries, target);
  }

  private async chooseFormat(id: string | undefined): Promise<ImportFormat | undefined> {
    const all = importFormats();
    const given = all.find((f) => f.id === id);
    if (given) return given;
    const picked = await vscode.window.showQuickPick(
      all.map((f) => ({ label: f.label, detail: f.description, format: f })),
      { title: vscode.l10n.t('Import Annotations'), placeHolder: vscode.l10n.t('Choose the format of the files') },
    );
    return picked?.format;
  }

  private async chooseTarget(): Promise<ImportTarget | undefined> {
    const picked = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('As Annotations'), detail: vscode.l10n.t('Added to the sidecars beside the documents'), target: 'annotations' as const },
        { label: vscode.l10n.t('As Suggestions to Review'), detail: vscode.l10n.t('Kept in X.suggestions.yaml; accept or reject each in the editor'), target: 'suggestions' as const },
      ],
      { title: vscode.l10n.t('Import Annotations'), placeHolder: vscode.l10n.t('Import the spans as…') },
    );
    return picked?.target;
  }

  private report(files: readonly FileSummary[], target: ImportTarget): ImportOutcome {
    const imported = files.reduce((n, f) => n + f.imported, 0);
    const skipped = files.reduce((n, f) => n + f.skipped.length, 0);
    const output = (this.output ??= this._register(vscode.window.createOutputChannel('Source Annotator: Import')));
    output.clear();
    for (const f of files) {
      output.appendLine(vscode.l10n.t('{0}: {1} imported, {2} skipped', f.file, f.imported, f.skipped.length));
      for (const s of f.skipped) output.appendLine(`  ${s.where}: ${s.reason}`);
    }
    const message =
      target === 'suggestions'
        ? vscode.l10n.t('Imported {0} suggestion(s) from {1} file(s); {2} skipped.', imported, files.length, skipped)
        : vscode.l10n.t('Imported {0} annotation(s) from {1} file(s); {2} skipped.', imported, files.length, skipped);
    const details = vscode.l10n.t('Show Details');
    void (skipped > 0 ? vscode.window.showWarningMessage(message, details) : vscode.window.showInformationMessage(message)).then((answer) => answer === details && output.show());
    return { imported, skipped, files };
  }
}
