import * as vscode from 'vscode';
import { readSidecarFile } from '../../core/corpus/readFiles';
import { readSidecarContent, type SidecarContent } from '../../core/sidecar/diskVersion';
import { parseSpeakerRegistry, SPEAKER_REGISTRY_PATH, SpeakerRegistry } from '../../core/speakers/speakerRegistry';
import { sidecarDiagnostic } from '../diagnostics';
import { Disposable } from '../lifecycle';

/**
 * The committed speaker registry (`.annotations/speakers.yaml` in the first workspace folder):
 * read on start, re-read when it changes on disk or in an editor, its problems reported as
 * diagnostics on the file. While it has problems it maps nothing, rather than half of it.
 */
export class SpeakerRegistryFile extends Disposable {
  private current = new SpeakerRegistry();
  private readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('sourceAnnotator.speakers'));
  private readonly changeEmitter = this._register(new vscode.EventEmitter<SpeakerRegistry>());
  private readonly uri: vscode.Uri | undefined;

  readonly onDidChange = this.changeEmitter.event;
  /** Settles after the first read, so callers can wait for canonical names before showing them. */
  readonly ready: Promise<void>;

  constructor() {
    super();
    const folder = vscode.workspace.workspaceFolders?.[0];
    this.uri = folder && vscode.Uri.joinPath(folder.uri, SPEAKER_REGISTRY_PATH);
    if (folder) {
      // A glob over the workspace rather than a pattern on the one path: the folder may not exist
      // yet, and a watcher on a missing folder never reports its creation.
      const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/' + SPEAKER_REGISTRY_PATH));
      const reload = (uri: vscode.Uri) => {
        if (uri.toString() === this.uri?.toString()) void this.reload();
      };
      this._register(watcher.onDidCreate(reload));
      this._register(watcher.onDidChange(reload));
      this._register(watcher.onDidDelete(reload));
      // Problems follow the text as it is typed, like the YAML extension's own checks.
      this._register(
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
}
