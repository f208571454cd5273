import * as vscode from 'vscode';
import type { Command } from '../../commands/command';
import { kindPresentation } from '../../kindPresentation';
import { activeScheme } from '../../scheme/activeScheme';
import { hiddenDecorationKinds, updateSettingWhereKept } from '../../settings';

/** Toggle Decorations…: pick the kinds to show; writes `sourceAnnotator.decorations.hiddenKinds`. */
export class ToggleDecorationsCommand implements Command {
  readonly id = 'sourceAnnotator.toggleDecorations';

  async execute(): Promise<void> {
    const hidden = hiddenDecorationKinds();
    const items = activeScheme().kinds.map(({ id: kind }) => {
      const presentation = kindPresentation(kind);
      return { label: `$(${presentation.icon.id}) ${presentation.label}`, picked: !hidden.includes(kind), annotationKind: kind };
    });
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Toggle Decorations'),
      placeHolder: vscode.l10n.t('Choose the kinds to show in the editor'),
      canPickMany: true,
    });
    if (!picked) return;
    // Kinds hidden that this scheme does not list (another workspace's) stay hidden.
    const listed = new Set(items.map((item) => item.annotationKind));
    const nowHidden = [...hidden.filter((kind) => !listed.has(kind)), ...items.filter((item) => !picked.includes(item)).map((item) => item.annotationKind)];
    await updateSettingWhereKept('decorations.hiddenKinds', nowHidden);
  }
}
