import * as vscode from 'vscode';
import { fieldSources, type EditedAnnotation } from '../../core/agreement/adjudication';
import type { Disagreement } from '../../core/agreement/disagreements';
import type { Annotation } from '../../core/annotation';
import { appliesTo, findAttribute } from '../../core/scheme/scheme';
import { kindPresentation } from '../kindPresentation';
import { runQuickPick } from '../runQuickPick';
import { activeScheme } from '../scheme/activeScheme';

export type AdjudicatedFields = Omit<EditedAnnotation, 'start' | 'end'>;

interface SideItem extends vscode.QuickPickItem {
  readonly side: Annotation;
}

interface KindItem extends vscode.QuickPickItem {
  readonly annotationKind: string;
}

/**
 * Edit's second step: the kind, speaker and note of the adjudicated annotation, each offered as
 * A's (or B's) so that Enter keeps them: which side to start from (only when their fields differ),
 * then the kind (the sides' kinds marked), the speaker (when the kind has one) and the note.
 * Custom attributes come from the side started from, those of the kind chosen. Undefined when the
 * adjudicator pressed Escape at any step.
 */
export async function pickAdjudicatedFields(d: Disagreement<Annotation>, names: { a: string; b: string }): Promise<AdjudicatedFields | undefined> {
  const sides = fieldSources(d).map((s) => ({ letter: s === 'a' ? 'A' : 'B', name: s === 'a' ? names.a : names.b, side: (s === 'a' ? d.a : d.b)! }));
  const speakerAttribute = findAttribute(activeScheme(), 'speaker');
  const steps = sides.length + 2 + (speakerAttribute ? 1 : 0) - 1;
  let step = 0;
  const title = () => vscode.l10n.t('Adjudicated annotation ({0}/{1})', ++step, steps);

  let from = sides[0].side;
  if (sides.length > 1) {
    const picker = vscode.window.createQuickPick<SideItem>();
    picker.title = title();
    picker.placeholder = vscode.l10n.t('Start from whose kind, speaker and note?');
    picker.items = sides.map(({ letter, name, side }) => ({
      label: `${letter} (${name}): ${kindPresentation(side.kind).label}`,
      description: side.speaker,
      detail: side.note,
      side,
    }));
    const picked = await runQuickPick(picker, (item) => item?.side);
    if (!picked) return undefined;
    from = picked;
  }

  const kind = await pickKind(title(), from.kind, d);
  if (!kind) return undefined;
  let speaker: string | undefined;
  if (speakerAttribute && appliesTo(speakerAttribute, kind)) {
    const other = [d.a, d.b].find((x) => x && x !== from && x.speaker && x.speaker !== from.speaker)?.speaker;
    speaker = await vscode.window.showInputBox({
      title: title(),
      value: from.speaker ?? '',
      prompt: other ? vscode.l10n.t('Speaker (empty for none); the other side has “{0}”', other) : vscode.l10n.t('Speaker (empty for none)'),
    });
    if (speaker === undefined) return undefined;
  } else step++;
  const note = await vscode.window.showInputBox({ title: title(), value: from.note ?? '', prompt: vscode.l10n.t('Note (empty for none)') });
  if (note === undefined) return undefined;

  const fields: AdjudicatedFields = { kind };
  if (speaker?.trim()) fields.speaker = speaker.trim();
  if (note.trim()) fields.note = note.trim();
  const attributes = Object.entries(from.attributes ?? {}).filter(([id]) => {
    const attribute = findAttribute(activeScheme(), id);
    return !attribute || appliesTo(attribute, kind);
  });
  if (attributes.length > 0) fields.attributes = Object.fromEntries(attributes);
  return fields;
}

/** The scheme's kinds with the sides' marked, the one started from active. */
async function pickKind(title: string, current: string, d: Disagreement<Annotation>): Promise<string | undefined> {
  const picker = vscode.window.createQuickPick<KindItem>();
  picker.title = title;
  picker.placeholder = vscode.l10n.t('Kind of the adjudicated annotation');
  const kinds = [...new Set([...activeScheme().kinds.map((k) => k.id), ...[d.a, d.b].flatMap((x) => (x ? [x.kind] : []))])];
  const items = kinds.map((kind): KindItem => {
    const presentation = kindPresentation(kind);
    const whose = [d.a?.kind === kind ? 'A' : '', d.b?.kind === kind ? 'B' : ''].filter((x) => x).join(vscode.l10n.t(' and '));
    return { label: `$(${presentation.icon.id}) ${presentation.label}`, description: whose ? vscode.l10n.t("{0}'s", whose) : undefined, annotationKind: kind };
  });
  picker.items = items;
  picker.activeItems = items.filter((item) => item.annotationKind === current);
  return runQuickPick(picker, (item) => item?.annotationKind);
}
