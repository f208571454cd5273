import type * as Formats from '../core/interchange/formats';
import type * as SuggestAnnotations from '../core/suggest/suggestAnnotations';

/*
 * unified and remark make up most of the bundle and of its start-up cost, and only text analysis
 * and the Markdown report need them. These load their modules on first use instead of at
 * activation (esbuild keeps a module behind `require` unevaluated until it is required).
 */

/* eslint-disable @typescript-eslint/no-require-imports -- deliberate lazy loading, see above */
export const suggestAnnotations: typeof SuggestAnnotations.suggestAnnotations = (text, options) =>
  (require('../core/suggest/suggestAnnotations') as typeof SuggestAnnotations).suggestAnnotations(text, options);

/** The interchange formats (the Markdown report among them), loaded on first use. */
export const exportFormats = (): typeof Formats.EXPORT_FORMATS => (require('../core/interchange/formats') as typeof Formats).EXPORT_FORMATS;
export const importFormats = (): typeof Formats.IMPORT_FORMATS => (require('../core/interchange/formats') as typeof Formats).IMPORT_FORMATS;
/* eslint-enable @typescript-eslint/no-require-imports */
