import * as vscode from 'vscode';
import type { AnnotationKind } from '../core/annotationKind';

/** How each kind is named and drawn. Colours are contributed theme colours (package.json `colors`). */
export interface KindPresentation {
  readonly label: string;
  readonly icon: vscode.ThemeIcon;
  readonly command: string;
}

export function kindPresentation(kind: AnnotationKind): KindPresentation {
  switch (kind) {
    case 'claim':
      return { label: vscode.l10n.t('Claim'), icon: new vscode.ThemeIcon('megaphone'), command: 'sourceAnnotator.tagAsClaim' };
    case 'quote':
      return { label: vscode.l10n.t('Quote'), icon: new vscode.ThemeIcon('quote'), command: 'sourceAnnotator.tagAsQuote' };
    case 'speculation':
      return { label: vscode.l10n.t('Speculation'), icon: new vscode.ThemeIcon('question'), command: 'sourceAnnotator.tagAsSpeculation' };
    case 'advertisement':
      return { label: vscode.l10n.t('Advertisement'), icon: new vscode.ThemeIcon('tag'), command: 'sourceAnnotator.tagAsAdvertisement' };
  }
}

/** Theme colour ids, as contributed in package.json. */
export function kindColor(kind: AnnotationKind, part: 'background' | 'border'): vscode.ThemeColor {
  return new vscode.ThemeColor(`sourceAnnotator.${kind}${part === 'background' ? 'Background' : 'Border'}`);
}

/** The CSS variable VS Code defines for a contributed theme colour, for styles that take no ThemeColor. */
export function kindColorVariable(kind: AnnotationKind, part: 'background' | 'border'): string {
  return `var(--vscode-sourceAnnotator-${kind}${part === 'background' ? 'Background' : 'Border'})`;
}
