import type { SidecarParseSuccess } from '../sidecar/parseSidecar';
import { START, type SidecarProblem, type SourceRange } from '../sidecar/sourceRange';
import { appliesTo, findAttribute, findKind, missingRequired, SCHEME_PATH, type AnnotationScheme, type AttributeDefinition } from './scheme';

export interface SchemeViolation extends SidecarProblem {
  /**
   * `error`: the sidecar uses what the scheme does not declare (a kind, an attribute, a value):
   * it is not loaded, and never rewritten, until it is fixed or the scheme declares it.
   * `warning`: a required attribute has no value.
   */
  readonly severity: 'error' | 'warning';
}

/**
 * What a valid sidecar uses that its workspace's scheme does not allow, each at its line and
 * column, naming what is allowed. Cheap (one pass over the annotations), so it runs on the
 * extension host after the worker has parsed the YAML, and again whenever the scheme changes.
 */
export function schemeViolations(parsed: SidecarParseSuccess, scheme: AnnotationScheme): SchemeViolation[] {
  const out: SchemeViolation[] = [];
  const declared = scheme.kinds.map((k) => k.id);
  const whose = scheme.source ? `the scheme (${scheme.source})` : `the built-in scheme (declare others in ${SCHEME_PATH})`;
  const kindsOf = scheme.source ? ` (the kinds of ${scheme.source})` : '';
  const customIds = scheme.attributes.filter((a) => !a.builtIn).map((a) => a.id);
  parsed.sidecar.annotations.forEach((a, i) => {
    // Positions are looked up only for a problem: a sidecar's locations are computed on first use.
    const location = () => parsed.locations.annotations[i];
    const at = `annotations[${i}]`;
    const fieldRange = (field: 'kind' | 'attributes'): SourceRange => location()?.fields[field] ?? location()?.range ?? START;
    const kind = findKind(scheme, a.kind);
    if (!kind) {
      out.push({ ...fieldRange('kind'), severity: 'error', message: `${at}.kind: unknown kind ${JSON.stringify(a.kind)}; expected one of ${declared.join(', ')}${kindsOf}` });
    }
    for (const [id, value] of Object.entries(a.attributes ?? {})) {
      const place = () => location()?.attributes[id];
      const attribute = findAttribute(scheme, id);
      if (!attribute || attribute.builtIn) {
        const allowed = customIds.length > 0 ? `declares ${customIds.join(', ')}` : 'declares no attributes';
        out.push({ ...(place()?.key ?? fieldRange('attributes')), severity: 'error', message: `${at}.attributes.${id}: unknown attribute "${id}"; ${whose} ${allowed}` });
        continue;
      }
      const valueRange = () => place()?.value ?? fieldRange('attributes');
      const wrong = valueProblem(attribute, value);
      if (wrong) out.push({ ...valueRange(), severity: 'error', message: `${at}.attributes.${id}: ${wrong}` });
      else if (kind && !appliesTo(attribute, kind.id)) {
        out.push({ ...(place()?.key ?? valueRange()), severity: 'error', message: `${at}.attributes.${id}: "${id}" does not apply to ${kind.id}; it applies to ${(attribute.kinds ?? []).join(', ')}` });
      }
    }
    if (!kind) return;
    for (const attribute of missingRequired(scheme, a)) {
      out.push({ ...(location()?.range ?? START), severity: 'warning', message: `${at}: ${kind.id} without ${attribute.id}, which the scheme requires` });
    }
  });
  return out;
}

/** Why `value` is not allowed for `attribute`, or undefined. */
export function valueProblem(attribute: AttributeDefinition, value: unknown): string | undefined {
  switch (attribute.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expected true or false, got ${JSON.stringify(value)}`;
    case 'choice':
      if (typeof value !== 'string') return `expected one of ${(attribute.values ?? []).join(', ')}, got ${JSON.stringify(value)}`;
      return (attribute.values ?? []).includes(value) ? undefined : `"${value}" is not a value of ${attribute.id}; expected one of ${(attribute.values ?? []).join(', ')}`;
    case 'text':
    case 'person':
      return typeof value === 'string' ? undefined : `expected a string, got ${JSON.stringify(value)}`;
  }
}

/** The violations that stop a sidecar from loading. */
export function schemeErrors(parsed: SidecarParseSuccess, scheme: AnnotationScheme): SidecarProblem[] {
  return schemeViolations(parsed, scheme)
    .filter((v) => v.severity === 'error')
    .map(({ severity: _severity, ...problem }) => problem);
}
