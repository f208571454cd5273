// Shared with the command line: the implementation lives in src/core.
export { excerpt } from '../core/text/excerpt';
