/**
 * How YAML's core schema (what the yaml library reads and writes) resolves a plain scalar: one
 * matching any of these patterns is not a string (null, a boolean, an integer, a float). These are
 * the library's own patterns (yaml/dist/schema/core; a unit test compares them), shared by the fast
 * reader, which refuses such a plain value, and the fast writer, which quotes it as the library does.
 */
export const CORE_NOT_STRING: readonly RegExp[] = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];

/** First characters of every plain scalar CORE_NOT_STRING can match (and the empty one). */
const MAYBE_NOT_STRING = /^[-+.0-9~]|^$/;

/** The only plain scalars starting with a letter that CORE_NOT_STRING matches: null and the booleans. */
const NOT_STRING_WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/**
 * A plain scalar the core schema reads as a string. Most values (quotes, names) start with a
 * letter, where only a whole word can be something else, so they are decided without a pattern.
 */
export function plainIsString(value: string): boolean {
  const first = value.charCodeAt(0) | 0x20;
  if (first >= 0x61 && first <= 0x7a) return !NOT_STRING_WORDS.has(value);
  if (!MAYBE_NOT_STRING.test(value)) return true;
  for (const test of CORE_NOT_STRING) if (test.test(value)) return false;
  return true;
}
