/**
 * Percent-encoding and decoding with Python's `urllib.parse` rules, which Django's behaviour is
 * defined by: malformed escapes are kept literally, invalid UTF-8 decodes to U+FFFD in query
 * strings and forms; a request path is decoded by core's `decodePath`. Each function has a fast
 * path for the common, already-clean input.
 */

import { quote } from '@reins/core';
import { pythonCodecName } from './charset.js';

/** Whether Python's `codecs.lookup(encoding)` succeeds (Django keeps such a charset). */
export function isKnownEncoding(encoding: string): boolean {
  return pythonCodecName(encoding) !== undefined;
}

const ALWAYS_SAFE = /[A-Za-z0-9_.\-~]/;

/**
 * Python's `quote_from_bytes(bytes, safe)` (or `quote_plus` of bytes with `plus`): bytes of
 * letters, digits, `_.-~` and `safe` stay, a space is `+` with `plus`, the rest `%XX`.
 */
export function quoteFromBytes(bytes: Uint8Array, safe: string, plus: boolean): string {
  let out = '';
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    if (byte < 0x80 && (ALWAYS_SAFE.test(char) || safe.includes(char))) out += char;
    else if (plus && byte === 0x20) out += '+';
    else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Django's `iri_to_uri`: encode what is not allowed in a URI, keep existing escapes. */
export function iriToUri(iri: string): string {
  return quote(iri, "/#%[]=:;$&()+,!?*@'~");
}

/** Django's `escape_uri_path`: encode a decoded path for use in a URI. */
export function escapeUriPath(path: string): string {
  return quote(path, "/:@&+$,-_.!~*'()");
}
