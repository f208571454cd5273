import type * as Crypto from 'node:crypto';
import type AjvClass from 'ajv';

/*
 * Libraries most runs never need, loaded on first use instead of when the bundle starts (esbuild
 * keeps a module behind `require` unevaluated until it is required): node:crypto (the document
 * hash, new ids, temp names) and ajv (the JSON Schema validator, used when a sidecar, scheme or
 * speaker registry needs the general path). Each command line run and the extension's
 * activation pay for them only when they use them.
 */

/* eslint-disable @typescript-eslint/no-require-imports -- deliberate lazy loading, see above */
let crypto: typeof Crypto | undefined;
export const nodeCrypto = (): typeof Crypto => (crypto ??= require('node:crypto') as typeof Crypto);

let ajv: typeof AjvClass | undefined;
/** The Ajv class (the package's default export). */
export const ajvClass = (): typeof AjvClass => (ajv ??= (require('ajv') as { default: typeof AjvClass }).default);
