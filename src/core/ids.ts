import { nodeCrypto } from './lazyLibraries';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const ID_LENGTH = 8;

/**
 * A random id (36^8 ≈ 2.8e12 values). Random rather than sequential or positional so that two
 * annotators on two branches never mint the same id and git merges their additions cleanly.
 */
export function newAnnotationId(taken: ReadonlySet<string> = new Set()): string {
  for (;;) {
    let id = '';
    while (id.length < ID_LENGTH) {
      for (const byte of nodeCrypto().randomBytes(ID_LENGTH)) {
        // 252 = 7 * 36: dropping the bytes above it keeps every character equally likely.
        if (byte < 252 && id.length < ID_LENGTH) id += ALPHABET[byte % ALPHABET.length];
      }
    }
    // A leading letter keeps ids from reading as numbers in YAML.
    if (/^[a-z]/.test(id) && !taken.has(id)) return id;
  }
}
