import * as vscode from 'vscode';
import { attributesOf, findAttribute, formatAttributeValue, type AttributeDefinition, type AttributeValue } from '../../core/scheme/scheme';
import { valueProblem } from '../../core/scheme/schemeViolations';
import type { AnnotationStore } from '../annotationStore';
import { kindPresentation } from '../kindPresentation';
import { activeScheme } from '../scheme/activeScheme';
import type { SpeakerDirectory } from '../speakerDirectory';
import { resolveAnnotationTarget, tryMutate } from './annotationTarget';
import type { Command } from './command';
import { pickSpeaker } from './setSpeaker';

/** What a picker resolves to: a value, `null` to clear the attribute, undefined when cancelled. */
type Picked = AttributeValue | null | undefined;

/**
 * Set Attribute…: one of the scheme's own attributes of the annotation (stance, checked, …), with
 * a picker per type: the values of a choice, yes/no for a boolean, a text box for text, and for
 * a person the speaker picker (recently used first, names from the speaker registry).
 */
export class SetAttributeCommand implements Command {
  readonly id = 'sourceAnnotator.setAttribute';

  constructor(
    private readonly store: AnnotationStore,
    private readonly speakers: SpeakerDirectory,
  ) {}

  /**
   * Arguments: `[documentUri, id]` to name the annotation, then optionally the attribute id and
   * its value (`null` clears it). A value the scheme does not allow is refused with the reason.
   */
  async execute(...args: unknown[]): Promise<boolean> {
    const target = await resolveAnnotationTarget(this.store, args);
    if (!target) return false;
    const { annotation } = target;
    const scheme = activeScheme();
    const own = attributesOf(scheme, annotation.kind).filter((a) => !a.builtIn);
    let attribute: AttributeDefinition | undefined;
    if (typeof args[2] === 'string') {
      attribute = findAttribute(scheme, args[2]);
      if (!attribute || attribute.builtIn || !own.includes(attribute)) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The annotation scheme has no attribute "{0}" for {1}.', args[2], kindPresentation(annotation.kind).label));
        return false;
      }
    } else {
      if (own.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('The annotation scheme declares no attributes for {0}. Declare them in .annotations/schema.yaml.', kindPresentation(annotation.kind).label));
        return false;
      }
      attribute = own.length === 1 ? own[0] : await pickAttribute(own, annotation.attributes ?? {});
    }
    if (!attribute) return false;
    const current = annotation.attributes?.[attribute.id];
    const value: Picked = args.length > 3 ? (args[3] as Picked) : await this.pickValue(attribute, current);
    if (value === undefined) return false;
    if (value !== null) {
      const problem = valueProblem(attribute, value);
      if (problem) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Cannot set {0}: {1}', attribute.label, problem));
        return false;
      }
    }
    const id = attribute.id;
    const changed = await tryMutate(() => this.store.mutate(target.document, (annotations) => annotations.update(annotation.id, { attributes: { [id]: value ?? undefined } })));
    if (changed && attribute.type === 'person' && typeof value === 'string' && value.trim()) await this.speakers.recordUse(value.trim());
    return changed;
  }

  private async pickValue(attribute: AttributeDefinition, current: AttributeValue | undefined): Promise<Picked> {
    const title = vscode.l10n.t('Set {0}', attribute.label);
    switch (attribute.type) {
      case 'choice':
        return pickFrom(title, (attribute.values ?? []).map((v) => ({ label: v, value: v })), current);
      case 'boolean':
        return pickFrom(
          title,
          [
            { label: vscode.l10n.t('Yes'), value: true },
            { label: vscode.l10n.t('No'), value: false },
          ],
          current,
        );
      case 'person': {
        const picked = await pickSpeaker(await this.speakers.speakers(), typeof current === 'string' ? current : undefined, title);
        return picked === undefined ? undefined : picked === '' ? null : picked;
      }
      case 'text': {
        const typed = await vscode.window.showInputBox({
          title,
          prompt: attribute.description ?? vscode.l10n.t('Leave empty to remove the value.'),
          value: typeof current === 'string' ? current : '',
        });
        return typed === undefined ? undefined : typed.trim() === '' ? null : typed;
      }
    }
  }
}

interface ValueItem extends vscode.QuickPickItem {
  readonly value: AttributeValue | null;
}

async function pickFrom(title: string, options: readonly { label: string; value: AttributeValue }[], current: AttributeValue | undefined): Promise<Picked> {
  const items: ValueItem[] = options.map((o) => ({ label: o.label, value: o.value, description: o.value === current ? vscode.l10n.t('current') : undefined }));
  if (current !== undefined) items.push({ label: vscode.l10n.t('No value'), value: null, iconPath: new vscode.ThemeIcon('close') });
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Choose a value') });
  return picked ? picked.value : undefined;
}

async function pickAttribute(attributes: readonly AttributeDefinition[], values: Readonly<Record<string, AttributeValue>>): Promise<AttributeDefinition | undefined> {
  const picked = await vscode.window.showQuickPick(
    attributes.map((attribute) => ({
      label: attribute.label,
      description: values[attribute.id] !== undefined ? formatAttributeValue(values[attribute.id]) : undefined,
      detail: attribute.description,
      attribute,
    })),
    { title: vscode.l10n.t('Set Attribute'), placeHolder: vscode.l10n.t('Choose the attribute to set') },
  );
  return picked?.attribute;
}
