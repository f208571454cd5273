import * as vscode from 'vscode';
import type { AnnotationKind } from '../core/annotationKind';
import { builtInKind, findKind, type KindColor, type KindDefinition } from '../core/scheme/scheme';
import { activeScheme } from './scheme/activeScheme';

/** How each kind is named and drawn, as the active annotation scheme says. */
export interface KindPresentation {
  readonly label: string;
  readonly icon: vscode.ThemeIcon;
  /** The built-in kinds' own Tag Selection command; custom kinds are tagged by `sourceAnnotator.tagSelection` with the kind as argument. */
  readonly command: string | undefined;
  readonly description: string | undefined;
}

/** Translated labels of the built-in kinds (used unless the scheme renames them). */
function builtInLabel(kind: string): string | undefined {
  switch (kind) {
    case 'claim':
      return vscode.l10n.t('Claim');
    case 'quote':
      return vscode.l10n.t('Quote');
    case 'speculation':
      return vscode.l10n.t('Speculation');
    case 'advertisement':
      return vscode.l10n.t('Advertisement');
  }
  return undefined;
}

export function kindPresentation(kind: AnnotationKind): KindPresentation {
  const definition = findKind(activeScheme(), kind);
  const builtIn = builtInKind(kind);
  const renamed = definition && builtIn && definition.label !== builtIn.label;
  const label = (renamed ? definition.label : builtInLabel(kind)) ?? definition?.label ?? kind;
  return {
    label,
    icon: new vscode.ThemeIcon(definition?.icon ?? builtIn?.icon ?? 'circle-outline'),
    command: builtIn ? `sourceAnnotator.tagAs${kind.charAt(0).toUpperCase()}${kind.slice(1)}` : undefined,
    description: definition?.description,
  };
}

/** The kind's colour for the current theme: a ThemeColor (contributed or named), or a CSS colour. */
export function kindColor(kind: AnnotationKind, part: 'background' | 'border'): vscode.ThemeColor | string {
  const color = customColor(kind);
  if (!color) return new vscode.ThemeColor(`sourceAnnotator.${kind}${part === 'background' ? 'Background' : 'Border'}`);
  const value = forTheme(color);
  if (!value.startsWith('#')) return part === 'border' || highContrast() ? new vscode.ThemeColor(value) : 'transparent';
  if (part === 'border') return opaque(value);
  // In high contrast themes spans have no background, as the contributed colours have none there.
  return highContrast() ? 'transparent' : translucent(value);
}

/** A colour for a codicon (trees take only theme colours): undefined for a kind coloured by hex. */
export function kindIconColor(kind: AnnotationKind): vscode.ThemeColor | undefined {
  const color = kindColor(kind, 'border');
  return typeof color === 'string' ? undefined : color;
}

/** The kind's colour as CSS, for styles that take no ThemeColor (a wavy underline's colour). */
export function kindColorVariable(kind: AnnotationKind, part: 'background' | 'border'): string {
  const color = kindColor(kind, part);
  return typeof color === 'string' ? color : `var(--vscode-${color.id.replace(/\./g, '-')})`;
}

/** A custom colour of the scheme, or undefined for the contributed theme colours. */
function customColor(kind: string): KindColor | undefined {
  const definition: KindDefinition | undefined = findKind(activeScheme(), kind);
  if (definition) return definition.color;
  // A kind the scheme does not declare (its sidecar is reported): built-in look, else grey.
  return builtInKind(kind) ? undefined : { light: '#6e7781', dark: '#8b949e', highContrast: '#c0c0c0' };
}

function highContrast(): boolean {
  const kind = vscode.window.activeColorTheme.kind;
  return kind === vscode.ColorThemeKind.HighContrast || kind === vscode.ColorThemeKind.HighContrastLight;
}

function forTheme(color: KindColor): string {
  const kind = vscode.window.activeColorTheme.kind;
  if (kind === vscode.ColorThemeKind.HighContrast || kind === vscode.ColorThemeKind.HighContrastLight) return color.highContrast;
  return kind === vscode.ColorThemeKind.Light ? color.light : color.dark;
}

/** #rgb / #rrggbb / #rrggbbaa as #rrggbb. */
function opaque(hex: string): string {
  const digits = hex.slice(1);
  if (digits.length === 3) return '#' + [...digits].map((d) => d + d).join('');
  return '#' + digits.slice(0, 6);
}

/** The colour at a fifth of its strength, for a background under text. */
function translucent(hex: string): string {
  return opaque(hex) + '33';
}
