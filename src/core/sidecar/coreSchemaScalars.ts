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
const MAYBE_NOT_STRING = /^[-+.0-9~nNtTfF]|^$/;

/** A plain scalar the core schema reads as a string. */
export function plainIsString(value: string): boolean {
  if (!MAYBE_NOT_STRING.test(value)) return true;
  for (const test of CORE_NOT_STRING) if (test.test(value)) return false;
  return true;
}
