/*
 * Document paths as IRI references. A path is plain text (spaces, `#`, `%`, `?`, `:`, any
 * script, even bidi controls); as a link or a W3C `target.source` it must be a relative reference
 * (RFC 3986 §4.2) that names exactly that file. Each `/`-separated segment is kept as a segment
 * and everything in it that is not a plain path character is percent-encoded as UTF-8 (RFC 3987
 * §3.1: the URI form of the IRI, so consumers that only take URIs read it too).
 */

/** Kept as they are: RFC 3986 `pchar` without ":" (a first segment with ":" would read as a scheme). */
const PLAIN = /^[A-Za-z0-9\-._~!$&'()*+,;=@]$/;

const utf8 = new TextEncoder();

/** One path segment, percent-encoded; `/` is encoded too. A lone surrogate becomes U+FFFD. */
export function encodePathSegment(segment: string): string {
  let out = '';
  for (const char of segment) {
    if (PLAIN.test(char)) {
      out += char;
    } else {
      for (const byte of utf8.encode(char)) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
    }
  }
  return out;
}

/**
 * A relative, `/`-separated path as a relative IRI reference: segments (and `..`) kept, each
 * percent-encoded. Different paths give different references, and the same path always the same.
 */
export function pathToIriReference(path: string): string {
  return path.split('/').map(encodePathSegment).join('/');
}
