import * as vscode from 'vscode';
import type { AnnotationStore } from '../annotationStore';
import { runQuickPick } from '../runQuickPick';
import type { SpeakerDirectory } from '../speakerDirectory';
import { resolveAnnotationTarget, tryMutate } from './annotationTarget';
import type { Command } from './command';

interface SpeakerItem extends vscode.QuickPickItem {
  readonly speaker: string;
}

/**
 * Asks for a speaker: the known ones to pick from, or whatever is typed as a new name. Resolves
 * to the name, '' to clear it, or undefined when cancelled.
 */
export async function pickSpeaker(known: readonly string[], current: string | undefined, title = vscode.l10n.t('Set Speaker')): Promise<string | undefined> {
  const quickPick = vscode.window.createQuickPick<SpeakerItem>();
  quickPick.title = title;
  quickPick.placeholder = vscode.l10n.t('Pick a speaker or type a new name');
  const knownItems: SpeakerItem[] = known.map((speaker) => ({
    label: speaker,
    speaker,
    description: speaker === current ? vscode.l10n.t('current') : undefined,
    iconPath: new vscode.ThemeIcon('person'),
  }));
  const clearItem: SpeakerItem[] = current ? [{ label: vscode.l10n.t('No speaker'), speaker: '', iconPath: new vscode.ThemeIcon('close'), alwaysShow: true }] : [];
  const refresh = () => {
    const typed = quickPick.value.trim();
    const isNew = typed.length > 0 && !known.some((s) => s.toLocaleLowerCase() === typed.toLocaleLowerCase());
    quickPick.items = [
      ...(isNew ? [{ label: typed, speaker: typed, description: vscode.l10n.t('new speaker'), iconPath: new vscode.ThemeIcon('add'), alwaysShow: true }] : []),
      ...knownItems,
      ...clearItem,
    ];
  };
  refresh();
  return runQuickPick(quickPick, (picked) => (picked ? picked.speaker : quickPick.value.trim() || undefined), [quickPick.onDidChangeValue(refresh)]);
}

export class SetSpeakerCommand implements Command {
  readonly id = 'sourceAnnotator.setSpeaker';

  constructor(
    private readonly store: AnnotationStore,
    private readonly speakers: SpeakerDirectory,
  ) {}

  /** Arguments: `[documentUri, id]` to name the annotation, and optionally the speaker itself. */
  async execute(...args: unknown[]): Promise<boolean> {
    const target = await resolveAnnotationTarget(this.store, args);
    if (!target) return false;
    const speaker = typeof args[2] === 'string' ? args[2] : await pickSpeaker(await this.speakers.speakers(), target.annotation.speaker);
    if (speaker === undefined) return false;
    const changed = await tryMutate(() => this.store.mutate(target.document, (annotations) => annotations.update(target.annotation.id, { speaker })));
    if (changed && speaker) await this.speakers.recordUse(speaker.trim());
    return changed;
  }
}
