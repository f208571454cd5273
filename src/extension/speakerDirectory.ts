import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { parseSidecar } from '../core/sidecar/parseSidecar';
import type { AnnotationStore } from './annotationStore';

const RECENT_KEY = 'sourceAnnotator.recentSpeakers';
const RECENT_LIMIT = 50;

/**
 * The speakers known in the workspace, for the Set Speaker picker: the ones this user picked
 * most recently first, then every other speaker found in open documents and in sidecars on disk,
 * most used first.
 */
export class SpeakerDirectory {
  constructor(
    private readonly store: AnnotationStore,
    private readonly memento: vscode.Memento,
  ) {}

  async speakers(token?: vscode.CancellationToken): Promise<string[]> {
    const counts = new Map<string, number>();
    const count = (speaker: string | undefined) => {
      if (speaker) counts.set(speaker, (counts.get(speaker) ?? 0) + 1);
    };
    const open = new Set<string>();
    for (const entry of this.store.all()) {
      open.add(entry.sidecarUri.fsPath);
      entry.annotations.all.forEach((a) => count(a.speaker));
    }
    const sidecars = await vscode.workspace.findFiles('**/*.annotations.yaml', '**/node_modules/**', undefined, token);
    await Promise.all(
      sidecars
        .filter((uri) => !open.has(uri.fsPath))
        .map(async (uri) => {
          const parsed = parseSidecar(await fs.readFile(uri.fsPath, 'utf8').catch(() => ''));
          if (parsed.ok) parsed.sidecar.annotations.forEach((a) => count(a.speaker));
        }),
    );
    const recent = this.recent();
    const others = [...counts.keys()].filter((s) => !recent.includes(s)).sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b));
    return [...recent, ...others];
  }

  async recordUse(speaker: string): Promise<void> {
    const recent = [speaker, ...this.recent().filter((s) => s !== speaker)].slice(0, RECENT_LIMIT);
    await this.memento.update(RECENT_KEY, recent);
  }

  private recent(): string[] {
    return this.memento.get<string[]>(RECENT_KEY, []);
  }
}
