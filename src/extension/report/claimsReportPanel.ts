import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { claimsReportData, type ReportData } from '../../core/report/claimsReportData';
import { OPEN_ANNOTATION_COMMAND } from '../claims/claimsTree';
import { kindColorVariable, kindPresentation } from '../kindPresentation';
import { activeScheme } from '../scheme/activeScheme';
import { Disposable } from '../lifecycle';
import type { WorkspaceIndex } from '../workspaceIndex';

/** Messages from the webview. */
type FromWebview = { type: 'ready' } | { type: 'open'; document: string; id: string };

/** Messages to the webview: the report, and the strings it shows (localized here). */
interface ToWebview {
  readonly type: 'report';
  readonly data: ReportData;
  readonly labels: Readonly<Record<string, string>>;
  /** Each kind's label and colour (CSS), by kind id: the scheme's kinds are not known to the page. */
  readonly kinds: Readonly<Record<string, { readonly label: string; readonly color: string }>>;
}

/** Longer than any URI or id a row holds: anything longer is not from our page. */
const MAX_FIELD_LENGTH = 4096;

function isMessage(value: unknown): value is FromWebview {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; document?: unknown; id?: unknown };
  if (message.type === 'ready') return true;
  const field = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= MAX_FIELD_LENGTH;
  return message.type === 'open' && field(message.document) && field(message.id);
}

const rowKey = (document: string, id: string) => `${document}\n${id}`;

/**
 * "Show Claims Report": a webview with the claims and quotes of the workspace per speaker, the
 * counts per kind and document, a search box, and click-through to each span. The page is static
 * (media/report/) under a strict CSP; all user text arrives by `postMessage` once the page says
 * it is `ready`, and is rendered there with `textContent` only. It follows the index live.
 */
export class ClaimsReportPanel extends Disposable {
  static readonly viewType = 'sourceAnnotator.claimsReport';
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  /** The rows the page currently shows (document and annotation id): the only ones it may open. */
  private shown = new Set<string>();

  constructor(
    private readonly workspaceIndex: WorkspaceIndex,
    private readonly extensionUri: vscode.Uri,
  ) {
    super();
    this._register(workspaceIndex.onDidChange(() => void this.post()));
  }

  /** Opens (or reveals) the report. Returns the panel, for tests. */
  async show(): Promise<vscode.WebviewPanel> {
    if (this.panel) {
      this.panel.reveal();
      return this.panel;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media', 'report');
    const panel = vscode.window.createWebviewPanel(ClaimsReportPanel.viewType, vscode.l10n.t('Claims Report'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
    });
    this.panel = panel;
    this.ready = false;
    panel.webview.html = this.html(panel.webview, media);
    this._register(
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.shown = new Set();
      }),
    );
    this._register(panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)));
    await this.workspaceIndex.ready();
    return panel;
  }

  /** Whether the report currently lists this annotation (a row the page may ask to open). */
  isShowing(document: string, id: string): boolean {
    return this.shown.has(rowKey(document, id));
  }

  /**
   * Handles a message from the page; for `open`, whether the annotation was opened. The page is
   * ours, but what it sends is validated as if it were not: an `open` names one of the rows the
   * report shows now (document and id together), or nothing is opened at all (no document is
   * touched before that check).
   */
  async receive(message: unknown): Promise<boolean> {
    if (!isMessage(message)) return false;
    if (message.type === 'ready') {
      this.ready = true;
      await this.post();
      return false;
    }
    if (!this.isShowing(message.document, message.id)) return false;
    return (await vscode.commands.executeCommand<boolean>(OPEN_ANNOTATION_COMMAND, message.document, message.id)) === true;
  }

  private async post(): Promise<void> {
    if (!this.panel || !this.ready) return;
    await this.workspaceIndex.ready();
    const index = this.workspaceIndex.index;
    await this.workspaceIndex.loadLines(index.documents());
    const label = (document: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(document));
    const data = claimsReportData(index, label, (document, codePoint) => this.workspaceIndex.lineOf(document, codePoint), activeScheme());
    this.shown = new Set(data.speakers.flatMap((group) => group.rows.map((row) => rowKey(row.document, row.id))));
    const reported = data.reported.map((kind) => kindPresentation(kind).label).join(', ');
    const message: ToWebview = {
      type: 'report',
      data,
      kinds: Object.fromEntries(data.kinds.map(({ kind }) => [kind, { label: kindPresentation(kind).label, color: kindColorVariable(kind, 'border') }])),
      labels: {
        search: vscode.l10n.t('Search annotations, speakers and documents'),
        unattributed: vscode.l10n.t('Unattributed'),
        byKind: vscode.l10n.t('Annotations by kind'),
        byDocument: vscode.l10n.t('By document'),
        bySpeaker: vscode.l10n.t('By speaker: {0}', reported),
        document: vscode.l10n.t('Document'),
        noMatch: vscode.l10n.t('Nothing matches the search.'),
        empty: vscode.l10n.t('No annotations of these kinds in the workspace yet: {0}.', reported),
      },
    };
    await this.panel?.webview.postMessage(message);
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.css'));
    const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>${vscode.l10n.t('Claims Report')}</title>
</head>
<body>
<main id="report"></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  /** The panel is not registered: it is created again after the user closes it. */
  override dispose(): void {
    this.panel?.dispose();
    super.dispose();
  }
}
