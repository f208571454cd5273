import * as vscode from 'vscode';
import type { SpeakerRegistryFile } from './speakers/speakerRegistryFile';
import type { WorkspaceIndex } from './workspaceIndex';

const RECENT_KEY = 'sourceAnnotator.recentSpeakers';
const RECENT_LIMIT = 50;

/**
 * The speakers known in the workspace, for the Set Speaker picker: the canonical names of the
 * speaker registry first (so the corpus stays consistent), then the ones this user picked most
 * recently, then every other speaker of the workspace index, most used first. Variants listed as
 * aliases in the registry are offered under their canonical name only.
 */
export class SpeakerDirectory {
  constructor(
    private readonly workspace: WorkspaceIndex,
    private readonly registry: SpeakerRegistryFile,
    private readonly memento: vscode.Memento,
  ) {}

  async speakers(): Promise<string[]> {
    await this.workspace.ready();
    const canonical = (name: string) => this.registry.registry.canonical(name);
    const ordered = [...this.registry.registry.names, ...this.recent().map(canonical), ...this.workspace.index.speakerCounts().keys()];
    return [...new Set(ordered)];
  }

  async recordUse(speaker: string): Promise<void> {
    const recent = [speaker, ...this.recent().filter((s) => s !== speaker)].slice(0, RECENT_LIMIT);
    await this.memento.update(RECENT_KEY, recent);
  }

  private recent(): string[] {
    return this.memento.get<string[]>(RECENT_KEY, []);
  }
}
