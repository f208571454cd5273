/*
 * The annotation scheme: which kinds of span a team tags and which attributes an annotation
 * carries. It is data, read from `.annotations/schema.yaml` (see parseScheme.ts); without that
 * file BUILT_IN_SCHEME applies, which is the product's original four kinds with speaker and note.
 * Every view, export, merge and check reads the scheme instead of a list written in code.
 */

/** How a kind's spans are drawn in the editor. */
export const KIND_STYLES = ['underline', 'box', 'wavy', 'dim', 'highlight'] as const;
export type KindStyle = (typeof KIND_STYLES)[number];

export const ATTRIBUTE_TYPES = ['text', 'choice', 'person', 'boolean'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** What an attribute holds: a string for text, choice and person attributes; true/false for boolean ones. */
export type AttributeValue = string | boolean;

/**
 * A colour per theme type. Each is `#rgb`, `#rrggbb` or `#rrggbbaa`, or a theme colour id such as
 * `charts.orange`. The span's background is the colour made translucent; borders use it as is.
 */
export interface KindColor {
  readonly light: string;
  readonly dark: string;
  readonly highContrast: string;
}

export interface KindDefinition {
  /** What the sidecar stores in `kind`. */
  readonly id: string;
  /** The name shown in pickers, legends, reports (the built-in kinds' labels are translated). */
  readonly label: string;
  readonly description?: string;
  /** Undefined: the contributed theme colours `sourceAnnotator.<id>Background/Border` (the built-in kinds). */
  readonly color?: KindColor;
  readonly style: KindStyle;
  /** A codicon id (`graph`, `megaphone`, …). */
  readonly icon: string;
  /** One of the four kinds the extension ships commands, keys and theme colours for. */
  readonly builtIn: boolean;
}

export interface AttributeDefinition {
  /** Custom attributes are stored under the annotation's `attributes:` mapping with this key. */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly type: AttributeType;
  /** The allowed values of a `choice` attribute, in the order pickers show them. */
  readonly values?: readonly string[];
  /** The kinds it applies to; undefined: every kind. */
  readonly kinds?: readonly string[];
  /** `check` warns about annotations of its kinds without it. */
  readonly required: boolean;
  /** `speaker` and `note`, stored as fields of their own (every sidecar written before schemes stays valid). */
  readonly builtIn: boolean;
}

export interface PanelDefinition {
  /** The kinds the panel lists (the user may show others from its filter). */
  readonly kinds: readonly string[];
  /** The attribute the panel groups by: `speaker` or any attribute of type person or choice. */
  readonly groupBy: string;
}

export interface AnnotationScheme {
  /** In the order of pickers, legends and reports. */
  readonly kinds: readonly KindDefinition[];
  /** `speaker` and `note` first, then the scheme file's own, in its order. */
  readonly attributes: readonly AttributeDefinition[];
  readonly panel: PanelDefinition;
  /** Where it was read from (workspace-relative), undefined for the built-in scheme. */
  readonly source?: string;
}

/** Where a workspace keeps its scheme, beside the speaker registry. */
export const SCHEME_PATH = '.annotations/schema.yaml';

/**
 * The built-in kinds: ids, labels, default looks, the key of their Tag Selection command and the
 * defaults of their contributed theme colours. package.json's per-kind entries (commands, keys,
 * menus, colours) are generated from this table (scripts/contributions.mjs) and a unit test keeps
 * them equal.
 */
export interface BuiltInKind extends KindDefinition {
  /** The letter of its Ctrl+Alt+Shift key. */
  readonly key: string;
  /** Plural label, for "Show Claims" and "Next Claim". */
  readonly plural: string;
  /** Defaults of the contributed theme colours `sourceAnnotator.<id>Background` and `…Border`. */
  readonly themeColors: {
    readonly background: ThemeColorDefaults;
    readonly border: ThemeColorDefaults;
  };
}

export interface ThemeColorDefaults {
  readonly dark: string;
  readonly light: string;
  readonly highContrast: string;
  readonly highContrastLight: string;
}

const TRANSPARENT = '#00000000';

export const BUILT_IN_KINDS: readonly BuiltInKind[] = [
  {
    id: 'claim',
    label: 'Claim',
    plural: 'Claims',
    description: 'An assertion presented as fact',
    style: 'underline',
    icon: 'megaphone',
    key: 'c',
    builtIn: true,
    themeColors: {
      background: { dark: '#4f8ff733', light: '#2f6fd526', highContrast: TRANSPARENT, highContrastLight: TRANSPARENT },
      border: { dark: '#6fa8ff', light: '#1f5fc4', highContrast: '#6fc3df', highContrastLight: '#0f4a85' },
    },
  },
  {
    id: 'quote',
    label: 'Quote',
    plural: 'Quotes',
    description: 'Words attributed to someone',
    style: 'box',
    icon: 'quote',
    key: 'q',
    builtIn: true,
    themeColors: {
      background: { dark: '#3fb95033', light: '#2da44e26', highContrast: TRANSPARENT, highContrastLight: TRANSPARENT },
      border: { dark: '#56d364', light: '#1a7f37', highContrast: '#89d185', highContrastLight: '#1a7f37' },
    },
  },
  {
    id: 'speculation',
    label: 'Speculation',
    plural: 'Speculation',
    description: 'A guess, forecast or rumour',
    style: 'wavy',
    icon: 'question',
    key: 's',
    builtIn: true,
    themeColors: {
      background: { dark: '#d2992233', light: '#bf870026', highContrast: TRANSPARENT, highContrastLight: TRANSPARENT },
      border: { dark: '#e3b341', light: '#9a6700', highContrast: '#ffd700', highContrastLight: '#9a6700' },
    },
  },
  {
    id: 'advertisement',
    label: 'Advertisement',
    plural: 'Advertisement',
    description: 'Promotional or boilerplate text',
    style: 'dim',
    icon: 'tag',
    key: 'a',
    builtIn: true,
    themeColors: {
      background: { dark: '#8b949e2e', light: '#6e778126', highContrast: TRANSPARENT, highContrastLight: TRANSPARENT },
      border: { dark: '#8b949e', light: '#6e7781', highContrast: '#c0c0c0', highContrastLight: '#595959' },
    },
  },
];

export const BUILT_IN_KIND_IDS: readonly string[] = BUILT_IN_KINDS.map((k) => k.id);

/** The attributes every scheme has, stored as fields of their own. */
export const BUILT_IN_ATTRIBUTES: readonly AttributeDefinition[] = [
  { id: 'speaker', label: 'Speaker', description: 'Who makes the claim or is quoted', type: 'person', required: false, builtIn: true },
  { id: 'note', label: 'Note', description: 'A remark by the annotator', type: 'text', required: false, builtIn: true },
];

export const BUILT_IN_SCHEME: AnnotationScheme = {
  kinds: BUILT_IN_KINDS.map(kindOnly),
  attributes: BUILT_IN_ATTRIBUTES,
  panel: { kinds: ['claim'], groupBy: 'speaker' },
};

/** A built-in kind's definition without its package.json facts. */
export function kindOnly(kind: BuiltInKind): KindDefinition {
  const { id, label, description, style, icon, builtIn } = kind;
  return { id, label, description, style, icon, builtIn };
}

export function builtInKind(id: string): BuiltInKind | undefined {
  return BUILT_IN_KINDS.find((k) => k.id === id);
}

export function findKind(scheme: AnnotationScheme, id: string): KindDefinition | undefined {
  return scheme.kinds.find((k) => k.id === id);
}

export function findAttribute(scheme: AnnotationScheme, id: string): AttributeDefinition | undefined {
  return scheme.attributes.find((a) => a.id === id);
}

export function appliesTo(attribute: AttributeDefinition, kind: string): boolean {
  return attribute.kinds === undefined || attribute.kinds.includes(kind);
}

/** The attributes an annotation of `kind` can carry, in scheme order. */
export function attributesOf(scheme: AnnotationScheme, kind: string): AttributeDefinition[] {
  return scheme.attributes.filter((a) => appliesTo(a, kind));
}

/** The attributes the scheme requires of an annotation of its kind that it has no value for. */
export function missingRequired(scheme: AnnotationScheme, annotation: { readonly kind: string; readonly attributes?: Readonly<Record<string, AttributeValue>> }): AttributeDefinition[] {
  return scheme.attributes.filter((attribute) => {
    if (!attribute.required || !appliesTo(attribute, annotation.kind)) return false;
    const value = attribute.builtIn ? (annotation as unknown as Record<string, unknown>)[attribute.id] : annotation.attributes?.[attribute.id];
    return value === undefined || value === '';
  });
}

/** What a kind is called when the scheme does not declare it (an annotation read before the scheme changed). */
export function kindLabel(scheme: AnnotationScheme, id: string): string {
  return findKind(scheme, id)?.label ?? id;
}

/** Whether `value` is allowed for `attribute` (type and, for a choice, one of its values). */
export function isAllowedValue(attribute: AttributeDefinition, value: unknown): value is AttributeValue {
  switch (attribute.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'choice':
      return typeof value === 'string' && (attribute.values ?? []).includes(value);
    case 'text':
    case 'person':
      return typeof value === 'string';
  }
}

/** How a value reads in a report or a hover: booleans as yes/no. */
export function formatAttributeValue(value: AttributeValue): string {
  return typeof value === 'boolean' ? (value ? 'yes' : 'no') : value;
}
