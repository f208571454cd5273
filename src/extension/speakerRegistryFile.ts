import * as vscode from 'vscode';
import { readSidecarFile } from '../core/corpus/readFiles';
import { readSidecarContent, type SidecarContent } from '../core/sidecar/sidecarWriter';
import { parseSpeakerRegistry, SPEAKER_REGISTRY_PATH, SpeakerRegistry } from '../core/speakers/speakerRegistry';
import { sidecarDiagnostic } from './diagnostics';

/**
 * The committed speaker registry (`.annotations/speakers.yaml` in the first workspace folder):
 * read on start, re-read when it changes on disk or in an editor, its problems reported as
 * diagnostics on the file. While it has problems it maps nothing, rather than half of it.
 */
export class SpeakerRegistryFile implements vscode.Disposable {
  private current = new SpeakerRegistry();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('sourceAnnotator.speakers');
  private readonly changeEmitter = new vscode.EventEmitter<SpeakerRegistry>();
  private readonly disposables: vscode.Disposable[] = [this.diagnostics, this.changeEmitter];
  private readonly uri: vscode.Uri | undefined;

  readonly onDidChange = this.changeEmitter.event;
  /** Settles after the first read, so callers can wait for canonical names before showing them. */
  readonly ready: Promise<void>;

  constructor() {
    const folder = vscode.workspace.workspaceFolders?.[0];
    this.uri = folder && vscode.Uri.joinPath(folder.uri, SPEAKER_REGISTRY_PATH);
    if (folder) {
      // A glob over the workspace rather than a pattern on the one path: the folder may not exist
      // yet, and a watcher on a missing folder never reports its creation.
      const watcher = vscode.workspace.createFileSystemWatcher('**/' + SPEAKER_REGISTRY_PATH);
      const reload = (uri: vscode.Uri) => {
        if (uri.toString() === this.uri?.toString()) void this.reload();
      };
      this.disposables.push(
        watcher,
        watcher.onDidCreate(reload),
        watcher.onDidChange(reload),
        watcher.onDidDelete(reload),
        // Problems follow the text as it is typed, like the YAML extension's own checks.
        vscode.workspace.onDidChangeTextDocument((event) => {
          if (event.document.uri.toString() === this.uri?.toString()) this.apply({ kind: 'text', text: event.document.getText() });
        }),
      );
    }
    this.ready = this.reload();
  }

  get registry(): SpeakerRegistry {
    return this.current;
  }

  get fileUri(): vscode.Uri | undefined {
    return this.uri;
  }

  async reload(): Promise<void> {
    if (!this.uri) return;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri?.toString());
    // Read from disk like a sidecar: over 16 MiB or not UTF-8 is a problem at its place, never
    // decoded leniently.
    const read: SidecarContent = open ? { kind: 'text', text: open.getText() } : await readSidecarContent({ read: readSidecarFile }, this.uri.fsPath).catch((): SidecarContent => ({ kind: 'missing' }));
    this.apply(read);
  }

  private apply(read: SidecarContent): void {
    if (!this.uri) return;
    const { registry, problems } =
      read.kind === 'missing'
        ? { registry: new SpeakerRegistry(), problems: [] }
        : read.kind === 'invalid'
          ? { registry: new SpeakerRegistry(), problems: [read.problem] }
          : parseSpeakerRegistry(read.text);
    this.diagnostics.set(this.uri, problems.map((problem) => sidecarDiagnostic(problem, 'invalid-speaker-registry')));
    this.current = registry;
    this.changeEmitter.fire(registry);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
