/**
 * Percent-encoding and decoding with Python's `urllib.parse` rules, which Django's behaviour is
 * defined by: malformed escapes are kept literally, invalid UTF-8 decodes to U+FFFD in query
 * strings and forms; a request path is decoded by core's `decodePath`. Each function has a fast
 * path for the common, already-clean input.
 */

import { quote } from '@reins/core';

const knownEncodings = new Set<string>();

/** Whether `encoding` is a label TextDecoder knows (Python's `codecs.lookup` succeeding). */
export function isKnownEncoding(encoding: string): boolean {
  if (knownEncodings.has(encoding)) return true;
  try {
    if (new TextDecoder(encoding).encoding === '') return false;
  } catch {
    return false;
  }
  knownEncodings.add(encoding);
  return true;
}

/** Django's `iri_to_uri`: encode what is not allowed in a URI, keep existing escapes. */
export function iriToUri(iri: string): string {
  return quote(iri, "/#%[]=:;$&()+,!?*@'~");
}

/** Django's `escape_uri_path`: encode a decoded path for use in a URI. */
export function escapeUriPath(path: string): string {
  return quote(path, "/:@&+$,-_.!~*'()");
}
