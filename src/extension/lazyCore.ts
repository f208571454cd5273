import type * as Exporters from '../core/report/exporters';
import type * as SuggestAnnotations from '../core/suggest/suggestAnnotations';

/*
 * unified and remark make up most of the bundle and of its start-up cost, and only text analysis
 * and the Markdown report need them. These load their modules on first use instead of at
 * activation (esbuild keeps a module behind `require` unevaluated until it is required).
 */

/* eslint-disable @typescript-eslint/no-require-imports -- deliberate lazy loading, see above */
export const suggestAnnotations: typeof SuggestAnnotations.suggestAnnotations = (text, options) =>
  (require('../core/suggest/suggestAnnotations') as typeof SuggestAnnotations).suggestAnnotations(text, options);

/** The export formats (the Markdown report among them), loaded on first use. */
export const exporters = (): typeof Exporters.EXPORTERS => (require('../core/report/exporters') as typeof Exporters).EXPORTERS;
/* eslint-enable @typescript-eslint/no-require-imports */
