import type * as ClaimsReport from '../core/report/claimsReport';
import type * as SuggestAnnotations from '../core/suggest/suggestAnnotations';

/*
 * unified and remark make up most of the bundle and of its start-up cost, and only text analysis
 * and the Markdown report need them. These load their modules on first use instead of at
 * activation (esbuild keeps a module behind `require` unevaluated until it is required).
 */

/* eslint-disable @typescript-eslint/no-require-imports -- deliberate lazy loading, see above */
export const suggestAnnotations: typeof SuggestAnnotations.suggestAnnotations = (text) =>
  (require('../core/suggest/suggestAnnotations') as typeof SuggestAnnotations).suggestAnnotations(text);

export const claimsReportMarkdown: typeof ClaimsReport.claimsReportMarkdown = (corpus) =>
  (require('../core/report/claimsReport') as typeof ClaimsReport).claimsReportMarkdown(corpus);
/* eslint-enable @typescript-eslint/no-require-imports */
